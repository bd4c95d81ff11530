import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parseProps, usedIn, type ComponentUse } from '../../../site/lesson/shared/props.ts';
import { tagLine } from '../../../site/lesson/shared/tag-line.ts';
import { activationExplorerProps } from '../../../site/lesson/activation-explorer/props.ts';
import { ACTIVATIONS } from '../../../site/lesson/activation-explorer/catalogue.ts';
import { asideProps } from '../../../site/lesson/aside/props.ts';
import { cellProps } from '../../../site/lesson/cell/props.ts';
import { exerciseProps } from '../../../site/lesson/exercise/props.ts';
import { exerciseIds } from '../../../exercises/index.ts';
import { perceptronLabProps } from '../../../site/lesson/perceptron-lab/props.ts';
import { playgroundProps } from '../../../site/lesson/playground/props.ts';
import { challengeProps } from '../../../site/lesson/challenge/props.ts';
import { DATASETS, DEFAULT_STATE } from '../../../site/lesson/playground/state.ts';
import { universalApproximatorProps } from '../../../site/lesson/universal-approximator/props.ts';
import { backpropStepperProps } from '../../../site/lesson/backprop-stepper/props.ts';
import { PRESET_IDS } from '../../../site/lesson/backprop-stepper/presets.ts';
import { optimizerRaceProps } from '../../../site/lesson/optimizer-race/props.ts';
import { PRESET_IDS as RACE_PRESET_IDS } from '../../../site/lesson/optimizer-race/presets.ts';
import { positionToColourProps } from '../../../site/lesson/position-to-colour/props.ts';
import { mnistLabProps } from '../../../site/lesson/mnist-lab/props.ts';
import { gradientFlowProps } from '../../../site/lesson/gradient-flow/props.ts';
import { PRESET_IDS as FLOW_PRESET_IDS } from '../../../site/lesson/gradient-flow/presets.ts';
import { regularizationLabProps } from '../../../site/lesson/regularization-lab/props.ts';
import { PRESET_IDS as LAB_PRESET_IDS } from '../../../site/lesson/regularization-lab/presets.ts';

// No such file: the messages name it without a line (a lesson that exists adds the line; see the last tests).
const LESSON = 'lessons/09-example.mdx';

/** How a component is used in the lesson LESSON, with these props. */
function inLesson(props: Record<string, unknown>): ComponentUse {
  return { props, url: new URL('https://course.example/lessons/activations/'), locals: { lessonFile: LESSON } };
}

