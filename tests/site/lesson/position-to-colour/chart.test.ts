import { expect, test } from 'vitest';
import { lossChartMarkup, type LossPoint } from '../../../../site/lesson/position-to-colour/chart.ts';

const curve = (network: string, losses: number[]): LossPoint[] => losses.map((loss, epoch) => ({ epoch, loss, network }));

test('the loss chart, drawn in the worker as markup: a curve per network, the encoded one in the accent colour, every tick labelled', () => {
  const markup = lossChartMarkup({
    width: 400,
    networks: [{ name: 'without the encoding', encoding: false }, { name: 'with the encoding', encoding: true }],
    history: [...curve('without the encoding', [0.1, 0.05, 0.04]), ...curve('with the encoding', [0.1, 0.01, 0.002])],
    previous: null,
    epoch: 2,
  });
  expect(markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*width="400" height="200"/);
  expect(markup).toContain('aria-label="Mean squared error against the epoch, without the encoding and with the encoding"');
  expect([...markup.matchAll(/<g aria-label="line"/g)]).toHaveLength(2);
  expect(markup).toMatch(/<g aria-label="line"[^>]*><g fill="none" stroke="var\(--text-muted\)"[^>]*stroke-dasharray="6 4"/);
  expect(markup).toMatch(/<g aria-label="line"[^>]*><g fill="none" stroke="var\(--accent\)"/);
  // Clipped to the plot's frame, by a clip the chart holds.
  const clip = /<g aria-label="line" clip-path="url\(#([^)]+)\)"/.exec(markup)![1];
  expect(markup).toContain(`<clipPath id="${clip}">`);
  for (const tick of ['0.0001', '0.0003', '0.001', '0.003', '0.01', '0.03', '0.1']) expect(markup).toContain(`>${tick}</text>`);
  expect(markup).toContain('>with γ</text>');
  expect(markup).toContain('>without</text>');
});

test('the last run is drawn faded beside the new one, with its name at its end', () => {
  const markup = lossChartMarkup({
    width: 300,
    networks: [{ name: 'with the encoding', encoding: true }],
    history: curve('with the encoding', [0.1]),
    previous: { points: curve('without the encoding', [0.1, 0.08, 0.07]), encoding: false },
    epoch: 0,
  });
  expect(markup).toContain(', beside the last run without encoding"');
  expect(markup).toMatch(/<g aria-label="line"[^>]*><g fill="none" stroke="var\(--text-muted\)"[^>]*stroke-opacity="0\.45"/);
  expect(markup).toContain('>last run, without</text>');
  // One point so far: drawn with a dot, so it shows.
  expect(markup).toMatch(/<marker [^>]*id="([^"]+)"><circle r="2\.5"><\/circle><\/marker><path marker-start="url\(#\1\)"/);
});
