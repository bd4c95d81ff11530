// A lesson names its exercises by id: `<Exercise id="perceptron-update" />`. A typo there would
// otherwise surface as a stack trace from the component; this plugin fails the build first, with
// the lesson's file and line and the ids that do exist.

import type { VFile } from 'vfile';
import { exerciseIds } from '../../exercises/index.ts';

interface Node {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
}

/** A remark plugin that fails the build when an `<Exercise id>` in a lesson names no exercise; `ids` defaults to the course's. */
export function remarkExerciseIds(options: { ids?: readonly string[] } = {}) {
  const known = new Set(options.ids ?? exerciseIds());
  return (tree: Node, file: VFile) => {
    const problems: string[] = [];
    const where = file.path ?? 'an MDX file';
    const visit = (node: Node): void => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Exercise') {
        const start = node.position?.start;
        const at = `${where}:${start ? `${start.line}:${start.column}` : '?'}`;
        const id = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
        if (typeof id !== 'string') problems.push(`${at}: <Exercise> needs an id written as text, such as id="perceptron-update"`);
        else if (!known.has(id)) problems.push(`${at}: <Exercise id="${id}"> names no exercise`);
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    if (problems.length === 0) return;
    throw new Error(`Unknown exercise: ${problems.join('\n')}\nKnown exercises: ${[...known].join(', ')}`);
  };
}
