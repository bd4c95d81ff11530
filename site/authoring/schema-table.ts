// The authoring guide's tables of fields: a zod object schema (a lesson's frontmatter, a component's props) walked
// field by field into rows of name, type, whether it is required or its default, its constraints and its description.
// The rows are read from the schema the build checks with, so a table cannot say something the check does not do.
// Zod 3 as Astro bundles it (`astro/zod`): wrappers are unwrapped through `_def`, an object's fields are its `shape`.

import { z } from 'astro/zod';
import { acceptedBy } from '../lesson/shared/props.ts';

/** One field of a schema, as the guide's table shows it. */
export interface FieldRow {
  /** The field's name, as written in the frontmatter or on the component. */
  name: string;
  /** What it takes, in words: "string", "list of string", "one of note, tip, warning, mistake". */
  type: string;
  /** Whether it must be given (no default and not optional). */
  required: boolean;
  /** Its default as it would be written (`"note"`, `5`, `[]`), when it has one. */
  default: string | undefined;
  /** The limits the schema checks beyond the type: "at least 3 characters", "at most 5 items". */
  constraints: string[];
  /** What the field is for: the schema's `.describe(…)`, else the doc comment given for it. */
  description: string;
}

/** A value as an author writes it: strings quoted, everything else as JSON. */
export function written(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** The type and constraints of a schema with its optional, default and refinement wrappers taken off. */
interface Described {
  type: string;
  constraints: string[];
}

/** A string's or an array's length limits, in words, from zod's length checks. */
function lengthLimits(min: number | undefined, max: number | undefined, unit: string): string[] {
  const limits: string[] = [];
  if (min !== undefined && min > 0) limits.push(`at least ${min} ${unit}${min === 1 ? '' : 's'}`);
  if (max !== undefined) limits.push(`at most ${max} ${unit}${max === 1 ? '' : 's'}`);
  return limits;
}

/** What a bare schema (no wrappers) accepts: its type in words and the limits it checks. */
function describeBare(schema: z.ZodTypeAny): Described {
  const accepted = acceptedBy(schema);
  if (accepted !== undefined) return { type: accepted, constraints: [] };
  if (schema instanceof z.ZodString) {
    let min: number | undefined;
    let max: number | undefined;
    const constraints: string[] = [];
    for (const check of schema._def.checks) {
      if (check.kind === 'min') min = check.value;
      else if (check.kind === 'max') max = check.value;
      else if (check.kind === 'regex') constraints.push(`matches ${String(check.regex)}`);
      else constraints.push(check.kind);
    }
    return { type: 'string', constraints: [...lengthLimits(min, max, 'character'), ...constraints] };
  }
  if (schema instanceof z.ZodNumber) {
    const constraints = schema._def.checks.map((check) =>
      check.kind === 'min' ? `${check.inclusive ? 'at least' : 'above'} ${check.value}` : check.kind === 'max' ? `${check.inclusive ? 'at most' : 'below'} ${check.value}` : check.kind === 'int' ? 'a whole number' : check.kind,
    );
    return { type: 'number', constraints };
  }
  if (schema instanceof z.ZodBoolean) return { type: 'boolean', constraints: [] };
  if (schema instanceof z.ZodArray) {
    const item = describeField(schema.element as z.ZodTypeAny);
    const limits = lengthLimits(schema._def.minLength?.value, schema._def.maxLength?.value, 'item');
    const each = item.constraints.length > 0 ? [`each ${item.constraints.join(', ')}`] : [];
    return { type: `list of ${item.type}`, constraints: [...limits, ...each] };
  }
  if (schema instanceof z.ZodObject) {
    const keys = Object.keys(schema.shape as Record<string, unknown>);
    return { type: `object with fields ${keys.join(', ')}`, constraints: [] };
  }
  if (schema instanceof z.ZodEnum) return { type: `one of ${(schema.options as string[]).join(', ')}`, constraints: [] };
  if (schema instanceof z.ZodLiteral) return { type: written(schema.value), constraints: [] };
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodTypeAny[]).map((option) => describeField(option).type);
    return { type: options.join(' or '), constraints: [] };
  }
  if (schema instanceof z.ZodAny || schema instanceof z.ZodUnknown) return { type: 'any value', constraints: [] };
  throw new Error(`schema-table: no words yet for a ${schema.constructor.name}; teach describeBare in site/authoring/schema-table.ts`);
}

/** A field's schema read through its wrappers: what it accepts, whether it is required, its default and description. */
export function describeField(schema: z.ZodTypeAny): Described & { required: boolean; default: string | undefined; description: string | undefined } {
  let current = schema;
  let required = true;
  let fallback: string | undefined;
  let description = current.description;
  const refinements: string[] = [];
  for (;;) {
    description ??= current.description;
    if (acceptedBy(current) !== undefined) break;
    if (current instanceof z.ZodOptional) {
      required = false;
      current = current.unwrap();
    } else if (current instanceof z.ZodDefault) {
      required = false;
      fallback = written(current._def.defaultValue());
      current = current.removeDefault();
    } else if (current instanceof z.ZodEffects) {
      // A refinement's test and message live in a closure; the table says one is there, so it never claims too little.
      if (current._def.effect.type === 'refinement') refinements.push('further checked when the site is built');
      current = current.innerType();
    } else break;
  }
  const bare = describeBare(current);
  return { ...bare, constraints: [...bare.constraints, ...refinements], required, default: fallback, description };
}

/** Every field of an object schema as a table row; `comments` gives a field's description when the schema has none. */
export function schemaRows(schema: z.ZodTypeAny, comments: Readonly<Record<string, string>> = {}): FieldRow[] {
  let object: z.ZodTypeAny = schema;
  while (object instanceof z.ZodEffects) object = object.innerType();
  if (!(object instanceof z.ZodObject)) throw new Error('schema-table: the schema is not an object schema');
  return Object.entries(object.shape as Record<string, z.ZodTypeAny>).map(([name, field]) => {
    const described = describeField(field);
    return {
      name,
      type: described.type,
      required: described.required,
      default: described.default,
      constraints: described.constraints,
      description: described.description ?? comments[name] ?? '',
    };
  });
}

/**
 * The `/** … *\/` comment on each field of the declaration `export const <name> = …` in a TypeScript source, by field
 * name: the house style comments every field of a props schema, and the guide shows those comments. Where a name is
 * commented at several depths, the shallowest (least indented) comment is the field's own.
 */
export function fieldComments(source: string, declaration: string): Record<string, string> {
  const start = source.indexOf(`export const ${declaration} `);
  if (start < 0) throw new Error(`schema-table: no \`export const ${declaration}\` in the source`);
  const next = source.indexOf('\nexport ', start + 1);
  const text = source.slice(start, next < 0 ? undefined : next);
  const found: Record<string, { comment: string; indent: number }> = {};
  for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\/\n([ \t]*)([A-Za-z_$][\w$]*)\s*:/g)) {
    const comment = match[1]
      .split('\n')
      .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
      .filter((line) => line !== '')
      .join(' ');
    const indent = match[2].length;
    const name = match[3];
    if (found[name] === undefined || indent < found[name].indent) found[name] = { comment, indent };
  }
  return Object.fromEntries(Object.entries(found).map(([name, { comment }]) => [name, comment]));
}
