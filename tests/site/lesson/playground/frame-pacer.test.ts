// The Playground's frame pacing (site/lesson/playground/frame-pacer.ts), driven by a fake screen and a fake worker:
// never more than two frames asked for or waiting, at most one frame drawn per animation frame, a frame on every
// animation frame the worker keeps up with (so frames match the screen's rate) even when single answers are late by
// up to a refresh, and none of it once stopped. The timings are simulated, so the test is the same on a loaded
// machine.

import { describe, expect, test } from 'vitest';
import { FramePacer } from '../../../../site/lesson/playground/frame-pacer.ts';

/**
 * A pacer over a hand-driven screen (each animation frame waits in `ticks` until the test runs it), wanted and given
 * its first animation frame, at which it asks for its two frames; `requests()` counts the requests so far.
 */
function startedPacer() {
  const ticks: (() => void)[] = [];
  const drawn: number[] = [];
  let sent = 0;
  const pacer = new FramePacer<number>({ request: () => sent++, draw: (f) => drawn.push(f), animationFrame: (tick) => ticks.push(tick) });
  pacer.want();
  ticks.shift()!();
  const requests = () => sent;
  expect(requests()).toBe(2);
  return { ticks, drawn, pacer, requests };
}

/** A screen refreshing every `interval` ms and a worker answering each request `latency` ms later, for `duration` ms of simulated time. */
function simulate(options: { interval: number; latency: number | ((request: number) => number); duration: number; depth?: number }) {
  const { interval, duration } = options;
  const latency = typeof options.latency === 'number' ? () => options.latency as number : options.latency;
  // The worker answers its requests in the order they came.
  let lastAnswer = 0;
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
      lastAnswer = Math.max(lastAnswer, now + latency(requests));
      at(lastAnswer, () => {
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
  }, options.depth);
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
  test('a worker that answers within a refresh gets two requests out, and every refresh draws a frame', () => {
    const run = simulate({ interval: 1000 / 60, latency: 9, duration: 10_000 });
    expect(run.maxInFlight).toBe(2);
    expect(run.maxFramesPerTick).toBe(1);
    // One frame per refresh but the first (the requests go out on it) and perhaps the last two (still in flight).
    expect(run.drawn.length).toBeGreaterThanOrEqual(run.ticks - 3);
    expect(run.drawn.length).toBeLessThanOrEqual(run.ticks);
    // Frames are drawn in the order they were asked for, and no answer is thrown away.
    expect(run.drawn).toEqual([...run.drawn].sort((a, b) => a - b));
    expect(run.requests - run.drawn.length).toBeLessThanOrEqual(2);
  });

  test('answers late by up to a refresh (every third takes 25 ms at 60 Hz) still give a frame at every refresh', () => {
    const jittery = (request: number) => (request % 3 === 0 ? 25 : 6);
    const run = simulate({ interval: 1000 / 60, latency: jittery, duration: 10_000 });
    expect(run.maxInFlight).toBeLessThanOrEqual(2);
    expect(run.maxFramesPerTick).toBe(1);
    expect(run.drawn.length).toBeGreaterThanOrEqual(run.ticks - 3);
    // With one request out at a time, the same worker costs a frame at every late answer.
    const single = simulate({ interval: 1000 / 60, latency: jittery, duration: 10_000, depth: 1 });
    expect(single.maxInFlight).toBe(1);
    expect(single.drawn.length).toBeLessThan(run.ticks * 0.8);
  });

  test('a slow worker is never asked for more than two frames at once, and the screen is never drawn twice in one refresh', () => {
    const run = simulate({ interval: 1000 / 60, latency: 40, duration: 5_000 });
    expect(run.maxInFlight).toBe(2);
    expect(run.maxFramesPerTick).toBe(1);
    // Each answer takes 40 ms (two and a half refreshes) and the worker answers in turn: a frame every 40 ms.
    expect(run.drawn.length).toBeGreaterThan(5_000 / 40 - 3);
    expect(run.requests - run.drawn.length).toBeLessThanOrEqual(2);
  });

  test('a faster screen (120 Hz) is kept up with as well', () => {
    const run = simulate({ interval: 1000 / 120, latency: 5, duration: 5_000 });
    expect(run.maxInFlight).toBeLessThanOrEqual(2);
    expect(run.drawn.length).toBeGreaterThanOrEqual(run.ticks - 3);
  });

  test('while the worker has nothing new (paused), two requests wait and no animation frames are asked for', () => {
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
      expect(requests).toBe(2);
      expect(pacer.waiting).toBe(true);
      pacer.want();
      expect(animationFrames).toBe(1);
      expect(requests).toBe(2);
    });
  });

  test('an answer is drawn at the next animation frame, and one more request goes out then', () => {
    const { ticks, drawn, pacer, requests } = startedPacer();
    pacer.received(1);
    pacer.received(2);
    expect(ticks).toHaveLength(1);
    ticks.shift()!();
    expect(drawn).toEqual([1]);
    expect(requests()).toBe(3);
    // The second answer waits for the next refresh, which is asked for.
    expect(ticks).toHaveLength(1);
    ticks.shift()!();
    expect(drawn).toEqual([1, 2]);
    expect(requests()).toBe(4);
  });

  test('after stop, nothing is requested or drawn', () => {
    const { ticks, drawn, pacer, requests } = startedPacer();
    pacer.received(1);
    pacer.stop();
    for (const tick of ticks.splice(0)) tick();
    expect(drawn).toEqual([]);
    expect(requests()).toBe(2);
  });

  test('a depth that is not a whole number of at least 1 is refused', () => {
    const hooks = { request: () => {}, draw: () => {}, animationFrame: () => {} };
    expect(() => new FramePacer(hooks, 0)).toThrow(RangeError);
    expect(() => new FramePacer(hooks, 1.5)).toThrow(RangeError);
  });
});
