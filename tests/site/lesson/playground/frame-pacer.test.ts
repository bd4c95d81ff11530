// The Playground's frame pacing (site/lesson/playground/frame-pacer.ts), driven by a fake screen and a fake worker:
// never more than one request in flight, at most one frame drawn per animation frame, a request on every animation
// frame the worker keeps up with (so frames match the screen's rate), and none of it once stopped. The timings are
// simulated, so the test is the same on a loaded machine.

import { describe, expect, test } from 'vitest';
import { FramePacer } from '../../../../site/lesson/playground/frame-pacer.ts';

/** A screen refreshing every `interval` ms and a worker answering each request `latency` ms later, for `duration` ms of simulated time. */
function simulate(options: { interval: number; latency: number; duration: number }) {
  const { interval, latency, duration } = options;
  const events: { at: number; run: () => void }[] = [];
  const at = (time: number, run: () => void) => events.push({ at: time, run });
  let now = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let requests = 0;
  let ticks = 0;
  let framesThisTick = 0;
  let maxFramesPerTick = 0;
  const drawn: number[] = [];
  let waitingTick: (() => void) | null = null;
  const pacer = new FramePacer<number>({
    request: () => {
      requests++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const sentAt = now;
      at(now + latency, () => {
        inFlight--;
        pacer.received(sentAt);
      });
    },
    draw: (frame) => {
      drawn.push(frame);
      framesThisTick++;
      maxFramesPerTick = Math.max(maxFramesPerTick, framesThisTick);
    },
    animationFrame: (tick) => {
      expect(waitingTick).toBeNull();
      waitingTick = tick;
    },
  });
  // The screen's refreshes.
  for (let t = interval; t <= duration; t += interval) {
    at(t, () => {
      ticks++;
      framesThisTick = 0;
      const tick = waitingTick;
      waitingTick = null;
      tick?.();
    });
  }
  pacer.want();
  while (events.length > 0) {
    // The earliest event (the first scheduled among equals).
    let first = 0;
    for (let i = 1; i < events.length; i++) if (events[i].at < events[first].at) first = i;
    const [next] = events.splice(first, 1);
    if (next.at > duration) break;
    now = next.at;
    next.run();
  }
  return { pacer, requests, ticks, drawn, maxInFlight, maxFramesPerTick, inFlight };
}

describe('FramePacer', () => {
  test('a worker that answers within a refresh gets a request on every animation frame, and every one is drawn', () => {
    const run = simulate({ interval: 1000 / 60, latency: 9, duration: 10_000 });
    expect(run.maxInFlight).toBe(1);
    expect(run.maxFramesPerTick).toBe(1);
    // One frame per refresh but the first (the request goes out on it) and perhaps the last (still in flight).
    expect(run.drawn.length).toBeGreaterThanOrEqual(run.ticks - 2);
    expect(run.drawn.length).toBeLessThanOrEqual(run.ticks);
    // Frames are drawn in the order they were asked for, each the answer to the request before.
    expect(run.drawn).toEqual([...run.drawn].sort((a, b) => a - b));
  });

  test('a slow worker is never asked twice at once, and the screen is never drawn twice in one refresh', () => {
    const run = simulate({ interval: 1000 / 60, latency: 40, duration: 5_000 });
    expect(run.maxInFlight).toBe(1);
    expect(run.maxFramesPerTick).toBe(1);
    // Each request waits 40 ms and is drawn on the refresh after: one frame per three refreshes.
    expect(run.requests).toBeLessThanOrEqual(Math.ceil(run.ticks / 2));
    expect(run.drawn.length).toBeGreaterThan(run.ticks / 4);
  });

  test('a faster screen (120 Hz) is kept up with as well', () => {
    const run = simulate({ interval: 1000 / 120, latency: 5, duration: 5_000 });
    expect(run.maxInFlight).toBe(1);
    expect(run.drawn.length).toBeGreaterThanOrEqual(run.ticks - 2);
  });

  test('while the worker has nothing new (paused), one request waits and no animation frames are asked for', () => {
    let animationFrames = 0;
    let requests = 0;
    const pacer = new FramePacer<number>({
      request: () => requests++,
      draw: () => {},
      animationFrame: (tick) => {
        animationFrames++;
        queueMicrotask(tick);
      },
    });
    pacer.want();
    pacer.want();
    return Promise.resolve().then(() => {
      expect(requests).toBe(1);
      expect(pacer.waiting).toBe(true);
      pacer.want();
      expect(animationFrames).toBe(1);
      expect(requests).toBe(1);
    });
  });

  test('after stop, nothing is requested or drawn', () => {
    const ticks: (() => void)[] = [];
    const drawn: number[] = [];
    let requests = 0;
    const pacer = new FramePacer<number>({ request: () => requests++, draw: (f) => drawn.push(f), animationFrame: (tick) => ticks.push(tick) });
    pacer.want();
    ticks.shift()!();
    expect(requests).toBe(1);
    pacer.received(1);
    pacer.stop();
    for (const tick of ticks.splice(0)) tick();
    expect(drawn).toEqual([]);
    expect(requests).toBe(1);
  });
});
