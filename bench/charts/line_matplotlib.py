"""matplotlib's side of the chart benchmark: the same 1200 x 600 line chart with the Agg backend.

Usage: python3 line_matplotlib.py N DIR
Reads DIR/data.tsv, writes each chart over DIR/matplotlib.png and each chart's milliseconds to
DIR/matplotlib-times.txt. The import is not timed; each chart is a new figure, as a site build makes them.
"""
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

count, directory = int(sys.argv[1]), sys.argv[2]
labels, values, target = [], [], 0.0
with open(f"{directory}/data.tsv") as data:
    for line in data:
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "# target":
            target = float(fields[1])
        elif fields[0] != "month":
            labels.append(fields[1])
            values.append(float(fields[2]))
xs = range(len(values))

times = []
for _ in range(count):
    start = time.perf_counter()
    fig, ax = plt.subplots(figsize=(12, 6), dpi=100)
    ax.plot(xs, values, color="#12436D", linewidth=2.5, marker="o", markersize=5, markeredgecolor="white")
    ax.axhline(target, color="#0B0C0C", linewidth=2, linestyle=(0, (7, 4)))
    ax.annotate(f"Target {target:g}", (len(values) - 0.5, target), xytext=(6, 0), textcoords="offset points",
                va="center", annotation_clip=False)
    ax.annotate(f"{values[-1]:g}", (len(values) - 1, values[-1]), xytext=(0, 9), textcoords="offset points",
                ha="center", fontweight="bold", color="#12436D")
    ax.set_ylim(0, 250)
    ax.set_xlim(-0.5, len(values) - 0.5)
    ax.set_xticks([x for x in xs if x % 3 == 0], [labels[x] for x in xs if x % 3 == 0])
    ax.grid(axis="y", color="#E1E1E1")
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color("#6F777B")
    ax.tick_params(axis="y", length=0)
    fig.suptitle("Cases awaiting allocation", x=0.02, ha="left", fontweight="bold", fontsize=13)
    ax.set_title("Number, monthly, April 2017 to July 2020", loc="left", color="#505A5F")
    fig.text(0.02, 0.02, "Source: Benchmark data", color="#505A5F", fontsize=9)
    fig.savefig(f"{directory}/matplotlib.png")
    plt.close(fig)
    times.append((time.perf_counter() - start) * 1000)

with open(f"{directory}/matplotlib-times.txt", "w") as out:
    out.write("".join(f"{t:.3f}\n" for t in times))
