"""Atom feeds of new entries at /feeds/praxis/: valid Atom, newest first, filtered by Kreis and
Handlungsfeld, German 400 answers for bad values, and linked from the page heads."""

import html
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from praxis import feeds
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisIndexPage, PraxisPage
from tests.world import World

pytestmark = pytest.mark.django_db

ATOM = "http://www.w3.org/2005/Atom"
NS = {"a": ATOM}
FEED = "/feeds/praxis/"


def atom(response) -> ET.Element:
    """The parsed feed, after checking the answer is Atom."""
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{ATOM}}}feed"
    return root


def titles(root: ET.Element) -> list[str]:
    return [entry.findtext("a:title", namespaces=NS) or "" for entry in root.findall("a:entry", NS)]


def links(element: ET.Element, rel: str) -> list[str]:
    return [
        link.get("href", "") for link in element.findall("a:link", NS) if link.get("rel") == rel
    ]


@pytest.fixture
def dated(world: World) -> World:
    """The world's entries with distinct first publications: Sprachkurs Hafen newest, then
    Wohnungsbörse, Sprachpaten and the complete entry (Sprachcafé) oldest."""
    start = timezone.make_aware(datetime(2025, 1, 10, 9))
    for days, name in enumerate(("sprachcafe", "sprachpaten", "wohnungsboerse", "sprachkurs")):
        moment = start + timedelta(days=days)
        PraxisPage.objects.filter(pk=world.entries[name].pk).update(
            first_published_at=moment, last_published_at=moment + timedelta(hours=1)
        )
    return world


def test_the_feed_is_valid_atom_with_every_required_element(client, dated: World):
    root = atom(client.get(FEED))
    assert root.findtext("a:title", namespaces=NS) == "Neue Praxisbeispiele"
    assert root.findtext("a:id", namespaces=NS)
    assert root.findtext("a:updated", namespaces=NS).startswith("2025-01-13T")
    assert root.findtext("a:author/a:name", namespaces=NS)
    assert links(root, "self") == ["http://testserver/feeds/praxis/"]
    listing = PraxisIndexPage.objects.get().get_full_url()
    assert links(root, "alternate") == [listing]
    assert root.findtext("a:id", namespaces=NS) == listing
    for entry in root.findall("a:entry", NS):
        for element in ("title", "id", "updated", "published", "summary", "author/a:name"):
            assert entry.findtext(f"a:{element}", namespaces=NS), element
        assert entry.findtext("a:id", namespaces=NS).startswith("tag:")
        (alternate,) = links(entry, "alternate")
        assert alternate.startswith("http")


def test_an_entry_carries_link_summary_author_and_handlungsfelder(client, dated: World):
    page = PraxisPage.objects.get(pk=dated.entry.pk)
    root = atom(client.get(FEED))
    (entry,) = [
        e for e in root.findall("a:entry", NS) if e.findtext("a:title", namespaces=NS) == page.title
    ]
    assert links(entry, "alternate") == [page.get_full_url()]
    summary = entry.find("a:summary", NS)
    assert summary is not None and summary.get("type") == "html"
    assert html.unescape(summary.text or "") == page.kurzbeschreibung
    assert entry.findtext("a:author/a:name", namespaces=NS) == "Bargteheide"
    assert (
        entry.findtext("a:id", namespaces=NS)
        == f"tag:localhost,2025-01-10:praxis/{page.austausch_id}"
    )
    terms = {category.get("term") for category in entry.findall("a:category", NS)}
    assert terms == {"Sprache", "Engagement und Ehrenamt"}


def test_markup_in_the_short_text_stays_text(client, world: World):
    PraxisPageFactory(
        parent=world.bargteheide, title="Markup", kurzbeschreibung="<b>fett</b> & mehr"
    )
    root = atom(client.get(FEED))
    (entry,) = [
        e for e in root.findall("a:entry", NS) if e.findtext("a:title", namespaces=NS) == "Markup"
    ]
    assert entry.findtext("a:summary", namespaces=NS) == "&lt;b&gt;fett&lt;/b&gt; &amp; mehr"


def test_newest_first_publication_first_and_only_public_live_entries(client, dated: World):
    PraxisPageFactory(parent=dated.bargteheide, title="Entwurf", live=False)
    hidden = PraxisPageFactory(parent=dated.bargteheide, title="Geschützt")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    assert titles(atom(client.get(FEED))) == [
        "Sprachkurs Hafen",
        "Wohnungsbörse",
        "Sprachpaten",
        dated.entry.title,
    ]


