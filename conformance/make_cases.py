#!/usr/bin/python3
"""Makes the PyTorch reference cases in conformance/torch (format: conformance/README.md).

    /usr/bin/python3 conformance/make_cases.py --out DIR [--inputs committed|seed] [--seed 1234]

Every case is defined here: its name, program, the outputs it records, its
optimizer and hyperparameters, tolerance and note. PyTorch, in float64 on the
CPU, computes every expected value: forward values, gradients, losses and
parameters after each optimizer step.

Where the inputs (leaves, parameters and data) come from:

  --inputs committed (the default) reads them from the committed case files,
      conformance/torch/*.json, so regenerating reproduces those files: the
      same names, programs, hyperparameters, tolerances and inputs, with every
      expected number computed again by the PyTorch installed here.
  --inputs seed draws them afresh, with one torch.Generator per case seeded
      with SEED + the case's index in its file (SEED is the file's "seed",
      1234 by default), by the recipe written beside each case below. Use it
      to make new cases; its inputs are not the committed ones.

Needs only PyTorch (Debian: apt-get install python3-torch). Writes one JSON
file per family, one line each, as json.dumps writes it.
"""

import argparse
import json
import math
import os
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
F64 = torch.float64
HERE = os.path.dirname(os.path.abspath(__file__))
COMMITTED = os.path.join(HERE, "torch")
DEFAULT_SEED = 1234
TOLERANCE = {"rtol": 1e-07, "atol": 1e-09}

# ---------------------------------------------------------------- the ops

def _axis_reduce(fn):
    def run(x, axis=None, keepdim=False):
        return fn(x) if axis is None else fn(x, dim=axis, keepdim=keepdim)
    return run


OPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "neg": lambda x: -x,
    "exp": torch.exp,
    "log": torch.log,
    "sqrt": torch.sqrt,
    "identity": lambda x: x * 1,
    "pow": lambda x, exponent: x ** exponent,
    "matmul": torch.matmul,
    "transpose": lambda x: x.t(),
    "sum": _axis_reduce(torch.sum),
    "mean": _axis_reduce(torch.mean),
    "relu": torch.relu,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "silu": F.silu,
    "mish": F.mish,
    "softplus": F.softplus,
    "leaky_relu": lambda x, negative_slope: F.leaky_relu(x, negative_slope),
    "elu": lambda x, alpha: F.elu(x, alpha),
    "gelu": lambda x, approximate: F.gelu(x, approximate=approximate),
    "hardtanh": lambda x, min, max: F.hardtanh(x, min, max),
    "softmax": lambda x, axis: torch.softmax(x, dim=axis),
    "log_softmax": lambda x, axis: torch.log_softmax(x, dim=axis),
    "linear": F.linear,
    "mse_loss": F.mse_loss,
    "binary_cross_entropy": F.binary_cross_entropy,
    "binary_cross_entropy_with_logits": F.binary_cross_entropy_with_logits,
    "cross_entropy": F.cross_entropy,
    "nll_loss": F.nll_loss,
}

OPTIMIZERS = {
    "sgd": torch.optim.SGD,
    "adagrad": torch.optim.Adagrad,
    "rmsprop": torch.optim.RMSprop,
    "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW,
}


def step(out, op, args, **attrs):
    """One program line, keys in the format's order: out, op, args, attrs."""
    line = {"out": out, "op": op, "args": list(args)}
    if attrs:
        line["attrs"] = attrs
    return line


def run_program(program, env):
    """Runs a program over a dict of tensors; returns the dict with every output added."""
    env = dict(env)
    for line in program:
        args = [env[a] for a in line["args"]]
        env[line["out"]] = OPS[line["op"]](*args, **line.get("attrs", {}))
    return env


# ---------------------------------------------------------------- tensors <-> JSON

def to_json(t, integer=False):
    """A tensor as the format stores it: shape, then (for class indices) dtype, then row-major data."""
    t = t.detach()
    if integer:
        return {"shape": list(t.shape), "dtype": "int", "data": t.reshape(-1).tolist()}
    return {"shape": list(t.shape), "data": t.to(F64).reshape(-1).tolist()}


def from_json(j):
    """A stored tensor back as a torch tensor (int64 for class indices, float64 otherwise)."""
    dtype = torch.int64 if j.get("dtype") == "int" else F64
    return torch.tensor(j["data"], dtype=dtype).reshape(j["shape"])


