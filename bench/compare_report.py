#!/usr/bin/python3
"""Reads bench/compare.sh's results.jsonl and prints medians, ratios and the Markdown table for the README.

Each line: {"label": "S" | "S+" | "M-threads-N" | "G-N" | "CSV", "impl": "kindling" | "kindling-aot" | "pytorch" | "numpy" | "pandas",
"wall_seconds": whole-process wall clock measured by compare.sh, "result": the workload's own JSON line}.
"""
import argparse
import json
import statistics
from collections import defaultdict

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument("results")
p.add_argument("--threads", type=int, default=2)
p.add_argument("--tiny", action="store_true")
a = p.parse_args()

runs = defaultdict(list)
with open(a.results) as f:
    for line in f:
        if line.strip():
            r = json.loads(line)
            runs[(r["label"], r["impl"])].append(r)


def med(label, impl, field):
    """Median of a field over the repetitions (wall_seconds is compare.sh's; others come from the result)."""
    values = []
    for r in runs.get((label, impl), []):
        v = r["wall_seconds"] if field == "wall_seconds" else r["result"].get(field)
        if isinstance(v, (int, float)):
            values.append(float(v))
    return statistics.median(values) if values else None


def count(label, impl):
    return len(runs.get((label, impl), []))


def fmt(v, digits=3):
    if v is None:
        return "n/a"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.{digits}g}"


def ratio(a_, b_):
    return None if a_ is None or b_ is None or b_ == 0 else a_ / b_


rows = []  # (workload, metric, kindling, reference, ratio text, target, met)


def add(workload, metric, k, ref, r, target, met):
    rows.append((workload, metric, fmt(k), fmt(ref), "n/a" if r is None else f"{r:.2g}×", target,
                 "n/a" if met is None else ("yes" if met else "**no**")))


def speedup_row(workload, metric, label, field, target_x, impl="kindling"):
    k, t = med(label, impl, field), med(label, "pytorch", field)
    r = ratio(t, k)
    add(workload, metric, k, t, r, f"≥ {target_x}× faster" if target_x else "", None if r is None or not target_x else r >= target_x)


speedup_row("S", "train loop, s", "S", "train_seconds", 20)
speedup_row("S", "whole process, s (JIT runner)", "S", "wall_seconds", None)
if count("S", "kindling-aot"):
    speedup_row("S", "train loop, s (NativeAOT CLI)", "S", "train_seconds", 20, impl="kindling-aot")
    speedup_row("S", "whole process, s (NativeAOT CLI)", "S", "wall_seconds", 20, impl="kindling-aot")
speedup_row("S+", "train loop, s", "S+", "train_seconds", None)
speedup_row("S+", "whole process, s", "S+", "wall_seconds", None)
if count("S+", "kindling-aot"):
    speedup_row("S+", "whole process, s (NativeAOT CLI)", "S+", "wall_seconds", None, impl="kindling-aot")

m = f"M-threads-{a.threads}"
k_epoch = ratio(med(m, "kindling", "train_seconds"), med(m, "kindling", "epochs"))
t_epoch = ratio(med(m, "pytorch", "train_seconds"), med(m, "pytorch", "epochs"))
r = ratio(t_epoch, k_epoch)
add("M", "seconds / epoch", k_epoch, t_epoch, r, "≥ 8× faster", None if r is None else r >= 8)
big = "G-2048" if count("G-2048", "numpy") else ("G-64" if a.tiny else None)
blas = med(big, "numpy", "gflops") if big else None
k_gf, t_gf = med(m, "kindling", "gflops"), med(m, "pytorch", "gflops")
share = ratio(k_gf, blas)
rows.append(("M", "GFLOP/s (matrix products)", fmt(k_gf), fmt(t_gf),
             "n/a" if share is None else f"{100 * share:.0f}% of OpenBLAS {big[2:]}",
             "≥ 75% of OpenBLAS 2048", "n/a" if share is None else ("yes" if share >= 0.75 else "**no**")))
k_rss, t_rss = med(m, "kindling", "peak_rss_mb"), med(m, "pytorch", "peak_rss_mb")
add("M", "peak RSS, MB", k_rss, t_rss, ratio(t_rss, k_rss), "≤ 150 MB", None if k_rss is None else k_rss <= 150)
k_alloc = med(m, "kindling", "alloc_bytes_per_step")
rows.append(("M", "bytes allocated / step after epoch 1", fmt(k_alloc), "—", "", "0",
             "n/a" if k_alloc is None else ("yes" if k_alloc == 0 else "**no**")))
s_alloc = med("S", "kindling", "alloc_bytes_per_step")
rows.append(("S", "bytes allocated / step after epoch 1", fmt(s_alloc), "—", "", "0",
             "n/a" if s_alloc is None else ("yes" if s_alloc == 0 else "**no**")))

# CSV (issue 10): read + schema + split + fitted preprocessing + float32 features, against pandas.read_csv alone.
if count("CSV", "kindling"):
    k, p_ = med("CSV", "kindling", "prepare_seconds"), med("CSV", "pandas", "read_seconds")
    r = ratio(p_, k)
    add("CSV", "read + prepare, s (vs pandas.read_csv alone)", k, p_, r, "≥ 2× faster", None if r is None else r >= 2)
    k_cpu, p_cpu = med("CSV", "kindling", "prepare_cpu_seconds"), med("CSV", "pandas", "read_cpu_seconds")
    add("CSV", "same, process CPU s", k_cpu, p_cpu, ratio(p_cpu, k_cpu), "", None)

for label in sorted({l for (l, i) in runs if l.startswith("G-")}, key=lambda l: int(l[2:])):
    k, n = med(label, "kindling", "gflops"), med(label, "numpy", "gflops")
    r = ratio(k, n)
    rows.append((f"G {label[2:]}³", "sgemm GFLOP/s (vs NumPy/OpenBLAS)", fmt(k), fmt(n),
                 "n/a" if r is None else f"{100 * r:.0f}%", "≥ 70% (issue 2, at 1024)",
                 "n/a" if r is None or label != "G-1024" else ("yes" if r >= 0.7 else "**no**")))

for impl, name in (("kindling", "Kindling"), ("pytorch", "PyTorch")):
    one, two = med("M-threads-1", impl, "train_seconds"), med("M-threads-2", impl, "train_seconds")
    r = ratio(one, two)
    rows.append(("threads", f"{name} M: 1 → 2 threads, s", f"{fmt(one)} → {fmt(two)}", "",
                 "n/a" if r is None else f"{r:.2f}×", "≥ 1.7×" if impl == "kindling" else "",
                 "n/a" if r is None or impl != "kindling" else ("yes" if r >= 1.7 else "**no**")))

k_loss, t_loss = med("S", "kindling", "final_loss"), med("S", "pytorch", "final_loss")
reps = max((count(l, i) for (l, i) in runs), default=0)
print(f"\nMedians of {reps} alternating repetition(s), {a.threads} thread(s) unless the row says otherwise. "
      f"Ratio = PyTorch time / Kindling time (G: Kindling / NumPy).")
if k_loss is not None and t_loss is not None:
    print(f"Seed final loss: Kindling {k_loss:.7f}, PyTorch {t_loss:.7f} (same data, initial weights and optimizer).")
print()
print("| workload | metric | Kindling | PyTorch / NumPy | ratio | target | met |")
print("|---|---|---:|---:|---:|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