def test_at_most_50_entries_the_newest(client, dated: World, monkeypatch):
    assert feeds.MAX_ITEMS == 50
    monkeypatch.setattr(feeds, "MAX_ITEMS", 2)
    assert titles(atom(client.get(FEED))) == ["Sprachkurs Hafen", "Wohnungsbörse"]


def test_the_kreis_filter_takes_the_kreis_and_its_gemeinden(client, dated: World):
    root = atom(client.get(FEED, {"kreis": "01062"}))
    assert titles(root) == ["Wohnungsbörse", "Sprachpaten", dated.entry.title]
    assert root.findtext("a:title", namespaces=NS) == "Neue Praxisbeispiele: Kreis Stormarn"
    assert links(root, "self") == ["http://testserver/feeds/praxis/?kreis=01062"]
    assert links(root, "alternate")[0].endswith("?kreis=01062")
    assert titles(atom(client.get(FEED, {"kreis": "13004"}))) == ["Sprachkurs Hafen"]


def test_repeated_values_are_alternatives_and_both_filters_narrow(client, dated: World):
    both_kreise = atom(client.get(f"{FEED}?kreis=01062&kreis=13004"))
    assert len(titles(both_kreise)) == 4
    assert titles(atom(client.get(f"{FEED}?kreis=01062&kreis=01062"))) == titles(
        atom(client.get(f"{FEED}?kreis=01062"))
    )
    fields = atom(client.get(f"{FEED}?handlungsfeld=wohnen&handlungsfeld=engagement-ehrenamt"))
    assert titles(fields) == ["Wohnungsbörse", dated.entry.title]
    narrowed = atom(client.get(f"{FEED}?kreis=13004&handlungsfeld=sprache"))
    assert titles(narrowed) == ["Sprachkurs Hafen"]
    assert narrowed.findtext("a:title", namespaces=NS) == "Neue Praxisbeispiele: Sprache (Schwerin)"
    assert titles(atom(client.get(f"{FEED}?kreis=13004&handlungsfeld=wohnen"))) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kreis=123", "„123“ ist kein Kreisschlüssel: erwartet werden 5 Ziffern."),
        ("kreis=01999", "Zum Kreisschlüssel „01999“ gibt es keinen Kreis."),
        ("handlungsfeld=quatsch", "Unbekanntes Handlungsfeld „quatsch“."),
        ("&".join(["kreis=01062"] * 51), "Zu viele Werte für „kreis“: höchstens 50."),
    ],
)
def test_bad_values_are_a_german_400_in_plain_text(client, world: World, query, message):
    response = client.get(f"{FEED}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


def feed_links_of(response) -> list[str]:
    pattern = r"<link rel=\"alternate\" type=\"application/atom\+xml\"[^>]*href=\"([^\"]*)\">"
    return [html.unescape(href) for href in re.findall(pattern, response.content.decode())]


def test_every_page_links_the_feed_of_all_new_entries(client, world: World, home_page):
    for url in (home_page.url, world.ahrensburg.url, world.entry.url, "/suche/"):
        assert feed_links_of(client.get(url)) == [FEED], url


def test_kreis_profiles_link_their_kreis_feed(client, world: World):
    assert feed_links_of(client.get(world.kreis.url)) == [FEED, f"{FEED}?kreis=01062"]
    assert feed_links_of(client.get(world.schwerin.url)) == [FEED, f"{FEED}?kreis=13004"]


def test_a_listing_filtered_by_handlungsfeld_links_that_feed(client, world: World):
    listing = PraxisIndexPage.objects.get().url
    response = client.get(listing, {"handlungsfeld": ["sprache", "wohnen"]})
    assert feed_links_of(response) == [FEED, f"{FEED}?handlungsfeld=sprache&handlungsfeld=wohnen"]
    assert 'title="Neue Praxisbeispiele: Sprache, Wohnen"' in response.content.decode()
    assert feed_links_of(client.get(listing, {"handlungsfeld": "quatsch"})) == [FEED]


def test_every_linked_feed_answers_with_atom(client, world: World):
    listing = PraxisIndexPage.objects.get().url
    pages = [world.kreis.url, world.schwerin.url, f"{listing}?handlungsfeld=sprache&kreis=01062"]
    for url in pages:
        for feed_url in feed_links_of(client.get(url)):
            atom(client.get(feed_url))
