#!/usr/bin/env python3
"""Generate a synthetic input folder for the site benchmark: AUTHORITIES dashboards (one per local authority),
each with INDICATORS indicators over QUARTERS financial quarters. Deterministic (seeded), so every run builds
the same input."""
import argparse
import os
import random

UNITS = [("count", "none", "column", "sum"), ("percent", "high", "line", "last"),
         ("percent", "low", "line", "last"), ("count", "low", "spc", "last"), ("rate", "none", "line", "mean")]


def quarter_label(index, first_year=2011):
    fy = first_year + index // 4
    return f"{fy}/{(fy + 1) % 100:02d} Q{index % 4 + 1}"


def generate(root, authorities, indicators, quarters, seed=2020):
    rng = random.Random(seed)
    os.makedirs(root, exist_ok=True)
    for a in range(authorities):
        folder = os.path.join(root, f"la-{a + 1:03d}")
        os.makedirs(folder, exist_ok=True)
        lines = [f"title: Children's services performance, authority {a + 1}",
                 f"organisation: Synthetic Council {a + 1}",
                 "sections:"]
        per_section = 10
        for s in range(0, indicators, per_section):
            ids = ", ".join(f"ind-{i + 1:02d}" for i in range(s, min(s + per_section, indicators)))
            lines += [f"  - title: Priority {s // per_section + 1}", f"    indicators: [{ids}]"]
        lines.append("indicators:")
        for i in range(indicators):
            unit, polarity, chart, aggregation = UNITS[i % len(UNITS)]
            lines += [f"  ind-{i + 1:02d}:",
                      f"    title: Synthetic indicator {i + 1} ({unit}, {polarity} polarity)",
                      f"    unit: {unit}", f"    polarity: {polarity}", f"    chart: {chart}",
                      f"    aggregation: {aggregation}",
                      f"    source: Synthetic benchmark data"]
            if unit == "percent" and polarity != "none":
                lines.append(f"    target: {rng.randint(60, 95)}%")
        with open(os.path.join(folder, "dashboard.yml"), "w") as f:
            f.write("\n".join(lines) + "\n")
        header = ["indicator"] + [quarter_label(q) for q in range(quarters)]
        rows = [",".join(header)]
        for i in range(indicators):
            unit = UNITS[i % len(UNITS)][0]
            level = rng.uniform(50, 90) if unit == "percent" else rng.uniform(100, 2000) if unit == "count" else rng.uniform(0.2, 2)
            cells = [f"ind-{i + 1:02d}"]
            for q in range(quarters):
                level *= rng.uniform(0.95, 1.05)
                if unit == "percent":
                    level = min(level, 99.0)
                    cells.append(f"{level:.1f}%")
                elif unit == "count":
                    cells.append(str(int(level)))
                else:
                    cells.append(f"{level:.2f}")
            if rng.random() < 0.1:
                cells[rng.randint(1, quarters)] = "c"
            rows.append(",".join(cells))
        with open(os.path.join(folder, "figures.csv"), "w") as f:
            f.write("\r\n".join(rows) + "\r\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root")
    parser.add_argument("--authorities", type=int, default=150)
    parser.add_argument("--indicators", type=int, default=60)
    parser.add_argument("--quarters", type=int, default=40)
    args = parser.parse_args()
    generate(args.root, args.authorities, args.indicators, args.quarters)
