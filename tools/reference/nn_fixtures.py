#!/usr/bin/env python3
"""Golden fixtures for Kindling.Nn, produced by real PyTorch 1.13.

Run with Debian's PyTorch:  /usr/bin/python3 tools/reference/nn_fixtures.py
Writes tools/reference/fixtures/nn_layers.json, nn_losses.json, nn_init.json, nn_state_dict.json
and seed_curve.json.

Tensors are stored as {"shape": [...], "data": [...]} with float32 values written as exact
Python floats (repr round-trips) and integer tensors as ints. Bit-exact initial weights are
stored as uint32 bit patterns ("bits"). Gradients come from backward() with a fixed upstream
gradient ("grad_output") so that non-scalar outputs are covered too.
"""
import json
import os
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

torch.set_num_threads(1)
rs = np.random.RandomState(1234)


def t2j(t):
    t = t.detach()
    if t.dtype in (torch.int64, torch.int32):
        return {"shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).double().tolist()]}


def bits(t):
    arr = t.detach().contiguous().reshape(-1).numpy().astype(np.float32)
    return {"shape": list(t.shape), "bits": [int(v) for v in arr.view(np.uint32)]}


def rand(*shape, scale=1.0):
    return torch.tensor((rs.standard_normal(shape) * scale).astype(np.float32))


def grad_of(t):
    return t2j(t.grad) if t.grad is not None else None


# ---------------------------------------------------------------- layers
def layer_case(name, module, x, params=None, extra=None, int_input=False):
    """Runs module(x) in its current mode, backward with a fixed upstream gradient."""
    if not int_input:
        x = x.clone().requires_grad_(True)
    if params:
        with torch.no_grad():
            for pname, value in params.items():
                getattr(module, pname).copy_(value)
    y = module(x)
    g = rand(*y.shape)
    y.backward(g)
    case = {
        "name": name,
        "input": t2j(x),
        "params": {k: t2j(getattr(module, k)) for k in (params or {})},
        "output": t2j(y),
        "grad_output": t2j(g),
        "grad_input": None if int_input else grad_of(x),
        "grad_params": {k: grad_of(getattr(module, k)) for k in (params or {})},
    }
    if extra:
        case.update(extra)
    return case


def layers():
    cases = []
    lin = nn.Linear(4, 3)
    cases.append(layer_case("Linear", lin, rand(5, 4),
                            {"weight": rand(3, 4, scale=0.5), "bias": rand(3, scale=0.5)}))
    lin_nb = nn.Linear(4, 3, bias=False)
    cases.append(layer_case("LinearNoBias", lin_nb, rand(5, 4), {"weight": rand(3, 4, scale=0.5)}))

    x_act = torch.tensor([[-3.0, -1.5, -0.25, 0.0], [0.1, 0.5, 2.0, 4.0]], dtype=torch.float32)
    for name, module in [("ReLU", nn.ReLU()), ("LeakyReLU", nn.LeakyReLU()),
                         ("LeakyReLU_0.2", nn.LeakyReLU(0.2)), ("Sigmoid", nn.Sigmoid()),
                         ("Tanh", nn.Tanh()), ("GELU", nn.GELU()),
                         ("GELU_tanh", nn.GELU(approximate="tanh")), ("Identity", nn.Identity())]:
        cases.append(layer_case(name, module, x_act))
    cases.append(layer_case("Flatten", nn.Flatten(), rand(2, 3, 4)))
    cases.append(layer_case("Flatten_0_1", nn.Flatten(0, 1), rand(2, 3, 4)))
    d = nn.Dropout(0.4)
    d.eval()
    cases.append(layer_case("DropoutEval", d, rand(3, 5)))

    for p, seed in ((0.3, 42), (0.5, 7)):
        x = rand(8, 9)
        torch.manual_seed(seed)  # the mask is drawn inside the call (RANDOMNESS.md section 2.6)
        cases.append(layer_case(f"DropoutTrain_{p}", nn.Dropout(p), x, extra={"p": p, "seed": seed}))
    emb = nn.Embedding(6, 3)
    idx = torch.tensor([[0, 2, 5, 2], [1, 1, 4, 3]], dtype=torch.int64)
    cases.append(layer_case("Embedding", emb, idx, {"weight": rand(6, 3)}, int_input=True))
    emb_p = nn.Embedding(6, 3, padding_idx=2)
    cases.append(layer_case("EmbeddingPadding2", emb_p, idx, {"weight": rand(6, 3)}, int_input=True,
                            extra={"padding_idx": 2}))
    return cases


def batchnorm_cases():
    cases = []
    for name, shape, momentum in [("BatchNorm1d_NC", (6, 3), 0.1), ("BatchNorm1d_NCL", (4, 3, 5), 0.1),
                                  ("BatchNorm1d_NC_momentum0.3", (6, 3), 0.3)]:
        bn = nn.BatchNorm1d(3, momentum=momentum)
        weight, bias = rand(3, scale=0.5) + 1.0, rand(3, scale=0.5)
        with torch.no_grad():
            bn.weight.copy_(weight)
            bn.bias.copy_(bias)
        x1 = rand(*shape, scale=2.0) + 0.5
        x2 = rand(*shape, scale=1.5) - 0.3
        x3 = rand(*shape)
        case = layer_case(name, bn, x1, None)  # step 1 (train): output and input grad
        case["momentum"] = momentum
        case["params"] = {"weight": t2j(weight), "bias": t2j(bias)}
        case["grad_params"] = {"weight": grad_of(bn.weight), "bias": grad_of(bn.bias)}
        case["running_mean_1"] = t2j(bn.running_mean)
        case["running_var_1"] = t2j(bn.running_var)
        bn(x2)
        case["input_2"] = t2j(x2)
        case["running_mean_2"] = t2j(bn.running_mean)
        case["running_var_2"] = t2j(bn.running_var)
        case["num_batches_tracked_2"] = int(bn.num_batches_tracked)
        bn.eval()
        x3r = x3.clone().requires_grad_(True)
        y3 = bn(x3r)
        g3 = rand(*y3.shape)
        y3.backward(g3)
        case["eval_input"] = t2j(x3)
        case["eval_output"] = t2j(y3)
        case["eval_grad_output"] = t2j(g3)
        case["eval_grad_input"] = t2j(x3r.grad)
        cases.append(case)
    return cases


# ---------------------------------------------------------------- losses
def loss_case(name, module, x, target, options, target_grad=False):
    x = x.clone().requires_grad_(True)
    target = target.clone()
    if target_grad:
        target.requires_grad_(True)
    out = module(x, target)
    g = rand(*out.shape) if out.dim() > 0 else torch.tensor(1.0)
    out.backward(g)
    return {
        "name": name,
        "options": options,
        "input": t2j(x),
        "target": t2j(target),
        "output": t2j(out),
        "grad_output": t2j(g),
        "grad_input": t2j(x.grad),
        "grad_target": t2j(target.grad) if target_grad else None,
    }


def losses():
    cases = []
    n, c = 6, 4
    logits = rand(n, c, scale=2.0)
    cls = torch.tensor([0, 3, 1, 1, 2, 3], dtype=torch.int64)
    cls_ign = torch.tensor([0, 3, -100, 1, 2, 3], dtype=torch.int64)
    cls_ign1 = torch.tensor([0, 3, 1, 1, 2, 1], dtype=torch.int64)
    w = torch.tensor([0.5, 2.0, 1.0, 1.5], dtype=torch.float32)
    probs = torch.softmax(rand(n, c), dim=1)
    reds = ["mean", "sum", "none"]

    for r in reds:
        cases.append(loss_case(f"CE_{r}", nn.CrossEntropyLoss(reduction=r), logits, cls, {"kind": "CrossEntropy", "reduction": r}))
        cases.append(loss_case(f"CE_weight_{r}", nn.CrossEntropyLoss(weight=w, reduction=r), logits, cls,
                               {"kind": "CrossEntropy", "reduction": r, "weight": w.tolist()}))
        cases.append(loss_case(f"CE_ignore_{r}", nn.CrossEntropyLoss(reduction=r), logits, cls_ign,
                               {"kind": "CrossEntropy", "reduction": r}))
        cases.append(loss_case(f"CE_ignore1_weight_{r}", nn.CrossEntropyLoss(weight=w, ignore_index=1, reduction=r),
                               logits, cls_ign1, {"kind": "CrossEntropy", "reduction": r, "weight": w.tolist(), "ignore_index": 1}))
        cases.append(loss_case(f"CE_smooth_{r}", nn.CrossEntropyLoss(label_smoothing=0.1, reduction=r), logits, cls,
                               {"kind": "CrossEntropy", "reduction": r, "label_smoothing": 0.1}))
        cases.append(loss_case(f"CE_smooth_weight_ignore_{r}",
                               nn.CrossEntropyLoss(weight=w, label_smoothing=0.2, reduction=r), logits, cls_ign,
                               {"kind": "CrossEntropy", "reduction": r, "weight": w.tolist(), "label_smoothing": 0.2}))
        cases.append(loss_case(f"CE_smooth_ignore_{r}", nn.CrossEntropyLoss(label_smoothing=0.2, reduction=r), logits,
                               cls_ign, {"kind": "CrossEntropy", "reduction": r, "label_smoothing": 0.2}))
        cases.append(loss_case(f"CE_probs_{r}", nn.CrossEntropyLoss(reduction=r), logits, probs,
                               {"kind": "CrossEntropy", "reduction": r}))
        cases.append(loss_case(f"CE_probs_weight_smooth_{r}",
                               nn.CrossEntropyLoss(weight=w, label_smoothing=0.15, reduction=r), logits, probs,
                               {"kind": "CrossEntropy", "reduction": r, "weight": w.tolist(), "label_smoothing": 0.15}))
        logp = torch.log_softmax(logits, dim=1)
        cases.append(loss_case(f"NLL_{r}", nn.NLLLoss(reduction=r), logp, cls, {"kind": "NLL", "reduction": r}))
        cases.append(loss_case(f"NLL_weight_ignore_{r}", nn.NLLLoss(weight=w, reduction=r), logp, cls_ign,
                               {"kind": "NLL", "reduction": r, "weight": w.tolist()}))
        xa, xb = rand(3, 5), rand(3, 5)
        cases.append(loss_case(f"MSE_{r}", nn.MSELoss(reduction=r), xa, xb, {"kind": "MSE", "reduction": r}, target_grad=True))
        cases.append(loss_case(f"L1_{r}", nn.L1Loss(reduction=r), xa, xb, {"kind": "L1", "reduction": r}, target_grad=True))
        for delta in (1.0, 0.5):
            cases.append(loss_case(f"Huber_{delta}_{r}", nn.HuberLoss(reduction=r, delta=delta), xa, xb * 1.5,
                                   {"kind": "Huber", "reduction": r, "delta": delta}, target_grad=True))
        p = torch.sigmoid(rand(4, 3))
        yb = torch.tensor(rs.rand(4, 3).astype(np.float32))
        wb = torch.tensor([0.5, 1.0, 2.0], dtype=torch.float32)
        cases.append(loss_case(f"BCE_{r}", nn.BCELoss(reduction=r), p, yb, {"kind": "BCE", "reduction": r}))
        cases.append(loss_case(f"BCE_weight_{r}", nn.BCELoss(weight=wb, reduction=r), p, yb,
                               {"kind": "BCE", "reduction": r, "weight": wb.tolist()}))
        z = rand(4, 3, scale=3.0)
        pw = torch.tensor([2.0, 0.5, 3.0], dtype=torch.float32)
        cases.append(loss_case(f"BCEWithLogits_{r}", nn.BCEWithLogitsLoss(reduction=r), z, yb,
                               {"kind": "BCEWithLogits", "reduction": r}))
        cases.append(loss_case(f"BCEWithLogits_posweight_weight_{r}",
                               nn.BCEWithLogitsLoss(weight=wb, pos_weight=pw, reduction=r), z, yb,
                               {"kind": "BCEWithLogits", "reduction": r, "weight": wb.tolist(), "pos_weight": pw.tolist()}))
    # BCE clamps log at -100 (PyTorch doc): probabilities of exactly 0 and 1.
    pe = torch.tensor([0.0, 1.0, 0.5, 1.0], dtype=torch.float32)
    ye = torch.tensor([1.0, 0.0, 1.0, 1.0], dtype=torch.float32)
    out = nn.BCELoss(reduction="none")(pe, ye)
    cases.append({"name": "BCE_clamp_none", "options": {"kind": "BCE", "reduction": "none"},
                  "input": t2j(pe), "target": t2j(ye), "output": t2j(out),
                  "grad_output": None, "grad_input": None, "grad_target": None})
    # Extreme logits: CE and BCEWithLogits must stay finite (max subtraction / log1p(exp(-|z|))).
    big = torch.tensor([[1000.0, -1000.0, 0.0], [-500.0, 250.0, 300.0]], dtype=torch.float32)
    cases.append(loss_case("CE_extreme_mean", nn.CrossEntropyLoss(), big, torch.tensor([1, 2]),
                           {"kind": "CrossEntropy", "reduction": "mean"}))
    cases.append(loss_case("BCEWithLogits_extreme_none", nn.BCEWithLogitsLoss(reduction="none"), big,
                           torch.tensor([[1.0, 0.0, 1.0], [1.0, 0.0, 0.0]]),
                           {"kind": "BCEWithLogits", "reduction": "none"}))
    return cases


# ---------------------------------------------------------------- init
def seed_model():
    return nn.Sequential(nn.Linear(11, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 6))


def reset(m):
    if hasattr(m, "reset_parameters"):
        m.reset_parameters()


def init_fixtures():
    out = {"seed_model": [], "construct_after_seed": [], "modules": [], "init_functions": [], "gains": {}}
    for seed in (42, 0, 7):
        model = seed_model()
        torch.manual_seed(seed)
        model.apply(reset)
        after = torch.rand(2)
        out["seed_model"].append({"seed": seed, "state": {k: bits(v) for k, v in model.state_dict().items()},
                                  "rand_after": bits(after)})
    torch.manual_seed(42)
    model = seed_model()
    out["construct_after_seed"].append({"seed": 42, "state": {k: bits(v) for k, v in model.state_dict().items()}})

    torch.manual_seed(1)
    lin = nn.Linear(4, 3)
    out["modules"].append({"name": "Linear_4_3", "seed": 1, "state": {k: bits(v) for k, v in lin.state_dict().items()}})
    torch.manual_seed(2)
    lin = nn.Linear(5, 2, bias=False)
    out["modules"].append({"name": "Linear_5_2_nobias", "seed": 2, "state": {k: bits(v) for k, v in lin.state_dict().items()}})
    torch.manual_seed(5)
    bn = nn.BatchNorm1d(4)
    after = torch.rand(2)  # BatchNorm draws nothing: this equals rand(2) right after the seed
    out["modules"].append({"name": "BatchNorm1d_4", "seed": 5,
                           "state": {k: (bits(v) if v.dtype == torch.float32 else t2j(v)) for k, v in bn.state_dict().items()},
                           "rand_after": bits(after)})
    for name, ctor in [("Embedding_10_3", lambda: nn.Embedding(10, 3)),
                       ("Embedding_5_20", lambda: nn.Embedding(5, 20)),
                       ("Embedding_7_4_pad1", lambda: nn.Embedding(7, 4, padding_idx=1))]:
        torch.manual_seed(3)
        emb = ctor()
        out["modules"].append({"name": name, "seed": 3, "state": {k: bits(v) for k, v in emb.state_dict().items()}})

    init = nn.init
    specs = [
        ("uniform_", (3, 5), lambda w: init.uniform_(w, -0.5, 2.0), {"a": -0.5, "b": 2.0}),
        ("normal_", (4, 5), lambda w: init.normal_(w, 0.5, 2.0), {"mean": 0.5, "std": 2.0}),
        ("normal_", (2, 3), lambda w: init.normal_(w, 0.0, 1.0), {"mean": 0.0, "std": 1.0}),
        ("constant_", (2, 3), lambda w: init.constant_(w, 0.25), {"val": 0.25}),
        ("zeros_", (2, 3), init.zeros_, {}),
        ("ones_", (2, 3), init.ones_, {}),
        ("kaiming_uniform_", (6, 11), lambda w: init.kaiming_uniform_(w, a=5 ** 0.5), {"a": 5 ** 0.5}),
        ("kaiming_uniform_", (6, 11), lambda w: init.kaiming_uniform_(w, mode="fan_out", nonlinearity="relu"),
         {"a": 0.0, "mode": "fan_out", "nonlinearity": "relu"}),
        ("kaiming_normal_", (8, 5), lambda w: init.kaiming_normal_(w), {"a": 0.0}),
        ("kaiming_normal_", (20, 5), lambda w: init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu"),
         {"a": 0.0, "mode": "fan_out", "nonlinearity": "relu"}),
        ("xavier_uniform_", (6, 11), lambda w: init.xavier_uniform_(w), {"gain": 1.0}),
        ("xavier_uniform_", (6, 11), lambda w: init.xavier_uniform_(w, gain=init.calculate_gain("tanh")), {"gain": 5.0 / 3}),
        ("xavier_normal_", (4, 7), lambda w: init.xavier_normal_(w, gain=2.0), {"gain": 2.0}),
        ("xavier_normal_", (7, 4), lambda w: init.xavier_normal_(w), {"gain": 1.0}),
    ]
    for i, (fn, shape, call, args) in enumerate(specs):
        torch.manual_seed(100 + i)
        w = torch.empty(*shape)
        call(w)
        out["init_functions"].append({"fn": fn, "seed": 100 + i, "args": args, "result": bits(w)})
    for nl, param in [("linear", None), ("conv1d", None), ("sigmoid", None), ("tanh", None), ("relu", None),
                      ("leaky_relu", None), ("leaky_relu", 0.2), ("leaky_relu", 5 ** 0.5), ("selu", None)]:
        key = nl if param is None else f"{nl}:{param!r}"
        out["gains"][key] = nn.init.calculate_gain(nl, param)
    return out


# ---------------------------------------------------------------- state_dict names
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 4)
        self.norm = nn.BatchNorm1d(4)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.norm(self.fc(x)))


