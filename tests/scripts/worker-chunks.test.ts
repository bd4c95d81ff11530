// The build's rewrite of `new Worker(new URL('./worker.ts', import.meta.url), …)` to the address of the worker's chunk
// in the pages' own build (scripts/worker-chunks.ts), and the names those chunks get.
import { describe, expect, test } from 'vitest';
import { rewriteWorkerUrls, workerChunkName } from '../../scripts/worker-chunks.ts';

describe('a worker started from a module', () => {
  test('gets the address of its chunk in place of its URL, its options kept, every worker in the code', async () => {
    const code = [
      'this.worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "playground" });',
      "const key = new Worker( new URL( '../../runtime/code-worker.ts' , import.meta.url ) , { type: 'module' });",
    ].join('\n');
    const asked: string[] = [];
    const rewritten = await rewriteWorkerUrls(code, async (path) => {
      asked.push(path);
      return `import.meta.ROLLUP_FILE_URL_ref${asked.length}`;
    });
    expect(asked).toEqual(['./worker.ts', '../../runtime/code-worker.ts']);
    expect(rewritten).toBe([
      'this.worker = new Worker(import.meta.ROLLUP_FILE_URL_ref1, { type: "module", name: "playground" });',
      "const key = new Worker( import.meta.ROLLUP_FILE_URL_ref2 , { type: 'module' });",
    ].join('\n'));
  });

  test('must be a module worker, whose chunk\'s imports load', async () => {
    const address = async () => 'import.meta.ROLLUP_FILE_URL_ref';
    await expect(rewriteWorkerUrls('new Worker(new URL("./worker.ts", import.meta.url));', address)).rejects.toThrow(/type: 'module'/);
    await expect(rewriteWorkerUrls('new Worker(new URL("./worker.ts", import.meta.url), { name: "w" });', address)).rejects.toThrow(/worker\.ts/);
  });

  test('is left alone when its address is not a literal beside import.meta.url, and code without one is unchanged', async () => {
    const fail = async (): Promise<string> => {
      throw new Error('no worker to rewrite');
    };
    expect(await rewriteWorkerUrls('new Worker(url, { type: "module" });', fail)).toBeNull();
    expect(await rewriteWorkerUrls('new Worker(new URL(name, import.meta.url));', fail)).toBeNull();
    expect(await rewriteWorkerUrls('const x = new URL("./data.bin", import.meta.url);', fail)).toBeNull();
  });
});

describe('a worker chunk\'s name', () => {
  test('is its file\'s name, or its folder\'s and its own for a file named worker', () => {
    expect(workerChunkName('/repo/site/lesson/playground/worker.ts')).toBe('playground-worker');
    expect(workerChunkName('/repo/site/runtime/code-worker.ts')).toBe('code-worker');
    expect(workerChunkName('C:\\repo\\site\\runtime\\type-worker.ts?worker')).toBe('type-worker');
  });
});
