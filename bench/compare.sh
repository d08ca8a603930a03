#!/usr/bin/env bash
# Kindling vs PyTorch 1.13 side by side (issues 7 and 10): the command users type (`./kindling train` against
# `python3 seed_program.py`, whole process), the seed loop in the CLI and in a JIT console app (the contract loop),
# the seed step in steady state, S+ (hidden 64,32, batch 32), M (200,000x50, 50-256-256-10, batch 256, 2 epochs)
# at 1 and 2 threads on both sides (PyTorch's best counts), G (sgemm 1024/2048 vs NumPy/OpenBLAS), CSV
# (1,000,000x30 read + prepare vs pandas.read_csv). Runs alternate A/B (Kindling, then PyTorch) for every
# repetition; prints medians, ratios and a Markdown table (bench/compare_report.py), with the machine's load
# average before and after: a run that started on a busy machine is marked not quotable.
#
# Usage: bench/compare.sh [--tiny] [--reps N] [--threads N] [--aot|--no-aot] [--out DIR]
#   --tiny     every workload at a tiny size, one repetition, no NativeAOT (the CI smoke test; seconds)
#   --reps N   repetitions (default 5)
#   --threads  threads for the main rows (default 2, the machine's cores; 1 with --tiny); scaling runs 1 and 2
#   --aot      also time the `kindling` CLI as users run it: ./kindling (the launcher's NativeAOT binary) or, without
#              the launcher, a NativeAOT publish of its own (default: when that works)
#   --out DIR  where results.jsonl and table.md go (default: a fresh temporary folder)
# Needs: dotnet (the SDK in global.json), /usr/bin/python3 with torch, numpy, pandas, sklearn
# (Debian: apt-get install -y python3-torch python3-numpy python3-pandas python3-sklearn libopenblas0-pthread).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tiny=0 reps=5 threads="" aot=auto out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tiny) tiny=1 ;;
    --reps) reps=$2; shift ;;
    --threads) threads=$2; shift ;;
    --aot) aot=yes ;;
    --no-aot) aot=no ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
# --tiny keeps PyTorch to one thread: its OpenMP pool spins badly when CI shares the cores.
if [ "$tiny" = 1 ]; then reps=1; aot=no; threads=${threads:-1}; fi
threads=${threads:-2}

# --- prerequisites: say what is missing, never guess ---
missing=()
command -v dotnet >/dev/null 2>&1 || missing+=("dotnet (the .NET SDK of global.json)")
py=/usr/bin/python3
if [ ! -x "$py" ]; then
  missing+=("/usr/bin/python3")
else
  for mod in torch numpy pandas sklearn; do
    "$py" -c "import $mod" >/dev/null 2>&1 || missing+=("python module '$mod' for /usr/bin/python3 (apt-get install python3-${mod/sklearn/sklearn})")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "compare.sh: missing prerequisites:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/kindling-compare.XXXXXX")}
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
cache="${KINDLING_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kindling-bench}"
mkdir -p "$cache"

echo "== build (Release)" >&2
dotnet build bench/Kindling.Bench -c Release --nologo -v q -clp:ErrorsOnly >&2
runner="$root/bench/Kindling.Bench/bin/Release/net10.0/Kindling.Bench"
[ -x "$runner" ] || { echo "compare.sh: the build did not produce $runner" >&2; exit 1; }

# The kindling CLI as users run it: the launcher (which builds the NativeAOT binary on first use; that first call
# is made here, outside the timings), else a NativeAOT publish of our own. Used only once `train --json` works.
cli=""
if [ "$aot" != no ]; then
  echo "== the kindling CLI (NativeAOT)" >&2
  if [ -x ./kindling ] && ./kindling train --epochs 1 --json >"$out/aot-probe.json" 2>"$out/aot.log" \
     && grep -q '"train_seconds"' "$out/aot-probe.json"; then
    cli="$root/kindling"
  elif dotnet publish src/Kindling.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" --nologo -v q >"$out/aot.log" 2>&1 \
     && "$out/aot/kindling" train --json >"$out/aot-probe.json" 2>/dev/null \
     && grep -q '"train_seconds"' "$out/aot-probe.json"; then
    cli="$out/aot/kindling"
  elif [ "$aot" = yes ]; then
    echo "compare.sh: --aot asked, but the NativeAOT CLI does not build or 'kindling train --json' does not work (see $out/aot.log)" >&2
    exit 1
  else
    echo "   (skipped: the NativeAOT CLI did not build; log: $out/aot.log)" >&2
  fi
fi
seed_program="$root/../shared/reference/seed_program.py"

# --- sizes ---
if [ "$tiny" = 1 ]; then
  m_rows=2000 seed_epochs=3 gemm_sizes="64" gemm_repeats=1 profile_steps=50
else
  m_rows=200000 seed_epochs=100 gemm_sizes="1024 2048" gemm_repeats=5 profile_steps=2000
fi
m_csv="$cache/m-$m_rows.csv"
if [ ! -s "$m_csv" ]; then
  echo "== generate $m_csv" >&2
  "$py" bench/gen_m.py "$m_csv" --rows "$m_rows"
