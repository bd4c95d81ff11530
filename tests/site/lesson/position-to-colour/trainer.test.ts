import { describe, expect, test } from 'vitest';
import { MLP, encodePositions, mseLoss, noGrad, Tensor } from '../../../../engine/index.ts';
import { drawPicture, pixelPositions } from '../../../../site/lesson/position-to-colour/picture.ts';
import { PictureNetwork } from '../../../../site/lesson/position-to-colour/trainer.ts';
import { encodingOptions } from '../../../../site/lesson/position-to-colour/network.ts';

const picture = drawPicture();

describe('the position-to-colour networks, trained by the engine', () => {
  test('after 10 epochs the positional encoding’s mean squared error is at least 3× lower than without it (seeds 1 and 2)', () => {
    for (const seed of [1, 2]) {
      const plain = new PictureNetwork(picture, { encoding: false, frequencies: 6, seed });
      const encoded = new PictureNetwork(picture, { encoding: true, frequencies: 6, seed });
      const before = [plain.loss(), encoded.loss()];
      for (let epoch = 0; epoch < 10; epoch++) {
        plain.trainEpoch();
        encoded.trainEpoch();
      }
      const [p, e] = [plain.loss(), encoded.loss()];
      expect(plain.epoch).toBe(10);
      expect(p).toBeLessThan(before[0]);
      expect(e).toBeLessThan(before[1] / 5);
      expect(p / e, `seed ${seed}: without ${p}, with ${e}`).toBeGreaterThanOrEqual(3);
    }
  }, 120_000);

  test('its loss is the engine’s mseLoss of the MLP on the (encoded) pixel positions, and its picture is the MLP’s output', () => {
    const network = new PictureNetwork(picture, { encoding: true, frequencies: 2, seed: 5 });
    network.trainEpoch();
    const inputs = encodePositions(pixelPositions(picture.size), 2, encodingOptions(2));
    const x = Tensor.fromData(inputs, [picture.size * picture.size, network.inputWidth]);
    const y = Tensor.fromData(picture.rgb, [picture.size * picture.size, 3]);
    const model: MLP = network.model;
    const { loss, out } = noGrad(() => {
      const output = model.forward(x);
      return { loss: mseLoss(output, y).item(), out: output.data };
    });
    expect(network.loss()).toBeCloseTo(loss, 12);
    const rendered = network.render();
    for (let i = 0; i < out.length; i += 97) expect(rendered[i]).toBeCloseTo(out[i], 12);
    for (const value of rendered) expect(value > 0 && value < 1).toBe(true);
  });

  test('the same seed gives the same run; the input width follows the encoding', () => {
    const a = new PictureNetwork(picture, { encoding: false, frequencies: 6, seed: 3 });
    const b = new PictureNetwork(picture, { encoding: false, frequencies: 6, seed: 3 });
    a.trainEpoch();
    b.trainEpoch();
    expect(a.loss()).toBe(b.loss());
    expect(a.inputWidth).toBe(2);
    expect(new PictureNetwork(picture, { encoding: true, frequencies: 6, seed: 3 }).inputWidth).toBe(26);
  });
});
