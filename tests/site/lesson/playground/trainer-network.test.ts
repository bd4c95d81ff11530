// The Playground trainer's network diagram data (site/lesson/playground/trainer.ts): every neuron's map equals the
// engine's forward pass (autograd's modules, block by block) at the map's points, and a weight or bias set by hand
// is the engine parameter the next pass and the loss use.

import { describe, expect, test } from 'vitest';
import { Tensor } from '../../../../engine/index.ts';
import { Activation } from '../../../../engine/nn/activation.ts';
import { planeFeatures } from '../../../../engine/data/plane-features.ts';
import { MAP_CURVE_SIZE, MAP_SIZE, Trainer, WEIGHT_LIMIT } from '../../../../site/lesson/playground/trainer.ts';
import { normalizeState } from '../../../../site/lesson/playground/state.ts';

/** Each layer's values by the engine's autograd modules for the given network input rows, inputs first. */
function engineLayers(trainer: Trainer, inputs: Float64Array, n: number): Float64Array[] {
  let h = Tensor.fromData(inputs, [n, trainer.model.sizes[0]]);
  const layers = [h.data];
  for (const block of trainer.model.blocks) {
    h = block.linear.forward(h);
    if (block.activation !== 'identity') h = new Activation(block.activation).forward(h);
    layers.push(h.data);
  }
  return layers;
}

describe("the playground trainer's network snapshot", () => {
  test("gives every neuron's map over a 24 × 24 grid, equal to the engine's forward pass, and the maps change as it trains", () => {
    const trainer = new Trainer(normalizeState({ data: 'circles', inputs: ['x1', 'x2', 'x1sq'], layers: [5, 3], activation: 'tanh', dropout: 0.2, seed: 3 }));
    for (let epoch = 0; epoch < 3; epoch++) trainer.trainEpoch();
    const snapshot = trainer.networkSnapshot();
    expect(snapshot.sizes).toEqual([3, 5, 3, 1]);
    expect(snapshot.inputNames).toEqual(['x1', 'x2', 'x1sq']);
    expect(snapshot.side).toBe(MAP_SIZE);
    expect(snapshot.curve).toBe(false);
    const points = MAP_SIZE * MAP_SIZE;
    snapshot.maps.forEach((map, k) => expect(map).toHaveLength(points * snapshot.sizes[k]));
    // The grid's cell centres, row 0 at the top, through the chosen features.
    const [x0, x1, y0, y1] = trainer.data.domain;
    const plane = new Float64Array(points * 2);
    for (let row = 0; row < MAP_SIZE; row++) {
      for (let col = 0; col < MAP_SIZE; col++) {
        plane[2 * (row * MAP_SIZE + col)] = x0 + ((x1 - x0) * (col + 0.5)) / MAP_SIZE;
        plane[2 * (row * MAP_SIZE + col) + 1] = y1 - ((y1 - y0) * (row + 0.5)) / MAP_SIZE;
      }
    }
    const engine = engineLayers(trainer, planeFeatures(['x1', 'x2', 'x1sq'], plane), points);
    snapshot.maps.forEach((map, k) => {
      const width = snapshot.sizes[k];
      for (let i = 0; i < width; i++) for (let p = 0; p < points; p++) expect(Math.abs(map[i * points + p] - engine[k][p * width + i])).toBeLessThan(1e-6);
    });
    // Weights and biases are copies of the engine's.
    expect(Array.from(snapshot.weights[1])).toEqual(Array.from(trainer.model.blocks[1].linear.weight.data));
    expect(Array.from(snapshot.biases[0])).toEqual(Array.from(trainer.model.blocks[0].linear.bias!.data));
    for (let epoch = 0; epoch < 5; epoch++) trainer.trainEpoch();
    const later = trainer.networkSnapshot();
    expect(Array.from(later.maps[1])).not.toEqual(Array.from(snapshot.maps[1]));
    expect(Array.from(later.maps[0])).toEqual(Array.from(snapshot.maps[0]));
  });

  test('gives curves along x for regression', () => {
    const trainer = new Trainer(normalizeState({ data: 'regression', layers: [4], seed: 1 }));
    const snapshot = trainer.networkSnapshot();
    expect(snapshot.curve).toBe(true);
    expect(snapshot.side).toBe(MAP_CURVE_SIZE);
    expect(snapshot.inputNames).toEqual(['x']);
    const [x0, x1] = trainer.data.domain;
    const xs = Float64Array.from({ length: MAP_CURVE_SIZE }, (_, i) => x0 + ((x1 - x0) * i) / (MAP_CURVE_SIZE - 1));
    const engine = engineLayers(trainer, xs, MAP_CURVE_SIZE);
    for (let i = 0; i < 4; i++) for (let p = 0; p < MAP_CURVE_SIZE; p++) expect(Math.abs(snapshot.maps[1][i * MAP_CURVE_SIZE + p] - engine[1][p * 4 + i])).toBeLessThan(1e-6);
  });

  test('sets a weight and a bias of the engine model by hand: the maps and the loss follow, and bad edits change nothing', () => {
    const trainer = new Trainer(normalizeState({ data: 'xor', layers: [3], activation: 'tanh', seed: 5 }));
    const loss = trainer.trainLoss();
    const before = trainer.networkSnapshot();
    trainer.setWeight(1, 2, 1, 2.5);
    expect(trainer.model.blocks[0].linear.weight.data[2 * 2 + 1]).toBe(2.5);
    const after = trainer.networkSnapshot();
    expect(after.weights[0][5]).toBe(2.5);
    expect(Array.from(after.maps[1].subarray(2 * MAP_SIZE * MAP_SIZE))).not.toEqual(Array.from(before.maps[1].subarray(2 * MAP_SIZE * MAP_SIZE)));
    expect(Array.from(after.maps[1].subarray(0, MAP_SIZE * MAP_SIZE))).toEqual(Array.from(before.maps[1].subarray(0, MAP_SIZE * MAP_SIZE)));
    const edited = trainer.trainLoss();
    expect(edited).not.toBe(loss);
    trainer.setBias(2, 0, -4);
    expect(trainer.model.blocks[1].linear.bias!.data[0]).toBe(-4);
    expect(trainer.trainLoss()).not.toBe(edited);
    const parameters = trainer.model.parameters().map((p) => Array.from(p.data));
    expect(() => trainer.setWeight(1, 2, 1, Number.NaN)).toThrow(/is not a number from −1000 to 1000/);
    expect(() => trainer.setWeight(1, 2, 1, WEIGHT_LIMIT * 2)).toThrow(/not a number from/);
    expect(() => trainer.setWeight(3, 0, 0, 1)).toThrow(/there is no layer 3 \(layers 1 to 2 have weights\)/);
    expect(() => trainer.setWeight(1, 3, 0, 1)).toThrow(/layer 1 has no neuron 3/);
    expect(() => trainer.setWeight(1, 0, 2, 1)).toThrow(/layer 0 has no neuron 2/);
    expect(() => trainer.setBias(2, 1, 1)).toThrow(/layer 2 has no neuron 1/);
    expect(trainer.model.parameters().map((p) => Array.from(p.data))).toEqual(parameters);
  });
});