/** The message `parseProps` throws for these props, or undefined when they are accepted. */
function problem(schema: z.ZodTypeAny, component: string, props: Record<string, unknown>): string | undefined {
  try {
    parseProps(schema, inLesson(props), component);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('a wrong prop names the lesson file, the component as written, the prop and the allowed values', () => {
  test('ActivationExplorer: an unknown activation lists the catalogue\'s ids', () => {
    expect(problem(activationExplorerProps, 'ActivationExplorer', { activation: 'rleu' })).toBe(
      `${LESSON}: <ActivationExplorer activation="rleu">: activation must be one of ${ACTIVATIONS.map((a) => a.id).join(', ')}`,
    );
  });

  test('ActivationExplorer: a range not offered lists the ranges; a threshold outside (0, 1) says so', () => {
    expect(problem(activationExplorerProps, 'ActivationExplorer', { range: 3 })).toBe(
      `${LESSON}: <ActivationExplorer range={3}>: range must be one of 2, 4, 6, 10`,
    );
    expect(problem(activationExplorerProps, 'ActivationExplorer', { threshold: 1.5 })).toBe(
      `${LESSON}: <ActivationExplorer threshold={1.5}>: threshold must be a number between 0 and 1`,
    );
  });

  test('Aside: an unknown type lists the kinds', () => {
    expect(problem(asideProps, 'Aside', { type: 'danger' })).toBe(
      `${LESSON}: <Aside type="danger">: type must be one of note, tip, warning, mistake`,
    );
  });

  test('Cell: a missing or non-kebab id, an unknown lang and a timeout out of range are each named', () => {
    expect(problem(cellProps, 'Cell', {})).toBe(
      `${LESSON}: <Cell>: id must be a kebab-case id such as "train-and" (it keys the reader's saved edits)`,
    );
    expect(problem(cellProps, 'Cell', { id: 'Train_And' })).toMatch(/^lessons\/09-example\.mdx: <Cell id="Train_And">: id must be a kebab-case id/);
    expect(problem(cellProps, 'Cell', { id: 'a', lang: 'py' })).toBe(`${LESSON}: <Cell lang="py">: lang must be one of ts, js`);
    expect(problem(cellProps, 'Cell', { id: 'a', timeout: 0 })).toBe(
      `${LESSON}: <Cell timeout={0}>: timeout must be a number of seconds above 0 and at most 120`,
    );
  });

  test('Exercise: an unknown id lists the exercises', () => {
    expect(problem(exerciseProps, 'Exercise', { id: 'perceptron-updat' })).toBe(
      `${LESSON}: <Exercise id="perceptron-updat">: id must be one of ${exerciseIds().join(', ')}`,
    );
  });

  test('PerceptronLab: an unknown dataset, a learning rate of 0 and a fractional epoch count are each named', () => {
    expect(problem(perceptronLabProps, 'PerceptronLab', { dataset: 'nand' })).toBe(
      `${LESSON}: <PerceptronLab dataset="nand">: dataset must be one of and, or, xor, blobs, empty`,
    );
    expect(problem(perceptronLabProps, 'PerceptronLab', { learningRate: 0 })).toBe(
      `${LESSON}: <PerceptronLab learningRate={0}>: learningRate must be a number above 0`,
    );
    expect(problem(perceptronLabProps, 'PerceptronLab', { maxEpochs: 2.5 })).toBe(
      `${LESSON}: <PerceptronLab maxEpochs={2.5}>: maxEpochs must be a whole number from 1 to 1000`,
    );
  });

  test('Playground: a preset field outside the choices names the field and lists the datasets; an unknown setting lists the settings', () => {
    expect(problem(playgroundProps, 'Playground', { preset: { data: 'xr' } })).toBe(
      `${LESSON}: <Playground preset={{"data":"xr"}}>: preset.data must be one of ${DATASETS.join(', ')}`,
    );
    expect(problem(playgroundProps, 'Playground', { preset: { hidden: [2] } })).toBe(
      `${LESSON}: <Playground preset={{"hidden":[2]}}>: unknown field of preset hidden; its fields are ${Object.keys(DEFAULT_STATE).join(', ')}`,
    );
    expect(problem(playgroundProps, 'Playground', { preset: { layers: [4, 0] } })).toBe(
      `${LESSON}: <Playground preset={{"layers":[4,0]}}>: preset.layers.1 must be a whole number from 1 to 16`,
    );
    expect(problem(playgroundProps, 'Playground', { preset: 'xor' })).toBe(`${LESSON}: <Playground preset="xor">: preset must be an object, not a string`);
    expect(problem(playgroundProps, 'Playground', { param: 'XOR' })).toMatch(/<Playground param="XOR">: param must be a short lowercase name/);
  });

  test('UniversalApproximator: an unknown target, too many units and an unknown activation are each named', () => {
    expect(problem(universalApproximatorProps, 'UniversalApproximator', { target: 'cos' })).toBe(
      `${LESSON}: <UniversalApproximator target="cos">: target must be one of sin, step, abs, points`,
    );
    expect(problem(universalApproximatorProps, 'UniversalApproximator', { units: 65 })).toBe(
      `${LESSON}: <UniversalApproximator units={65}>: units must be a whole number from 1 to 64`,
    );
    expect(problem(universalApproximatorProps, 'UniversalApproximator', { activation: 'tanh' })).toBe(
      `${LESSON}: <UniversalApproximator activation="tanh">: activation must be one of relu, sigmoid`,
    );
  });
});

describe('<BackpropStepper>', () => {
  test('an unknown preset lists the presets; the preset is required', () => {
    expect(problem(backpropStepperProps, 'BackpropStepper', { preset: 'neurone' })).toBe(
      `${LESSON}: <BackpropStepper preset="neurone">: preset must be one of ${PRESET_IDS.join(', ')}`,
    );
    expect(problem(backpropStepperProps, 'BackpropStepper', {})).toMatch(/preset must be one of neuron, seed000-221/);
  });

  test('an id must be lowercase letters, digits and hyphens; a good one is accepted', () => {
    expect(problem(backpropStepperProps, 'BackpropStepper', { preset: 'neuron', id: 'Second one' })).toBe(
      `${LESSON}: <BackpropStepper id="Second one">: id must be lowercase letters, digits and hyphens, starting with a letter`,
    );
    expect(problem(backpropStepperProps, 'BackpropStepper', { preset: 'neuron', id: 'neuron-2' })).toBeUndefined();
  });
});

describe('<OptimizerRace>', () => {
  test('an unknown preset lists the presets; the preset is required; an id is checked', () => {
    expect(problem(optimizerRaceProps, 'OptimizerRace', { preset: 'ravine' })).toBe(
      `${LESSON}: <OptimizerRace preset="ravine">: preset must be one of ${RACE_PRESET_IDS.join(', ')}`,
    );
    expect(problem(optimizerRaceProps, 'OptimizerRace', {})).toMatch(/preset must be one of race, lr-too-large/);
    expect(problem(optimizerRaceProps, 'OptimizerRace', { preset: 'race', id: 'Race 2' })).toMatch(/id must be lowercase letters/);
    expect(problem(optimizerRaceProps, 'OptimizerRace', { preset: 'race', id: 'race-2' })).toBeUndefined();
  });
});

describe('<PositionToColour>', () => {
  test('encoding and compare must be true or false, an id is checked, and the defaults are off', () => {
    expect(problem(positionToColourProps, 'PositionToColour', { encoding: 'true' })).toBe(
      `${LESSON}: <PositionToColour encoding="true">: encoding must be a boolean, not a string`,
    );
    expect(problem(positionToColourProps, 'PositionToColour', { compare: 1 })).toBe(
      `${LESSON}: <PositionToColour compare={1}>: compare must be a boolean, not a number`,
    );
    expect(problem(positionToColourProps, 'PositionToColour', { id: 'Colour 2' })).toMatch(/id must be lowercase letters/);
    expect(problem(positionToColourProps, 'PositionToColour', { encodng: true })).toMatch(/unknown prop encodng; the props are encoding, compare, id/);
    expect(parseProps(positionToColourProps, inLesson({}), 'PositionToColour')).toEqual({ encoding: false, compare: false });
    expect(parseProps(positionToColourProps, inLesson({ encoding: true, id: 'with-encoding' }), 'PositionToColour')).toEqual({ encoding: true, compare: false, id: 'with-encoding' });
  });
});

describe('<MnistLab>', () => {
  test('takes no prop but an optional id, which is checked; anything else is named', () => {
    expect(problem(mnistLabProps, 'MnistLab', {})).toBeUndefined();
    expect(problem(mnistLabProps, 'MnistLab', { id: 'mnist-2' })).toBeUndefined();
    expect(problem(mnistLabProps, 'MnistLab', { id: 'MNIST lab' })).toBe(
      `${LESSON}: <MnistLab id="MNIST lab">: id must be lowercase letters, digits and hyphens, starting with a letter`,
    );
    expect(problem(mnistLabProps, 'MnistLab', { epochs: 3 })).toMatch(/unknown prop epochs; the props are id/);
  });
});

describe('<GradientFlow>', () => {
  test('an unknown preset lists the presets; the preset is required; an id is checked', () => {
    expect(problem(gradientFlowProps, 'GradientFlow', { preset: 'vanishing' })).toBe(
      `${LESSON}: <GradientFlow preset="vanishing">: preset must be one of ${FLOW_PRESET_IDS.join(', ')}`,
    );
    expect(problem(gradientFlowProps, 'GradientFlow', {})).toMatch(/preset must be one of vanishing-sigmoid, tanh-xavier, relu-he, exploding, dead-relu$/);
    expect(problem(gradientFlowProps, 'GradientFlow', { preset: 'relu-he', id: 'Flow 2' })).toMatch(/id must be lowercase letters/);
    expect(problem(gradientFlowProps, 'GradientFlow', { preset: 'relu-he', depth: 12 })).toMatch(/unknown prop depth; the props are preset, id/);
    for (const preset of FLOW_PRESET_IDS) expect(problem(gradientFlowProps, 'GradientFlow', { preset })).toBeUndefined();
    expect(problem(gradientFlowProps, 'GradientFlow', { preset: 'relu-he', id: 'relu-he-2' })).toBeUndefined();
  });
});

describe('<RegularizationLab>', () => {
  test('an unknown preset lists the presets; the preset is required; an id is checked', () => {
    expect(problem(regularizationLabProps, 'RegularizationLab', { preset: 'weight-decay' })).toBe(
      `${LESSON}: <RegularizationLab preset="weight-decay">: preset must be one of ${LAB_PRESET_IDS.join(', ')}`,
    );
    expect(problem(regularizationLabProps, 'RegularizationLab', {})).toMatch(/preset must be one of overfit, l2, dropout, early-stopping/);
    expect(problem(regularizationLabProps, 'RegularizationLab', { preset: 'l2', id: 'L2 lab' })).toMatch(/id must be lowercase letters/);
    expect(problem(regularizationLabProps, 'RegularizationLab', { preset: 'l2', id: 'l2-again' })).toBeUndefined();
  });
});

describe('Challenge: the goal is held to the Playground\'s limits at build time', () => {
  const ok = { id: 'xor-linear', title: 'Solve XOR', preset: { data: 'xor', layers: [] }, goal: { testAccuracy: { atLeast: 0.95 }, hiddenUnits: { atMost: 0 } } };

  test('a wrong id, an empty goal, an unknown condition or a value out of range names the prop and what it accepts', () => {
    expect(problem(challengeProps, 'Challenge', { ...ok, id: 'XOR linear' })).toBe(
      `${LESSON}: <Challenge id="XOR linear">: id must be a kebab-case id such as "xor-linear"`,
    );
    expect(problem(challengeProps, 'Challenge', { ...ok, goal: {} })).toBe(
      `${LESSON}: <Challenge goal={{}}>: goal must set at least one condition, such as { testLoss: { below: 0.1 } }`,
    );
    expect(problem(challengeProps, 'Challenge', { ...ok, goal: { accuracy: 0.9 } })).toMatch(
      /<Challenge goal=\{\{"accuracy":0.9\}\}>: unknown field of goal accuracy; its fields are testLoss, testAccuracy, hiddenUnits, hiddenLayers, epochs, data, classes, noise, inputs/,
    );
    expect(problem(challengeProps, 'Challenge', { ...ok, goal: { testAccuracy: { atLeast: 95 } } })).toMatch(
      /goal.testAccuracy.atLeast must be a fraction above 0 and at most 1, such as 0.95/,
    );
    expect(problem(challengeProps, 'Challenge', { ...ok, goal: { hiddenUnits: { atMost: 2.5 } } })).toMatch(/goal.hiddenUnits.atMost must be a whole number from 0 to 96/);
    expect(problem(challengeProps, 'Challenge', { ...ok, goal: { data: 'mnist' } })).toMatch(/goal.data must be one of circles, xor/);
    expect(problem(challengeProps, 'Challenge', { ...ok, goal: { inputs: { only: ['x3'] } } })).toMatch(/goal.inputs.only.0 must be one of x1, x2/);
    expect(problem(challengeProps, 'Challenge', { ...ok, preset: { data: 'xr' } })).toMatch(/preset.data must be one of circles/);
    expect(problem(challengeProps, 'Challenge', { id: 'x', goal: ok.goal })).toMatch(/title/);
  });

  test('the lessons\' kind of challenge is accepted, its preset defaulting to the Playground\'s defaults', () => {
    expect(parseProps(challengeProps, inLesson(ok), 'Challenge')).toEqual(ok);
    expect(parseProps(challengeProps, inLesson({ id: 'a', title: 'A', goal: { testLoss: { below: 0.1 } } }), 'Challenge').preset).toEqual({});
  });
});

describe('the shared prop check', () => {
  test('a misspelt prop is named with the props the component takes', () => {
    expect(problem(activationExplorerProps, 'ActivationExplorer', { activaton: 'relu' })).toBe(
      `${LESSON}: <ActivationExplorer activaton="relu">: unknown prop activaton; the props are activation, range, threshold`,
    );
  });

  test('every problem gets its own line', () => {
    const message = problem(universalApproximatorProps, 'UniversalApproximator', { target: 'cos', units: 0 }) ?? '';
    expect(message.split('\n')).toEqual([
      `${LESSON}: <UniversalApproximator target="cos">: target must be one of sin, step, abs, points`,
      `${LESSON}: <UniversalApproximator units={0}>: units must be a whole number from 1 to 64`,
    ]);
  });

  test('props left out take their defaults', () => {
    expect(parseProps(activationExplorerProps, inLesson({}), 'ActivationExplorer')).toEqual({ activation: 'sigmoid', range: 6, threshold: 0.05 });
    expect(parseProps(playgroundProps, inLesson({}), 'Playground')).toEqual({ preset: {}, param: 'playground', title: 'Playground' });
    expect(parseProps(cellProps, inLesson({ id: 'train-and' }), 'Cell')).toEqual({ id: 'train-and', lang: 'ts', timeout: 5 });
  });

  test('the lessons\' own props are accepted', () => {
    expect(() => parseProps(activationExplorerProps, inLesson({ activation: 'sigmoid' }), 'ActivationExplorer')).not.toThrow();
    expect(() => parseProps(universalApproximatorProps, inLesson({ target: 'sin', units: 8 }), 'UniversalApproximator')).not.toThrow();
    expect(() => parseProps(perceptronLabProps, inLesson({ dataset: 'xor' }), 'PerceptronLab')).not.toThrow();
    expect(() => parseProps(cellProps, inLesson({ id: 'train-moons', timeout: 20 }), 'Cell')).not.toThrow();
    expect(() => parseProps(playgroundProps, inLesson({ preset: { data: 'xor', layers: [2], activation: 'relu' } }), 'Playground')).not.toThrow();
  });

  test('the scoped-style marker Astro passes from a page with its own styles is not taken for a prop', () => {
    expect(parseProps(exerciseProps, inLesson({ id: exerciseIds()[0], 'data-astro-cid-6hghv42v': true }), 'Exercise')).toEqual({ id: exerciseIds()[0] });
  });

  test('a component outside a lesson names the page it is on', () => {
    expect(usedIn({ url: new URL('https://course.example/practice/'), locals: {} })).toBe('the page /practice/');
    expect(usedIn(inLesson({}))).toBe(LESSON);
  });
});

describe('a wrong prop\'s error names the line of its tag in the lesson', () => {
  const source = [
    '---',
    'title: T',
    '---',
    '<Cell id="first">',
    '```ts',
    '1',
    '```',
    '</Cell>',
    '<ActivationExplorer activation="relu" />',
    '<ActivationExplorer',
    '  range={3}',
    '  activation="rleu"',
    '/>',
    '<Playground preset={{ data: \'xr\', layers: [2] }} title="A > B" />',
    '<Cell code="x">',
    '</Cell>',
  ].join('\n');

  test('the tag holding the prop as written, even across lines', () => {
    expect(tagLine(source, 'ActivationExplorer', 'activation', 'activation="rleu"')).toBe(10);
  });

  test('else the tag that names the prop, skipping > inside braces and quotes', () => {
    expect(tagLine(source, 'ActivationExplorer', 'range', 'range={3}')).toBe(10);
    expect(tagLine(source, 'Playground', 'preset', 'preset={{"data":"xr","layers":[2]}}')).toBe(14);
    expect(tagLine(source, 'Playground', 'title', 'title="A > B"')).toBe(14);
  });

  test('for a prop left out, the tag that lacks it', () => {
    expect(tagLine(source, 'Cell', 'id', '')).toBe(15);
  });

  test('nothing when the component is not in the lesson', () => {
    expect(tagLine(source, 'UniversalApproximator', 'units', 'units={0}')).toBeUndefined();
  });

  const folder = mkdtempSync(join(tmpdir(), 'lesson-props-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('parseProps reads the lesson and puts the line after the file', () => {
    const file = join(folder, '02-activations.mdx');
    writeFileSync(file, source);
    const use = { props: { activation: 'rleu', range: 3 }, url: new URL('https://course.example/lessons/activations/'), locals: { lessonFile: file } };
    expect(() => parseProps(activationExplorerProps, use, 'ActivationExplorer')).toThrow(
      `${file}:10: <ActivationExplorer activation="rleu">: activation must be one of ${ACTIVATIONS.map((a) => a.id).join(', ')}\n` +
        `${file}:10: <ActivationExplorer range={3}>: range must be one of 2, 4, 6, 10`,
    );
  });
});
