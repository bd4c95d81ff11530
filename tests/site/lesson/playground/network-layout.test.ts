// The network diagram's geometry and colours (site/lesson/playground/network-layout.ts).

import { describe, expect, test } from 'vitest';
import { divergingColor, edgeStyle, layoutNetwork, mapChecksum, mapPixels, mapScale, moveFocus } from '../../../../site/lesson/playground/network-layout.ts';

const colors = { class0: [200, 80, 0] as [number, number, number], class1: [0, 90, 200] as [number, number, number], background: [255, 255, 255] as [number, number, number] };

describe("the network diagram's layout", () => {
  test('places one box per neuron in columns, each column centred, inside the diagram', () => {
    const layout = layoutNetwork([2, 4, 1]);
    expect(layout.places.map((column) => column.length)).toEqual([2, 4, 1]);
    const all = layout.places.flat();
    for (const place of all) {
      expect(place.x + layout.box).toBeLessThanOrEqual(layout.width);
      expect(place.y + layout.box).toBeLessThanOrEqual(layout.height);
    }
    const centre = (column: { y: number }[]) => (column[0].y + column[column.length - 1].y) / 2;
    expect(centre(layout.places[0])).toBeCloseTo(centre(layout.places[1]));
    expect(layout.places[1][0].x).toBeGreaterThan(layout.places[0][0].x);
    expect(layoutNetwork([7, 16, 16, 2]).box).toBeLessThan(layout.box);
  });

  test('colours an edge by the sign of its weight and widens it with |w|, within 0.5 to 6 px', () => {
    expect(edgeStyle(0.4).sign).toBe('positive');
    expect(edgeStyle(-0.4).sign).toBe('negative');
    expect(edgeStyle(-2).width).toBeGreaterThan(edgeStyle(0.4).width);
    expect(edgeStyle(0).width).toBe(0.5);
    expect(edgeStyle(1e6).width).toBe(6);
    expect(edgeStyle(Number.NaN).width).toBe(0.5);
  });

  test("draws a map on a diverging scale centred at 0, scaled to the neuron's largest |value|", () => {
    expect(mapScale([0.5, -2, 1], 0, 3)).toBe(2);
    expect(mapScale([0, 0], 0, 2)).toBe(1e-9);
    expect(divergingColor(0, 1, colors)).toEqual([255, 255, 255]);
    expect(divergingColor(1, 1, colors)).toEqual([0, 90, 200]);
    expect(divergingColor(-3, 1, colors)).toEqual([200, 80, 0]);
    expect(divergingColor(0.5, 1, colors)).toEqual([128, 173, 228]);
    const pixels = mapPixels([-4, 0, 2, 4], 0, 2, colors);
    expect(Array.from(pixels.slice(0, 4))).toEqual([200, 80, 0, 255]);
    expect(Array.from(pixels.slice(12, 16))).toEqual([0, 90, 200, 255]);
    expect(mapChecksum([1, 2.5, -0.25], 1, 2)).toBe('2.2500');
  });

  test('moves focus with the arrow keys, Home and End, staying inside the network', () => {
    const sizes = [2, 4, 1];
    expect(moveFocus(sizes, 1, 0, 'ArrowUp')).toEqual({ layer: 1, neuron: 0 });
    expect(moveFocus(sizes, 1, 0, 'ArrowDown')).toEqual({ layer: 1, neuron: 1 });
    expect(moveFocus(sizes, 1, 3, 'ArrowRight')).toEqual({ layer: 2, neuron: 0 });
    expect(moveFocus(sizes, 1, 3, 'ArrowLeft')).toEqual({ layer: 0, neuron: 1 });
    expect(moveFocus(sizes, 0, 1, 'ArrowLeft')).toEqual({ layer: 0, neuron: 1 });
    expect(moveFocus(sizes, 2, 0, 'ArrowLeft')).toEqual({ layer: 1, neuron: 2 });
    expect(moveFocus([2, 3, 1], 2, 0, 'ArrowLeft')).toEqual({ layer: 1, neuron: 1 });
    expect(moveFocus(sizes, 2, 0, 'ArrowRight')).toEqual({ layer: 2, neuron: 0 });
    expect(moveFocus(sizes, 1, 1, 'End')).toEqual({ layer: 1, neuron: 3 });
    expect(moveFocus(sizes, 1, 2, 'Home')).toEqual({ layer: 1, neuron: 0 });
    expect(moveFocus(sizes, 1, 2, 'Enter')).toBeNull();
  });
});
