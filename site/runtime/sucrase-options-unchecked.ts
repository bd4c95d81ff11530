// Stands in for ts-interface-checker in the site's bundles (the alias is in astro.config.mjs). Sucrase uses that
// package only to check the options a caller passes to transform() against their declared shape, at run time; the
// site's one call (strip-types.ts) passes fixed options that TypeScript already checks against sucrase's `Options`
// type, so the check can never fail there, and the checker (4 KB gzip) would ride along in the code worker for
// nothing. Node (the grading CLI, the tests) keeps the real package.

type Unchecked = () => undefined;
const unchecked: Unchecked = () => undefined;

// The type-description builders sucrase's Options-gen-types.js calls when it is loaded; what they return is unused.
export const array: Unchecked = unchecked;
export const iface: Unchecked = unchecked;
export const lit: Unchecked = unchecked;
export const opt: Unchecked = unchecked;
export const union: Unchecked = unchecked;

/** A checker for every described type that accepts anything: sucrase calls `Options.strictCheck(options)`. */
export function createCheckers(): Record<string, { strictCheck(value: unknown): void }> {
  return new Proxy({}, { get: () => ({ strictCheck: unchecked }) });
}
