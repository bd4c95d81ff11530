import { afterEach, describe, expect, test, vi } from 'vitest';
import { fetchMnistSubset } from '../../../engine/data/mnist.ts';
import { loadFailureText } from '../../../site/offline/load-failure.ts';

describe('when code or data cannot load', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('offline, the reader is told it needs the network once and what to do', () => {
    const text = loadFailureText('This widget', false, new TypeError('Failed to fetch dynamically imported module: /_astro/x.js'));
    expect(text).toBe('This widget could not load: it needs the network once. Reconnect to the internet, then reload the page.');
  });

  test('online, the reader gets the reason and the way out', () => {
    const text = loadFailureText('The code cells', true, new TypeError('Failed to fetch dynamically imported module'));
    expect(text).toBe('The code cells could not load (Failed to fetch dynamically imported module). Check your connection, then reload the page.');
  });

  test('MNIST data never fetched before fails offline with a sentence that says it needs the network the first time', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchMnistSubset()).rejects.toThrow(/needs the network the first time it is used .*reconnect and run it again/);
  });
});
