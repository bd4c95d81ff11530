// The whole test suite, as `npm test` and CI run it: types and content, unit tests, the production build, and
// end-to-end tests in Chromium. Ends with one line `N passed, N failed` and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureChromium } from './chromium.ts';
import { ensurePythonTorch } from './python-torch.ts';

const resultsDir = join(process.cwd(), '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

interface StepResult {
  name: string;
  passed: number;
  failed: number;
  seconds: number;
}
const results: StepResult[] = [];

/** Runs one command with inherited output and returns whether it exited 0 and how long it took. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { ok: boolean; seconds: number } {
  const started = performance.now();
  console.log(`\n\u25b6 ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: (performance.now() - started) / 1000 };
}

/** A step that is one check: it passes or fails as a whole. */
function step(name: string, command: string, args: string[]): boolean {
  const { ok, seconds } = run(command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

/** Reads a JSON report, or undefined when the runner crashed before writing it. */
function readReport<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

let chromium: string | undefined;
try {
  chromium = ensureChromium();
  console.log(`Chromium: ${chromium}`);
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  results.push({ name: 'find or install Chromium', passed: 0, failed: 1, seconds: 0 });
}

// The PyTorch export's proof runs its scripts under PyTorch; without it that test fails saying how to install it.
try {
  const python = ensurePythonTorch();
  console.log(`Python with torch: ${python}`);
  process.env.PYTHON_TORCH = python;
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  results.push({ name: 'find or install PyTorch (python3-torch)', passed: 0, failed: 1, seconds: 0 });
}

step('types and content (npm run check)', 'npm', ['run', '--silent', 'check']);

{
  const report = join(resultsDir, 'vitest.json');
  const { ok, seconds } = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  const json = readReport<{ numPassedTests: number; numFailedTests: number }>(report);
  const failed = json ? json.numFailedTests : 1;
  // A runner that failed without failing a test (a file that does not load) still fails the suite.
  results.push({ name: 'unit tests (Vitest)', passed: json?.numPassedTests ?? 0, failed: failed === 0 && !ok ? 1 : failed, seconds });
}

const built = step('production build (npm run build)', 'npm', ['run', '--silent', 'build']);

/** A port no other server is listening on now, so two test runs on one machine never share a preview server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

if (built && chromium) {
  const report = join(resultsDir, 'playwright.json');
  // Playwright reuses a server already on its port outside CI; a port of this run's own keeps a second `npm test`
  // (another clone, another build) from testing through this run's server, or losing it when this run ends.
  const port = process.env.E2E_PORT ?? String(await freePort());
  const { ok, seconds } = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report, CHROMIUM_PATH: chromium, E2E_PORT: port });
  const json = readReport<{ stats: { expected: number; unexpected: number; flaky: number } }>(report);
  const failed = json ? json.stats.unexpected + json.stats.flaky : 1;
  results.push({ name: 'end-to-end tests (Playwright, Chromium)', passed: json?.stats.expected ?? 0, failed: failed === 0 && !ok ? 1 : failed, seconds });
} else {
  results.push({ name: 'end-to-end tests (Playwright, Chromium): not run, no build or no browser', passed: 0, failed: 1, seconds: 0 });
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log('\nSummary');
for (const result of results) {
  const mark = result.failed === 0 ? '\u2713' : '\u2717';
  console.log(`  ${mark} ${result.name}: ${result.passed} passed, ${result.failed} failed (${result.seconds.toFixed(1)} s)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
