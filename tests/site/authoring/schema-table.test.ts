import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { describeField, fieldComments, schemaRows } from '../../../site/authoring/schema-table.ts';
import { lessonSchema } from '../../../site/course/lesson-schema.ts';
import { numberWhere, oneOf, stringMatching, wholeNumber } from '../../../site/lesson/shared/props.ts';

describe('the frontmatter table', () => {
  const rows = schemaRows(lessonSchema);

  test('has one row per field of the lesson schema, in its order, each described', () => {
    expect(rows.map((row) => row.name)).toEqual(Object.keys(lessonSchema.shape));
    for (const row of rows) expect(row.description, row.name).toMatch(/\S{3}/);
  });

  test('says which fields are required and what the others default to, as the schema parses them', () => {
    const parsed = lessonSchema.parse({ title: 'A title', description: 'A description long enough.', objectives: ['Do a thing.'] });
    for (const row of rows) {
      const optional = lessonSchema.shape[row.name as keyof typeof lessonSchema.shape].safeParse(undefined).success;
      expect(row.required, row.name).toBe(!optional);
      if (row.default !== undefined) expect(JSON.parse(row.default), row.name).toEqual(parsed[row.name as keyof typeof parsed]);
    }
    expect(rows.find((row) => row.name === 'title')).toMatchObject({ type: 'string', required: true, constraints: ['at least 3 characters'] });
    expect(rows.find((row) => row.name === 'objectives')).toMatchObject({ type: 'list of string', constraints: ['at least 1 item', 'at most 5 items', 'each at least 3 characters'] });
    expect(rows.find((row) => row.name === 'draft')).toMatchObject({ type: 'boolean', required: false, default: 'false' });
  });
});

describe('a props table', () => {
  test("reads the props builders' words, defaults, optional fields and refinements", () => {
    const schema = z
      .object({
        kind: oneOf(['a', 'b']).default('a'),
        units: wholeNumber(1, 64),
        rate: numberWhere('a number above 0', (v) => v > 0).optional(),
        id: stringMatching(/^[a-z]+$/, 'lowercase letters').refine((id) => id.length < 9, 'too long'),
        flags: z.array(z.enum(['x', 'y'])).max(2),
      })
      .strict();
    expect(schemaRows(schema, { kind: 'The kind.' })).toEqual([
      { name: 'kind', type: 'one of a, b', required: false, default: '"a"', constraints: [], description: 'The kind.' },
      { name: 'units', type: 'a whole number from 1 to 64', required: true, default: undefined, constraints: [], description: '' },
      { name: 'rate', type: 'a number above 0', required: false, default: undefined, constraints: [], description: '' },
      { name: 'id', type: 'lowercase letters', required: true, default: undefined, constraints: ['further checked when the site is built'], description: '' },
      { name: 'flags', type: 'list of one of x, y', required: true, default: undefined, constraints: ['at most 2 items'], description: '' },
    ]);
  });

  test('a description given with .describe() wins over a doc comment', () => {
    expect(describeField(z.string().default('x').describe('Described.')).description).toBe('Described.');
    expect(schemaRows(z.object({ a: z.string().describe('From the schema.') }), { a: 'From a comment.' })[0].description).toBe('From the schema.');
  });

  test('a schema it has no words for fails loudly instead of showing a wrong type', () => {
    expect(() => schemaRows(z.object({ when: z.date() }))).toThrow(/no words yet for a ZodDate/);
  });

  test("each field's doc comment is read from its own declaration, the shallowest one where a name repeats", () => {
    const source = [
      '/** Not this one. */',
      'export const other = z.object({',
      '  /** The other a. */',
      '  a: z.string(),',
      '});',
      '',
      '/** The props. */',
      'export const fooProps = z',
      '  .object({',
      '    /**',
      '     * The first prop, on',
      '     * two lines.',
      '     */',
      '    a: z.object({',
      '      /** A nested b. */',
      '      b: z.number(),',
      '    }),',
      '    /** The second prop. */',
      '    b: z.string(),',
      '  })',
      '  .strict();',
    ].join('\n');
    expect(fieldComments(source, 'fooProps')).toEqual({ a: 'The first prop, on two lines.', b: 'The second prop.' });
    expect(() => fieldComments(source, 'barProps')).toThrow(/no `export const barProps`/);
  });
});
