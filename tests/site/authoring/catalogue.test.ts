import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { barrelExports, catalogue, schemaNameOf } from '../../../site/authoring/catalogue.ts';
import { COMPONENT_EXAMPLES, literal, usage } from '../../../site/authoring/component-examples.ts';
import { challengesIn } from '../../../site/lesson/challenge/placement.ts';

const barrel = readFileSync(new URL('../../../site/lesson/index.ts', import.meta.url), 'utf8');
const schemas = import.meta.glob<Record<string, unknown>>('../../../site/lesson/*/props.ts', { eager: true });
const entries = catalogue();

test('every export of the barrel has a catalogue entry with its description, a props table and an example', () => {
  const exported = [...barrel.matchAll(/^export \{ default as (\w+) \}/gm)].map((match) => match[1]);
  expect(exported.length).toBeGreaterThan(10);
  expect(entries.map((entry) => entry.name)).toEqual(exported);
  for (const entry of entries) {
    expect(entry.description, entry.name).toMatch(/\S{3}/);
    expect(entry.props.length, entry.name).toBeGreaterThan(0);
    for (const row of entry.props) {
      expect(row.description, `${entry.name}.${row.name}`).toMatch(/\S{3}/);
      expect(row.type, `${entry.name}.${row.name}`).toMatch(/\S/);
    }
  }
  // Nothing in the examples is left over from a component that is gone.
  expect(Object.keys(COMPONENT_EXAMPLES).sort()).toEqual([...exported].sort());
});

test("each props table lists exactly the fields of the component's schema", () => {
  for (const entry of entries) {
    const schema = schemas[`../../../site/lesson/${entry.folder}/props.ts`][entry.schemaName] as z.AnyZodObject;
    expect(entry.props.map((row) => row.name), entry.name).toEqual(Object.keys(schema.shape));
  }
});

test("each example's props pass the component's own schema, as the build will check them", () => {
  for (const entry of entries) {
    const schema = schemas[`../../../site/lesson/${entry.folder}/props.ts`][entry.schemaName] as z.ZodTypeAny;
    const result = schema.safeParse(entry.example.props);
    expect(result.success, `${entry.name}: ${result.success ? '' : result.error.message}`).toBe(true);
  }
});

test("the Challenge example is lesson 3's challenge of that id, as placed there", () => {
  const example = COMPONENT_EXAMPLES.Challenge.props;
  const placed = challengesIn(readFileSync(new URL('../../../lessons/03-mlp.mdx', import.meta.url), 'utf8')).find((challenge) => challenge.id === example.id);
  expect(placed).toBeDefined();
  expect({ id: placed?.id, title: placed?.title, preset: placed?.preset, goal: placed?.goal }).toEqual(example);
});

test('a barrel export without its comment, or written another way, fails with what to write', () => {
  expect(barrelExports("/** A box. */\nexport { default as Box } from './box/Box.astro';\n")).toEqual([{ name: 'Box', folder: 'box', description: 'A box.' }]);
  expect(() => barrelExports("export { default as Box } from './box/Box.astro';\n")).toThrow(/1 exports but 0 read as/);
  expect(() => barrelExports("/** A box. */\nexport { default as Box } from './box/Box.astro';\nexport * from './more.ts';\n")).toThrow(/2 exports but 1/);
});

test('a folder names its schema export, and the usage snippet is the tag a lesson writes', () => {
  expect(schemaNameOf('position-to-colour')).toBe('positionToColourProps');
  expect(literal({ data: 'xor', layers: [], 'odd-key': "it's" })).toBe("{ data: 'xor', layers: [], 'odd-key': 'it\\'s' }");
  expect(usage('Aside', { props: { type: 'tip' }, children: 'Text.' })).toBe('<Aside type="tip">\nText.\n</Aside>');
  expect(usage('UniversalApproximator', { props: { target: 'abs', units: 4 } })).toBe('<UniversalApproximator target="abs" units={4} />');
});
