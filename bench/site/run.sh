#!/usr/bin/env bash
# Site build benchmark: the example site cold, and a synthetic large input (AUTHORITIES local authorities x
# INDICATORS indicators x QUARTERS quarters) cold, unchanged and after a one-CSV change, plus cold builds at
# smaller sizes to show how the cost grows. Wall time and peak memory come from /usr/bin/time. See README.md.
#
#   bench/site/run.sh                                   # full run: 150 x 60 x 40, scaling at 25 50 100 150
#   AUTHORITIES=30 SCALES="10 20 30" bench/site/run.sh  # quicker
set -euo pipefail

AUTHORITIES=${AUTHORITIES:-150}
INDICATORS=${INDICATORS:-60}
QUARTERS=${QUARTERS:-40}
SCALES=${SCALES:-"25 50 100 $AUTHORITIES"}
REPEATS=${REPEATS:-5}
WORK=${WORK:-/tmp/dashboards-site-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -x /usr/bin/time ]; then
    echo "Installing time…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

echo "Building (release)…" >&2
swift build -c release --package-path "$root" --product dashboards 2>&1 | grep -Ev "prohibited flag|^\[" >&2 || true
bin="$root/.build/release/dashboards"
rm -rf "$WORK"
mkdir -p "$WORK"
results="$WORK/results.tsv"
: > "$results"

# measure LABEL BUILD-ARGS...: runs one build, records wall seconds, peak KiB and the build's own summary.
measure() {
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$bin" build --assets "$root/assets" "$@" 2> "$WORK/stderr.txt" || {
        cat "$WORK/stderr.txt" >&2; exit 1; }
    read -r wall peak < "$WORK/time.txt"
    local summary
    summary=$(grep -E '^(Built|Up to date)' "$WORK/stderr.txt" | tail -n 1)
    printf '%s\t%s\t%s\t%s\n' "$label" "$wall" "$peak" "$summary" >> "$results"
    printf '%-44s %7.2f s %8.1f MiB   %s\n' "$label" "$wall" "$(echo "$peak / 1024" | bc -l)" "$summary" >&2
}

echo "Example site, cold, $REPEATS runs…" >&2
for i in $(seq "$REPEATS"); do
    measure "example cold #$i" --input "$root/dashboards" --output "$WORK/example/public" --clean
done

for n in $SCALES; do
    echo "Synthetic input: $n authorities x $INDICATORS indicators x $QUARTERS quarters…" >&2
    input="$WORK/input-$n"
    python3 "$here/generate.py" "$input" --authorities "$n" --indicators "$INDICATORS" --quarters "$QUARTERS"
    measure "large $n cold" --input "$input" --output "$WORK/site-$n/public"
    if [ "$n" = "$AUTHORITIES" ]; then
        for i in 1 2; do
            measure "large $n no change #$i" --input "$input" --output "$WORK/site-$n/public"
        done
        # One figure of one authority's CSV changes (its last count goes up by one), in three authorities in turn.
        for la in 001 002 003; do
            python3 - "$input/la-$la/figures.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, newline="").read().split("\r\n")
cells = lines[1].split(",")
cells[-1] = str(int(cells[-1]) + 1)
lines[1] = ",".join(cells)
open(path, "w", newline="").write("\r\n".join(lines))
PY
            measure "large $n one CSV changed #${la#00}" --input "$input" --output "$WORK/site-$n/public"
        done
    fi
    rm -rf "$WORK/site-$n" "$input"
done

python3 - "$results" "$INDICATORS" "$QUARTERS" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
indicators, quarters = int(sys.argv[2]), int(sys.argv[3])
example = [r for r in rows if r[0].startswith("example cold")]
large = [(int(r[0].split()[1]), r[0].split(" ", 2)[2], float(r[1]), int(r[2])) for r in rows if r[0].startswith("large")]
mib = lambda kib: f"{kib / 1024:.0f}"
print()
print("| build | wall (s) | peak memory (MiB) |")
print("|---|---:|---:|")
print(f"| example site, cold (median of {len(example)}) | {statistics.median(float(r[1]) for r in example):.2f} | "
      f"{mib(max(int(r[2]) for r in example))} |")
biggest = max(n for n, _, _, _ in large)
kinds = {}
for n, kind, wall, peak in large:
    if n == biggest:
        kinds.setdefault(kind.split(" #")[0], []).append((wall, peak))
for kind, runs in kinds.items():
    walls = sorted(wall for wall, _ in runs)
    spread = f"{walls[0]:.2f}" if len(walls) == 1 else f"{walls[0]:.2f}-{walls[-1]:.2f} ({len(walls)} runs)"
    print(f"| {biggest} authorities x {indicators} indicators x {quarters} quarters, {kind} | {spread} | {mib(max(p for _, p in runs))} |")
print()
print("Cold builds by size (the cost per indicator stays flat when growth is linear):")
print()
print("| authorities | indicators | figures | wall (s) | ms per indicator | peak memory (MiB) |")
print("|---:|---:|---:|---:|---:|---:|")
for n, kind, wall, peak in large:
    if kind == "cold":
        print(f"| {n} | {n * indicators} | {n * indicators * quarters} | {wall:.1f} | {wall * 1000 / (n * indicators):.2f} | {mib(peak)} |")
PY
