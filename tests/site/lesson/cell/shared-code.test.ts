// A cell's code in a link: it survives the trip exactly, stays short, and a hostile or broken link is refused with a
// message instead of loading anything.
import { describe, expect, test } from 'vitest';
import { MAX_SHARED_CODE, MAX_SHARED_PAYLOAD, decodeSharedCode, encodeSharedCode } from '../../../../site/lesson/cell/shared-code.ts';
import { deflateRawSync } from 'node:zlib';

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('a cell’s code in a link', () => {
  test('round-trips exactly, Unicode and blank lines included, in characters a fragment keeps', async () => {
    const code = 'const η = 0.1; // learning rate\n\nconst w = tensor([[1, -2]]);\nshow(w.mul(η), "η·w ✓");\n';
    const encoded = await encodeSharedCode('train-and', code);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.fragment).toMatch(/^cell-train-and=[A-Za-z0-9_-]+$/);
    expect(await decodeSharedCode(`#${encoded.fragment}`)).toEqual({ kind: 'code', cellId: 'train-and', code });
  });

  test('is compressed: a typical cell packs to far fewer characters than its code', async () => {
    const code = Array.from({ length: 30 }, (_, i) => `const loss${i} = mseLoss(model.forward(x), y); // step ${i}`).join('\n');
    const encoded = await encodeSharedCode('cell', code);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.fragment.length).toBeLessThan(code.length / 3);
  });

  test('refuses code too long for a link, saying so', async () => {
    // Random digits do not compress much: packed, they pass the link's limit.
    let seed = 7;
    const noise = Array.from({ length: MAX_SHARED_PAYLOAD * 2 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
    const encoded = await encodeSharedCode('cell', noise);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.message).toMatch(/too long to share by link/);
  });

  test('a fragment of another kind (a heading, nothing) is not a shared cell', async () => {
    for (const hash of ['', '#', '#chain-rule', '#cell-train-and', '#cells-2']) expect(await decodeSharedCode(hash), hash).toEqual({ kind: 'none' });
  });

  test('a malformed, truncated, oversized or unnamed link is refused with a message', async () => {
    const encoded = await encodeSharedCode('train-and', 'const a = 1;\n'.repeat(20));
    if (!encoded.ok) throw new Error(encoded.message);
    const cases = [
      '#cell-train-and=not*base64!',
      `#${encoded.fragment.slice(0, -6)}`,
      '#cell-train-and=AAAA',
      `#cell-train-and=${'A'.repeat(MAX_SHARED_PAYLOAD + 1)}`,
      '#cell-Bad_Id=abc',
      `#cell-train-and=${base64url(deflateRawSync(Buffer.from([0xff, 0xfe, 0xfd])))}`,
    ];
    for (const hash of cases) {
      const decoded = await decodeSharedCode(hash);
      expect(decoded.kind, hash).toBe('invalid');
      if (decoded.kind === 'invalid') expect(decoded.message.length).toBeGreaterThan(20);
    }
  });

  test('a link that inflates past the limit (a compression bomb) is refused without unpacking it all', async () => {
    const bomb = base64url(deflateRawSync(Buffer.alloc(MAX_SHARED_CODE * 50, 'a')));
    expect(bomb.length).toBeLessThan(MAX_SHARED_PAYLOAD);
    const decoded = await decodeSharedCode(`#cell-x=${bomb}`);
    expect(decoded.kind).toBe('invalid');
  });
});
