#!/usr/bin/python3
"""CSV read + standardise, pandas side: pandas.read_csv + sklearn StandardScaler on a generated
1,000,000 x 20 numeric CSV (fixed seed). The C# side is bench/Kindling.Bench/CsvBench.cs.

  /usr/bin/python3 bench/csv_pandas.py [--rows 1000000] [--path /tmp/kindling_csv_1m_20.csv]
  /usr/bin/python3 bench/csv_pandas.py --data CSV --json   (bench/compare.sh's CSV row: read_csv alone, one JSON line)

Generates the file if it is missing (numpy default_rng(20240607), 6 significant digits), then
times read_csv + fit_transform (best of 3) and prints the peak RSS of this process.
"""
import argparse
import json
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


def read_only(path):
    """compare.sh's CSV row: pandas.read_csv alone on PATH, once, as one JSON line (the C# side is
    `Kindling.Bench workload csv --data PATH`)."""
    cpu, t = time.process_time(), time.perf_counter()
    df = pd.read_csv(path)
    seconds, cpu_seconds = time.perf_counter() - t, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"impl": "pandas", "workload": "csv", "data": path, "rows": df.shape[0], "columns": df.shape[1],
                      "read_seconds": seconds, "read_cpu_seconds": cpu_seconds, "peak_rss_mb": peak}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--path", default="/tmp/kindling_csv_1m_20.csv")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", help="time pandas.read_csv alone on this file and print one JSON line")
    ap.add_argument("--json", action="store_true", help="(with --data) the only output format; accepted for symmetry")
    a = ap.parse_args()
    if a.data:
        read_only(a.data)
        return
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
