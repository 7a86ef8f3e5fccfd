#!/usr/bin/env bash
# Preview benchmark: `dashboards serve` (release build) on a copy of the example input, over loopback. Each run
# opens the long poll an open page waits on, saves one CSV with a new figure, and times from the save to the
# refreshed indicator page (the poll answering that a new site is published, then the page fetched again and
# found to show the new figure). Prints each run and the median. See README.md.
#
#   bench/serve/run.sh              # 10 saves
#   REPEATS=3 bench/serve/run.sh    # quicker
set -euo pipefail

REPEATS=${REPEATS:-10}
WORK=${WORK:-/tmp/dashboards-serve-bench}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

echo "Building (release)…" >&2
swift build -c release --package-path "$root" --product dashboards 2>&1 | grep -Ev "prohibited flag|^\[" >&2 || true
bin="$root/.build/release/dashboards"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$root/dashboards" "$WORK/input"

"$bin" serve --input "$WORK/input" --output "$WORK/public" --assets "$root/assets" --port 0 2> "$WORK/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

python3 - "$WORK" "$REPEATS" <<'PY'
import json, re, statistics, sys, threading, time, urllib.request

work, repeats = sys.argv[1], int(sys.argv[2])
log = work + "/serve.log"
deadline = time.monotonic() + 300
url = None
while url is None:
    match = re.search(r"at (http://127\.0\.0\.1:\d+/)", open(log).read())
    if match:
        url = match.group(1)
    elif time.monotonic() > deadline:
        sys.exit("serve did not start: " + open(log).read())
    else:
        time.sleep(0.1)

def get(path):
    with urllib.request.urlopen(url + path, timeout=60) as response:
        return response.read().decode()

def state():
    return json.loads(get(".dashboards/next?after=-1"))

csv = work + "/input/cfws/early-help-assessments.csv"
page = "cfws/eh-assessments.html"
original = open(csv, newline="").read()
times = []
for run in range(1, repeats + 1):
    figure = str(7000 + run)
    shown = figure[0] + "," + figure[1:]
    before = get(page)
    if shown in before:
        sys.exit(f"{shown} is on the page before the save")
    generation = state()["generation"]
    answer = {}
    poll = threading.Thread(target=lambda: answer.update(next=get(f".dashboards/next?after={generation}")))
    poll.start()
    time.sleep(0.5)  # the poll is open, as on a page that has loaded; not timed
    saved = time.monotonic()
    with open(csv, "w", newline="") as file:
        file.write(re.sub(r",530\r?\n?$", "," + figure + "\n", original))
    poll.join()
    after = get(page)
    elapsed = time.monotonic() - saved
    if shown not in after:
        sys.exit(f"run {run}: the refreshed page does not show {shown}: {answer.get('next')}")
    times.append(elapsed)
    print(f"save #{run}: refreshed page shows {shown} {elapsed:.3f} s after the save", file=sys.stderr)
    time.sleep(0.5)
print()
print(f"Save to refreshed page, example input, {repeats} saves: median {statistics.median(times):.2f} s, "
      f"fastest {min(times):.2f} s, slowest {max(times):.2f} s")
PY
