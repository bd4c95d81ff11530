import { tanh, tensor, type Random, type Tensor } from '../../engine/index.ts';
import { defineExercise } from '../define-exercise.ts';
import { awayFrom } from '../cases.ts';
import { leaf } from '../engine-oracle.ts';

/** One step of a program: an op on earlier values, by index (the inputs first, then each step's result in order). */
export type ProgramStep = { op: 'add' | 'mul'; a: number; b: number } | { op: 'add' | 'mul'; a: number; constant: number } | { op: 'tanh'; a: number };

// The interpreter every version shares: it builds the program with the student's Value, runs
// backward() from the last value and returns the inputs' gradients. Written once, so a wrong
// solution differs from the reference only in the rules it gets wrong.
const INTERPRETER = `
// Builds the program with Value, runs backward() from its last value and returns the inputs' gradients.
function valueGradients(program: Step[], inputs: number[]): number[] {
  const values = inputs.map((x) => new Value(x));
  for (const step of program) {
    const a = values[step.a];
    if (step.op === 'tanh') values.push(a.tanh());
    else {
      const b = 'b' in step ? values[step.b] : step.constant;
      values.push(step.op === 'add' ? a.add(b) : a.mul(b));
    }
  }
  values[values.length - 1].backward();
  return values.slice(0, inputs.length).map((v) => v.grad);
}`;

const STEP_TYPE = `// One step: an op on earlier values by index (inputs first, then each step's result), or on a constant.
type Step = { op: 'add' | 'mul'; a: number; b: number } | { op: 'add' | 'mul'; a: number; constant: number } | { op: 'tanh'; a: number };`;

/** The backward rules and the walk of one version of Value, as source. */
interface Rules {
  add: string;
  mul: string;
  tanh: string;
  backward: string;
}

const RIGHT: Rules = {
  add: `out._backward = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };`,
  mul: `out._backward = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };`,
  tanh: `out._backward = () => {
      this.grad += (1 - t * t) * out.grad;
    };`,
  backward: `// Topological order: every value after all the values it was computed from.
    const order: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value) => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const child of v._prev) visit(child);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i]._backward();`,
};

/** The whole submission: Value with these rules, and the interpreter. */
function source(rules: Rules): string {
  return `${STEP_TYPE}

class Value {
  data: number;
  grad = 0;
  _prev: Value[];
  op: string;
  _backward: () => void = () => {};

  constructor(data: number, children: Value[] = [], op = '') {
    this.data = data;
    this._prev = children;
    this.op = op;
  }

  add(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data + o.data, [this, o], '+');
    ${rules.add}
    return out;
  }

  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data * o.data, [this, o], '*');
    ${rules.mul}
    return out;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this], 'tanh');
    ${rules.tanh}
    return out;
  }

  backward(): void {
    ${rules.backward}
  }
}
${INTERPRETER}`;
}

/** A program of the kind the cases use, and its inputs: every input used, an input and an inner value each used twice, a multiplication by a constant and tanh twice. */
function drawProgram(rng: Random, inputCount: number): { program: ProgramStep[]; inputs: number[] } {
  for (;;) {
    const inputs = Array.from({ length: inputCount }, () => awayFrom(rng, -1, 1, [0], 0.15));
    // Constants away from 0 and ±1, so multiplying by one can never be confused with not multiplying.
    const constant = () => awayFrom(rng, -1.5, 1.5, [-1, 0, 1], 0.2);
    const [i, j, ...rest] = rng.shuffle(Array.from({ length: inputCount }, (_, k) => k));
    const program: ProgramStep[] = [];
    const push = (step: ProgramStep) => program.push(step) + inputCount - 1;
    // x_i enters twice: once times x_j, once times a constant.
    const product = push({ op: 'mul', a: i, b: j });
    const scaled = push({ op: 'mul', a: i, constant: constant() });
    let total = push(rng.next() < 0.5 ? { op: 'add', a: product, b: scaled } : { op: 'add', a: scaled, b: product });
    for (const k of rest) {
      total = push(rng.next() < 0.5 ? { op: 'add', a: total, b: push({ op: 'mul', a: k, constant: constant() }) } : { op: 'mul', a: k, b: total });
    }
    const squashed = push({ op: 'tanh', a: total });
    // The tanh's output enters twice: squared, or plus a multiple of itself.
    const reused = rng.next() < 0.5 ? push({ op: 'mul', a: squashed, b: squashed }) : push({ op: 'add', a: squashed, b: push({ op: 'mul', a: squashed, constant: constant() }) });
    const shifted = push({ op: 'add', a: reused, constant: constant() });
    push({ op: 'tanh', a: push({ op: 'add', a: shifted, b: j }) });
    // Keep both tanh away from saturation, where every gradient fades and slips would hide.
    const values = evaluate(program, inputs);
    if (Math.abs(values[total]) <= 1.5 && Math.abs(values[values.length - 2]) <= 1.5) return { program, inputs };
  }
}