fi
# CSV (issue 10): 1,000,000 x 30 (29 float features + an integer label, 267 MB), the same generator as M.
if [ "$tiny" = 1 ]; then csv_rows=2000; else csv_rows=1000000; fi
csv_file="$cache/csv-${csv_rows}x30.csv"
if [ ! -s "$csv_file" ]; then
  echo "== generate $csv_file" >&2
  "$py" bench/gen_m.py "$csv_file" --rows "$csv_rows" --features 29
fi

# run LABEL IMPL COMMAND...: runs once, records wall-clock seconds and the command's last stdout line (JSON).
run() {
  local label=$1 impl=$2; shift 2
  local start end line
  start=$(date +%s.%N)
  if ! line=$("$@" 2>"$out/last.err" | tail -n 1); then
    echo "compare.sh: $label ($impl) failed: $*" >&2
    cat "$out/last.err" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  case "$line" in
    \{*\}) ;;
    *) echo "compare.sh: $label ($impl) printed no JSON line: $*" >&2; cat "$out/last.err" >&2; exit 1 ;;
  esac
  printf '{"label":"%s","impl":"%s","wall_seconds":%s,"result":%s}\n' \
    "$label" "$impl" "$(awk "BEGIN { print $end - $start }")" "$line" >>"$results"
  echo "   $label $impl $(awk "BEGIN { printf \"%.3f\", $end - $start }") s" >&2
}

# NumPy/OpenBLAS sgemm through the kernels' script (bench/gemm_numpy.py prints "size best median cpu" rows).
numpy_gemm() {
  "$py" bench/gemm_numpy.py --threads "$1" --repeats "$2" --sizes "$3" 2>/dev/null | awk -F'\t' -v n="$3" \
    '$1 == n { printf "{\"impl\":\"numpy\",\"size\":%s,\"gflops\":%s,\"gflops_best\":%s}\n", $1, $3, $2 }'
}

torch="$root/tools/reference/bench_torch.py"
# PyTorch runs at 1 and 2 threads (the report takes its faster count); --tiny keeps it to one.
torch_threads="1 2"
[ "$tiny" = 1 ] && torch_threads=1
for rep in $(seq 1 "$reps"); do
  echo "== repetition $rep/$reps" >&2
  # The command users type, whole process: ./kindling train against python3 seed_program.py.
  if [ -n "$cli" ]; then run CLI kindling "$cli" train --epochs "$seed_epochs" --json; fi
  if [ -f "$seed_program" ]; then
    for t in $torch_threads; do run "CLI@$t" pytorch "$py" "$seed_program" --epochs "$seed_epochs" --threads "$t" --json; done
  fi
  # The seed loop in a JIT console app: the Trainer, and the seed's loop written out (the contract loop).
  run S kindling "$runner" workload seed --epochs "$seed_epochs" --threads "$threads"
  run S-bare kindling "$runner" workload seed --bare --epochs "$seed_epochs" --threads "$threads"
  for t in $torch_threads; do run "S@$t" pytorch "$py" "$torch" seed --epochs "$seed_epochs" --threads "$t"; done
  run P kindling "$runner" workload profile --threads "$threads" --repeats "$profile_steps"
  run S+ kindling "$runner" workload splus --epochs "$seed_epochs" --threads "$threads"
  run S+ pytorch "$py" "$torch" splus --epochs "$seed_epochs" --threads "$threads"
  if [ -n "$cli" ]; then run S+ kindling-aot "$cli" train --hidden 64,32 --batch-size 32 --epochs "$seed_epochs" --json; fi
  # M at 1 and 2 threads on both sides: the scaling row, and PyTorch at its best count.
  for t in $(printf '%s\n' 1 2 "$threads" | sort -un); do
    run "M-threads-$t" kindling "$runner" workload m --data "$m_csv" --threads "$t"
    if [ "$tiny" = 0 ] || [ "$t" = "$threads" ]; then
      run "M-threads-$t" pytorch "$py" "$torch" m --data "$m_csv" --threads "$t"
    fi
  done
  # CSV: what `kindling train` does before training (read, schema, split, fitted preprocessing, float32
  # features) against pandas.read_csv alone.
  run CSV kindling "$runner" workload csv --data "$csv_file" --threads "$threads"
  run CSV pandas "$py" bench/csv_pandas.py --data "$csv_file" --json
  for n in $gemm_sizes; do
    run "G-$n" kindling "$runner" workload gemm --size "$n" --repeats "$gemm_repeats" --threads "$threads"
    if [ -f bench/gemm_numpy.py ]; then run "G-$n" numpy numpy_gemm "$threads" "$gemm_repeats" "$n"; fi
  done
done

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; results: $results" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
report_args=(--threads "$threads" --load-before "$load_before" --load-after "$load_after")
[ "$tiny" = 1 ] && report_args+=(--tiny)
"$py" bench/compare_report.py "$results" "${report_args[@]}" | tee "$out/table.md"
