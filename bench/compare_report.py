#!/usr/bin/python3
"""Reads bench/compare.sh's results.jsonl and prints medians, ratios and the Markdown table for the README.

Each line: {"label": "CLI" | "CLI@T" | "S" | "S-bare" | "S@T" | "P" | "S+" | "M-threads-N" | "G-N" | "CSV" (T: PyTorch's
threads), "impl": "kindling" | "kindling-aot" | "pytorch" | "numpy" | "pandas",
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
p.add_argument("--load-before", default="")
p.add_argument("--load-after", default="")
a = p.parse_args()

# A run is quotable only when the machine was quiet as it started (PERFORMANCE.md measured at < 0.1).
QUIET_LOAD = 0.3

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


def best_torch(prefix, field):
    """PyTorch at its best thread count: the lowest median over the runs labelled prefix@threads (or prefix-threads-N)."""
    values = [med(l, "pytorch", field) for (l, i) in runs
              if i == "pytorch" and (l.startswith(prefix + "@") or l.startswith(prefix + "-threads-"))]
    values = [v for v in values if v is not None]
    return min(values) if values else None


def speedup(workload, metric, k, t, target_x):
    r = ratio(t, k)
    add(workload, metric, k, t, r, f"≥ {target_x}× faster" if target_x else "", None if r is None or not target_x else r >= target_x)


def profile_us(phase, which=0):
    """The seed step's phase time from `workload profile` ("min X median Y" strings), median over repetitions."""
    values = []
    for r in runs.get(("P", "kindling"), []):
        text = r["result"].get("seed", {}).get(phase + "_us")
        if isinstance(text, str):
            values.append(float(text.split()[1 + 2 * which]))
    return statistics.median(values) if values else None


# The issue-10 table: what a user meets.
if count("CLI", "kindling"):
    speedup("seed", "`./kindling train`, whole process, s", med("CLI", "kindling", "wall_seconds"),
            best_torch("CLI", "wall_seconds"), 10)
    speedup("seed", "seed loop in the CLI (`train_seconds`), s", med("CLI", "kindling", "train_seconds"),
            best_torch("CLI", "train_seconds"), 12)
speedup("seed", "contract loop, JIT console app (`train_seconds`), s", med("S-bare", "kindling", "train_seconds"),
        best_torch("S", "train_seconds"), 3)
speedup("seed", "Trainer loop, JIT console app (`train_seconds`), s", med("S", "kindling", "train_seconds"),
        best_torch("S", "train_seconds"), None)
step_min, step_med = profile_us("total", 0), profile_us("total", 1)
rows.append(("seed", "step in steady state, µs (min; median)",
             "n/a" if step_min is None else f"{fmt(step_min)}; {fmt(step_med)}", "—", "", "≤ 30 µs",
             "n/a" if step_min is None else ("yes" if step_min <= 30 else "**no**")))
for label, name in (("S", "seed"), (f"M-threads-{a.threads}", "M")):
    alloc = med(label, "kindling", "alloc_bytes_per_step")
    rows.append((name, "bytes allocated / step after epoch 1 (Trainer)", fmt(alloc), "—", "", "0",
                 "n/a" if alloc is None else ("yes" if alloc == 0 else "**no**")))

m = f"M-threads-{a.threads}"
k_epoch = ratio(med(m, "kindling", "train_seconds"), med(m, "kindling", "epochs"))
t_epoch = ratio(best_torch("M", "train_seconds"), med(m, "pytorch", "epochs"))
speedup("M", f"seconds / epoch ({a.threads} threads; PyTorch at its best count)", k_epoch, t_epoch, 3)
one, two = med("M-threads-1", "kindling", "train_seconds"), med("M-threads-2", "kindling", "train_seconds")
r = ratio(one, two)
rows.append(("M", "Kindling 1 → 2 threads, s", f"{fmt(one)} → {fmt(two)}", "", "n/a" if r is None else f"{r:.2f}×",
             "≥ 1.6×", "n/a" if r is None else ("yes" if r >= 1.6 else "**no**")))
t_one, t_two = med("M-threads-1", "pytorch", "train_seconds"), med("M-threads-2", "pytorch", "train_seconds")
r = ratio(t_one, t_two)
rows.append(("M", "PyTorch 1 → 2 threads, s", "", f"{fmt(t_one)} → {fmt(t_two)}", "n/a" if r is None else f"{r:.2f}×", "", ""))

# Context rows.
speedup("S+", "train loop, s (JIT runner)", med("S+", "kindling", "train_seconds"), med("S+", "pytorch", "train_seconds"), None)
if count("S+", "kindling-aot"):
    speedup("S+", "whole process, s (CLI)", med("S+", "kindling-aot", "wall_seconds"), med("S+", "pytorch", "wall_seconds"), None)
big = "G-2048" if count("G-2048", "numpy") else ("G-64" if a.tiny else None)
blas = med(big, "numpy", "gflops") if big else None
k_gf, t_gf = med(m, "kindling", "gflops"), med(m, "pytorch", "gflops")
share = ratio(k_gf, blas)
rows.append(("M", "GFLOP/s (matrix products)", fmt(k_gf), fmt(t_gf),
             "n/a" if share is None else f"{100 * share:.0f}% of OpenBLAS {big[2:]}", "", ""))
k_rss, t_rss = med(m, "kindling", "peak_rss_mb"), med(m, "pytorch", "peak_rss_mb")
add("M", "peak RSS, MB", k_rss, t_rss, ratio(t_rss, k_rss), "", None)

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

k_loss, t_loss = med("S", "kindling", "final_loss"), med("S", "pytorch", "final_loss")
reps = max((count(l, i) for (l, i) in runs), default=0)
print(f"\nMedians of {reps} alternating repetition(s), {a.threads} thread(s) unless the row says otherwise. "
      f"Ratio = PyTorch time / Kindling time (G: Kindling / NumPy).")
if a.load_before:
    quiet = float(a.load_before.split()[0]) < QUIET_LOAD
    print(f"Load average before: {a.load_before}; after: {a.load_after} (the benchmark's own load). "
          + ("Quiet machine: quotable." if quiet else
             f"**Not quotable**: the machine was busy when the run started (1-minute load ≥ {QUIET_LOAD})."))
if k_loss is not None and t_loss is not None:
    print(f"Seed final loss: Kindling {k_loss:.7f}, PyTorch {t_loss:.7f} (same data, initial weights and optimizer).")
print()
print("| workload | metric | Kindling | PyTorch / NumPy | ratio | target | met |")
print("|---|---|---:|---:|---:|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
