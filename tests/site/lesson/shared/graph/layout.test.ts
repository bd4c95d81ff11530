import { describe, expect, test } from 'vitest';
import { trace } from '../../../../../engine/trace.ts';
import { layoutGraph } from '../../../../../site/lesson/shared/graph/layout.ts';
import { PRESETS, defaultValues } from '../../../../../site/lesson/backprop-stepper/presets.ts';
import { graphSvg, nodeSize, opCaption } from '../../../../../site/lesson/shared/graph/graph-svg.ts';

/** Every preset's graph with its values and gradients, drawn as the stepper draws it when all is computed. */
function presetGraphs() {
  return PRESETS.map((preset) => {
    const loss = preset.build(defaultValues(preset));
    loss.backward();
    const t = trace(loss);
    const views = t.nodes.map((n) => ({ name: n.label ?? `v${n.id}`, op: opCaption(n), value: n.value, grad: n.requiresGrad ? n.grad : undefined, state: 'done' as const }));
    return { preset, t, views };
  });
}

describe('the layered layout of a graph', () => {
  test('inputs sit left of the ops that use them and the loss is alone in the last column', () => {
    for (const { t, views } of presetGraphs()) {
      const layout = layoutGraph(t, views.map(nodeSize));
      for (const e of t.edges) expect(layout.nodes[e.from].x + layout.nodes[e.from].width).toBeLessThan(layout.nodes[e.to].x);
      const last = layout.nodes[t.nodes.length - 1];
      expect(last.layer).toBe(layout.layers - 1);
      expect(layout.nodes.filter((n) => n.layer === last.layer)).toHaveLength(1);
    }
  });

  test('a leaf sits one column before its first consumer', () => {
    const { t, views } = presetGraphs().find((g) => g.preset.id === 'mlp-softmax')!;
    const layout = layoutGraph(t, views.map(nodeSize));
    const byName = (name: string) => layout.nodes[t.nodes.find((n) => n.label === name)!.id];
    expect(byName('W₂').layer).toBe(byName('z₂').layer - 1);
    expect(byName('h').layer).toBe(byName('W₂').layer);
    expect(byName('x').layer).toBe(0);
  });

  test('nodes of a column do not overlap', () => {
    for (const { t, views } of presetGraphs()) {
      const layout = layoutGraph(t, views.map(nodeSize));
      for (const a of layout.nodes) {
        for (const b of layout.nodes) {
          if (a.id >= b.id || a.layer !== b.layer) continue;
          expect(a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
        }
      }
    }
  });

  test('every preset, with values and gradients shown, fits a 670 px column inside a widget’s padding (640 px)', () => {
    for (const { preset, t, views } of presetGraphs()) {
      const { layout } = graphSvg(t, views, { idPrefix: preset.id, label: preset.title });
      expect(layout.width, preset.id).toBeLessThanOrEqual(640);
    }
  });

  test('the layout is deterministic: the same graph gives the same layout', () => {
    const [first, second] = [presetGraphs(), presetGraphs()];
    first.forEach((g, i) => expect(layoutGraph(g.t, g.views.map(nodeSize))).toEqual(layoutGraph(second[i].t, second[i].views.map(nodeSize))));
  });

  test('an empty graph is an empty drawing', () => {
    expect(layoutGraph({ nodes: [], edges: [] }, [])).toMatchObject({ nodes: [], edges: [], layers: 0 });
  });
});
