"""Checks a page printed to PDF by Chromium: it has pages, every page is A4 and the file is not tiny.

Usage: python pdf_check.py FILE.pdf [--min-bytes N] [--min-image-width PIXELS] [--landscape]

--min-image-width asks that some image in the PDF is at least that many pixels wide: a chart printed at
print resolution, not the screen image scaled up. --landscape asks for some A4 landscape pages (the KPI table's)
among the A4 portrait ones. Chromium's PDFs (Skia) keep page and image dictionaries
uncompressed, so a few regular expressions read them. Exit status 0 when the PDF passes, 1 otherwise.
"""

import re
import sys

A4 = (595.28, 841.89)  # points
TOLERANCE = 1.5


def main():
    arguments = sys.argv[1:]
    path = arguments[0]
    min_bytes = int(arguments[arguments.index("--min-bytes") + 1]) if "--min-bytes" in arguments else 20_000
    min_image = int(arguments[arguments.index("--min-image-width") + 1]) if "--min-image-width" in arguments else 0
    landscape_wanted = "--landscape" in arguments
    data = open(path, "rb").read()
    problems = []
    if not data.startswith(b"%PDF-"):
        problems.append("not a PDF")
    if len(data) < min_bytes:
        problems.append(f"only {len(data)} bytes (expected at least {min_bytes})")
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    if pages == 0:
        problems.append("no pages")
    boxes = [tuple(float(n) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)]
    sizes = sorted({(round(b[2] - b[0], 2), round(b[3] - b[1], 2)) for b in boxes if len(b) == 4})
    if not sizes:
        problems.append("no MediaBox")
    landscape = 0
    for width, height in sizes:
        if landscape_wanted and abs(width - A4[1]) <= TOLERANCE and abs(height - A4[0]) <= TOLERANCE:
            landscape += 1
        elif abs(width - A4[0]) > TOLERANCE or abs(height - A4[1]) > TOLERANCE:
            problems.append(f"a page of {width} × {height} points, not A4 portrait (595 × 842)"
                            + (" or landscape" if landscape_wanted else ""))
    if landscape_wanted and not landscape:
        problems.append("no A4 landscape page (the KPI table prints on landscape pages)")
    widths = []
    for dictionary in re.findall(rb"<<[^<>]*/Subtype\s*/Image[^<>]*>>", data):
        match = re.search(rb"/Width\s+(\d+)", dictionary)
        if match:
            widths.append(int(match.group(1)))
    if min_image and max(widths, default=0) < min_image:
        problems.append(f"no image at least {min_image} pixels wide (images: {sorted(widths)})")
    summary = f"{path}: {len(data) // 1024} KiB, {pages} pages of {sizes}, images {sorted(widths)}"
    if problems:
        print(summary + ": " + "; ".join(problems), file=sys.stderr)
        return 1
    print(summary + ": ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
