#!/usr/bin/python3
"""Golden runs of the seed program for samples/SeedTraining, from Debian's PyTorch 1.13.

Writes tools/reference/fixtures/seed_runs.json with three runs on data/WineQT.csv:
  full_batch   seed_program.py (the seed: 100 full-batch epochs)
  mini_batch   seed_program.py --batch-size 32 --epochs 20 (torch.randperm(n) per epoch)
  data_loader  the same model and optimiser fed by DataLoader(TensorDataset(X_train, y_train),
               batch_size=32, shuffle=True) for 20 epochs; its RandomSampler seeds a private
               generator from the global one every epoch (RANDOMNESS.md §2.8)
Each run records the per-epoch loss (mini-batch epochs: sum of loss * len(batch) / n, as
seed_program.py), the test accuracy and correct count, and the first row of the first Linear's
initial weight as float32 bit patterns.

Run: /usr/bin/python3 tools/reference/seed_fixtures.py
"""
import json
import os
import struct
import subprocess
import sys

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "data", "WineQT.csv")
# The oracle program lives beside the repository; SEED_PROGRAM=/path/to/seed_program.py overrides.
SEED_PROGRAM = os.environ.get("SEED_PROGRAM", "/work/shared/reference/seed_program.py")
OUT = os.path.join(ROOT, "tools", "reference", "fixtures", "seed_runs.json")
THREADS = 1  # one thread: PyTorch's own sums in a fixed order, so the fixture is reproducible


def f32_bits(values):
    return [struct.unpack("<I", struct.pack("<f", v))[0] for v in values]


def seed_program(*args):
    """Runs the oracle program itself and returns its --json output."""
    cmd = [sys.executable, SEED_PROGRAM, "--data", DATA, "--threads", str(THREADS), "--json", *args]
    out = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    record = run_record(out["train_loss"], out["test_accuracy"], out["n_test"], out["first_weight_row"], list(args))
    record.update(n_train=out["n_train"], n_test=out["n_test"], classes=out["classes"])
    return record


def run_record(losses, accuracy, n_test, first_row, args):
    return {
        "args": args,
        "train_loss": [float(v) for v in losses],
        "test_accuracy": float(accuracy),
        "test_correct": int(round(accuracy * n_test)),
        "first_weight_row": [float(v) for v in first_row],
        "first_weight_row_bits": f32_bits(first_row),
    }


def data_loader_run(batch_size=32, epochs=20):
    """seed_program.py's data and model, trained from a shuffling DataLoader instead of randperm slices."""
    torch.set_num_threads(THREADS)
    df = pd.read_csv(DATA, sep=None, engine="python")
    X = df.drop(columns=["quality", "Id"]).values.astype(np.float32)
    classes, y = np.unique(df["quality"].values, return_inverse=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    X_train = torch.tensor(X_train, dtype=torch.float32)
    X_test = torch.tensor(X_test, dtype=torch.float32)
    y_train = torch.tensor(y_train, dtype=torch.long)
    y_test = torch.tensor(y_test, dtype=torch.long)

    model = nn.Sequential(nn.Linear(11, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, len(classes)))
    torch.manual_seed(42)
    model.apply(lambda m: m.reset_parameters() if hasattr(m, "reset_parameters") else None)
    first_row = model[0].weight[0].tolist()

    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=0.01)
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True)
    n = len(y_train)
    losses = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(yb)
        losses.append(total / n)

    model.eval()
    with torch.no_grad():
        accuracy = (model(X_test).argmax(dim=1) == y_test).float().mean().item()
    return run_record(losses, accuracy, len(y_test), first_row,
                      ["data_loader", "--batch-size", str(batch_size), "--epochs", str(epochs)])


def main():
    full = seed_program()
    out = {
        "torch": torch.__version__,
        "data": "data/WineQT.csv",
        "n_train": full["n_train"],
        "n_test": full["n_test"],
        "classes": full["classes"],
        "full_batch": full,
        "mini_batch": seed_program("--batch-size", "32", "--epochs", "20"),
        "data_loader": data_loader_run(),
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}: epoch 1 {full['train_loss'][0]!r}, epoch 100 {full['train_loss'][-1]!r}, "
          f"accuracy {full['test_correct']}/229")


if __name__ == "__main__":
    main()
