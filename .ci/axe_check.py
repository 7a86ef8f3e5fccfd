"""axe-core over every page of a built site, in headless Chromium.

Usage: python axe_check.py SITE_ROOT

Every .html page is checked at a desktop width (1280 CSS pixels); the dashboard pages (every index.html: the
site's list of dashboards, each dashboard and each archived edition) are checked again at a phone width
(390), where the KPI table reflows. Serious and critical violations fail the check; moderate and minor ones
are printed too, so they can be seen, but do not fail it.

Every page is also loaded at 390 and 800 pixels and must not scroll sideways (WCAG 1.4.10, reflow): a wide
table scrolls inside its own region, never the page.
Exit status 0 when there are no failures, 1 otherwise.
"""

import pathlib
import sys
import time

from axe_selenium_python import Axe

import browser

DESKTOP = (1280, 900)
PHONE = (390, 844)
TABLET = (800, 1000)
FAILING = {"serious", "critical"}
# WCAG 2.2 A and AA and axe's best practices.
OPTIONS = '{"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": ' \
          '["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}'


def describe(page, width, violation):
    lines = [f"{page} at {width}px: {violation['impact']}: {violation['id']}: {violation['help']}",
             f"    {violation['helpUrl'].split('?')[0]}"]
    for node in violation["nodes"][:10]:
        target = " ".join(str(part) for part in node["target"])
        lines.append(f"    - {target}")
        lines.append(f"      {node['html'][:200]}")
        messages = [check["message"] for kind in ("any", "all", "none") for check in node.get(kind, [])]
        for message in messages[:3]:
            lines.append(f"      {message}")
    if len(violation["nodes"]) > 10:
        lines.append(f"    … and {len(violation['nodes']) - 10} more elements")
    return "\n".join(lines)


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    pages = sorted(root.rglob("*.html"))
    if not pages:
        print(f"axe: no pages under {root}", file=sys.stderr)
        return 1
    dashboards = [page for page in pages if page.name == "index.html"]
    # (viewport, pages to load, pages to run axe on)
    runs = [(DESKTOP, pages, pages), (PHONE, pages, dashboards), (TABLET, pages, [])]

    started = time.monotonic()
    driver = browser.start()
    failures = 0
    lesser = 0
    checked = 0
    overflowing = 0
    try:
        axe = Axe(driver)
        for (width, height), group, audited in runs:
            browser.set_viewport(driver, width, height)
            for page in group:
                name = str(page.relative_to(root))
                driver.get(browser.file_url(page))
                if driver.execute_script("return window.innerWidth") != width:
                    raise RuntimeError(f"{name}: the viewport is not {width} wide")
                scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
                if scroll_width > width:
                    overflowing += 1
                    print(f"{name} at {width}px: the page scrolls sideways ({scroll_width}px wide)", file=sys.stderr)
                if page not in audited:
                    continue
                axe.inject()
                result = axe.run(options=OPTIONS)
                checked += 1
                for violation in result["violations"]:
                    if violation["impact"] in FAILING:
                        failures += 1
                        print(describe(name, width, violation), file=sys.stderr)
                    else:
                        lesser += 1
                        print(describe(name, width, violation))
    finally:
        driver.quit()
    seconds = time.monotonic() - started
    print(f"axe-core ran on {checked} page views ({len(pages)} pages at {DESKTOP[0]}px, {len(dashboards)} dashboard pages "
          f"at {PHONE[0]}px) in {seconds:.0f} s: {failures} serious or critical violations, {lesser} moderate or minor; "
          f"{overflowing} page views at {DESKTOP[0]}, {PHONE[0]} or {TABLET[0]}px scroll sideways")
    return 1 if failures or overflowing else 0


if __name__ == "__main__":
    sys.exit(main())