# ---------------------------------------------------------------- the cases

class Draw:
    """The random inputs of one case: a torch.Generator seeded with the file's seed plus the case's index."""

    def __init__(self, seed):
        self.g = torch.Generator().manual_seed(seed)

    def randn(self, *shape):
        return torch.randn(tuple(shape), generator=self.g, dtype=F64)

    def rand(self, *shape):
        return torch.rand(tuple(shape), generator=self.g, dtype=F64)

    def randint(self, high, *shape):
        return torch.randint(0, high, tuple(shape), generator=self.g)

    def away_from_zero(self, *shape):
        """Normal numbers moved half a unit away from zero, for divisors."""
        x = self.randn(*shape)
        return torch.sign(x) * (x.abs() + 0.5)


def gradient_case(name, program, record, inputs, consts, note=None):
    """A gradient case; `inputs` and `consts` map names to (recipe, integer?) pairs, recipe(draw) -> tensor."""
    return {"kind": "gradient", "name": name, "program": program, "record": record,
            "inputs": inputs, "consts": consts, "note": note}


def optimizer_case(name, optimizer, hyper, params, consts, program, steps, note):
    """An optimizer case: the parameters' trajectory over `steps` steps of torch.optim."""
    return {"kind": "optimizer", "name": name, "optimizer": optimizer, "hyper": hyper,
            "params": params, "consts": consts, "program": program, "steps": steps, "note": note}


def real(recipe):
    """A float64 input drawn by `recipe`."""
    return (recipe, False)


def classes(recipe):
    """Class indices (an INT_TENSOR) drawn by `recipe`."""
    return (recipe, True)


ACTIVATION_NOTE = ("L = sum(f(x) * g): grads.x is the vector-Jacobian product g * f'(x). "
                   "At x == 0 relu' is 0 and leaky_relu' is the negative slope, as in PyTorch.")
ACTIVATIONS = [
    ("identity", {}), ("relu", {}), ("sigmoid", {}), ("tanh", {}),
    ("leaky_relu", {"negative_slope": 0.01}), ("leaky_relu", {"negative_slope": 0.2}),
    ("elu", {"alpha": 1.0}), ("elu", {"alpha": 0.5}),
    ("gelu", {"approximate": "none"}), ("gelu", {"approximate": "tanh"}),
    ("silu", {}), ("mish", {}), ("softplus", {}), ("hardtanh", {"min": -1.0, "max": 1.0}),
]
# The kinks at 0 of relu and leaky_relu are where PyTorch's choice of derivative shows.
KINKED = {"relu", "leaky_relu"}
EDGES = [-30.0, -5.0, -0.5, 0.5, 5.0, 30.0]


def activation_cases():
    """activations.json: each activation's values and vector-Jacobian product."""
    cases = []
    for op, attrs in ACTIVATIONS:
        suffix = "".join(f"_{k}={v}" for k, v in attrs.items())
        extra = [0.0] if op in KINKED else []

        # 40 typical values, 8 far out, the saturation edges, and 0 where the derivative has a kink.
        def x(d, extra=extra):
            return torch.cat([d.randn(40) * 2, d.randn(8) * 12, torch.tensor(EDGES + extra)])

        def g(d, extra=extra):
            return d.randn(54 + len(extra))

        cases.append(gradient_case(
            f"activation/{op}{suffix}", vjp(step("y", op, ["x"], **attrs), "y"), ["y", "L"], {"x": real(x)}, {"g": real(g)}, ACTIVATION_NOTE))
    return cases


BROADCAST_NOTE = "NumPy broadcasting; the gradient of a broadcast input is summed back to its own shape"
BROADCAST_SHAPES = [([3, 4], [3, 4]), ([3, 4], [4]), ([3, 4], [1, 4]), ([3, 4], [3, 1]), ([3, 4], []),
                    ([5], [5]), ([2, 3], [1, 1])]


def vjp(op_line, out):
    """A vector-Jacobian-product program: out = op(...), L = sum(out * g), so grads are g times the Jacobian."""
    return [op_line, step(out + "g", "mul", [out, "g"]), step("L", "sum", [out + "g"])]


