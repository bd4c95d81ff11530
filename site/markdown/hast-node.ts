// The part of a hast (HTML syntax tree) node the site's rehype plugins read and write: one type for all of them,
// narrower than @types/hast's union, so a plugin walks children and reads properties without a cast at each step.

/** An element, text, comment or root node of a hast tree, as the plugins see it. */
export interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  position?: { start: { line: number; column: number } };
}
