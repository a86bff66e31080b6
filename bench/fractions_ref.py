#!/usr/bin/env python3
"""The bench's reference: one exact gradient-descent step of exercises/networks/relu-8-8-8-8.yaml,
written plainly with Python's fractions, independently of the TypeScript engine.

`npm run bench` times this script as a whole process (the issue's target: our `solve` must be faster)
and compares every number it prints with `backprop-tutor solve --format json` (exact equality).

Scope: what the bench network uses — layout x-w, relu/identity layers, half-sse, mean or sum batch,
relu'(0) from conventions.relu_grad_at_zero. Anything else is refused rather than guessed.
The file is read by a tiny parser for the flow-style YAML of that file (no PyYAML), so that the
start-up is plain Python + fractions.

Usage: python3 bench/fractions_ref.py [FILE]   → JSON on stdout, every value a reduced "p/q" or "n".
"""
import json
import sys
from fractions import Fraction

DEFAULT_FILE = "exercises/networks/relu-8-8-8-8.yaml"


def logical_lines(text):
    """Comment-free lines, with a flow collection that spans several lines joined into one."""
    pending, depth = "", 0
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        pending = pending + " " + line.strip() if pending else line
        depth += line.count("[") + line.count("{") - line.count("]") - line.count("}")
        if depth == 0:
            yield pending
            pending = ""
    if pending:
        raise ValueError("unbalanced brackets at end of file")


def number(x):
    if isinstance(x, (Fraction, str)):
        return Fraction(x)  # Fraction("0.3") == 3/10 exactly; Fraction("1/3") too
    raise ValueError(f"expected a number, got {x!r}")


def value(text):
    text = text.strip()
    if text.startswith("{"):
        # {relu_grad_at_zero: 0, batch: mean}: plain keys and scalars only.
        pairs = [p.split(":", 1) for p in text[1:-1].split(",") if p.strip()]
        return {k.strip(): v.strip() for k, v in pairs}
    if text.startswith("["):
        # JSON with every number read as an exact Fraction (never a float).
        parsed = json.loads(text, parse_float=Fraction, parse_int=Fraction)
        return [[number(x) for x in row] if isinstance(row, list) else number(row) for row in parsed]
    return text.strip('"\'')


def parse_network(text):
    net, layers = {}, []
    for line in logical_lines(text):
        stripped = line.strip()
        if stripped.startswith("- "):  # a new layer item
            layers.append({})
            stripped = stripped[2:]
        key, _, rest = stripped.partition(":")
        key = key.strip()
        if line.startswith(" "):
            if not layers:
                raise ValueError(f"indented line outside layers: {line!r}")
            layers[-1][key] = value(rest)
        elif key == "layers":
            if rest.strip():
                raise ValueError("expected the layers as a block list")
        else:
            net[key] = value(rest)
    net["layers"] = layers
    return net


def matmul(a, b):
    return [[sum((row[k] * b[k][j] for k in range(len(b))), Fraction(0)) for j in range(len(b[0]))] for row in a]


def transpose(m):
    return [list(col) for col in zip(*m)]


def activate(name, a):
    if name == "relu":
        return a if a > 0 else Fraction(0)
    if name == "identity":
        return a
    raise ValueError(f"activation {name} is outside this reference's scope")


def derivative(name, a, grad_at_zero):
    if name == "relu":
        return Fraction(1) if a > 0 or (a == 0 and grad_at_zero == 1) else Fraction(0)
    return Fraction(1)


def forward(net, layers):
    z, pre, out = net["input"], [], []
    for layer in layers:
        a = [[x + b for x, b in zip(row, layer["bias"])] for row in matmul(z, layer["weights"])]
        z = [[activate(layer["activation"], x) for x in row] for row in a]
        pre.append(a)
        out.append(z)
    # half-sse per sample, then the batch mean (or sum).
    sample = [sum(((y - t) ** 2 for y, t in zip(ys, ts)), Fraction(0)) / 2 for ys, ts in zip(z, net["target"])]
    return pre, out, sum(sample, Fraction(0)) * net["batch_factor"]


def solve(net):
    if net.get("layout", "x-w") != "x-w" or net["loss"] != "half-sse":
        raise ValueError("this reference handles layout x-w and loss half-sse only")
    conventions = net.get("conventions", {})
    grad_at_zero = int(conventions.get("relu_grad_at_zero", "0"))
    batch = len(net["input"])
    net["batch_factor"] = Fraction(1, batch) if conventions.get("batch", "mean") == "mean" else Fraction(1)
    eta = Fraction(net["learning_rate"])
    update_biases = net.get("update_biases", "true") != "false"
    layers = net["layers"]
    for layer in layers:
        layer.setdefault("bias", [Fraction(0)] * len(layer["weights"][0]))

    pre, out, loss = forward(net, layers)
    c = net["batch_factor"]
    g = [[c * (y - t) for y, t in zip(ys, ts)] for ys, ts in zip(out[-1], net["target"])]
    results = [None] * len(layers)
    for l in reversed(range(len(layers))):
        layer = layers[l]
        name = layer["activation"]
        delta = [[gi * derivative(name, a, grad_at_zero) for gi, a in zip(grow, arow)] for grow, arow in zip(g, pre[l])]
        z_prev = net["input"] if l == 0 else out[l - 1]
        grad_w = matmul(transpose(z_prev), delta)
        grad_b = [sum(col, Fraction(0)) for col in zip(*delta)]
        w_after = [[w - eta * dw for w, dw in zip(wr, dr)] for wr, dr in zip(layer["weights"], grad_w)]
        b_after = [b - eta * db for b, db in zip(layer["bias"], grad_b)] if update_biases else layer["bias"]
        results[l] = {
            "preactivation": pre[l], "output": out[l], "delta": delta, "grad_weights": grad_w,
            "grad_bias": grad_b, "weights_after": w_after, "bias_after": b_after,
        }
        g = matmul(delta, transpose(layer["weights"]))  # uses the weights before the update
    updated = [dict(layer, weights=r["weights_after"], bias=r["bias_after"]) for layer, r in zip(layers, results)]
    loss_after = forward(net, updated)[2]
    return {"loss": loss, "layers": results, "loss_after": loss_after}


def to_json(x):
    if isinstance(x, Fraction):
        return str(x)  # "p/q" reduced, or "n" — the engine's `exact` format
    if isinstance(x, list):
        return [to_json(v) for v in x]
    return {k: to_json(v) for k, v in x.items()}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_FILE
    with open(path, encoding="utf-8") as f:
        net = parse_network(f.read())
    json.dump(to_json(solve(net)), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
