// `npm run new-exercise -- ID` makes an exercise that passes the exercise suite as created (issue 9): run in a
// throwaway copy of the project, then that copy's own exercise tests, then deleted.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode, type NodeRun } from './run-node.ts';
import { createExercise, UsageError } from '../../scripts/new-exercise.ts';

const repo = process.cwd();
let root = '';

/** Runs a script of the copy with tsx, as `npm run` does. */
function run(args: string[]): Promise<NodeRun> {
  return runNode([join(repo, 'node_modules/tsx/dist/cli.mjs'), ...args], root);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'course-new-exercise-'));
  for (const file of ['package.json', 'tsconfig.json', 'vitest.config.ts']) cpSync(join(repo, file), join(root, file));
  for (const dir of ['engine', 'exercises', 'tests/exercises']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  cpSync(join(repo, 'scripts/new-exercise.ts'), join(root, 'scripts/new-exercise.ts'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('npm run new-exercise', () => {
  test('refuses a missing, malformed or taken id with a clear message and writes nothing', async () => {
    const before = readFileSync(join(root, 'exercises/index.ts'), 'utf8');
    // In process, so the checks are fast; the command line's exit code and message are checked once below.
    const cases: [string | undefined, RegExp][] = [
      [undefined, /^Give the new exercise an id: npm run new-exercise -- my-exercise-id$/],
      ['Square_Backward', /^"Square_Backward" is not a valid exercise id: use kebab-case/],
      ['2-layers', /is not a valid exercise id/],
      ['sigmoid-backward', /^An exercise "sigmoid-backward" already exists \(exercises\/definitions\/sigmoid-backward\.ts\)/],
    ];
    for (const [id, message] of cases) {
      expect(() => createExercise(root, id), String(id)).toThrow(UsageError);
      expect(() => createExercise(root, id), String(id)).toThrow(message);
    }
    expect(readFileSync(join(root, 'exercises/index.ts'), 'utf8')).toBe(before);
    expect(existsSync(join(root, 'exercises/definitions/Square_Backward.ts'))).toBe(false);
    const cli = await run(['scripts/new-exercise.ts', 'Bad Id']);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^new-exercise: "Bad Id" is not a valid exercise id/);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  test('creates and registers an exercise whose reference passes, starter fails and wrong solutions earn their feedback', async () => {
    const created = await run(['scripts/new-exercise.ts', 'square-backward']);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Created exercises/definitions/square-backward.ts (function squareBackward)');
    expect(created.stdout).toContain('<Exercise id="square-backward" />');
    expect(readFileSync(join(root, 'exercises/index.ts'), 'utf8')).toMatch(/import squareBackward from '\.\/definitions\/square-backward\.ts';[\s\S]*  squareBackward,\n\];/);
    expect(readFileSync(join(root, 'exercises/code-exercises.ts'), 'utf8')).toMatch(/  'square-backward': \(\) => import\('\.\/definitions\/square-backward\.ts'\)\.then\(\(module\) => module\.default\),\n\};/);
    // The copy's own exercise tests, as `npm test` runs them, for the new exercise and the registration checks (the other
    // exercises are unchanged and tested by the real suite).
    const suite = await runNode(
      [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/exercises/definitions.test.ts', 'tests/exercises/references.test.ts', 'tests/exercises/code-exercises.test.ts', '--reporter', 'verbose', '-t', 'square-backward|named by its id and registered|has an engine oracle|listed for the key worker'],
      root,
      { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    );
    const output = `${suite.stdout}\n${suite.stderr}`;
    expect(suite.status, output).toBe(0);
    for (const name of [
      'square-backward > the reference solution passes every case (salt "")',
      'square-backward > the starter code fails',
      'square-backward > the wrong solution forgot-factor-two fails and earns its own feedback first',
      'square-backward > the wrong solution forgot-upstream fails and earns its own feedback first',
      "square-backward: the reference solution equals the engine's answer on every call",
      'every definition file is named by its id and registered',
      'every code exercise has an engine oracle',
      "the code exercises listed for the key worker are exactly the course's code exercises, in course order",
    ]) {
      expect(output.split('\n').some((line) => line.includes('✓') && line.includes(`> ${name}`)), name).toBe(true);
    }
  }, 180_000);
});
