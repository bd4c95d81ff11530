// Starts a new exercise from a template that passes the exercise tests as created.
//
//   npm run new-exercise -- ID
//
// Writes exercises/definitions/ID.ts (a code exercise: backward through an elementwise square, with its
// reference solution, its engine oracle, a starter that fails and two known-wrong solutions), registers it in
// exercises/index.ts and in exercises/code-exercises.ts (the code exercises a class student's key can be asked about)
// and prints the next steps. It is a practice exercise until a lesson places it with
// <Exercise id="ID" />. Exits 2 on a bad or taken id, having written nothing.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `createExercise` wrote, relative to the project root. */
export interface CreatedExercise {
  /** The new definition file. */
  definition: string;
  /** The files changed to register it. */
  changed: string[];
  /** The function the student writes, the id in camelCase. */
  functionName: string;
}

/** A problem with the command's arguments, reported without a stack trace. */
export class UsageError extends Error {}

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const INDEX = 'exercises/index.ts';
const CODE_INDEX = 'exercises/code-exercises.ts';
/** The engine's public index as a definition in exercises/definitions/ imports it. */
const ENGINE_FROM_DEFINITIONS = posix.relative('exercises/definitions', 'engine/index.ts');

/** The camelCase form of a kebab-case id: `square-backward` becomes `squareBackward`. */
export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The definition file of a new exercise: the template, named by its id. */
export function exerciseTemplate(id: string): string {
  const name = camelCase(id);
  return `import { mul } from '${ENGINE_FROM_DEFINITIONS}';
import { defineExercise } from '../define-exercise.ts';
import { distinctSizes, vector } from '../cases.ts';
import { elementwiseGradient } from '../engine-oracle.ts';

// Made by \`npm run new-exercise\`: a complete code exercise (backward through an elementwise square) to rewrite
// into yours. Keep its shape: a seeded \`generate\`, a reference solution, the engine's answer (\`oracle\`), a starter
// that fails, and one known-wrong solution per misconception, each with its own feedback.

/** Backpropagate through an elementwise square. */
export default defineExercise({
  kind: 'code',
  id: '${id}',
  title: 'Backward through a square',
  prompt: \`A layer squares every entry of $x$: $y_i = x_i^2$. Given $x$ and the upstream gradient
$\\\\partial L / \\\\partial y$, return $\\\\partial L / \\\\partial x$, the same length as $x$.\`,
  functionName: '${name}',
  signature: '${name}(x: number[], upstream: number[]): number[]',
  starter: \`function ${name}(x: number[], upstream: number[]): number[] {
  return zeros(x.length);
}\`,
  solution: \`function ${name}(x: number[], upstream: number[]): number[] {
  return x.map((xi, i) => upstream[i] * 2 * xi);
}\`,
  returns: 'value',
  parts: [{ name: 'dx' }],
  hints: [
    'The chain rule, elementwise: $\\\\partial L/\\\\partial x_i = \\\\partial L/\\\\partial y_i \\\\cdot \\\\mathrm{d}y_i/\\\\mathrm{d}x_i$.',
    'The derivative of $x^2$ is $2x$.',
    'Return \`upstream[i] * 2 * x[i]\` for every \`i\`.',
  ],
  explanation: \`Each output depends only on its own input, so the backward pass is elementwise:
$\\\\partial L/\\\\partial x = \\\\partial L/\\\\partial y \\\\odot 2x$.\`,
  generate(rng) {
    const [n] = distinctSizes(rng, 1, 4, 9);
    // Inputs away from 0, where 2x vanishes and a wrong answer could pass.
    return { args: [vector(rng, n, -2, 2, [0], 0.2), vector(rng, n, -1, 1, [0], 0.05)] };
  },
  // The engine's answer by autograd through x·x; the tests prove the reference equal to it.
  oracle: (args) => elementwiseGradient((x) => mul(x, x), args),
  misconceptions: [
    {
      id: 'forgot-factor-two',
      solution: \`function ${name}(x: number[], upstream: number[]): number[] {
  return x.map((xi, i) => upstream[i] * xi);
}\`,
      feedback: 'You multiplied by $x$; the derivative of $x^2$ is $2x$.',
    },
    {
      id: 'forgot-upstream',
      solution: \`function ${name}(x: number[], upstream: number[]): number[] {
  return x.map((xi) => 2 * xi);
}\`,
      feedback: 'You returned the local derivative $2x$ alone. The chain rule multiplies it by the upstream gradient $\\\\partial L/\\\\partial y$.',
    },
  ],
});
`;
}

