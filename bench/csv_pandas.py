#!/usr/bin/python3
"""CSV read + standardise, pandas side: pandas.read_csv + sklearn StandardScaler on a generated
1,000,000 x 20 numeric CSV (fixed seed). The C# side is bench/Kindling.Bench/CsvBench.cs.

  /usr/bin/python3 bench/csv_pandas.py [--rows 1000000] [--path /tmp/kindling_csv_1m_20.csv]

Generates the file if it is missing (numpy default_rng(20240607), 6 significant digits), then
times read_csv + fit_transform (best of 3) and prints the peak RSS of this process.
"""
import argparse
import os
import resource
import time

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


def generate(path, rows, cols=20):
    rng = np.random.default_rng(20240607)
    means = rng.uniform(-100, 100, cols)
    scales = rng.uniform(0.01, 50, cols)
    with open(path, "w") as f:
        f.write(",".join(f"f{j}" for j in range(cols)) + "\n")
        chunk = 100_000
        for start in range(0, rows, chunk):
            x = rng.standard_normal((min(chunk, rows - start), cols)) * scales + means
            np.savetxt(f, x, fmt="%.6g", delimiter=",")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--path", default="/tmp/kindling_csv_1m_20.csv")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(a.path):
        generate(a.path, a.rows)
    best = float("inf")
    for _ in range(a.repeat):
        t = time.perf_counter()
        df = pd.read_csv(a.path)
        x = StandardScaler().fit_transform(df.to_numpy(dtype=np.float64)).astype(np.float32)
        best = min(best, time.perf_counter() - t)
        del df
    matrix = x.shape[0] * x.shape[1] * 4
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"pandas.read_csv + StandardScaler: {best:.3f} s (best of {a.repeat}), shape {x.shape}, "
          f"peak RSS {peak / 2**20:.0f} MiB = {peak / matrix:.2f}x the float32 matrix ({matrix / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