/** The values of a program's inputs and steps, in order (plain numbers, for drawing cases). */
function evaluate(program: readonly ProgramStep[], inputs: readonly number[]): number[] {
  const values = [...inputs];
  for (const step of program) {
    const a = values[step.a];
    if (step.op === 'tanh') values.push(Math.tanh(a));
    else {
      const b = 'b' in step ? values[step.b] : step.constant;
      values.push(step.op === 'add' ? a + b : a * b);
    }
  }
  return values;
}

/** A micrograd-style scalar autograd: the backward rules of +, × and tanh, and backward() itself. */
export default defineExercise({
  kind: 'code',
  id: 'value-backward',
  title: 'Backward rules for a scalar autograd',
  prompt: `Finish the scalar \`Value\` you built in the cells. Each op returns a new \`Value\` that remembers its inputs
(\`_prev\`) and stores a \`_backward\` closure: given \`out.grad\` $= \\partial L/\\partial\\,\\text{out}$, it adds each input's share
of the gradient to that input's \`grad\`. Write the three rules,
for $\\text{out} = a + b$, $\\text{out} = a\\,b$ and $\\text{out} = \\tanh a$, and \`backward()\`, which puts every value in
topological order, sets its own \`grad\` to $1$ and runs the closures from the last value back to the first.

The function \`valueGradients(program, inputs)\` is written for you: it builds a small expression from plain data with
your \`Value\`, calls \`backward()\` on the last value and returns the inputs' gradients. In the programs it is graded
on, some values are used more than once.`,
  functionName: 'valueGradients',
  signature: 'valueGradients(program: Step[], inputs: number[]): number[]',
  starter: source({
    add: `out._backward = () => {
      // this.grad and o.grad: their share of out.grad
    };`,
    mul: `out._backward = () => {
      // this.grad and o.grad: their share of out.grad
    };`,
    tanh: `out._backward = () => {
      // this.grad: its share of out.grad (t is tanh of this.data)
    };`,
    backward: `// Put every value in topological order, then run the closures from this one back.
    this.grad = 1;`,
  }),
  solution: source(RIGHT),
  returns: 'value',
  parts: [{ name: 'gradients' }],
  hints: [
    'For $\\text{out} = a + b$: $\\partial\\,\\text{out}/\\partial a = \\partial\\,\\text{out}/\\partial b = 1$, so each input gets `out.grad` as it is.',
    'For $\\text{out} = a\\,b$: $\\partial\\,\\text{out}/\\partial a = b$, so $a$ gets the **other** factor times `out.grad`. For $\\tanh$: $\\tanh\'(a) = 1 - \\tanh^2 a = 1 - t^2$.',
    'A value used twice gets a share from each use: add with `+=`, never overwrite with `=`.',
    'Order: a depth-first walk that appends a value after all of its `_prev` gives a topological order; run `_backward` over it in reverse.',
  ],
  explanation: `Each closure is one line of the chain rule, $\\bar a \\mathrel{+}= \\bar{\\text{out}}\\,\\partial\\,\\text{out}/\\partial a$:
$1$ for a sum, the other factor for a product, $1 - t^2$ for $t = \\tanh a$. The $+=$ is the sum over paths: a value
used twice collects one term per use. The topological order guarantees that when a closure runs, \`out.grad\` is complete,
since every use of \`out\` comes later in the order and has already passed its share back.`,
  generate(rng, index) {
    const { program, inputs } = drawProgram(rng, 2 + (index % 3));
    return { args: [program, inputs] };
  },
  detectors: ['zeros', 'sign', 'double', 'half'],
  graph: {
    // The visible case's program, built with the engine: the inputs x₁, x₂, the first tanh t = tanh(u), the value r
    // that uses t twice, q = r + c, the last tanh's argument a = q + x, and L = tanh(a).
    build([program, inputs]) {
      const steps = program as ProgramStep[];
      const leaves = (inputs as number[]).map((x, i) => tensor(x, { requiresGrad: true, label: `x${i + 1}` }));
      const values: Tensor[] = [...leaves];
      for (const step of steps) {
        const a = values[step.a];
        if (step.op === 'tanh') values.push(tanh(a));
        else {
          const b = 'b' in step ? values[step.b] : step.constant;
          values.push(step.op === 'add' ? a.add(b) : a.mul(b));
        }
      }
      const n = leaves.length;
      const name = (index: number, label: string) => {
        if (index >= n && values[index].label === undefined) values[index].named(label);
      };
      const firstTanh = n + steps.findIndex((s) => s.op === 'tanh');
      name(firstTanh, 't');
      name(steps[firstTanh - n].a, 'u');
      const last = values.length - 1;
      const argument = steps[last - n].a;
      const shifted = steps[argument - n].a;
      name(last, 'L');
      name(argument, 'a');
      name(shifted, 'q');
      name(steps[shifted - n].a, 'r');
      return values[last];
    },
    parts: { gradients: ['x1', 'x2'] },
  },
  oracle([program, inputs]) {
    const leaves = (inputs as number[]).map((x) => leaf(x));
    const values: Tensor[] = [...leaves];
    for (const step of program as ProgramStep[]) {
      const a = values[step.a];
      if (step.op === 'tanh') values.push(tanh(a));
      else {
        const b = 'b' in step ? values[step.b] : step.constant;
        values.push(step.op === 'add' ? a.add(b) : a.mul(b));
      }
    }
    values[values.length - 1].backward();
    return leaves.map((x) => x.grad!.item());
  },
  misconceptions: [
    {
      id: 'assigned-not-accumulated',
      node: 't',
      solution: source({
        ...RIGHT,
        add: RIGHT.add.replace(/\+=/g, '='),
        mul: RIGHT.mul.replace(/\+=/g, '='),
        tanh: RIGHT.tanh.replace(/\+=/g, '='),
      }),
      feedback: `A value used more than once keeps only one of its shares: your closures overwrite \`grad\` with \`=\`. By the
multivariable chain rule its gradient is the **sum** over its uses, so each closure must add with \`+=\`.`,
    },
    {
      id: 'tanh-derivative-one-minus-t',
      node: 'a',
      solution: source({ ...RIGHT, tanh: RIGHT.tanh.replace('(1 - t * t)', '(1 - t)') }),
      feedback: `The derivative of tanh is $1 - \\tanh^2 a = 1 - t^2$, not $1 - t$: square the output before subtracting.`,
    },
    {
      id: 'forgot-tanh-derivative',
      node: 'a',
      solution: source({ ...RIGHT, tanh: RIGHT.tanh.replace('(1 - t * t) * ', '') }),
      feedback: `Your tanh passes \`out.grad\` through unchanged. The chain rule multiplies it by the local derivative,
$\\tanh'(a) = 1 - t^2$.`,
    },
    {
      id: 'product-factors-swapped',
      solution: source({ ...RIGHT, mul: RIGHT.mul.replace('o.data * out.grad', 'this.data * out.grad').replace('o.grad += this.data', 'o.grad += o.data') }),
      feedback: `In a product each factor's gradient is the **other** factor times \`out.grad\`: for $\\text{out} = a\\,b$,
$\\partial\\,\\text{out}/\\partial a = b$. Yours multiplies each factor by itself.`,
    },
    {
      id: 'product-not-multiplied',
      node: 't',
      solution: source({ ...RIGHT, mul: RIGHT.mul.replace(/(o|this)\.data \* /g, '') }),
      feedback: `Your product passes \`out.grad\` on unchanged, as a sum would. For $\\text{out} = a\\,b$ the local derivative is
the other factor: $\\bar a \\mathrel{+}= b\\,\\bar{\\text{out}}$ and $\\bar b \\mathrel{+}= a\\,\\bar{\\text{out}}$.`,
    },
    {
      id: 'only-direct-children',
      node: 'r',
      solution: source({
        ...RIGHT,
        backward: `this.grad = 1;
    this._backward();
    for (const child of this._prev) child._backward();`,
      }),
      feedback: `Your \`backward()\` stops after the last value's own inputs, so the gradient never reaches values further
back. Put **every** value in topological order (a depth-first walk over \`_prev\`) and run all their closures in
reverse.`,
    },
  ],
});
