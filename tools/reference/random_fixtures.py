#!/usr/bin/python3
"""Golden fixtures for Kindling.Random and Kindling.Data splits, from real PyTorch 1.13,
NumPy 1.24 and scikit-learn 1.2 (run with /usr/bin/python3 from the repository root).

Writes:
  tools/reference/fixtures/random_torch.json   torch.manual_seed streams (uniform_, normal_,
                                               randint, random_, randperm, dropout, DataLoader)
  tools/reference/fixtures/random_numpy.json   numpy.random.RandomState streams
  tools/reference/fixtures/splits_tts.json     train_test_split (plain, stratified, errors)
  tools/reference/fixtures/splits_folds.json   KFold / StratifiedKFold

Encoding: float32 values as 8-hex-digit bit patterns, float64 as 16-hex-digit bit patterns
(exact); long index lists (n = 100000) as sha256 of the int64 little-endian bytes plus the
first 1000 values. Label vectors are named recipes that the C# tests rebuild (see `labels`).
"""
import hashlib
import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tools", "reference", "fixtures")
HEAD = 1000
SEEDS = [0, 42, 12345, -1]


def f32hex(t):
    return [format(struct.unpack("<I", struct.pack("<f", float(v)))[0], "08x") for v in t.tolist()]


def f64hex(t):
    return [format(struct.unpack("<Q", struct.pack("<d", float(v)))[0], "016x") for v in t.tolist()]


def ints(values):
    """Index list: inline when short, else first HEAD values + sha256 of int64 LE bytes."""
    arr = np.asarray(values, dtype="<i8")
    if arr.size <= 2000:
        return {"n": int(arr.size), "values": arr.tolist()}
    return {"n": int(arr.size), "head": arr[:HEAD].tolist(),
            "sha256": hashlib.sha256(arr.tobytes()).hexdigest()}


def next_word():
    """One raw 32-bit word from the global generator (range 2^32-1 < 2^32 uses random())."""
    return int(torch.randint(0, 2**32 - 1, ()).item())


# ---------------------------------------------------------------------------------- torch
def torch_seed_case(seed):
    case = {"seed": seed}

    def run(name, fn):
        torch.manual_seed(seed)
        case[name] = fn()
        case[name + "_next"] = next_word()     # proves how many words the op consumed

    # (-0.25, 0.25) is a power-of-two width (fused == unfused); the Kaiming bound for fan_in=11 and
    # (-1.7, 3.3) are not, so they catch a missing FMA.
    for tag, lo, hi in [("", 0.0, 1.0), ("_sym", -0.25, 0.25), ("_kaiming", -0.3015113445777636, 0.3015113445777636),
                        ("_wide", -1.7, 3.3)]:
        run("uniform_f32" + tag, lambda: f32hex(torch.empty(HEAD).uniform_(lo, hi)))
        run("uniform_f64" + tag, lambda: f64hex(torch.empty(HEAD, dtype=torch.float64).uniform_(lo, hi)))
    for n in (10, 1000):
        run(f"normal_f32_{n}", lambda: f32hex(torch.empty(n).normal_()))
        run(f"normal_f64_{n}", lambda: f64hex(torch.empty(n, dtype=torch.float64).normal_()))
    run("normal_f32_1000_m2_s05", lambda: f32hex(torch.empty(1000).normal_(2.0, 0.5)))
    run("normal_f64_1000_m2_s05", lambda: f64hex(torch.empty(1000, dtype=torch.float64).normal_(2.0, 0.5)))
    run("randint_0_10", lambda: torch.randint(0, 10, (HEAD,)).tolist())
    run("randint_m5_1000003", lambda: torch.randint(-5, 1000003, (HEAD,)).tolist())
    run("randint_0_2p33", lambda: torch.randint(0, 2**33, (HEAD,)).tolist())
    run("random_int64", lambda: torch.empty(HEAD, dtype=torch.int64).random_().tolist())
    run("random_f32", lambda: f32hex(torch.empty(HEAD).random_()))
    run("random_f64", lambda: f64hex(torch.empty(HEAD, dtype=torch.float64).random_()))
    for n in (10, 914, 100000):
        run(f"randperm_{n}", lambda: ints(torch.randperm(n).tolist()))
    run("bernoulli_03", lambda: "".join("1" if v else "0" for v in torch.empty(HEAD).bernoulli_(0.3).tolist()))
    run("dropout_64x64_p05", lambda: "".join(
        "0" if v == 0 else "1" for v in F.dropout(torch.ones(64, 64), 0.5, training=True).flatten().tolist()))

    # Box-Muller cache interplay: scalar path leaves a cached value that later small draws use.
    def cache_sequence():
        out = []
        out += f32hex(torch.randn(3))
        out += f64hex(torch.randn(1, dtype=torch.float64))
        out += f32hex(torch.randn(20))           # fill path: ignores the cache
        out += f32hex(torch.randn(5))
        out += f64hex(torch.randn(2, dtype=torch.float64))
        return out
    run("normal_cache_sequence", cache_sequence)
    return case


