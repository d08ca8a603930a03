#!/usr/bin/python3
"""Golden regression runs for `kindling train --task regression`, from real PyTorch 1.13 + scikit-learn 1.2.

The PyTorch twin of a Kindling regression run is the seed program with one output unit and nn.MSELoss (or
HuberLoss / L1Loss) on the target standardised on the training rows: the same CSV reading, the same plain
train_test_split(test_size=0.2, random_state=42) (no stratification: the target is continuous), the same
model built, torch.manual_seed(42), reset_parameters, Adam(lr=0.01), full batch or torch.randperm batches.
Predictions are de-scaled (z * scale + mean, in float64) and scored by scikit-learn.

Writes tools/reference/fixtures/regression_runs.json; each run also names the equivalent `kindling train`
command line.   Run: /usr/bin/python3 tools/reference/regression_fixtures.py
"""
import json
import os

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn import metrics as M
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "data", "WineQT.csv")
OUT = os.path.join(ROOT, "tools", "reference", "fixtures", "regression_runs.json")
LOSSES = {"mse": nn.MSELoss, "huber": nn.HuberLoss, "l1": nn.L1Loss}


def twin(target="alcohol", drop=("Id",), loss="mse", epochs=100, batch_size=0, standardize=False, target_scaling="standard"):
    torch.set_num_threads(1)  # PyTorch's own sums in a fixed order: a reproducible fixture
    df = pd.read_csv(DATA, sep=None, engine="python")
    X = df.drop(columns=[target, *drop]).values.astype(np.float64)
    y = df[target].values.astype(np.float64)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    if standardize:
        scaler = StandardScaler().fit(X_train)
        X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)
    if target_scaling == "standard":
        y_scaler = StandardScaler().fit(y_train.reshape(-1, 1))
        mean, scale = float(y_scaler.mean_[0]), float(y_scaler.scale_[0])
    else:
        mean, scale = 0.0, 1.0
    z_train = (y_train - mean) / scale
    X_train = torch.tensor(X_train, dtype=torch.float32)
    X_test = torch.tensor(X_test, dtype=torch.float32)
    z_train = torch.tensor(z_train, dtype=torch.float32).reshape(-1, 1)  # (N, 1): no broadcasting in the loss

    model = nn.Sequential(nn.Linear(X.shape[1], 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1))
    torch.manual_seed(42)
    model.apply(lambda m: m.reset_parameters() if hasattr(m, "reset_parameters") else None)
    criterion = LOSSES[loss]()
    optimizer = optim.Adam(model.parameters(), lr=0.01)
    n = len(z_train)
    losses = []
    for _ in range(epochs):
        if batch_size <= 0:
            optimizer.zero_grad()
            out = criterion(model(X_train), z_train)
            out.backward()
            optimizer.step()
            losses.append(out.item())
        else:
            perm = torch.randperm(n)
            total = 0.0
            for i in range(0, n, batch_size):
                idx = perm[i:i + batch_size]
                optimizer.zero_grad()
                out = criterion(model(X_train[idx]), z_train[idx])
                out.backward()
                optimizer.step()
                total += out.item() * len(idx)
            losses.append(total / n)

    model.eval()
    with torch.no_grad():
        z = model(X_test).numpy().astype(np.float64).ravel()
    pred = z * scale + mean
    args = ["--target", target, "--epochs", str(epochs)]
    if loss != "mse":
        args += ["--loss", loss]
    if batch_size:
        args += ["--batch-size", str(batch_size)]
    if standardize:
        args += ["--standardize"]
    if target_scaling != "standard":
        args += ["--target-scaling", target_scaling]
    return {
        "kindling_args": args,
        "train_loss": losses,
        "target_mean": mean, "target_scale": scale,
        "n_train": n, "n_test": len(y_test),
        "test_r2": M.r2_score(y_test, pred),
        "test_mae": M.mean_absolute_error(y_test, pred),
        "test_rmse": M.mean_squared_error(y_test, pred, squared=False),
        "first_predictions": pred[:5].tolist(),
    }


def main():
    out = {
        "torch": torch.__version__,
        "data": "data/WineQT.csv, target alcohol (61 distinct values, not whole numbers: auto picks regression)",
        # Row indices (0-based, data rows) of train_test_split(test_size=0.2, random_state=42): the tests write
        # these rows to a CSV, `kindling predict` them, and score the output with scikit-learn's r2_score.
        "test_rows": train_test_split(np.arange(len(pd.read_csv(DATA))), test_size=0.2, random_state=42)[1].tolist(),
        "runs": {
            "mse_full_batch": twin(),
            "huber_minibatch_standardize": twin(loss="huber", epochs=20, batch_size=32, standardize=True),
            "l1_unscaled_target": twin(loss="l1", epochs=30, standardize=True, target_scaling="none"),
        },
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    r = out["runs"]["mse_full_batch"]
    print(f"wrote {OUT}: mse epoch 1 {r['train_loss'][0]!r}, epoch 100 {r['train_loss'][-1]!r}, test R2 {r['test_r2']!r}")


if __name__ == "__main__":
    main()
