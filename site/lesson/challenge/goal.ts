// A Playground challenge's goal: conditions on the settings (how big the network may be, which data and inputs) and
// on one frame of training (test loss, test accuracy, epochs). Pure logic, shared by the build (the <Challenge> card
// states the goal in words and puts it in its link) and the page (the goal panel checks it on every frame).
//
// The URL form is compact `key:value` pairs joined by commas, like the Playground's own state:
//   ?playground=data:xor,layers:&challenge=xor-linear&goal=acc:0.95,units:0
// A hostile or garbled goal is never half-read: any unreadable part makes the whole goal unreadable, with a message.

import { DATASETS, INPUTS, LIMITS, classCount, isRegression, type DatasetName, type InputName, type PlaygroundState } from '../playground/state.ts';
import { PLANE_FEATURE_INFO } from '../../../engine/data/plane-features.ts';

/** The URL parameters of a challenge link: its id and its goal. */
export const CHALLENGE_PARAM = 'challenge';
export const GOAL_PARAM = 'goal';
/** The challenge's title, for the panel's heading (plain text, shown as text; the id stands in when it is missing). */
export const TITLE_PARAM = 'challenge-title';
/** The longest title a link may carry. */
export const MAX_TITLE_LENGTH = 120;

/** A title from a link as plain text: control characters dropped, spaces collapsed, at most MAX_TITLE_LENGTH characters; null if empty. */
export function cleanTitle(text: string | null): string | null {
  if (text === null) return null;
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  return clean.length > MAX_TITLE_LENGTH ? `${clean.slice(0, MAX_TITLE_LENGTH - 1)}…` : clean;
}
/** The playground a challenge link drives: the one reading the default `playground` parameter. */
export const CHALLENGE_PLAYGROUND_PARAM = 'playground';

/** What a challenge asks for; every condition given must hold on one frame. */
export interface Goal {
  /** The test loss must be below this (strictly). */
  testLoss?: { below: number };
  /** The fraction of test points classified correctly must be at least this (0 to 1). */
  testAccuracy?: { atLeast: number };
  /** The hidden units of all layers together must be at most this (0: no hidden layer, a linear model). */
  hiddenUnits?: { atMost: number };
  /** The number of hidden layers must be at most this. */
  hiddenLayers?: { atMost: number };
  /** The goal must be met within this many epochs of training. */
  epochs?: { atMost: number };
  /** The data must be this dataset. */
  data?: DatasetName;
  /** The spiral or Gaussian data must have this many classes. */
  classes?: number;
  /** The noise must be at least this (so the task is not made easier by removing it). */
  noise?: { atLeast: number };
  /** The network may read only these inputs (a subset of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2). */
  inputs?: { only: InputName[] };
}

/** One frame of training, as the goal sees it. */
export interface GoalFrame {
  epoch: number;
  testLoss: number;
  testAccuracy: number;
}

/** A goal's condition checked against a setting and a frame. */
export interface ConditionResult {
  /** The goal's key. */
  key: keyof Goal;
  /** The condition in words: "test loss below 0.1". */
  text: string;
  /** Whether it holds. */
  met: boolean;
  /** What it is now: "0.213"; empty before the first frame. */
  now: string;
}

/** The condition keys in the order they are stated, with their URL key. */
const ORDER: readonly [keyof Goal, string][] = [
  ['testLoss', 'loss'],
  ['testAccuracy', 'acc'],
  ['hiddenUnits', 'units'],
  ['hiddenLayers', 'layers'],
  ['epochs', 'epochs'],
  ['data', 'data'],
  ['classes', 'classes'],
  ['noise', 'noise'],
  ['inputs', 'in'],
];

/** The largest possible number of hidden units: the limits' layers of the widest units. */
const MAX_UNITS = LIMITS.layers.max * LIMITS.units.max;
/** The most epochs a goal may allow. */
export const MAX_EPOCHS = 1_000_000;

const DATA_LABELS: Record<DatasetName, string> = {
  circles: 'circles', xor: 'XOR', gaussian: 'Gaussian blobs', spiral: 'spiral', moons: 'moons', checkerboard: 'checkerboard', regression: 'regression',
  plane: 'the 2-D plane regression', bumps: 'the 2-D bumps regression', custom: 'your own points',
};