def dataloader_case():
    from torch.utils.data import DataLoader, TensorDataset
    torch.manual_seed(42)
    loader = DataLoader(TensorDataset(torch.arange(914)), batch_size=32, shuffle=True)
    epochs = []
    for _ in range(2):
        epochs.append([b[0].tolist() for b in loader])
    return {"seed": 42, "n": 914, "batch_size": 32, "epochs": epochs, "next": next_word()}


def rng_state_cases():
    """torch.get_rng_state() bytes after a few op sequences, and what the stream draws next."""
    ops = {
        "seeded": lambda: None,
        "randn3_rand5": lambda: (torch.randn(3), torch.rand(5)),       # leaves a cached Box-Muller value
        "rand700": lambda: torch.rand(700),                              # past one 624-word block
        "randn4": lambda: torch.randn(4),                                # cache consumed
    }
    cases = []
    for seed in (42, 12345):
        for name, op in ops.items():
            torch.manual_seed(seed)
            op()
            state = bytes(torch.get_rng_state().numpy()).hex()
            after = f64hex(torch.randn(1, dtype=torch.float64)) + f32hex(torch.rand(3))
            cases.append({"seed": seed, "ops": name, "state": state, "after": after})
    return cases


def tensor_cases():
    """Tensor-level draws: torch.rand/randn/randint/randperm with shapes, and fills of a transposed view
    (non-contiguous: normal_ takes the scalar Box-Muller path; values land in memory order)."""
    out = {}
    torch.manual_seed(7)
    out["rand_3x5"] = f32hex(torch.rand(3, 5).flatten())
    out["randn_4x6"] = f32hex(torch.randn(4, 6).flatten())
    out["randn_2x3_f64"] = f64hex(torch.randn(2, 3, dtype=torch.float64).flatten())
    out["randint_3_9_2x4"] = torch.randint(3, 9, (2, 4)).flatten().tolist()
    out["randperm_20"] = torch.randperm(20).tolist()
    out["bernoulli_probs"] = torch.bernoulli(torch.linspace(0, 1, 33)).tolist()
    out["bernoulli_probs_f64"] = torch.bernoulli(torch.linspace(0, 1, 33, dtype=torch.float64)).tolist()
    out["next"] = next_word()
    torch.manual_seed(3)
    base = torch.empty(2, 20)
    base.t().normal_(0.25, 1.75)
    out["transposed_normal_2x20"] = f32hex(base.flatten())
    base = torch.empty(3, 7)
    base.t().uniform_(-1.5, 2.0)
    out["transposed_uniform_3x7"] = f32hex(base.flatten())
    out["transposed_next"] = next_word()
    return out


def torch_fixtures():
    g = torch.Generator()
    fresh = f32hex(torch.rand(5, generator=g))
    return {"seeds": [torch_seed_case(s) for s in SEEDS],
            "default_generator_rand5": fresh,
            "dataloader": dataloader_case(),
            "rng_states": rng_state_cases(),
            "tensors": tensor_cases()}


# ---------------------------------------------------------------------------------- numpy
def numpy_fixtures():
    cases = []
    for seed in [0, 42, 12345, 2**32 - 1, [1, 2, 3], [0], [2**32 - 1, 7, 0, 99999]]:
        rs = lambda: np.random.RandomState(seed)   # noqa: E731
        case = {"seed": seed if isinstance(seed, list) else [seed], "array_seed": isinstance(seed, list)}
        case["random_sample"] = f64hex(rs().random_sample(HEAD))
        case["randint_0_10"] = rs().randint(0, 10, HEAD).tolist()
        case["randint_m7_100"] = rs().randint(-7, 100, HEAD).tolist()
        case["randint_0_2p32"] = rs().randint(0, 2**32, 200).tolist()
        case["randint_m3_2p40"] = rs().randint(-3, 2**40, 200).tolist()
        case["randint_5_6"] = rs().randint(5, 6, 10).tolist()
        for n in (10, 914, 100000):
            case[f"permutation_{n}"] = ints(rs().permutation(n))
        r = rs()
        a = list(range(50))
        r.shuffle(a)
        r.shuffle(a)
        case["shuffle_twice_50"] = a
        case["after_shuffle_sample"] = f64hex(np.array([r.random_sample()]))
        cases.append(case)
    return {"cases": cases}


