#!/usr/bin/python3
"""Golden numbers for the `kindling train` end-to-end tests, from real PyTorch.

Runs the oracle /work/shared/reference/seed_program.py (PyTorch 1.13 + scikit-learn) with the
option sets the CLI tests use and records its --json output, so the tests can compare what the
built `kindling` binary prints with what PyTorch computes for the same run.

    /usr/bin/python3 tools/reference/cli_fixtures.py [--oracle PATH] > tools/reference/fixtures/cli_runs.json
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "data", "WineQT.csv")

# name -> (seed_program.py options, the same run's `kindling train` options)
RUNS = {
    "seed": ([], []),
    "minibatch_standardize": (["--batch-size", "32", "--standardize", "--epochs", "5"],
                              ["--batch-size", "32", "--standardize", "--epochs", "5"]),
}


def stratified_test_support():
    """Rows per class among the test rows of train_test_split(test_size=0.2, random_state=42,
    stratify=y) on WineQT (what `kindling train --stratify` must give), keyed by quality."""
    import numpy as np
    import pandas as pd
    from sklearn.model_selection import train_test_split
    y = pd.read_csv(DATA)["quality"].values
    _, test = train_test_split(np.arange(len(y)), test_size=0.2, random_state=42, stratify=y)
    classes, counts = np.unique(y[test], return_counts=True)
    return {str(int(c)): int(k) for c, k in zip(classes, counts)}


def seed_test_metrics(oracle):
    """The seed run's test predictions (PyTorch: the oracle's own model after training) scored by scikit-learn's
    defaults (labels=None: unique_labels of y_true and y_pred), what `kindling train`'s test_macro_f1 must equal."""
    import runpy
    import numpy as np
    import torch
    from sklearn import metrics as M
    from sklearn.utils.multiclass import unique_labels
    argv = sys.argv
    sys.argv = [oracle, "--data", DATA, "--threads", "1"]
    try:
        with open(os.devnull, "w") as null, __import__("contextlib").redirect_stdout(null):
            g = runpy.run_path(oracle, run_name="__main__")
    finally:
        sys.argv = argv
    with torch.no_grad():
        y_pred = g["model"](g["X_test"]).argmax(dim=1).numpy()
    y_true = g["y_test"].numpy()
    return {"y_pred": [int(v) for v in y_pred],
            "labels": [int(v) for v in unique_labels(y_true, y_pred)],
            "accuracy": float(M.accuracy_score(y_true, y_pred)),
            "f1_macro": float(M.f1_score(y_true, y_pred, average="macro", zero_division=0)),
            "f1_weighted": float(M.f1_score(y_true, y_pred, average="weighted", zero_division=0)),
            "balanced_accuracy": float(M.balanced_accuracy_score(y_true, y_pred))}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oracle", default="/work/shared/reference/seed_program.py")
    args = parser.parse_args()
    out = {"description": "seed_program.py --json per option set; kindling_args is the equivalent `kindling train` command line",
           "runs": {}}
    for name, (oracle_args, kindling_args) in RUNS.items():
        text = subprocess.run([sys.executable, args.oracle, "--data", DATA, "--threads", "1", *oracle_args, "--json"],
                              check=True, capture_output=True, text=True).stdout
        result = json.loads(text)
        out["runs"][name] = {
            "kindling_args": kindling_args,
            "train_loss": result["train_loss"],
            "test_accuracy": result["test_accuracy"],
            "n_train": result["n_train"],
            "n_test": result["n_test"],
        }
    out["stratified_test_support"] = stratified_test_support()
    out["seed_test_metrics"] = seed_test_metrics(args.oracle)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
