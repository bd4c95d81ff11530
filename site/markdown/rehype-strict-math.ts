import type { VFile } from 'vfile';

interface Positioned {
  position?: { start: { line: number; column: number } };
}

/** A rehype plugin that fails the build when KaTeX reported a malformed formula, naming the file, line and KaTeX's reason. */
export function rehypeStrictMath() {
  return (_tree: unknown, file: VFile) => {
    const problems = file.messages.filter((message) => message.source === 'rehype-katex');
    if (problems.length === 0) return;
    const where = file.path ?? 'an MDX file';
    const lines = problems.map((message) => {
      // The math element itself often has no position in MDX; its nearest positioned ancestor (the paragraph) does.
      const chain = [...((message.ancestors ?? []) as Positioned[])].reverse();
      const start = chain.find((node) => node.position)?.position?.start;
      const cause = message.cause instanceof Error ? message.cause.message : String(message.reason);
      return `${where}:${start ? `${start.line}:${start.column}` : '?'}: ${cause}`;
    });
    throw new Error(`Malformed math: KaTeX could not parse ${problems.length === 1 ? 'a formula' : `${problems.length} formulas`}.\n${lines.join('\n')}`);
  };
}