# ---------------------------------------------------------------------------------- sklearn
def labels(name, n):
    """Label recipes shared with the C# tests (tests/Kindling.Data.Tests/Splits/SplitLabels.cs)."""
    if name == "mod3":
        return [i % 3 for i in range(n)]
    if name == "imbalanced":          # about 20 % positives, by a fixed hash
        return [1 if (i * 7) % 10 < 2 else 0 for i in range(n)]
    if name == "hash5":               # 5 classes, uneven sizes
        return [((i * 2654435761) % 4294967296) % 11 % 5 for i in range(n)]
    if name == "blocks":              # sorted blocks of unequal size: 50 %, 30 %, 20 %
        return [0 if i < n // 2 else (1 if i < n * 8 // 10 else 2) for i in range(n)]
    if name == "wine":
        import csv
        with open(os.path.join(ROOT, "data", "WineQT.csv")) as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == n
        return [int(r["quality"]) for r in rows]
    raise ValueError(name)


def split_case(n, **kw):
    X = np.arange(n)
    case = {"n": n}
    for k, v in kw.items():
        case[k] = v
    args = dict(kw)
    if "stratify" in args:
        args["stratify"] = labels(args["stratify"], n)
    try:
        tr, te = train_test_split(X, **args)
        case["train"] = ints(tr)
        case["test"] = ints(te)
    except ValueError as e:
        case["error"] = str(e)
    return case


def tts_fixtures():
    cases = []
    sizes = [dict(), dict(test_size=0.2), dict(test_size=0.33), dict(test_size=3),
             dict(train_size=0.6), dict(train_size=0.5, test_size=0.3), dict(train_size=4, test_size=2)]
    for n in (10, 150, 1143, 100000):
        for rs in (0, 1, 42, 12345):
            for sz in sizes:
                cases.append(split_case(n, random_state=rs, **sz))
        cases.append(split_case(n, test_size=0.2, shuffle=False))
        cases.append(split_case(n, test_size=7, train_size=0.5, shuffle=False))
    strat = {10: ["mod3", "imbalanced"], 150: ["mod3", "blocks", "hash5"],
             1143: ["wine", "mod3", "imbalanced"], 100000: ["hash5", "imbalanced"]}
    for n, names in strat.items():
        for name in names:
            for rs in (0, 42, 12345):
                for sz in (dict(test_size=0.2), dict(test_size=0.33), dict(test_size=7),
                           dict(train_size=0.5, test_size=0.25)):
                    cases.append(split_case(n, random_state=rs, stratify=name, **sz))
    # sklearn's ValueError cases
    for bad in (dict(test_size=1.5), dict(test_size=0.0), dict(test_size=10), dict(test_size=0),
                dict(train_size=11), dict(test_size=0.6, train_size=0.6), dict(test_size=-2),
                dict(train_size=0.95, test_size=0.04)):
        cases.append(split_case(10, random_state=0, **bad))
    cases.append(split_case(10, random_state=0, test_size=0.2, stratify="imbalanced"))
    cases.append(split_case(10, random_state=0, test_size=2, stratify="mod3"))
    return cases


def kfold_fixtures():
    cases = []
    for n in (10, 150, 1143, 100000):
        for k in (2, 3, 5, 10):
            for shuffle, rs in ((False, None), (True, 0), (True, 42), (True, 12345)):
                folds = list(KFold(k, shuffle=shuffle, random_state=rs).split(np.arange(n)))
                cases.append({"kind": "kfold", "n": n, "k": k, "shuffle": shuffle, "random_state": rs,
                              "tests": [ints(te) for _, te in folds]})
    strat = {10: ["mod3"], 150: ["mod3", "blocks", "hash5"], 1143: ["wine", "imbalanced"],
             100000: ["hash5"]}
    for n, names in strat.items():
        for name in names:
            for k in (2, 3, 5):
                for shuffle, rs in ((False, None), (True, 0), (True, 42), (True, 12345)):
                    y = labels(name, n)
                    try:
                        folds = list(StratifiedKFold(k, shuffle=shuffle, random_state=rs).split(np.zeros(n), y))
                        tests = [ints(te) for _, te in folds]
                    except ValueError:
                        continue
                    cases.append({"kind": "stratified", "n": n, "k": k, "shuffle": shuffle,
                                  "random_state": rs, "labels": name, "tests": tests})
    return cases


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w") as fh:
        json.dump(obj, fh, separators=(",", ":"))
    size = os.path.getsize(path)
    print(f"{path}: {size} bytes", file=sys.stderr)
    assert size < 2_000_000, f"{name} is too large"


def main():
    os.makedirs(OUT, exist_ok=True)
    print("torch", torch.__version__, "numpy", np.__version__, file=sys.stderr)
    write("random_torch.json", torch_fixtures())
    write("random_numpy.json", numpy_fixtures())
    write("splits_tts.json", {"cases": tts_fixtures()})
    write("splits_folds.json", {"cases": kfold_fixtures()})


if __name__ == "__main__":
    main()
