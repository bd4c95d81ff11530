import { describe, test, expect, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../scripts/chromium.ts';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('finding the browser for the end-to-end tests', () => {
  test('CHROMIUM_PATH wins when it names a file', () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'chromium-')), 'chrome');
    writeFileSync(fake, '');
    process.env.CHROMIUM_PATH = fake;
    expect(findChromium()).toBe(fake);
  });

  test('a CHROMIUM_PATH that names no file is an error that says so, not a silent fallback', () => {
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    expect(() => findChromium()).toThrow(/CHROMIUM_PATH is set to \/nowhere\/chromium, but there is no file there/);
  });
});
