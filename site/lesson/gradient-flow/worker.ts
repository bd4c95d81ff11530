// The gradient-flow widget's training worker: the session (session.ts) trains and measures; this file gives it
// postMessage and a timer. A message to ourselves runs the next slice as soon as the queue is free, without
// setTimeout's 4 ms clamp, so pause and new settings are heard between slices.

/// <reference lib="webworker" />

import type { ToWorker } from './protocol.ts';
import { FlowSession } from './session.ts';

declare const self: DedicatedWorkerGlobalScope;

const session = new FlowSession((message) => self.postMessage(message));
const channel = new MessageChannel();
// Whether a slice is queued on the channel, and the timer of a later one (a frame waiting for its pace).
let queued = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(delay: number): void {
  if (queued) return;
  if (delay === 0) {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    queued = true;
    channel.port2.postMessage(null);
  } else if (timer === null) {
    timer = setTimeout(run, delay);
  }
}

function run(): void {
  queued = false;
  timer = null;
  const next = session.tick();
  if (next !== null) schedule(next);
}

channel.port1.onmessage = run;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  session.handle(event.data);
  schedule(0);
};
