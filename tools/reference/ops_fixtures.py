#!/usr/bin/python3
"""Golden fixtures for Kindling's tensor ops and printing, from real PyTorch 1.13.

Run from anywhere with Debian's interpreter:  /usr/bin/python3 tools/reference/ops_fixtures.py
Writes tools/reference/fixtures/ops.json:

  cases:  one entry per op case: float32 inputs drawn from a seeded NumPy generator, the op's
          parameters, the forward output, the grad_fn name, a fixed upstream gradient u and the
          gradient of every float input for loss = (output * u).sum(). The C# tests rebuild each
          op by its "op" key (see tests/Kindling.Tests/Tensors/OpCases.cs).
  format: str(tensor) for tensors the C# test rebuilds from dtype, shape and data.

Numbers are JSON numbers written by Python's repr of the float32 value widened to float64,
so they round-trip exactly; non-finite values are the strings "nan", "inf", "-inf".
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tools", "reference", "fixtures", "ops.json")

rng = np.random.default_rng(20240601)


def num(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def flat(t):
    return [num(v) if not isinstance(v, bool) else v for v in t.detach().reshape(-1).tolist()]


def dtype_name(t):
    return {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}[t.dtype]


def rand(*shape, kind="normal"):
    if kind == "normal":
        a = rng.standard_normal(shape)
    elif kind == "positive":
        a = rng.uniform(0.5, 2.0, shape)
    elif kind == "int":
        return torch.from_numpy(rng.integers(0, 5, shape)).to(torch.int64)
    else:
        raise ValueError(kind)
    return torch.tensor(a, dtype=torch.float32)


CASES = []


def case(name, op, inputs, fn, params=None, grad=True):
    leaves = []
    for t in inputs:
        t = t.clone()
        if grad and t.dtype.is_floating_point:
            t.requires_grad_(True)
        leaves.append(t)
    out = fn(*leaves)
    entry = {
        "name": name,
        "op": op,
        "params": params or {},
        "inputs": [{"dtype": dtype_name(t), "shape": list(t.shape), "data": flat(t)} for t in leaves],
        "output": {"dtype": dtype_name(out), "shape": list(out.shape), "data": flat(out)},
        "grad_fn": out.grad_fn.name() if out.grad_fn is not None else None,
    }
    if grad and out.requires_grad:
        u = torch.tensor(rng.uniform(0.5, 1.5, tuple(out.shape)), dtype=out.dtype)
        (out * u).sum().backward()
        entry["upstream"] = flat(u)
        entry["grads"] = [flat(t.grad) if t.grad is not None else None for t in leaves]
    CASES.append(entry)


def build_cases():
    # Arithmetic, with broadcasting and scalars.
    case("add", "add", [rand(3, 4), rand(3, 4)], lambda a, b: a + b)
    case("add_broadcast_row", "add", [rand(3, 4), rand(4)], lambda a, b: a + b)
    case("add_broadcast_outer", "add", [rand(3, 1), rand(1, 4)], lambda a, b: a + b)
    case("add_scalar", "add_scalar", [rand(3, 4)], lambda a: a + 2.5, {"value": 2.5})
    case("sub", "sub", [rand(2, 3, 4), rand(3, 1)], lambda a, b: a - b)
    case("sub_scalar", "sub_scalar", [rand(5)], lambda a: a - 1.25, {"value": 1.25})
    case("rsub_scalar", "rsub_scalar", [rand(5)], lambda a: 1.25 - a, {"value": 1.25})
    case("mul", "mul", [rand(3, 4), rand(3, 4)], lambda a, b: a * b)
    case("mul_broadcast", "mul", [rand(2, 3, 4), rand(4)], lambda a, b: a * b)
    case("mul_scalar", "mul_scalar", [rand(3, 4)], lambda a: a * -0.75, {"value": -0.75})
    case("div", "div", [rand(3, 4), rand(3, 4, kind="positive")], lambda a, b: a / b)
    case("div_broadcast", "div", [rand(3, 4), rand(3, 1, kind="positive")], lambda a, b: a / b)
    case("div_scalar", "div_scalar", [rand(3, 4)], lambda a: a / 3.0, {"value": 3.0})
    case("rdiv_scalar", "rdiv_scalar", [rand(3, 4, kind="positive")], lambda a: 2.0 / a, {"value": 2.0})
    case("neg", "neg", [rand(3, 4)], lambda a: -a)
    # Pointwise math.
    case("pow_scalar", "pow_scalar", [rand(3, 4, kind="positive")], lambda a: a ** 2.5, {"value": 2.5})
    case("pow_square", "pow_scalar", [rand(3, 4)], lambda a: a ** 2, {"value": 2.0})
    case("pow_tensor", "pow", [rand(3, 4, kind="positive"), rand(4)], lambda a, b: a ** b)
    case("exp", "exp", [rand(3, 4)], torch.exp)
    case("log", "log", [rand(3, 4, kind="positive")], torch.log)
    case("sqrt", "sqrt", [rand(3, 4, kind="positive")], torch.sqrt)
    case("abs", "abs", [rand(3, 4)], torch.abs)
    case("clamp", "clamp", [rand(4, 5)], lambda a: a.clamp(-0.5, 0.5), {"min": -0.5, "max": 0.5})
    case("clamp_min", "clamp", [rand(4, 5)], lambda a: a.clamp(min=0.1), {"min": 0.1})
    case("clamp_max", "clamp", [rand(4, 5)], lambda a: a.clamp(max=0.1), {"max": 0.1})
    # Activations.
    case("relu", "relu", [rand(4, 5)], torch.relu)
    case("leaky_relu", "leaky_relu", [rand(4, 5)], F.leaky_relu, {"value": 0.01})
    case("leaky_relu_02", "leaky_relu", [rand(4, 5)], lambda a: F.leaky_relu(a, 0.2), {"value": 0.2})
    case("sigmoid", "sigmoid", [rand(4, 5)], torch.sigmoid)
    case("tanh", "tanh", [rand(4, 5)], torch.tanh)
    case("gelu", "gelu", [rand(4, 5) * 2], F.gelu, {"approximate": "none"})
    case("gelu_tanh", "gelu", [rand(4, 5) * 2], lambda a: F.gelu(a, approximate="tanh"), {"approximate": "tanh"})
    case("softmax_dim1", "softmax", [rand(3, 5) * 3], lambda a: torch.softmax(a, 1), {"dim": 1})
    case("softmax_dim0", "softmax", [rand(3, 5) * 3], lambda a: torch.softmax(a, 0), {"dim": 0})
    case("log_softmax_dim1", "log_softmax", [rand(3, 5) * 3], lambda a: torch.log_softmax(a, 1), {"dim": 1})
    case("log_softmax_3d_middle", "log_softmax", [rand(2, 3, 4) * 3], lambda a: torch.log_softmax(a, 1), {"dim": 1})
    # Matrix products.
    case("mm", "mm", [rand(3, 4), rand(4, 5)], torch.mm)
    case("matmul_2d", "matmul", [rand(5, 3), rand(3, 2)], torch.matmul)
    case("matmul_batched", "matmul", [rand(2, 3, 4), rand(2, 4, 5)], torch.matmul)
    case("matmul_batch_broadcast", "matmul", [rand(1, 3, 4), rand(2, 4, 2)], torch.matmul)
    case("matmul_3d_2d", "matmul", [rand(2, 3, 4), rand(4, 5)], torch.matmul)
    case("matmul_matrix_vector", "matmul", [rand(3, 4), rand(4)], torch.matmul)
    case("matmul_vector_matrix", "matmul", [rand(4), rand(4, 3)], torch.matmul)
    case("matmul_dot", "matmul", [rand(6), rand(6)], torch.matmul)
    case("matmul_transposed_input", "matmul_t", [rand(4, 3), rand(4, 5)], lambda a, b: a.t() @ b)
    # Reductions.
    case("sum_all", "sum", [rand(3, 4)], torch.sum)
    case("sum_dim1", "sum_dim", [rand(3, 4)], lambda a: a.sum(1), {"dim": 1, "keepdim": False})
    case("sum_dim0_keepdim", "sum_dim", [rand(3, 4)], lambda a: a.sum(0, keepdim=True), {"dim": 0, "keepdim": True})
    case("sum_dims_0_2", "sum_dims", [rand(2, 3, 4)], lambda a: a.sum((0, 2)), {"dims": [0, 2], "keepdim": False})
    case("mean_all", "mean", [rand(3, 4)], torch.mean)
    case("mean_dim0", "mean_dim", [rand(3, 4)], lambda a: a.mean(0), {"dim": 0, "keepdim": False})
    case("mean_dim_neg_keepdim", "mean_dim", [rand(2, 3, 4)], lambda a: a.mean(-1, keepdim=True), {"dim": -1, "keepdim": True})
    case("max_all", "max", [rand(3, 4)], torch.max)
    case("min_all", "min", [rand(3, 4)], torch.min)
    case("max_dim1", "max_dim", [rand(3, 4)], lambda a: a.max(1)[0], {"dim": 1, "keepdim": False})
    case("min_dim0_keepdim", "min_dim", [rand(3, 4)], lambda a: a.min(0, keepdim=True)[0], {"dim": 0, "keepdim": True})
    case("max_dim1_indices", "max_dim_indices", [rand(3, 4)], lambda a: a.max(1)[1], {"dim": 1, "keepdim": False}, grad=False)
    case("argmax_dim1", "argmax_dim", [rand(4, 5)], lambda a: a.argmax(1), {"dim": 1, "keepdim": False}, grad=False)
    case("argmax_all", "argmax", [rand(4, 5)], lambda a: a.argmax(), grad=False)
    case("argmin_dim0_keepdim", "argmin_dim", [rand(4, 5)], lambda a: a.argmin(0, keepdim=True), {"dim": 0, "keepdim": True}, grad=False)
    case("argmin_all", "argmin", [rand(4, 5)], lambda a: a.argmin(), grad=False)
    # Comparisons: b shares some values with a so equality is exercised.
    a = rand(3, 4)
    b = rand(4)
    b[1] = a[0, 1]
    b[3] = a[2, 3]
    for name in ["eq", "ne", "lt", "le", "gt", "ge"]:
        case(name, name, [a, b], getattr(torch, name), grad=False)
        case(name + "_scalar", name + "_scalar", [a], lambda x, n=name: getattr(torch, n)(x, 0.25), {"value": 0.25}, grad=False)
    # Selection, joining, one-hot.
    cond_src = rand(3, 4)
    case("where", "where", [cond_src, rand(3, 4), rand(4)], lambda c, x, y: torch.where(c > 0, x, y))
    case("cat_dim0", "cat", [rand(2, 3), rand(4, 3)], lambda x, y: torch.cat([x, y], 0), {"dim": 0})
    case("cat_dim1", "cat", [rand(2, 3), rand(2, 1)], lambda x, y: torch.cat([x, y], 1), {"dim": 1})
    case("stack_dim1", "stack", [rand(2, 3), rand(2, 3)], lambda x, y: torch.stack([x, y], 1), {"dim": 1})
    case("one_hot", "one_hot", [torch.tensor([0, 2, 1, 3], dtype=torch.int64)], lambda i: F.one_hot(i, 5), {"value": 5}, grad=False)
    case("one_hot_inferred", "one_hot", [torch.tensor([[1, 0], [2, 1]], dtype=torch.int64)], lambda i: F.one_hot(i), {"value": -1}, grad=False)
    # Views and indexing (the gradient flows back through the view into the base).
    case("transpose", "transpose", [rand(2, 3, 4)], lambda x: x.transpose(0, 2).exp(), {"dims": [0, 2]})
    case("t", "t", [rand(3, 4)], lambda x: x.t() * 2)
    case("permute", "permute", [rand(2, 3, 4)], lambda x: x.permute(2, 0, 1), {"dims": [2, 0, 1]})
    case("view", "view", [rand(3, 4)], lambda x: x.view(2, -1), {"dims": [2, -1]})
    case("reshape_noncontiguous", "reshape_t", [rand(3, 4)], lambda x: x.t().reshape(-1), {"dims": [-1]})
    case("select", "select", [rand(3, 4)], lambda x: x.select(1, 2), {"dim": 1, "index": 2})
    case("narrow", "narrow", [rand(5, 3)], lambda x: x.narrow(0, 1, 3), {"dim": 0, "start": 1, "length": 3})
    case("slice_rows", "slice", [rand(6, 2)], lambda x: x[2:5], {"dim": 0, "start": 2, "end": 5})
    case("unsqueeze", "unsqueeze", [rand(3, 4)], lambda x: x.unsqueeze(1), {"dim": 1})
    case("squeeze", "squeeze", [rand(3, 1, 4)], lambda x: x.squeeze())
    case("flatten", "flatten", [rand(2, 3, 4)], lambda x: x.flatten(1), {"start": 1, "end": -1})
    case("expand", "expand", [rand(3, 1)], lambda x: x.expand(3, 4), {"dims": [3, 4]})
    idx = torch.tensor([2, 0, 2, 1], dtype=torch.int64)
    case("index_select_rows", "index_select", [rand(3, 4), idx], lambda x, i: x.index_select(0, i), {"dim": 0})
    case("index_select_cols", "index_select", [rand(3, 4), idx], lambda x, i: x.index_select(1, i), {"dim": 1})
    case("index_rows", "index", [rand(4, 2), idx], lambda x, i: x[i])
    case("exp_of_transposed", "exp_t", [rand(3, 4)], lambda x: x.t().exp())
    case("add_transposed_broadcast", "add_t", [rand(4, 3), rand(3)], lambda x, y: x.t() + y.unsqueeze(1))


def fmt(t, name, requires_grad=False, mean=False):
    x = t.clone()
    if requires_grad:
        x.requires_grad_(True)
    shown = x.mean() if mean else x
    return {"name": name, "dtype": dtype_name(t), "shape": list(t.shape), "data": flat(t),
            "requires_grad": requires_grad, "mean": mean, "text": str(shown)}


def build_format():
    f = []
    f.append(fmt(torch.tensor([[0.1, -2.0], [3.0, 4.0]]), "float_matrix"))
    f.append(fmt(torch.tensor([1, 2, 3]), "long_vector"))
    f.append(fmt(torch.tensor([True, False]), "bool_vector"))
    f.append(fmt(torch.tensor([1.0, 2.5], dtype=torch.float64), "double_vector"))
    f.append(fmt(torch.tensor([1.0, 2.0, -3.0]), "float_integer_valued"))
    f.append(fmt(torch.tensor([1e-5, 1.0, 123.0]), "float_sci_small"))
    f.append(fmt(torch.tensor([1e9, 1.0]), "float_sci_large_int"))
    f.append(fmt(torch.tensor([float("nan"), float("inf"), -1.5]), "float_nonfinite"))
    f.append(fmt(torch.tensor(0.5), "float_scalar"))
    f.append(fmt(torch.tensor([0.25, 0.75, 0.5]), "mean_grad_fn", requires_grad=True, mean=True))
    f.append(fmt(torch.tensor([0.25, -0.75]), "requires_grad", requires_grad=True))
    f.append(fmt(torch.zeros(0), "empty_vector"))
    f.append(fmt(torch.zeros(2, 0), "empty_matrix"))
    f.append(fmt(torch.arange(30, dtype=torch.float32) / 7, "float_wrapped"))
    f.append(fmt(torch.arange(40), "long_wrapped"))
    f.append(fmt(torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) - 5, "float_3d"))
    f.append(fmt(torch.arange(2000, dtype=torch.float32) / 3, "float_summarized"))
    f.append(fmt(torch.arange(3000).reshape(50, 60), "long_summarized_2d"))
    f.append(fmt(torch.tensor([[1.5, -2.25]], dtype=torch.float64), "double_matrix"))
    f.append(fmt(torch.tensor([-0.0, 0.0, 12345.678]), "float_mixed"))
    return f


def main():
    torch.manual_seed(0)
    build_cases()
    data = {"torch_version": torch.__version__, "cases": CASES, "format": build_format()}
    with open(OUT, "w") as fh:
        json.dump(data, fh, indent=None, separators=(",", ":"))
        fh.write("\n")
    print(f"wrote {OUT}: {len(CASES)} cases, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
