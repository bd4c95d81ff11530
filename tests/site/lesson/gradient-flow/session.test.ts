import { describe, expect, test } from 'vitest';
import { FRAME_INTERVAL_MS, FlowSession, sameNetwork } from '../../../../site/lesson/gradient-flow/session.ts';
import { MAX_STEPS_PER_REQUEST, isCommand, type FrameMessage, type FromWorker, type ToWorker } from '../../../../site/lesson/gradient-flow/protocol.ts';
import type { GradientFlowState } from '../../../../site/lesson/gradient-flow/state.ts';

const state: GradientFlowState = { depth: 4, width: 8, activation: 'relu', init: 'he', lr: 0.03, seed: 1 };

/** A session on a clock that moves 1 ms each time it is read (and as the test moves it), with everything it sent. */
function session() {
  const sent: FromWorker[] = [];
  const clock = { now: 0 };
  const flow = new FlowSession((message) => sent.push(structuredClone(message)), () => (clock.now += 1));
  const frames = () => sent.filter((m): m is FrameMessage => m.type === 'frame');
  const send = (...messages: ToWorker[]) => {
    for (const message of messages) flow.handle(message);
    return flow.tick();
  };
  return { flow, sent, clock, frames, send };
}

describe('the worker’s protocol', () => {
  test('configure, then a frame request: one frame of the untrained network, with its state, health and diagnosis', () => {
    const { frames, send } = session();
    expect(send({ type: 'configure', state })).toBeNull();
    expect(frames()).toHaveLength(0);
    expect(send({ type: 'frame' })).toBeNull();
    const [frame] = frames();
    expect(frame).toMatchObject({ type: 'frame', playing: false, diverged: false, state });
    expect(frame.measurement.step).toBe(0);
    expect(frame.measurement.layers.map((layer) => layer.layer)).toEqual([1, 2, 3, 4]);
    expect(frame.diagnosis.sentences.length).toBeGreaterThan(0);
    // Nothing changed since: a new request waits.
    send({ type: 'frame' });
    expect(frames()).toHaveLength(1);
  });

  test('train takes exactly that many steps and is shown at once; bad counts are refused with an error', () => {
    const { frames, sent, send } = session();
    send({ type: 'configure', state }, { type: 'frame' });
    send({ type: 'train', steps: 100 }, { type: 'frame' });
    expect(frames().map((f) => f.measurement.step)).toEqual([0, 100]);
    send({ type: 'train', steps: 0 });
    send({ type: 'train', steps: MAX_STEPS_PER_REQUEST + 1 });
    send({ type: 'train', steps: 2.5 });
    expect(sent.filter((m) => m.type === 'error')).toHaveLength(3);
    expect(sent.find((m) => m.type === 'error')).toMatchObject({ message: /train: steps must be a whole number from 1 to 10000, got 0/ });
  });

  test('play trains slice after slice; frames come only when asked for and at most every FRAME_INTERVAL_MS', () => {
    const { frames, clock, send, flow } = session();
    send({ type: 'configure', state }, { type: 'frame' });
    expect(send({ type: 'play' })).toBe(0);
    let ticks = 0;
    const tick = () => {
      ticks++;
      return flow.tick();
    };
    expect(frames()).toHaveLength(1);
    flow.handle({ type: 'frame' });
    tick();
    const playing = frames()[1];
    expect(playing.playing).toBe(true);
    expect(playing.measurement.step).toBeGreaterThan(0);
    flow.handle({ type: 'frame' });
    const start = clock.now;
    while (frames().length < 3) tick();
    expect(clock.now - start).toBeGreaterThanOrEqual(FRAME_INTERVAL_MS);
    expect(frames()[2].measurement.step).toBeGreaterThan(playing.measurement.step);
    expect(ticks).toBeGreaterThan(2);
    // Pause: the next frame says so, and ticking trains no more.
    send({ type: 'pause' }, { type: 'frame' });
    const paused = frames()[frames().length - 1];
    expect(paused.playing).toBe(false);
    clock.now += 1000;
    expect(flow.tick()).toBeNull();
    send({ type: 'frame' });
    expect(frames()[frames().length - 1].measurement.step).toBe(paused.measurement.step);
  });

  test('suspended (off-screen or a hidden tab), a playing session neither trains nor sends frames', () => {
    const { frames, clock, send, flow } = session();
    send({ type: 'configure', state }, { type: 'frame' });
    send({ type: 'play' }, { type: 'suspend', suspended: true }, { type: 'frame' });
    const before = frames().length;
    clock.now += 1000;
    expect(flow.tick()).toBeNull();
    expect(frames()).toHaveLength(before);
    flow.handle({ type: 'suspend', suspended: false });
    clock.now += 10;
    expect(flow.tick()).toBe(0);
    expect(frames()).toHaveLength(before + 1);
  });

  test('reset goes back to the first weights; a new learning rate keeps the weights, anything else builds a new network', () => {
    const { frames, send } = session();
    send({ type: 'configure', state }, { type: 'frame' });
    const first = frames()[0];
    send({ type: 'train', steps: 50 }, { type: 'frame' });
    send({ type: 'configure', state: { ...state, lr: 0.01 } }, { type: 'frame' });
    expect(frames()[2].measurement.step).toBe(50);
    expect(frames()[2].state.lr).toBe(0.01);
    send({ type: 'reset' }, { type: 'frame' });
    expect(frames()[3].measurement).toEqual({ ...first.measurement });
    send({ type: 'configure', state: { ...state, depth: 6 } }, { type: 'frame' });
    expect(frames()[4].measurement.step).toBe(0);
    expect(frames()[4].measurement.layers).toHaveLength(6);
    expect(sameNetwork(state, { ...state, lr: 1 })).toBe(true);
    expect(sameNetwork(state, { ...state, seed: 2 })).toBe(false);
  });

  test('each frame counts the commands followed (not frame requests or suspends), so the page knows what it answers', () => {
    const { frames, send } = session();
    send({ type: 'configure', state }, { type: 'frame' });
    send({ type: 'suspend', suspended: false }, { type: 'train', steps: 3 }, { type: 'pause' }, { type: 'frame' });
    expect(frames().map((f) => f.commands)).toEqual([1, 3]);
    expect(isCommand({ type: 'reset' })).toBe(true);
    expect(isCommand({ type: 'frame' })).toBe(false);
    expect(isCommand({ type: 'suspend', suspended: true })).toBe(false);
  });

  test('settings the widget does not offer are refused with an error naming the field, and the run is kept', () => {
    const { sent, frames, send } = session();
    send({ type: 'configure', state }, { type: 'frame' });
    send({ type: 'configure', state: { ...state, depth: 50 } });
    send({ type: 'configure', state: { ...state, activation: 'softmax' as GradientFlowState['activation'] } });
    expect(sent.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message)).toEqual([
      'configure: depth 50 is not one the widget offers',
      'configure: activation "softmax" is not one the widget offers',
    ]);
    send({ type: 'train', steps: 1 }, { type: 'frame' });
    expect(frames()[1].measurement.layers).toHaveLength(4);
  });

  test('a diverging run stops playing by itself and its frame says so', () => {
    const { frames, clock, flow, send } = session();
    send({ type: 'configure', state: { depth: 20, width: 16, activation: 'relu', init: 'gaussian', lr: 1, seed: 1 } }, { type: 'frame' });
    send({ type: 'play' }, { type: 'frame' });
    for (let k = 0; k < 100 && frames().length < 2; k++) {
      clock.now += 300;
      flow.tick();
    }
    const last = frames()[frames().length - 1];
    expect(last.diverged).toBe(true);
    expect(last.playing).toBe(false);
    expect(last.diagnosis.verdict).toBe('diverged');
    expect(flow.tick()).toBeNull();
  });
});
