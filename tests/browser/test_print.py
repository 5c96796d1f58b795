"""An entry page printed (the `@media print` rules of static/css/main.css): two A4 pages at
most, without navigation, forms and the similar entries, the conditions and contact kept."""

import re

import pytest

from tests.browser.support import launched_chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HIDDEN_ON_PAPER = (
    ".main-nav",
    ".header-search",
    ".breadcrumbs",
    ".site-footer",
    ".kontakt-aufnehmen",
    ".beschlussvorlage",
)
KEPT_ON_PAPER = ("h1", ".praxis__kurz", "#rahmen-titel", "#kontakt-titel", ".fliesstext")
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@pytest.fixture
def entry_url(live_server, committed_world) -> str:
    """The complete entry of the shared world: image, every kind of body block, partners."""
    return live_server.url + committed_world.entry.url


def test_an_entry_prints_on_two_a4_pages(chromium_path, entry_url):
    with launched_chromium(chromium_path) as browser:
        page = browser.new_page()
        page.goto(entry_url)
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert 1 <= len(PDF_PAGE.findall(pdf)) <= 2


def test_paper_shows_the_entry_without_navigation_and_forms(chromium_path, entry_url):
    with launched_chromium(chromium_path) as browser:
        page = browser.new_page()
        page.goto(entry_url)
        page.emulate_media(media="print")
        hidden = [s for s in HIDDEN_ON_PAPER if page.locator(s).first.is_visible()]
        kept = [s for s in KEPT_ON_PAPER if page.locator(s).first.is_visible()]
        forms = page.locator("form").evaluate_all("forms => forms.filter(f => f.offsetParent)")
    assert hidden == []
    assert kept == list(KEPT_ON_PAPER)
    assert forms == []
