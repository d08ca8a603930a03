#!/usr/bin/python3
"""Writes the M workload's CSV: ROWS x 50 float features and an integer 'label' in 0..9, from a fixed NumPy seed.

The label is the argmax of a fixed random linear map of the features plus noise, so the data is learnable but
not trivially separable. Same arguments -> the same bytes. The file is a benchmark cache, never committed.

Usage: /usr/bin/python3 bench/gen_m.py OUT.csv [--rows 200000] [--features 50] [--classes 10] [--seed 20261126]
"""
import argparse
import os

import numpy as np

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("out")
p.add_argument("--rows", type=int, default=200_000)
p.add_argument("--features", type=int, default=50)
p.add_argument("--classes", type=int, default=10)
p.add_argument("--seed", type=int, default=20261126)
a = p.parse_args()

rng = np.random.RandomState(a.seed)
teacher = rng.standard_normal((a.features, a.classes))
x = rng.standard_normal((a.rows, a.features)).astype(np.float32)
noise = rng.standard_normal((a.rows, a.classes))
label = np.argmax(x.astype(np.float64) @ teacher + 2.0 * noise, axis=1)

tmp = a.out + ".tmp"
with open(tmp, "w", newline="\n") as f:
    f.write(",".join([f"x{j}" for j in range(a.features)] + ["label"]) + "\n")
    chunk = 10_000
    for start in range(0, a.rows, chunk):
        xs, ls = x[start:start + chunk], label[start:start + chunk]
        # %.6g keeps float32 values readable and the file about 2/3 the size of repr.
        lines = [",".join(f"{v:.6g}" for v in row) + f",{l}" for row, l in zip(xs.tolist(), ls.tolist())]
        f.write("\n".join(lines) + "\n")
os.replace(tmp, a.out)
