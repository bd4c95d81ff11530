// A position-to-colour widget's training worker: it owns the networks and the picture, and answers each request
// with every network's loss and picture after it, so training never blocks the page; and it draws the loss chart.

import { drawPicture, toImageBytes } from './picture.ts';
import { PictureNetwork } from './trainer.ts';
import type { ColourReply, ColourRequest, NetworkFrame } from './protocol.ts';
import { lossChartMarkup } from './chart.ts';

const picture = drawPicture();
let networks: PictureNetwork[] = [];

const scope = self as unknown as Worker;

self.addEventListener('message', (event: MessageEvent<ColourRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'chart') {
      scope.postMessage({ type: 'chart', id: request.id, markup: lossChartMarkup(request.chart) } satisfies ColourReply);
      return;
    }
    if (request.type === 'reset') {
      networks = request.networks.map((options) => new PictureNetwork(picture, options));
    } else {
      if (networks.length === 0) throw new Error('the networks are not set up yet');
      for (let e = 0; e < request.epochs; e++) for (const network of networks) network.trainEpoch();
    }
    const frames: NetworkFrame[] = networks.map((network) => ({
      inputWidth: network.inputWidth,
      loss: network.loss(),
      image: toImageBytes(network.render(), new Uint8ClampedArray(picture.size * picture.size * 4)),
    }));
    const reply: ColourReply = { type: 'frame', id: request.id, epoch: networks[0]?.epoch ?? 0, networks: frames };
    scope.postMessage(reply, frames.map((frame) => frame.image.buffer));
  } catch (error) {
    const reply: ColourReply = { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    scope.postMessage(reply);
  }
});
