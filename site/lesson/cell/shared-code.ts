// A cell's code in a link, so a student can send an edit to someone else: the page address with the fragment
// `#cell-<id>=<code>`, the code compressed (deflate-raw) and written in base64url, so a link stays short and holds
// only characters a fragment keeps as they are. The fragment never reaches a server.
//
// Code read from a link is hostile: it is decoded defensively (a payload that is not base64url, does not inflate,
// or inflates past the limit is refused with a message), it only fills the cell's editor, and it runs only when the
// student presses Run, in the cells' sandboxed worker like any other code.

/** The fragment's prefix before the cell id. */
export const SHARED_CODE_PREFIX = 'cell-';

/** The longest encoded code a link holds, in characters: with the page address, a link stays under 4 KB. */
export const MAX_SHARED_PAYLOAD = 3500;

/** The longest code a link may unpack to, in characters, so a crafted link cannot fill the memory. */
export const MAX_SHARED_CODE = 20_000;

/** What a link's fragment holds: nothing for a cell, a cell's code, or a reason it cannot be read. */
export type SharedCode = { kind: 'none' } | { kind: 'code'; cellId: string; code: string } | { kind: 'invalid'; cellId: string | null; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The bytes of a stream, or null once they pass `limit` bytes (the stream is cancelled). */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return (await readAll(stream, Number.POSITIVE_INFINITY)) ?? new Uint8Array();
}

/** Inflates, or returns null when the bytes are not deflate data or unpack past `limit` bytes. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await readAll(stream, limit);
  } catch {
    return null;
  }
}

/** The fragment (without `#`) that carries a cell's code, or a message saying why the code is too long for a link. */
export async function encodeSharedCode(cellId: string, code: string): Promise<{ ok: true; fragment: string } | { ok: false; message: string }> {
  const payload = toBase64Url(await deflate(new TextEncoder().encode(code)));
  if (payload.length > MAX_SHARED_PAYLOAD) {
    return { ok: false, message: `This code is too long to share by link (${payload.length} characters once packed; a link holds at most ${MAX_SHARED_PAYLOAD}). Shorten it, or send it as text.` };
  }
  return { ok: true, fragment: `${SHARED_CODE_PREFIX}${cellId}=${payload}` };
}

/** Reads a page's fragment (with or without its `#`): a shared cell's code, nothing for a fragment of another kind, or why it cannot be read. */
export async function decodeSharedCode(hash: string): Promise<SharedCode> {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith(SHARED_CODE_PREFIX) || !fragment.includes('=')) return { kind: 'none' };
  const separator = fragment.indexOf('=');
  const cellId = fragment.slice(SHARED_CODE_PREFIX.length, separator);
  const payload = fragment.slice(separator + 1);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(cellId)) return { kind: 'invalid', cellId: null, message: 'This link names no cell this page could have, so no code was loaded from it.' };
  const broken = { kind: 'invalid', cellId, message: 'The code in this link could not be read (it may have been cut short when it was copied), so the cell keeps its own code.' } as const;
  if (payload.length > MAX_SHARED_PAYLOAD) {
    return { kind: 'invalid', cellId, message: `The code in this link is longer than a link may carry (${MAX_SHARED_PAYLOAD} characters), so it was not loaded.` };
  }
  const bytes = fromBase64Url(payload);
  if (bytes === null || bytes.length === 0) return broken;
  const inflated = await inflate(bytes, MAX_SHARED_CODE * 4);
  if (inflated === null) return broken;
  let code: string;
  try {
    code = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return broken;
  }
  if (code.length > MAX_SHARED_CODE) return { kind: 'invalid', cellId, message: `The code in this link is longer than ${MAX_SHARED_CODE} characters, so it was not loaded.` };
  return { kind: 'code', cellId, code };
}