def state_dict_fixture():
    model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(),
                          nn.Sequential(nn.Linear(3, 3, bias=False), nn.BatchNorm1d(3)),
                          Block(), nn.Dropout(0.1), nn.Linear(4, 1))
    return {
        "description": "Sequential(Linear(2,3), ReLU, Sequential(Linear(3,3,bias=False), BatchNorm1d(3)), "
                       "Block{fc: Linear(3,4), norm: BatchNorm1d(4), act: ReLU}, Dropout(0.1), Linear(4,1))",
        "state_dict": [[k, list(v.shape)] for k, v in model.state_dict().items()],
        "named_parameters": [[k, list(v.shape)] for k, v in model.named_parameters()],
        "named_buffers": [[k, list(v.shape)] for k, v in model.named_buffers()],
        "named_modules": [k for k, _ in model.named_modules()],
        "children": [type(m).__name__ for m in model.children()],
        "modules": [type(m).__name__ for m in model.modules()],
    }


# ---------------------------------------------------------------- the seed run
def seed_curve():
    import pandas as pd
    from sklearn.model_selection import train_test_split

    df = pd.read_csv(os.path.join(REPO, "data", "WineQT.csv"), sep=None, engine="python")
    X = df.drop(columns=["quality", "Id"]).values.astype(np.float32)
    classes, y = np.unique(df["quality"].values, return_inverse=True)
    idx_train, idx_test = train_test_split(np.arange(len(y)), test_size=0.2, random_state=42)
    X_train, X_test = torch.tensor(X[idx_train]), torch.tensor(X[idx_test])
    y_train, y_test = torch.tensor(y[idx_train], dtype=torch.long), torch.tensor(y[idx_test], dtype=torch.long)

    model = seed_model()
    torch.manual_seed(42)
    model.apply(reset)
    initial = {k: bits(v) for k, v in model.state_dict().items()}
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    losses = []
    for _ in range(100):
        optimizer.zero_grad()
        loss = criterion(model(X_train), y_train)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        correct = int((model(X_test).argmax(dim=1) == y_test).sum().item())
        acc = (model(X_test).argmax(dim=1) == y_test).float().mean().item()
    return {
        "description": "seed_program.py defaults: WineQT.csv, drop Id, label-encoded quality, "
                       "train_test_split(test_size=0.2, random_state=42) of row indices, manual_seed(42)+apply(reset), "
                       "CrossEntropyLoss, Adam(lr=0.01), 100 full-batch epochs",
        "classes": [int(c) for c in classes],
        "columns": [c for c in df.columns if c not in ("quality", "Id")],
        "train_indices": [int(i) for i in idx_train],
        "test_indices": [int(i) for i in idx_test],
        "x_train_sum": float(X[idx_train].astype(np.float64).sum()),
        "initial_state": initial,
        "losses": losses,
        "test_correct": correct,
        "n_test": int(len(idx_test)),
        "test_accuracy": acc,
    }


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    assert struct.calcsize("f") == 4
    write("nn_layers.json", {"torch": torch.__version__, "cases": layers() + batchnorm_cases()})
    write("nn_losses.json", {"torch": torch.__version__, "cases": losses()})
    write("nn_init.json", {"torch": torch.__version__, **init_fixtures()})
    write("nn_state_dict.json", {"torch": torch.__version__, **state_dict_fixture()})
    write("seed_curve.json", {"torch": torch.__version__, **seed_curve()})
