// A micrograd-style engine for the benchmark: every number is its own graph
// node with its own closure for the backward rule. It is the engine the course
// starts from, and the benchmark sets it beside the tensor engine on the same
// small network to show what working on whole arrays buys.

import { Random } from '../../engine/random.ts';

/** A scalar that remembers how it was computed, so its gradient can flow back to its inputs. */
export class Value {
  /** The derivative of the final output with respect to this value, filled in by `backward`. */
  grad = 0;
  /** Adds this node's contribution to its inputs' gradients; set by the op that made it. */
  backwardRule: () => void = () => {};

  /** Wraps a number, remembering the values it was computed from. */
  constructor(public data: number, readonly children: readonly Value[] = []) {}

  /** this + other, with d/dthis = d/dother = 1. */
  add(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardRule = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** this · other, with d/dthis = other and d/dother = this. */
  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardRule = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** this - other. */
  sub(other: Value | number): Value {
    return this.add(other instanceof Value ? other.mul(-1) : -other);
  }

  /** max(0, this), with derivative 1 where positive and 0 elsewhere. */
  relu(): Value {
    const out = new Value(this.data > 0 ? this.data : 0, [this]);
    out.backwardRule = () => {
      if (out.data > 0) this.grad += out.grad;
    };
    return out;
  }

  /** this², with derivative 2 · this. */
  square(): Value {
    const out = new Value(this.data * this.data, [this]);
    out.backwardRule = () => {
      this.grad += 2 * this.data * out.grad;
    };
    return out;
  }

  /** Fills in `grad` of every value this one depends on, visiting the graph in reverse topological order without recursion. */
  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>();
    // An explicit stack of (node, next child to visit) replaces micrograd's recursive build_topo.
    const stack: [Value, number][] = [[this, 0]];
    seen.add(this);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [node, next] = top;
      if (next < node.children.length) {
        top[1]++;
        const child = node.children[next];
        if (!seen.has(child)) {
          seen.add(child);
          stack.push([child, 0]);
        }
      } else {
        stack.pop();
        order.push(node);
      }
    }
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].backwardRule();
  }
}

/** A fully connected layer of scalar neurons, weights drawn as torch's Linear draws them. */
export class ScalarLayer {
  /** weights[j][i] connects input i to neuron j. */
  readonly weights: Value[][];
  /** One bias per neuron. */
  readonly biases: Value[];

  /** A layer from `inputs` to `outputs` neurons, with U(-1/√inputs, 1/√inputs) initial values. */
  constructor(inputs: number, outputs: number, rng: Random, readonly relu: boolean) {
    const bound = 1 / Math.sqrt(inputs);
    this.weights = Array.from({ length: outputs }, () => Array.from({ length: inputs }, () => new Value(rng.uniform(-bound, bound))));
    this.biases = Array.from({ length: outputs }, () => new Value(rng.uniform(-bound, bound)));
  }

  /** The layer's outputs for one input vector. */
  forward(x: readonly Value[]): Value[] {
    return this.weights.map((row, j) => {
      let sum = this.biases[j];
      for (let i = 0; i < row.length; i++) sum = sum.add(row[i].mul(x[i]));
      return this.relu ? sum.relu() : sum;
    });
  }
}

/** A multilayer perceptron of scalar values: ReLU between layers, a linear output. */
export class ScalarMLP {
  /** The layers in order. */
  readonly layers: ScalarLayer[];

  /** An MLP through the given layer sizes, e.g. [2, 16, 16, 1]. */
  constructor(sizes: readonly number[], rng: Random) {
    this.layers = sizes.slice(1).map((size, k) => new ScalarLayer(sizes[k], size, rng, k < sizes.length - 2));
  }

  /** Every weight and bias. */
  parameters(): Value[] {
    return this.layers.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]);
  }

  /** The network's outputs for one input vector. */
  forward(x: readonly number[]): Value[] {
    let h: Value[] = x.map((v) => new Value(v));
    for (const layer of this.layers) h = layer.forward(h);
    return h;
  }

  /** One step of plain gradient descent on the mean squared error over a batch, returning the loss before the step. */
  trainStep(inputs: readonly number[][], targets: readonly number[], lr: number): number {
    let loss = new Value(0);
    for (let i = 0; i < inputs.length; i++) loss = loss.add(this.forward(inputs[i])[0].sub(targets[i]).square());
    loss = loss.mul(1 / inputs.length);
    const parameters = this.parameters();
    for (const p of parameters) p.grad = 0;
    loss.backward();
    for (const p of parameters) p.data -= lr * p.grad;
    return loss.data;
  }
}
