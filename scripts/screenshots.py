"""Screenshots of the public pages for a human look (not a test: it asserts nothing).

Start the platform with demo content (`./run.sh`), then, from the repository root:

    .venv/bin/python scripts/screenshots.py [BASE_URL] [OUT_DIR]

BASE_URL defaults to http://localhost:8000, OUT_DIR to /tmp/screens. Every page is taken at
1280 px and 375 px width, full length, in Debian's chromium (CHROMIUM_PATH to use another).
A profile and an entry are found through the first links on the Kommunen index and the listing.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

WIDTHS = (1280, 375)
PAGES = {
    "home": "/",
    "listing": "/praxisbeispiele/",
    "kommunen": "/kommunen/",
    "suche": "/suche/?q=Sprache&handlungsfeld=sprache",
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def first_link(page: Page, url: str, selector: str) -> str:
    """The path of the first link matching `selector` on the page at `url`."""
    page.goto(url)
    return page.locator(selector).first.get_attribute("href")


def main(base_url: str, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        paths = dict(PAGES)
        paths["entry"] = first_link(page, base_url + "/praxisbeispiele/", ".karte__titel a")
        paths["profile"] = first_link(page, base_url + "/kommunen/", "main section li a")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for name, path in paths.items():
                page.goto(base_url + path)
                target = out_dir / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
        browser.close()


if __name__ == "__main__":
    base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8000"
    main(base.rstrip("/"), Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/screens"))
