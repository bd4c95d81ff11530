// Shutting the kernel worker off from everything but its own computation. A worker already has no
// DOM, cookies or local storage; this removes what it does have — the network, IndexedDB, the
// Cache API, file systems, nested workers, string-to-code — and hides its own line to the page,
// so a cell can neither reach out nor post a fake result. The page side adds a per-worker token.

/** The worker's private line to the page, captured before any cell runs. */
export interface PageLine {
  /** Sends a message to the page. */
  post(message: unknown): void;
}

/** Globals a cell cannot use: the network, storage, messaging, nested workers, and the worker's own controls. */
export const BLOCKED_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'WebTransport', 'EventSource', 'importScripts',
  'indexedDB', 'caches', 'cookieStore', 'fonts', 'FontFace', 'requestFileSystem', 'webkitRequestFileSystem',
  'webkitRequestFileSystemSync', 'webkitResolveLocalFileSystemSyncURL', 'postMessage', 'close', 'onmessage',
  'onmessageerror', 'onerror', 'onunhandledrejection', 'addEventListener', 'removeEventListener', 'dispatchEvent',
  'BroadcastChannel', 'MessageChannel', 'Worker', 'SharedWorker',
] as const;

/** Parts of `navigator` that reach storage or other tabs. */
const BLOCKED_NAVIGATOR = ['storage', 'locks', 'serviceWorker', 'usb', 'serial', 'hid', 'bluetooth'] as const;

type Listener = (event: MessageEvent | Event) => void;

/** Captures the worker's own `postMessage` and `addEventListener` and registers its listeners, before lockdown hides them. */
export function openPageLine(
  scope: typeof globalThis,
  listeners: { message: (data: unknown) => void; late: (reason: unknown) => void },
): PageLine {
  const apply = Reflect.apply;
  const post = (scope as unknown as { postMessage: (message: unknown) => void }).postMessage;
  const listen = scope.addEventListener as (type: string, listener: Listener) => void;
  apply(listen, scope, ['message', (event: MessageEvent) => listeners.message(event.data)]);
  // Errors thrown from a timer or a forgotten promise after a run still reach the reader.
  apply(listen, scope, ['unhandledrejection', (event: PromiseRejectionEvent) => {
    event.preventDefault();
    listeners.late(event.reason);
  }]);
  apply(listen, scope, ['error', (event: ErrorEvent) => {
    event.preventDefault();
    listeners.late(event.error ?? new Error(event.message));
  }]);
  return { post: (message) => apply(post, scope, [message]) };
}

/** Removes the blocked globals from the worker (its own properties and its prototypes') and turns off code from strings. */
export function lockDown(scope: typeof globalThis): void {
  for (const name of BLOCKED_GLOBALS) hide(scope, name);
  const navigator = (scope as { navigator?: object }).navigator;
  if (navigator) for (const name of BLOCKED_NAVIGATOR) hide(navigator, name);

  // Without eval and the Function constructors, `import()` cannot be smuggled in as a string.
  const refuse = function refuse(): never {
    throw new EvalError('cells cannot turn strings into code');
  };
  for (const sample of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    const prototype = Object.getPrototypeOf(sample);
    Object.defineProperty(prototype, 'constructor', { value: refuse, writable: false, configurable: false });
  }
  refuse.prototype = Function.prototype;
  Object.defineProperty(scope, 'Function', { value: refuse, writable: false, configurable: false });
  Object.defineProperty(scope, 'eval', { value: refuse, writable: false, configurable: false });
  for (const timer of ['setTimeout', 'setInterval'] as const) {
    const original = scope[timer] as (handler: unknown, ...rest: unknown[]) => number;
    const guarded = (handler: unknown, ...rest: unknown[]): number => {
      if (typeof handler !== 'function') refuse();
      return Reflect.apply(original, scope, [handler, ...rest]);
    };
    Object.defineProperty(scope, timer, { value: guarded, writable: true, configurable: true });
  }
}

// A global may live on the object itself or on any prototype; each copy becomes undefined. The
// global's own copy stays configurable so a cell may still declare a variable of that name.
function hide(target: object, name: string): void {
  let holder: object | null = target;
  while (holder) {
    const descriptor = Object.getOwnPropertyDescriptor(holder, name);
    if (descriptor?.configurable) {
      const own = holder === target;
      Object.defineProperty(holder, name, { value: undefined, writable: own, configurable: own, enumerable: false });
    }
    holder = Object.getPrototypeOf(holder);
  }
}
