// A lesson component checks its props when the site is built. Each component folder holds a zod schema of its
// props (`props.ts`, a comment on every field) and its .astro frontmatter calls `parseProps`, which turns a wrong
// prop into one build error naming the lesson file and line, the component as written, the prop and what it accepts:
//
//   lessons/02-activations.mdx:714: <ActivationExplorer activation="rleu">: activation must be one of step, sigmoid, …
//
// The schemas run in the frontmatter only, so zod never reaches the reader's browser. A schema's own messages
// are written to follow the prop's name ("must be a whole number from 1 to 64"); the builders below write them so.

import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { tagLine } from './tag-line.ts';

/** What `parseProps` reads of the `Astro` global: the props, the page's URL and the lesson file the page renders. */
export interface ComponentUse {
  /** The props as written in the lesson. */
  props: unknown;
  /** The URL of the page being built, named when the page is not a lesson. */
  url: URL;
  /** Set by the lesson page: the lesson file being rendered. */
  locals: { lessonFile?: string };
}

/** The file a component is used in, for an error message: the lesson file, or else the page's URL. */
export function usedIn(use: Pick<ComponentUse, 'url' | 'locals'>): string {
  return use.locals.lessonFile ?? `the page ${use.url.pathname}`;
}

// What each builder's schema accepts, in the words of its message ("one of step, sigmoid, …"): a custom check keeps
// its test in a closure, so the authoring guide's props tables (site/authoring/schema-table.ts) read the words here.
const ACCEPTS = new WeakMap<z.ZodTypeAny, string>();

/** What a schema made by one of the builders below accepts, in words ("a whole number from 1 to 64"); undefined for any other schema. */
export function acceptedBy(schema: z.ZodTypeAny): string | undefined {
  return ACCEPTS.get(schema);
}

/** The schema, remembered as accepting what `words` says. */
function accepting<S extends z.ZodTypeAny>(schema: S, words: string): S {
  ACCEPTS.set(schema, words);
  return schema;
}

/** A value from a fixed list of strings or numbers; a wrong value's message lists every allowed one. */
export function oneOf<const T extends string | number>(values: readonly T[]): z.ZodType<T, z.ZodTypeDef, T> {
  const allowed: readonly unknown[] = values;
  return accepting(z.custom<T>((value) => allowed.includes(value), { message: `must be one of ${values.join(', ')}` }), `one of ${values.join(', ')}`);
}

/** A whole number from `min` to `max` inclusive. */
export function wholeNumber(min: number, max: number): z.ZodType<number, z.ZodTypeDef, number> {
  return numberWhere(`a whole number from ${min} to ${max}`, (value) => Number.isInteger(value) && value >= min && value <= max);
}

/** A finite number for which `test` holds; `described` completes "must be …" in the message (e.g. "a number above 0"). */
export function numberWhere(described: string, test: (value: number) => boolean): z.ZodType<number, z.ZodTypeDef, number> {
  return accepting(z.custom<number>((value) => typeof value === 'number' && Number.isFinite(value) && test(value), { message: `must be ${described}` }), described);
}

/** A string matching `pattern`; `described` completes "must be …" in the message (e.g. "a kebab-case name"). */
export function stringMatching(pattern: RegExp, described: string): z.ZodType<string, z.ZodTypeDef, string> {
  return accepting(z.custom<string>((value) => typeof value === 'string' && pattern.test(value), { message: `must be ${described}` }), described);
}

/** How a prop reads in a lesson: `name="text"` for a string, `name={value}` for anything else. */
export function attribute(name: string, value: unknown): string {
  if (typeof value === 'string') return `${name}="${value}"`;
  if (value === undefined) return name;
  return `${name}={${typeof value === 'object' ? JSON.stringify(value) : String(value)}}`;
}

/** The error a wrong prop fails the build with: the file, the component with the prop as written, and what is wrong. */
export function propError(file: string, component: string, written: string, message: string): Error {
  return new Error(`${file}: <${component}${written === '' ? '' : ` ${written}`}>: ${message}`);
}

/** The component's props checked and completed with their defaults; a wrong prop throws one error per problem, each naming the file, component, prop and allowed values. */
export function parseProps<S extends z.ZodTypeAny>(schema: S, use: ComponentUse, component: string): z.output<S> {
  const given = (typeof use.props === 'object' && use.props !== null ? use.props : {}) as Record<string, unknown>;
  // Astro passes a page's scoped-style marker (data-astro-cid-…) to the components the page renders; it is not a prop.
  const props = Object.fromEntries(Object.entries(given).filter(([name]) => !name.startsWith('data-astro-cid-')));
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.length > 0 ? String(issue.path[0]) : issue.code === 'unrecognized_keys' ? issue.keys[0] : '';
    const written = name === '' || !(name in props) ? '' : attribute(name, props[name]);
    return propError(placeOf(use, component, name, written), component, written, describeIssue(issue, schema)).message;
  });
  throw new Error(lines.join('\n'));
}

/** Where a problem with `prop` (written as `written`, or left out when that is empty) is: `file:line` in a lesson, else the file or page. */
export function placeOf(use: Pick<ComponentUse, 'url' | 'locals'>, component: string, prop: string, written: string): string {
  const file = usedIn(use);
  const source = use.locals.lessonFile === undefined ? undefined : readLesson(use.locals.lessonFile);
  const line = source === undefined ? undefined : tagLine(source, component, prop, written);
  return line === undefined ? file : `${file}:${line}`;
}

/** The text of a lesson file (a path from the project's root, where the build runs), or undefined if it cannot be read. */
function readLesson(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** One problem in words, starting with the prop's name (a nested field reads `preset.data`). */
export function describeIssue(issue: z.ZodIssue, schema: z.ZodTypeAny): string {
  const path = issue.path.join('.');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(schema, issue.path);
      const [what, all] = path === '' ? ['prop', 'the props are'] : [`field of ${path}`, 'its fields are'];
      const plural = issue.keys.length > 1 ? 's' : '';
      return `unknown ${what}${plural} ${issue.keys.join(', ')}; ${all} ${known.join(', ')}`;
    }
    case 'invalid_type':
      return issue.received === 'undefined' ? `${path} is required` : `${path} must be ${article(issue.expected)}, not ${article(issue.received)}`;
    case 'invalid_enum_value':
      return `${path} must be one of ${issue.options.join(', ')}`;
    default:
      return `${path} ${issue.message}`;
  }
}

/** A type's name with its article: "an object", "a string". */
function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** The field names of the object schema at `path` inside `schema`, through optional, default and refinement wrappers. */
function keysAt(schema: z.ZodTypeAny, path: readonly (string | number)[]): string[] {
  let current: z.ZodTypeAny | undefined = schema;
  for (let depth = 0; current !== undefined; ) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodDefault) current = current.removeDefault();
    else if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodObject) {
      const shape = current.shape as Record<string, z.ZodTypeAny>;
      if (depth === path.length) return Object.keys(shape);
      current = shape[String(path[depth])];
      depth += 1;
    } else return [];
  }
  return [];
}

/**
 * An id from a list declared elsewhere (`described` says which: "a term declared in site/course/notation.ts"); a wrong
 * one's message names the closest declared id, from `closest`.
 */
export function declaredId(ids: readonly string[], described: string, closest: (id: string) => string | undefined): z.ZodType<string, z.ZodTypeDef, string> {
  const schema = z.string().superRefine((value, context) => {
    if (ids.includes(value)) return;
    const near = closest(value);
    context.addIssue({ code: 'custom', message: `must be ${described}${near === undefined ? '' : `; did you mean "${near}"?`}` });
  });
  return accepting(schema, described);
}
