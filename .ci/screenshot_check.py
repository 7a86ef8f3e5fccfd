"""Screenshots of a built site in headless Chromium, checked not to be blank.

Usage: python screenshot_check.py SITE_ROOT OUTPUT_FOLDER [--full-page] [PAGE ...]

Without pages, the main example dashboard (children-and-families/index.html) is shot at a desktop viewport
(1280 × 900) and two phone viewports (390 × 844 and 320 × 568). On a page with an indicator chart, the chart must fill
the content column (its image as wide as <main>, within 2 px) at every size; at phone widths a KPI table must still be
a table in Chromium's accessibility tree, and a dashboard's "Needs attention" heading and first line must be in
the first screen. A screenshot passes when enough of it is not white, it has enough distinct colours (a page
that failed to load or rendered nothing fails) and its top is the coloured header band (a page that lost
its stylesheet fails). With
--full-page, each shot is the whole page rather than the first screenful (for looking at, not checking).
Exit status 0 when every screenshot passes, 1 otherwise.
"""

import base64
import io
import pathlib
import sys

from PIL import Image

import browser

# The small phone is an iPhone SE's first screen (320 × 568); the phone an iPhone 14's (390 × 844).
SIZES = [("desktop", 1280, 900), ("phone", 390, 844), ("phone-320", 320, 568)]
DEFAULT_PAGES = ["children-and-families/index.html"]
# A blank or unstyled page is almost all one colour; a dashboard has a coloured header, text, tiles and tables.
MIN_NOT_WHITE = 0.04
MIN_COLOURS = 24


def shoot(driver, url, width, height, full_page):
    browser.set_viewport(driver, width, height)
    driver.get(url)
    if full_page:
        content = driver.execute_script("return document.documentElement.scrollHeight")
        browser.set_viewport(driver, width, min(int(content), 16000))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    return base64.b64decode(shot["data"])


def kpi_table_is_a_table(driver, page, name):
    """Whether the accessibility tree has the KPI tables as tables: one row per indicator, each with a row
    header and cells, under column headers."""
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    roles = {}
    for node in tree:
        role = (node.get("role") or {}).get("value")
        roles[role] = roles.get(role, 0) + 1
    indicators = driver.execute_script("return document.querySelectorAll('table.kpi tbody tr').length")
    ok = (roles.get("table", 0) >= 1 and roles.get("row", 0) >= indicators and roles.get("rowheader", 0) >= indicators
          and roles.get("cell", 0) >= indicators and roles.get("columnheader", 0) >= 4)
    print(f"accessibility tree {page} {name}: {roles.get('table', 0)} tables, {roles.get('row', 0)} rows, "
          f"{roles.get('rowheader', 0)} row headers, {roles.get('cell', 0)} cells, {roles.get('columnheader', 0)} "
          f"column headers for {indicators} indicators: {'ok' if ok else 'THE KPI TABLE IS NOT A TABLE'}")
    return ok


def attention_in_first_screen(driver, page, name, height):
    """Whether a dashboard's "Needs attention" heading and its first line (or its sentence saying none) end within
    the first screen, without scrolling. None on a page without the list."""
    bottoms = driver.execute_script(
        "var s = document.querySelector('section.attention'); if (!s) return null;"
        "var h = s.querySelector('h2'), f = s.querySelector('li, p');"
        "return [h.getBoundingClientRect().bottom, f ? f.getBoundingClientRect().bottom : null, window.innerWidth];")
    if bottoms is None:
        return None
    heading, first, width = bottoms
    ok = first is not None and heading <= height and first <= height
    print(f"needs attention {page} {name}: heading ends at {heading:.0f} px, first line at "
          f"{first if first is None else round(first)} px of a {width} × {height} screen: "
          f"{'ok' if ok else 'NOT IN THE FIRST SCREEN'}")
    return ok


def measure(png):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = image.width * image.height
    histogram = image.getcolors(maxcolors=pixels)
    not_white = sum(count for count, colour in histogram if min(colour) < 245)
    # The header band: the commonest colour of the top 40 rows, and how much of them it covers.
    band = image.crop((0, 0, image.width, 40))
    count, colour = max(band.getcolors(maxcolors=band.width * band.height))
    header = colour if min(colour) < 245 and count > 0.6 * band.width * band.height else None
    return image.size, not_white / pixels, len(histogram), header


def main():
    arguments = sys.argv[1:]
    full_page = "--full-page" in arguments
    arguments = [a for a in arguments if a != "--full-page"]
    root = pathlib.Path(arguments[0]).resolve()
    output = pathlib.Path(arguments[1])
    output.mkdir(parents=True, exist_ok=True)
    pages = arguments[2:] or DEFAULT_PAGES

    failures = 0
    driver = browser.start()
    try:
        for page in pages:
            path = root / page
            if not path.exists():
                print(f"screenshot: {page} does not exist", file=sys.stderr)
                failures += 1
                continue
            for name, width, height in SIZES:
                png = shoot(driver, browser.file_url(path), width, height, full_page)
                file = output / (page.replace("/", "_").removesuffix(".html") + f"-{name}.png")
                file.write_bytes(png)
                (w, h), share, colours, header = measure(png)
                blank = share < MIN_NOT_WHITE or colours < MIN_COLOURS
                verdict = "BLANK" if blank else "NO HEADER BAND (stylesheet not applied?)" if header is None else "ok"
                band = "#%02x%02x%02x" % header if header else "none"
                print(f"screenshot {page} {name} {w}x{h}: {share:.1%} not white, {colours} colours, header {band}: "
                      f"{verdict} ({file})")
                blank = blank or header is None
                failures += blank
                # The KPI table reflows into cards on a phone (display: block) and must still be a table to a
                # screen reader: Chromium's accessibility tree holds it as a table of rows, headers and cells.
                if name.startswith("phone") and driver.execute_script("return document.querySelector('table.kpi') !== null"):
                    failures += not kpi_table_is_a_table(driver, page, name)
                # A dashboard opens with what needs attention, on a phone too.
                if name.startswith("phone"):
                    failures += attention_in_first_screen(driver, page, name, height) is False
                # An indicator page's chart fills the content column: its image is as wide as <main>.
                widths = driver.execute_script(
                    "var i = document.querySelector('.chart img'), m = document.querySelector('main');"
                    "return i && i.complete ? [i.getBoundingClientRect().width, m.clientWidth, i.currentSrc] : null")
                if widths:
                    image_width, column_width, source = widths
                    fills = abs(image_width - column_width) <= 2
                    print(f"chart {page} {name}: {image_width:.0f} px wide in a {column_width} px column from "
                          f"{source.rsplit('/', 1)[-1]}: {'ok' if fills else 'DOES NOT FILL THE COLUMN'}")
                    failures += not fills
    finally:
        driver.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
