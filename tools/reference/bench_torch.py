#!/usr/bin/python3
"""The benchmark workloads of bench/compare.sh in PyTorch 1.13, printing the JSON line Kindling's runner prints.

Workloads (issue 7), each the seed program's logic (/work/shared/reference/seed_program.py):
  seed   WineQT, 'Id' dropped, target 'quality' label-encoded, train_test_split(test_size=0.2, random_state=42),
         torch.manual_seed(42) then model.apply(reset_parameters), 11-16-16-6 with ReLU, CrossEntropyLoss,
         Adam(lr=0.01), 100 full-batch epochs.
  splus  the seed with --hidden 64,32 --batch-size 32 (torch.randperm(n) per epoch, consecutive slices).
  m      the CSV written by bench/gen_m.py (200,000 x 50, 'label' in 0..9), no split, 50-256-256-10,
         batch 256, Adam(lr=1e-3), 2 epochs.
Any option given after the workload overrides its preset.

Usage: /usr/bin/python3 tools/reference/bench_torch.py seed|splus|m [--data CSV] [--threads N] [--json] ...
"""
import argparse
import json
import os
import time

T_START = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.optim as optim  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PRESETS = {
    "seed": dict(data=os.path.join(HERE, "..", "..", "data", "WineQT.csv"), target="quality", drop="Id",
                 hidden="16,16", epochs=100, lr=0.01, batch_size=0, test_size=0.2),
    "splus": dict(data=os.path.join(HERE, "..", "..", "data", "WineQT.csv"), target="quality", drop="Id",
                  hidden="64,32", epochs=100, lr=0.01, batch_size=32, test_size=0.2),
    "m": dict(data=None, target="label", drop="", hidden="256,256", epochs=2, lr=1e-3, batch_size=256, test_size=0.0),
}


def process_seconds():
    """Seconds since this process started (interpreter start-up included), from /proc like the C# runner's StartTime."""
    try:
        with open("/proc/self/stat") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except OSError:
        return time.perf_counter() - T_START


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def epoch_flops(rows, sizes):
    # Per Linear (in -> out) and row: 2*in*out forward, 2*in*out for dW, 2*in*out for dX except at the first layer,
    # whose input needs no gradient (PyTorch skips that product too).
    return rows * sum(2.0 * i * o * (2 if k == 0 else 3) for k, (i, o) in enumerate(zip(sizes, sizes[1:])))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("workload", choices=sorted(PRESETS))
    for name in ("data", "target", "drop", "hidden"):
        p.add_argument("--" + name)
    p.add_argument("--epochs", type=int)
    p.add_argument("--lr", type=float)
    p.add_argument("--batch-size", type=int)
    p.add_argument("--test-size", type=float)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--json", action="store_true", help="accepted for symmetry; the output is always one JSON line")
    a = p.parse_args()
    for key, value in PRESETS[a.workload].items():
        if getattr(a, key) is None:
            setattr(a, key, value)
    if a.data is None:
        p.error("the m workload needs --data (a CSV written by bench/gen_m.py)")
    if a.threads:
        torch.set_num_threads(a.threads)

    df = pd.read_csv(a.data)
    drop = [c for c in a.drop.split(",") if c]
    X = df.drop(columns=[a.target] + drop).values.astype(np.float32)
    classes, y = np.unique(df[a.target].values, return_inverse=True)
    del df
    if a.test_size > 0:
        from sklearn.model_selection import train_test_split  # imported only where used: it costs start-up time
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=a.test_size, random_state=42)
        X_test, y_test = torch.tensor(X_test), torch.tensor(y_test, dtype=torch.long)
    else:
        X_train, y_train, X_test, y_test = X, y, None, None
    X_train = torch.tensor(X_train, dtype=torch.float32)
    y_train = torch.tensor(y_train, dtype=torch.long)

    sizes = [X.shape[1]] + [int(h) for h in a.hidden.split(",") if h] + [len(classes)]
    del X
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    model = nn.Sequential(*layers)
    torch.manual_seed(a.seed)
    model.apply(lambda m: m.reset_parameters() if hasattr(m, "reset_parameters") else None)

    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=a.lr)
    losses, epoch_seconds = [], []
    n = len(y_train)
    cpu_start = time.process_time()
    t_loop = time.perf_counter()
    for epoch in range(a.epochs):
        t_epoch = time.perf_counter()
        if a.batch_size <= 0 or a.batch_size >= n:
            optimizer.zero_grad()
            loss = criterion(model(X_train), y_train)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        else:
            perm = torch.randperm(n)
            total = 0.0
            for i in range(0, n, a.batch_size):
                idx = perm[i:i + a.batch_size]
                optimizer.zero_grad()
                loss = criterion(model(X_train[idx]), y_train[idx])
                loss.backward()
                optimizer.step()
                total += loss.item() * len(idx)
            losses.append(total / n)
        epoch_seconds.append(time.perf_counter() - t_epoch)
    train_seconds = time.perf_counter() - t_loop
    train_cpu = time.process_time() - cpu_start

    out = {
        "impl": "pytorch", "workload": a.workload, "threads": torch.get_num_threads(), "loop": "bare",
        "rows": n, "epochs": a.epochs, "batch_size": a.batch_size,
        "train_seconds": train_seconds, "train_cpu_seconds": train_cpu,
        "epoch_seconds_median": float(np.median(epoch_seconds)), "epoch_seconds": epoch_seconds,
        "gflops": epoch_flops(n, sizes) * a.epochs / train_seconds / 1e9,
        "final_loss": losses[-1] if losses else float("nan"),
    }
    if X_test is not None:
        model.eval()
        with torch.no_grad():
            out["test_accuracy"] = (model(X_test).argmax(dim=1) == y_test).float().mean().item()
    out["alloc_bytes_per_step"] = None   # no managed heap to count; the C# runner reports it
    out["train_loss"] = losses if len(losses) <= 10 else [losses[0], losses[-1]]
    out["peak_rss_mb"] = peak_rss_mb()
    out["total_seconds"] = process_seconds()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