/**
 * Inserts an import of the definition and its entry at the end of the list `list` (declared `readonly type[]`) into
 * the text of `file`, a list of exercise definitions such as exercises/index.ts.
 */
function registerInList(text: string, id: string, file: string, list: string, type: string): string {
  const name = camelCase(id);
  const imports = [...text.matchAll(/^import \w+ from '\.\/definitions\/[^']+\.ts';\n/gm)];
  const declaration = new RegExp(`(export const ${list}: readonly ${type}\\[\\] = \\[\\n[\\s\\S]*?)(\\];)`);
  if (imports.length === 0 || !declaration.test(text)) throw new Error(`${file}: cannot find the definition imports and the ${list} list to add "${id}" to`);
  const last = imports[imports.length - 1];
  const afterImports = last.index + last[0].length;
  const withImport = `${text.slice(0, afterImports)}import ${name} from './definitions/${id}.ts';\n${text.slice(afterImports)}`;
  return withImport.replace(declaration, `$1  ${name},\n$2`);
}

/** Inserts an import of the definition and its entry at the end of `EXERCISES` into the text of exercises/index.ts. */
export function registerInIndex(text: string, id: string): string {
  return registerInList(text, id, INDEX, 'EXERCISES', 'Exercise');
}

/** Inserts the loader of the definition at the end of `CODE_EXERCISES` into the text of exercises/code-exercises.ts. */
export function registerInCodeExercises(text: string, id: string): string {
  const declaration = /(export const CODE_EXERCISES: [^\n]* = \{\n[\s\S]*?)(\};)/;
  if (!declaration.test(text)) throw new Error(`${CODE_INDEX}: cannot find the CODE_EXERCISES map to add "${id}" to`);
  return text.replace(declaration, `$1  '${id}': () => import('./definitions/${id}.ts').then((module) => module.default),\n$2`);
}

/** Creates and registers exercise `id` under `root`; throws a UsageError for a bad or taken id. */
export function createExercise(root: string, id: string | undefined): CreatedExercise {
  if (id === undefined || id.trim() === '') throw new UsageError('Give the new exercise an id: npm run new-exercise -- my-exercise-id');
  if (!ID_PATTERN.test(id)) {
    throw new UsageError(`"${id}" is not a valid exercise id: use kebab-case, lowercase letters and digits joined by single hyphens, starting with a letter (e.g. "square-backward").`);
  }
  const definition = `exercises/definitions/${id}.ts`;
  if (existsSync(join(root, definition))) throw new UsageError(`An exercise "${id}" already exists (${definition}); choose another id.`);
  const indexText = readFileSync(join(root, INDEX), 'utf8');
  const name = camelCase(id);
  if (new RegExp(`\\b${name}\\b`).test(indexText)) throw new UsageError(`The name ${name} is already used in ${INDEX}; choose another id.`);
  // Every edit is computed before any is written, so a failure leaves the project as it was.
  const newIndex = registerInIndex(indexText, id);
  const newCodeIndex = registerInCodeExercises(readFileSync(join(root, CODE_INDEX), 'utf8'), id);
  writeFileSync(join(root, definition), exerciseTemplate(id));
  writeFileSync(join(root, INDEX), newIndex);
  writeFileSync(join(root, CODE_INDEX), newCodeIndex);
  return { definition, changed: [INDEX, CODE_INDEX], functionName: name };
}

/** The next steps printed after creating an exercise. */
export function nextSteps(id: string, created: CreatedExercise): string {
  return [
    `Created ${created.definition} (function ${created.functionName}) and registered it in ${created.changed.join(' and ')}.`,
    '',
    'Next steps:',
    `  1. Rewrite ${created.definition} into your exercise: prompt, starter, solution, hints, generate and one`,
    '     misconception per known mistake.',
    '  2. Make its `oracle` compute the same answer with the engine (autograd or its optimizers).',
    `  3. Place it in its lesson:  <Exercise id="${id}" />  (import { Exercise } from '../site/lesson/index.ts').`,
    '     Where it is placed is its chapter; placed nowhere, it is on the practice page.',
    '  4. Run its tests:  npx vitest run tests/exercises',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const [id, ...rest] = process.argv.slice(2);
  try {
    if (rest.length > 0) throw new UsageError(`new-exercise takes one id; got ${process.argv.length - 2} arguments. Usage: npm run new-exercise -- my-exercise-id`);
    const created = createExercise(root, id);
    console.log(nextSteps(id!, created));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`new-exercise: ${error.message}`);
    process.exitCode = 2;
  }
}
