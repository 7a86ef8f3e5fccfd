"""Writes the parsing benchmark's inputs: for each column count N, one dashboard whose figures are N daily
periods written wide (one row, N+1 columns) and the same figures written long (N rows); and a long CSV of
ROWS rows over 25 indicators. Usage: generate.py WORK ROWS N [N ...]"""
import datetime
import os
import sys

work, rows, counts = sys.argv[1], int(sys.argv[2]), [int(n) for n in sys.argv[3:]]
start = datetime.date(1900, 1, 1)


def dashboard(folder, indicators):
    os.makedirs(folder + "/d", exist_ok=True)
    with open(folder + "/d/dashboard.yml", "w") as f:
        f.write("title: Parsing benchmark\norganisation: Example Council\nsections:\n  - title: Figures\n")
        f.write("    indicators: [" + ", ".join(indicators) + "]\nindicators:\n")
        for name in indicators:
            f.write(f"  {name}:\n    title: Figure {name}\n    unit: count\n    polarity: none\n")


for n in counts:
    labels = [(start + datetime.timedelta(days=i)).isoformat() for i in range(n)]
    values = [str(i % 1000) for i in range(n)]
    dashboard(f"{work}/wide-{n}", ["x"])
    with open(f"{work}/wide-{n}/d/figures.csv", "w") as f:
        f.write("indicator," + ",".join(labels) + "\n")
        f.write("x," + ",".join(values) + "\n")
    dashboard(f"{work}/long-{n}", ["x"])
    with open(f"{work}/long-{n}/d/figures.csv", "w") as f:
        f.write("indicator,period,value\n")
        f.writelines(f"x,{label},{value}\n" for label, value in zip(labels, values))

indicators = [f"x{i}" for i in range(25)]
dashboard(f"{work}/rows", indicators)
per = rows // len(indicators)
with open(f"{work}/rows/d/figures.csv", "w") as f:
    f.write("indicator,period,value\n")
    for name in indicators:
        f.writelines(f"{name},{(start + datetime.timedelta(days=i)).isoformat()},{i % 1000}\n" for i in range(per))