/** "x₁, x₂ and x₁x₂". */
function inputList(names: readonly InputName[]): string {
  const labels = INPUTS.filter((name) => names.includes(name)).map((name) => PLANE_FEATURE_INFO[name].label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** A fraction as a percentage without needless decimals: 0.95 is "95%", 0.925 "92.5%". */
const percent = (fraction: number): string => `${Number((fraction * 100).toFixed(2))}%`;

/** Each condition of a goal in words, in the stated order: "test accuracy at least 95%". */
export function goalConditions(goal: Goal): { key: keyof Goal; text: string }[] {
  const out: { key: keyof Goal; text: string }[] = [];
  for (const [key] of ORDER) {
    if (goal[key] === undefined) continue;
    out.push({ key, text: conditionText(goal, key) });
  }
  return out;
}

function conditionText(goal: Goal, key: keyof Goal): string {
  switch (key) {
    case 'testLoss': return `test loss below ${goal.testLoss!.below}`;
    case 'testAccuracy': return `test accuracy at least ${percent(goal.testAccuracy!.atLeast)}`;
    case 'hiddenUnits': return goal.hiddenUnits!.atMost === 0 ? 'no hidden units (a linear model)' : `at most ${goal.hiddenUnits!.atMost} hidden units in all`;
    case 'hiddenLayers': return goal.hiddenLayers!.atMost === 0 ? 'no hidden layer' : `at most ${goal.hiddenLayers!.atMost} hidden ${goal.hiddenLayers!.atMost === 1 ? 'layer' : 'layers'}`;
    case 'epochs': return `within ${goal.epochs!.atMost} epochs`;
    case 'data': return `on the ${DATA_LABELS[goal.data!]} data`;
    case 'classes': return `with ${goal.classes} classes`;
    case 'noise': return `noise at least ${goal.noise!.atLeast}`;
    case 'inputs': return `reading only ${inputList(goal.inputs!.only)}`;
  }
}

/** The goal in one sentence: "Reach test accuracy at least 95% with no hidden units (a linear model), on the XOR data." */
export function goalSentence(goal: Goal): string {
  const parts = goalConditions(goal).map((c) => c.text);
  if (parts.length === 0) return '';
  const text = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

const fixed = (value: number, digits = 3): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** Every condition of the goal checked against the settings and a frame (null before the first frame: its conditions fail). */
export function evaluateGoal(goal: Goal, state: PlaygroundState, frame: GoalFrame | null): ConditionResult[] {
  const units = state.layers.reduce((sum, n) => sum + n, 0);
  return goalConditions(goal).map(({ key, text }) => {
    let met = false;
    let now = '';
    switch (key) {
      case 'testLoss':
        met = frame !== null && Number.isFinite(frame.testLoss) && frame.testLoss < goal.testLoss!.below;
        now = frame === null ? '' : fixed(frame.testLoss);
        break;
      case 'testAccuracy':
        met = frame !== null && Number.isFinite(frame.testAccuracy) && frame.testAccuracy >= goal.testAccuracy!.atLeast;
        now = frame === null || !Number.isFinite(frame.testAccuracy) ? '' : percent(frame.testAccuracy);
        break;
      case 'hiddenUnits':
        met = units <= goal.hiddenUnits!.atMost;
        now = `${units}`;
        break;
      case 'hiddenLayers':
        met = state.layers.length <= goal.hiddenLayers!.atMost;
        now = `${state.layers.length}`;
        break;
      case 'epochs':
        met = frame !== null && frame.epoch <= goal.epochs!.atMost;
        now = frame === null ? '' : `epoch ${frame.epoch}`;
        break;
      case 'data':
        met = state.data === goal.data;
        now = DATA_LABELS[state.data];
        break;
      case 'classes': {
        const classes = isRegression(state) ? 0 : classCount(state);
        met = classes === goal.classes;
        now = `${classes}`;
        break;
      }
      case 'noise':
        met = state.noise >= goal.noise!.atLeast;
        now = `${state.noise}`;
        break;
      case 'inputs': {
        const allowed = new Set(goal.inputs!.only);
        met = state.data !== 'regression' && state.inputs.every((name) => allowed.has(name));
        now = inputList(state.inputs);
        break;
      }
    }
    return { key, text, met, now };
  });
}

/** Whether every condition holds (a goal with no condition is never met). */
export function goalMet(results: readonly ConditionResult[]): boolean {
  return results.length > 0 && results.every((result) => result.met);
}

/** The compact URL form of a goal: `loss:0.1,acc:0.95,units:12,in:x1-x2-x1x2`. */
export function encodeGoal(goal: Goal): string {
  const parts: string[] = [];
  for (const [key, short] of ORDER) {
    const value = goal[key];
    if (value === undefined) continue;
    let text: string;
    switch (key) {
      case 'testLoss': text = String(goal.testLoss!.below); break;
      case 'testAccuracy': text = String(goal.testAccuracy!.atLeast); break;
      case 'hiddenUnits': text = String(goal.hiddenUnits!.atMost); break;
      case 'hiddenLayers': text = String(goal.hiddenLayers!.atMost); break;
      case 'epochs': text = String(goal.epochs!.atMost); break;
      case 'noise': text = String(goal.noise!.atLeast); break;
      case 'inputs': text = INPUTS.filter((name) => goal.inputs!.only.includes(name)).join('-'); break;
      default: text = String(value);
    }
    parts.push(`${short}:${text}`);
  }
  return parts.join(',');
}

/** A goal read back from its URL form, or the reasons it cannot be read (then no goal at all: never half a goal). */
export function decodeGoal(text: string): { goal: Goal; problems: string[] } | { goal: null; problems: string[] } {
  const problems: string[] = [];
  const goal: Goal = {};
  if (text.length > 500) return { goal: null, problems: ['the goal is too long to be a challenge\'s goal'] };
  const byShort = new Map(ORDER.map(([key, short]) => [short, key]));
  const seen = new Set<string>();
  const parts = text.split(',').filter((part) => part !== '');
  if (parts.length === 0) problems.push('the goal has no conditions');
  const number = (value: string, short: string, min: number, max: number, whole: boolean): number | undefined => {
    const n = value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
      problems.push(`${short}:${value.slice(0, 40)} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`);
      return undefined;
    }
    return n;
  };
  for (const part of parts) {
    const colon = part.indexOf(':');
    const short = colon < 0 ? part : part.slice(0, colon);
    const value = colon < 0 ? '' : part.slice(colon + 1);
    const key = byShort.get(short);
    if (key === undefined || colon < 0) {
      problems.push(`"${part.slice(0, 40)}" is not a condition (the conditions are ${ORDER.map(([, s]) => s).join(', ')}, each as key:value)`);
      continue;
    }
    if (seen.has(short)) {
      problems.push(`${short} is given twice`);
      continue;
    }
    seen.add(short);
    switch (key) {
      case 'testLoss': { const n = number(value, short, 0, 100, false); if (n !== undefined) goal.testLoss = { below: n }; break; }
      case 'testAccuracy': { const n = number(value, short, 0, 1, false); if (n !== undefined) goal.testAccuracy = { atLeast: n }; break; }
      case 'hiddenUnits': { const n = number(value, short, 0, MAX_UNITS, true); if (n !== undefined) goal.hiddenUnits = { atMost: n }; break; }
      case 'hiddenLayers': { const n = number(value, short, 0, LIMITS.layers.max, true); if (n !== undefined) goal.hiddenLayers = { atMost: n }; break; }
      case 'epochs': { const n = number(value, short, 1, MAX_EPOCHS, true); if (n !== undefined) goal.epochs = { atMost: n }; break; }
      case 'classes': { const n = number(value, short, LIMITS.classes.min, LIMITS.classes.max, true); if (n !== undefined) goal.classes = n; break; }
      case 'noise': { const n = number(value, short, LIMITS.noise.min, LIMITS.noise.max, false); if (n !== undefined) goal.noise = { atLeast: n }; break; }
      case 'data':
        if ((DATASETS as readonly string[]).includes(value)) goal.data = value as DatasetName;
        else problems.push(`data:${value.slice(0, 40)} must be one of ${DATASETS.join(', ')}`);
        break;
      case 'inputs': {
        const names = value.split('-');
        const bad = names.filter((name) => !(INPUTS as readonly string[]).includes(name));
        if (value === '' || bad.length > 0) problems.push(`in:${value.slice(0, 60)} must list inputs from ${INPUTS.join(', ')}, joined by -`);
        else goal.inputs = { only: INPUTS.filter((name) => names.includes(name)) };
        break;
      }
    }
  }
  return problems.length > 0 ? { goal: null, problems } : { goal, problems };
}

/** A challenge id as the URL and progress accept it: kebab-case, at most 60 characters. */
export function isChallengeId(id: string): boolean {
  return id.length <= 60 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
}