def arithmetic_cases():
    """arithmetic.json: broadcasting, reductions, elementwise ops, matmul and a reused leaf."""
    cases = []
    for sa, sb in BROADCAST_SHAPES:
        sc = list(torch.broadcast_shapes(tuple(sa), tuple(sb)))
        for op in ["add", "sub", "mul", "div"]:
            b = (lambda d, sb=sb: d.away_from_zero(*sb)) if op == "div" else (lambda d, sb=sb: d.randn(*sb))
            cases.append(gradient_case(
                f"broadcast/{op}_{sa}_{sb}", vjp(step("c", op, ["a", "b"]), "c"), ["c", "L"],
                {"a": real(lambda d, sa=sa: d.randn(*sa)), "b": real(b)},
                {"g": real(lambda d, sc=sc: d.randn(*sc))}, BROADCAST_NOTE))
    for keepdim in [False, True]:
        for axis in ([None, 0, 1] if not keepdim else [0, 1]):
            for op in ["sum", "mean"]:
                shape = [] if axis is None else ([1, 5] if axis == 0 else [4, 1]) if keepdim else ([5] if axis == 0 else [4])
                cases.append(gradient_case(
                    f"reduce/{op}_axis{axis}_keepdim{keepdim}",
                    vjp(step("r", op, ["x"], axis=axis, keepdim=keepdim), "r"), ["r", "L"],
                    {"x": real(lambda d: d.randn(4, 5))}, {"g": real(lambda d, s=shape: d.randn(*s))}))
    positive = lambda d: d.rand(3, 4) * 3 + 0.1  # log, sqrt and negative powers need x > 0
    unary = [("exp", {}, lambda d: d.randn(3, 4)), ("log", {}, positive), ("sqrt", {}, positive),
             ("pow2", {"exponent": 2}, lambda d: d.randn(3, 4)), ("pow3", {"exponent": 3}, lambda d: d.randn(3, 4)),
             ("pow-1.5", {"exponent": -1.5}, positive), ("neg", {}, lambda d: d.randn(3, 4)),
             ("transpose", {}, lambda d: d.randn(3, 4))]
    for label, attrs, x in unary:
        op = "pow" if label.startswith("pow") else label
        out = [4, 3] if op == "transpose" else [3, 4]
        cases.append(gradient_case(
            f"elementwise/{label}", vjp(step("y", op, ["x"], **attrs), "y"), ["y", "L"],
            {"x": real(x)}, {"g": real(lambda d, s=out: d.randn(*s))}))
    for m, k, n in [(3, 4, 5), (1, 6, 2), (7, 1, 3)]:
        cases.append(gradient_case(
            f"matmul/{m}x{k}@{k}x{n}", vjp(step("c", "matmul", ["a", "b"]), "c"), ["c", "L"],
            {"a": real(lambda d, m=m, k=k: d.randn(m, k)), "b": real(lambda d, k=k, n=n: d.randn(k, n))},
            {"g": real(lambda d, m=m, n=n: d.randn(m, n))}))
    cases.append(gradient_case(
        "graph/reuse_accumulates",
        [step("a", "mul", ["x", "x"]), step("b", "add", ["a", "x"]), step("c", "tanh", ["b"]),
         step("d", "mul", ["c", "x"]), step("L", "sum", ["d"])],
        ["L"], {"x": real(lambda d: d.randn(3, 3))}, {},
        "x is used on four paths; its gradient is the sum over all of them"))
    return cases


CROSS_ENTROPY_NOTE = ("cross_entropy takes raw logits and integer class targets, mean over the batch; "
                      "row 0 of case 0 has logits near 800 to test numerical stability")


