#!/usr/bin/env bash
# Chart-speed benchmark: the same 1200 x 600 line chart (40 monthly figures, a dashed target, gridlines)
# drawn N times in one process by each of: this project (DashboardCharts, release build), gnuplot's libgd
# "png" terminal and matplotlib's Agg. Only the render-and-write loop is timed. See README.md.
#
#   bench/charts/run.sh            # N=50, results in /tmp/chart-bench
#   N=200 OUT=/tmp/b bench/charts/run.sh
set -euo pipefail

N=${N:-50}
OUT=${OUT:-/tmp/chart-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$OUT"

# Tools, installed only when missing.
if ! command -v gnuplot >/dev/null; then
    echo "Installing gnuplot-nox…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null
fi
if ! python3 -c "import matplotlib" 2>/dev/null; then
    echo "Installing matplotlib…" >&2
    python3 -m pip install --quiet matplotlib
fi

# Our side: the project's own CLI, release build.
echo "Building (release)…" >&2
swift build -c release --package-path "$root" --product dashboards 2>&1 | grep -Ev "prohibited flag|^\[" >&2 || true
"$root/.build/release/dashboards" bench-chart --count "$N" --out "$OUT"

target=$(awk -F'\t' '$1 == "# target" { print $2 }' "$OUT/data.tsv")
gnuplot -e "n=$N; dir='$OUT'; target=$target" "$here/line.gp"
python3 "$here/line_matplotlib.py" "$N" "$OUT"

python3 - "$OUT" "$N" <<'PY'
import os, statistics, sys
out, n = sys.argv[1], sys.argv[2]
rows = []
for tool, png in [("dashboards (DashboardCharts)", "dashboards.png"), ("gnuplot png (libgd)", "gnuplot.png"),
                  ("matplotlib Agg", "matplotlib.png")]:
    key = png.split(".")[0]
    times = [float(t) for t in open(f"{out}/{key}-times.txt").read().split()]
    rows.append((tool, statistics.mean(times), statistics.median(times), min(times), os.path.getsize(f"{out}/{png}") / 1024))
mpl = rows[2][2]
print(f"\n{n} charts of 1200 x 600 per tool, one process each, render + write PNG (ms per chart)\n")
print(f"| {'tool':28} | {'mean':>7} | {'median':>7} | {'min':>7} | {'PNG KB':>6} | {'median vs matplotlib':>20} |")
print(f"|{'-' * 30}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 22}|")
for tool, mean, median, low, size in rows:
    print(f"| {tool:28} | {mean:7.2f} | {median:7.2f} | {low:7.2f} | {size:6.1f} | {mpl / median:19.1f}x |")
print(f"\nPNGs: {out}/dashboards.png, {out}/gnuplot.png, {out}/matplotlib.png")
PY
