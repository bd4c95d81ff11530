// The example of each lesson component the authoring guide's catalogue shows: the props (and text inside the tag,
// for the components that take some) that the component's page, /authoring/components/<folder>/, both renders live,
// with the real component, and prints as the source an author would write (the catalogue, /authoring/components/,
// prints the source alone). One object serves both, so the snippet is what the example runs.

/** One component's example: its props as a lesson writes them, and the text between its tags if it takes any. */
export interface ComponentExample {
  /** The props, each as it is written on the tag. */
  props: Readonly<Record<string, unknown>>;
  /** Text inside the tag (an aside's body, a challenge's hint); none for a self-closing tag. */
  children?: string;
}

/**
 * Every component's example, by the name the barrel exports. The Challenge is lesson 3's `xor-linear` as placed
 * there (a challenge's id keys the reader's progress, so the example is that challenge, not a new one); a test holds
 * the two equal. The Exercise is a practice-sized quiz, also answered in its chapter.
 */
export const COMPONENT_EXAMPLES: Readonly<Record<string, ComponentExample>> = {
  Aside: { props: { type: 'tip', title: 'Try it' }, children: 'Change a number in a cell and run it again: the output below it follows.' },
  Cell: { props: { id: 'catalogue-cell', code: 'tensor([1, 2, 3]).mul(2)' } },
  PerceptronLab: { props: { dataset: 'or' } },
  Challenge: {
    props: { id: 'xor-linear', title: 'Solve XOR with a linear model', preset: { data: 'xor', layers: [] }, goal: { testAccuracy: { atLeast: 0.95 }, hiddenUnits: { atMost: 0 }, data: 'xor' } },
    children: 'No hidden layer may be used; which inputs can a line separate XOR with?',
  },
  Playground: { props: { preset: { data: 'circles', layers: [4] }, param: 'catalogue', title: 'A small playground' } },
  ActivationExplorer: { props: { activation: 'tanh', range: 4 } },
  Exercise: { props: { id: 'one-hidden-layer-quiz' } },
  UniversalApproximator: { props: { target: 'abs', units: 4 } },
  BackpropStepper: { props: { preset: 'neuron' } },
  OptimizerRace: { props: { preset: 'race' } },
  PositionToColour: { props: {} },
  MnistLab: { props: {} },
  GradientFlow: { props: { preset: 'relu-he' } },
  RegularizationLab: { props: { preset: 'l2' } },
  Term: { props: { id: 'epoch' }, children: 'epoch' },
  Sym: { props: { id: 'eta' } },
};

/** A value as JavaScript an author would type: single-quoted strings, bare keys, `[]` and `{ … }` with spaces. */
export function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).map(([key, field]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key)}: ${literal(field)}`);
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  }
  return String(value);
}

/** The tag as a lesson writes it: `name="text"` for a string prop, `name={…}` for any other, the text inside on its own line. */
export function usage(name: string, example: ComponentExample): string {
  const attributes = Object.entries(example.props).map(([prop, value]) => (typeof value === 'string' ? ` ${prop}="${value}"` : ` ${prop}={${literal(value)}}`));
  const open = `<${name}${attributes.join('')}`;
  return example.children === undefined ? `${open} />` : `${open}>\n${example.children}\n</${name}>`;
}