def loss_cases():
    """losses.json: softmax, log-softmax and the losses, on three batches."""
    cases = []
    for variant, (rows, cols) in enumerate([(3, 7), (4, 3), (4, 3)]):
        tag = f"{rows}x{cols}_{variant}"

        def logits(d, rows=rows, cols=cols, variant=variant):
            z = d.randn(rows, cols) * 3
            if variant == 0:
                z[0] += 800  # softmax of large logits overflows unless it subtracts the maximum
            return z

        targets = lambda d, rows=rows, cols=cols: d.randint(cols, rows)
        log_probs = lambda d, rows=rows, cols=cols: torch.log_softmax(d.randn(rows, cols), dim=1)
        probs = lambda d, rows=rows: torch.sigmoid(d.randn(rows, 1) * 2)
        labels = lambda d, rows=rows: (d.rand(rows, 1) < 0.5).to(F64)

        def big_logits(d, rows=rows, variant=variant):
            z = d.randn(rows, 1) * 4
            if variant == 0:
                z[0, 0], z[1, 0] = 60.0, -60.0
            return z

        g = lambda d, rows=rows, cols=cols: d.randn(rows, cols)
        cases.append(gradient_case(f"loss/cross_entropy_{tag}", [step("L", "cross_entropy", ["z", "t"])], ["L"],
                                   {"z": real(logits)}, {"t": classes(targets)}, CROSS_ENTROPY_NOTE))
        for op in ["softmax", "log_softmax"]:
            for axis in [1, 0]:
                cases.append(gradient_case(f"loss/{op}_axis{axis}_{tag}", vjp(step("s", op, ["z"], axis=axis), "s"),
                                           ["s", "L"], {"z": real(logits)}, {"g": real(g)}))
        cases.append(gradient_case(f"loss/nll_{tag}", [step("L", "nll_loss", ["lp", "t"])], ["L"],
                                   {"lp": real(log_probs)}, {"t": classes(targets)}))
        cases.append(gradient_case(f"loss/mse_{tag}", [step("L", "mse_loss", ["pred", "target"])], ["L"],
                                   {"pred": real(g)}, {"target": real(g)},
                                   "mse_loss is the mean over all elements of (pred - target)^2"))
        cases.append(gradient_case(f"loss/bce_{rows}_{variant}", [step("L", "binary_cross_entropy", ["p", "y"])],
                                   ["L"], {"p": real(probs)}, {"y": real(labels)}))
        cases.append(gradient_case(f"loss/bce_with_logits_{rows}_{variant}",
                                   [step("L", "binary_cross_entropy_with_logits", ["z", "y"])], ["L"],
                                   {"z": real(big_logits)}, {"y": real(labels)}, "stable for logits of +-60"))
    return cases


LINEAR_NOTE = "linear(x, W, b) = x W^T + b with W of shape (out, in), as torch.nn.Linear"


def layers(sizes):
    """Parameters W1, b1, W2, b2, ... of an MLP, Xavier-normal weights and small biases."""
    params = {}
    for i, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:]), start=1):
        params[f"W{i}"] = real(lambda d, a=fan_in, b=fan_out: d.randn(b, a) * math.sqrt(2 / (a + b)))
        params[f"b{i}"] = real(lambda d, b=fan_out: d.randn(b) * 0.1)
    return params


def mlp_program(depth, activation, attrs, loss, output="T"):
    """linear, activation, ..., linear, then the loss against `output`: z1, h1, ..., z<depth>, L."""
    lines = []
    previous = "X"
    for i in range(1, depth + 1):
        lines.append(step(f"z{i}", "linear", [previous, f"W{i}", f"b{i}"]))
        if i < depth:
            lines.append(step(f"h{i}", activation, [f"z{i}"], **attrs))
            previous = f"h{i}"
    lines.append(step("L", loss, [f"z{depth}", output]))
    return lines


MLPS = [("regression", [2, 3, 2], "relu", {}, 1), ("binary", [5, 16, 1], "relu", {}, 1),
        ("regression", [2, 3, 16, 4, 2], "gelu", {"approximate": "none"}, 16),
        ("binary", [2, 6, 1], "leaky_relu", {"negative_slope": 0.01}, 4),
        ("binary", [3, 4, 16, 1], "relu", {}, 4), ("regression", [8, 16, 1], "gelu", {"approximate": "none"}, 4)]


def mlp_cases():
    """mlp.json: gradients of whole networks' losses with respect to every weight and bias."""
    cases = []
    for task, sizes, activation, attrs, batch in MLPS:
        depth = len(sizes) - 1
        loss = "mse_loss" if task == "regression" else "binary_cross_entropy_with_logits"
        target = ((lambda d, b=batch, o=sizes[-1]: d.randn(b, o)) if task == "regression"
                  else (lambda d, b=batch: (d.rand(b, 1) < 0.5).to(F64)))
        name = f"mlp/{task}_{'-'.join(map(str, sizes))}_{activation}_batch{batch}"
        cases.append(gradient_case(
            name, mlp_program(depth, activation, attrs, loss), [f"z{depth}", "L"], layers(sizes),
            {"X": real(lambda d, b=batch, i=sizes[0]: d.randn(b, i)), "T": real(target)}, LINEAR_NOTE))
    return cases


