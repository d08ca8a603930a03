#!/usr/bin/python3
"""NumPy/OpenBLAS sgemm GFLOP/s at 64, 256, 1024, 2048 — the practical peak Kindling's GEMM is compared with.

Usage: /usr/bin/python3 bench/gemm_numpy.py [--threads N] [--repeats R]
Prints one line per size: size, best and median GFLOP/s (2·n³ flops per product) over R timed runs.
Run with Debian's python3-numpy and libopenblas0-pthread (the thread count is fixed before NumPy loads).
"""
import argparse
import os
import sys

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--repeats", type=int, default=7)
parser.add_argument("--sizes", default="64,256,1024,2048")
args = parser.parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

rng = np.random.default_rng(0)
print(f"numpy {np.__version__}, threads {args.threads}", file=sys.stderr)
# cpu_gflops: flops per second of process CPU time, steadier when other work shares the cores.
print("size\tbest_gflops\tmedian_gflops\tcpu_gflops")
for n in (int(s) for s in args.sizes.split(",")):
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    c = np.empty((n, n), dtype=np.float32)
    # Enough products per timed run for ~50 ms of work, so timer resolution does not matter at 64.
    inner = max(1, int(5e8 / (2 * n ** 3)))
    np.matmul(a, b, out=c)
    rates = []
    cpu_start = time.process_time()
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(inner):
            np.matmul(a, b, out=c)
        seconds = (time.perf_counter() - start) / inner
        rates.append(2 * n ** 3 / seconds / 1e9)
    cpu_rate = 2 * n ** 3 * inner * args.repeats / (time.process_time() - cpu_start) / 1e9
    print(f"{n}\t{max(rates):.1f}\t{statistics.median(rates):.1f}\t{cpu_rate:.1f}")
