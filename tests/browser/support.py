"""One way to start Debian's chromium for the browser tests (Playwright's sync API), and where
the journeys' screenshots go: one folder per journey under `SCREENSHOT_DIR`."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from playwright.sync_api import Browser, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@contextmanager
def launched_chromium(executable_path: str) -> Iterator[Browser]:
    """A headless chromium, closed afterwards. Start it once the test data exists: while the
    event loop runs, the test database connection's state is hidden from Django."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable_path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def screenshot_dir(journey: str) -> Path:
    """The folder of one journey's screenshots: `$SCREENSHOT_DIR/<journey>`, by default
    var/screenshots/<journey>, relative paths from the repository root (CI keeps the root)."""
    root = Path(settings.BASE_DIR) / os.environ.get("SCREENSHOT_DIR", "var/screenshots")
    folder = root / journey
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Steps:
    """A journey's browser page and a numbered screenshot after each step, in its own folder."""

    def __init__(self, page: Page, base_url: str, journey: str) -> None:
        self.page, self.base_url, self.count = page, base_url, 0
        self.folder = screenshot_dir(journey)
        for old in self.folder.glob("[0-9][0-9]-*.png"):  # the previous run's steps
            old.unlink()

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    def shot(self, name: str) -> None:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)

    def taken(self) -> list[str]:
        return sorted(path.name for path in self.folder.glob("[0-9][0-9]-*.png"))

    def login(self, username: str, password: str) -> None:
        self.goto("/admin/login/")
        self.page.locator('input[name="username"]').fill(username)
        self.page.locator('input[name="password"]').fill(password)
        self.page.locator('button[type="submit"]').click()
        self.page.wait_for_url(f"{self.base_url}/admin/")
