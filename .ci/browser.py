"""Headless Chromium through Selenium, shared by the site checks.

Chromium comes from Debian (`chromium`, `chromium-driver`); Selenium is told where chromedriver is and to
stay offline, so nothing is downloaded. The viewport is set exactly through the DevTools protocol, because a
window can be no narrower than the browser allows, and a phone is narrower than that.
"""

import os
import pathlib
import tempfile

os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/lib/chromium/chromium")


def start():
    options = webdriver.ChromeOptions()
    if os.path.exists(CHROMIUM):
        options.binary_location = CHROMIUM
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,900",
                     "--user-data-dir=" + tempfile.mkdtemp(prefix="site-checks-chromium-")):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def set_viewport(driver, width, height):
    """A viewport of exactly width × height CSS pixels; a phone width is emulated as a mobile screen, so a
    page's viewport meta element applies (without one, a mobile browser lays a page out 980 pixels wide)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def file_url(path):
    return pathlib.Path(path).resolve().as_uri()