OPTIMIZER_NOTE = ("each step: zero grads, evaluate the program, backward from its last output, then "
                  "optimizer.step(); hyperparameters use torch.optim names and defaults")
OPTIMIZER_SETTINGS = [
    ("sgd", {"lr": 0.1}, {"lr": 0.001}),
    ("sgd", {"lr": 0.05, "momentum": 0.9}, {"lr": 0.0005, "momentum": 0.9}),
    ("sgd", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1}, {"lr": 0.0005, "momentum": 0.9, "dampening": 0.1}),
    ("sgd", {"lr": 0.05, "momentum": 0.9, "nesterov": True}, {"lr": 0.0005, "momentum": 0.9, "nesterov": True}),
    ("sgd", {"lr": 0.1, "weight_decay": 0.01}, {"lr": 0.001, "weight_decay": 0.01}),
    ("adagrad", {"lr": 0.1}, {"lr": 0.1}),
    ("adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.001}, None),
    ("rmsprop", {"lr": 0.01}, {"lr": 0.01}),
    ("rmsprop", {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True},
     {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True}),
    ("adam", {"lr": 0.01}, {"lr": 0.01}),
    ("adam", {"lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-06, "weight_decay": 0.01},
     {"lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-06, "weight_decay": 0.01}),
    ("adam", {"lr": 0.01, "amsgrad": True}, {"lr": 0.01, "amsgrad": True}),
    ("adamw", {"lr": 0.01, "weight_decay": 0.1}, {"lr": 0.01, "weight_decay": 0.1}),
]


def label(optimizer, hyper):
    """The case name's tail: the optimizer and its hyperparameters, e.g. adam_lr=0.01_amsgrad=True."""
    return optimizer + "".join(f"_{k}={v if not isinstance(v, bool) else str(v)}" for k, v in hyper.items())


def optimizer_cases():
    """optimizers.json: each torch.optim setting on a small tanh network (6 steps) and on Rosenbrock (25 steps)."""
    mlp = [step("z1", "linear", ["X", "W1", "b1"]), step("h1", "tanh", ["z1"]),
           step("y", "linear", ["h1", "W2", "b2"]), step("L", "mse_loss", ["y", "T"])]
    rosenbrock = [step("a", "sub", ["one", "x"]), step("a2", "pow", ["a"], exponent=2),
                  step("x2", "pow", ["x"], exponent=2), step("d", "sub", ["y", "x2"]),
                  step("d2", "pow", ["d"], exponent=2), step("e", "mul", ["hundred", "d2"]),
                  step("L", "add", ["a2", "e"])]
    scalar = lambda v: real(lambda d, v=v: torch.tensor(v, dtype=F64))
    cases = []
    for optimizer, hyper, _ in OPTIMIZER_SETTINGS:
        cases.append(optimizer_case(
            f"optim/mlp/{label(optimizer, hyper)}", optimizer, hyper, layers([2, 4, 1]),
            {"X": real(lambda d: d.randn(8, 2)), "T": real(lambda d: d.randn(8, 1) * 0.5)}, mlp, 6, OPTIMIZER_NOTE))
    for optimizer, _, hyper in OPTIMIZER_SETTINGS:
        if hyper is None:
            continue
        # The Rosenbrock function from its classic start (-1.2, 1): a curved valley that tells the optimizers apart.
        cases.append(optimizer_case(
            f"optim/rosenbrock/{label(optimizer, hyper)}", optimizer, hyper, {"x": scalar(-1.2), "y": scalar(1.0)},
            {"one": scalar(1.0), "hundred": scalar(100.0)}, rosenbrock, 25, OPTIMIZER_NOTE))
    return cases


FILES = {
    "activations.json": activation_cases,
    "arithmetic.json": arithmetic_cases,
    "losses.json": loss_cases,
    "mlp.json": mlp_cases,
    "optimizers.json": optimizer_cases,
}

# ---------------------------------------------------------------- computing the expected values

def draw_inputs(spec, seed):
    """Fresh inputs for a case from its recipes: leaves first, then data, in their order above."""
    d = Draw(seed)
    leaves = spec["inputs"] if spec["kind"] == "gradient" else spec["params"]
    drawn = {k: (recipe(d), integer) for k, (recipe, integer) in leaves.items()}
    data = {k: (recipe(d), integer) for k, (recipe, integer) in spec["consts"].items()}
    return drawn, data


def committed_inputs(stored):
    """The inputs of a committed case, read back from its JSON."""
    leaves = stored["inputs"] if "inputs" in stored else stored["params"]
    as_pair = lambda j: (from_json(j), j.get("dtype") == "int")
    return ({k: as_pair(j) for k, j in leaves.items()},
            {k: as_pair(j) for k, j in stored.get("consts", {}).items()})


def make_gradient_case(spec, leaves, data):
    """Runs a gradient case's program, backpropagates from its last output, and returns the case as JSON."""
    env = {k: t.clone().requires_grad_(True) for k, (t, _) in leaves.items()}
    env.update({k: t.clone() for k, (t, _) in data.items()})
    env = run_program(spec["program"], env)
    loss = env[spec["program"][-1]["out"]]
    loss.backward()
    case = {
        "name": spec["name"],
        "inputs": {k: to_json(t, i) for k, (t, i) in leaves.items()},
        "consts": {k: to_json(t, i) for k, (t, i) in data.items()},
        "program": spec["program"],
        "expected": {"values": {k: to_json(env[k]) for k in spec["record"]},
                     "grads": {k: to_json(env[k].grad) for k in leaves}},
        "tolerance": dict(TOLERANCE),
    }
    if spec["note"] is not None:
        case["note"] = spec["note"]
    return case


def make_optimizer_case(spec, leaves, data):
    """Trains with the case's torch.optim optimizer for its steps, and returns the case as JSON."""
    params = {k: t.clone().requires_grad_(True) for k, (t, _) in leaves.items()}
    consts = {k: t.clone() for k, (t, _) in data.items()}
    hyper = {k: tuple(v) if isinstance(v, list) else v for k, v in spec["hyper"].items()}
    optimizer = OPTIMIZERS[spec["optimizer"]](list(params.values()), **hyper)
    losses, after = [], []
    for _ in range(spec["steps"]):
        optimizer.zero_grad()
        env = run_program(spec["program"], {**params, **consts})
        loss = env[spec["program"][-1]["out"]]
        loss.backward()
        losses.append(loss.item())
        optimizer.step()
        after.append({k: to_json(p) for k, p in params.items()})
    return {
        "name": spec["name"], "optimizer": spec["optimizer"], "hyper": spec["hyper"],
        "params": {k: to_json(t, i) for k, (t, i) in leaves.items()},
        "consts": {k: to_json(t, i) for k, (t, i) in data.items()},
        "program": spec["program"], "steps": spec["steps"],
        "expected": {"losses_before_step": losses, "params_after_step": after},
        "tolerance": dict(TOLERANCE), "note": spec["note"],
    }


def make_file(file, specs, source, seed):
    """One case file: every case of `specs`, its inputs read from the committed file or drawn from `seed`."""
    stored = None
    if source == "committed":
        with open(os.path.join(COMMITTED, file)) as f:
            stored = json.load(f)
        seed = stored["seed"]
        by_name = {c["name"]: c for c in stored["cases"]}
        missing = [s["name"] for s in specs if s["name"] not in by_name]
        if missing or len(by_name) != len(specs):
            sys.exit(f"{file}: the committed cases and the definitions here differ (missing {missing})")
    cases = []
    for index, spec in enumerate(specs):
        if stored is not None:
            leaves, data = committed_inputs(by_name[spec["name"]])
        else:
            leaves, data = draw_inputs(spec, seed + index)
        make = make_gradient_case if spec["kind"] == "gradient" else make_optimizer_case
        cases.append(make(spec, leaves, data))
    return {"generator": f"PyTorch {torch.__version__} float64", "seed": seed, "cases": cases}


def main():
    """The command line: write every case file into --out."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="folder to write the .json files into")
    parser.add_argument("--inputs", choices=["committed", "seed"], default="committed",
                        help="take the inputs from conformance/torch (default) or draw them from --seed")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="with --inputs seed: the file seed")
    options = parser.parse_args()
    os.makedirs(options.out, exist_ok=True)
    for file, define in FILES.items():
        made = make_file(file, define(), options.inputs, options.seed)
        with open(os.path.join(options.out, file), "w") as f:
            f.write(json.dumps(made))
        print(f"{file}: {len(made['cases'])} cases")


if __name__ == "__main__":
    main()
