"""A visitor from a small town, clicked through in Debian's chromium in German:

"Wo arbeiten Sie?" on the home page → Ahrensburg (a Kleinstadt in Stormarn) → entries of
comparable Kommunen first, each with its reason → a search → the cost filter, then the funding
filter, the hit count falling each time → the remaining entry → its Beschlussvorlage for
Ahrensburg as a Word file → a contact request, whose mail reaches the entry's contact person.
Each step leaves a numbered screenshot in besuch/ under SCREENSHOT_DIR (var/screenshots by
default) for a human look.
"""

import re
from io import BytesIO

from django.core import mail

import docx
import pytest
from playwright.sync_api import expect

from kontakt.models import Kontaktanfrage
from praxis.beschlussvorlage import CONTENT_TYPE
from praxis.models import Foerderprogramm, PraxisPage
from tests.browser.support import Steps, launched_chromium
from tests.kontakt.conftest import shown
from tests.world import ENTRY_TITLE, World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AHRENSBURG = "01062001"
COSTS = "1.001 bis 10.000 €"
SH_PROGRAMME = "Integrations- und Teilhabeförderung Schleswig-Holstein"
DOCX_MAGIC = b"PK\x03\x04"  # a DOCX is a zip archive


def funded(page: PraxisPage, slugs: list[str], **fields) -> None:
    """Publish the entry again with managed funding programmes and changed fields."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.foerderprogramme.set(Foerderprogramm.objects.filter(slug__in=slugs))
    page.save_revision().publish()


@pytest.fixture
def visited(committed_world) -> World:
    """The world's Sprache entries: the Sprachcafé (Bargteheide, 5,000 € a year, AMIF and the
    Land's programme), the Sprachkurs (Schwerin, 2,000 €, AMIF and MV's fund), Sprachpaten
    (no costs stated, no programme)."""
    funded(committed_world.entry, ["amif", "integrationsfoerderung-sh"])
    kurs = committed_world.entries["sprachkurs"]
    funded(kurs, ["amif", "integrationsfonds-mv"], kosten_jahr_eur=2000)
    return committed_world


def hit_count(page) -> str:
    return " ".join(page.locator("#ergebnis-titel").inner_text().split())


REMOVE_MARK = re.compile(r"\s*\N{MULTIPLICATION SIGN}\s*entfernen\s*$")


def chips(page) -> list[str]:
    """The active-filter chips as read, without the removal mark each ends with."""
    texts = page.locator(".suche__chips .chip").all_inner_texts()
    return [" ".join(REMOVE_MARK.sub("", text).split()) for text in texts]


def choose_my_kommune(steps: Steps) -> None:
    page = steps.page
    steps.goto("/")
    field = page.get_by_label("Wo arbeiten Sie?")
    field.press_sequentially("Ahrens", delay=50)
    page.wait_for_selector("#vergleich-vorschlaege option", state="attached")
    suggestion = page.locator("#vergleich-vorschlaege option").first.get_attribute("value")
    assert suggestion == f"Ahrensburg ({AHRENSBURG})"
    field.fill(suggestion)
    steps.shot("start-kommune-eingeben")
    page.get_by_role("button", name="Kommune wählen").click()
    expect(page.locator(".meine-kommune--gewaehlt")).to_contain_text("Ihre Kommune: Ahrensburg")
    # the search form takes the choice along
    carried = page.locator('form[role=search] input[name="vergleich"]').last
    assert carried.input_value() == AHRENSBURG
    section = page.get_by_role("heading", name="Praxisbeispiele aus Kommunen wie Ahrensburg")
    expect(section).to_be_visible()
    steps.shot("start-kommune-gewaehlt")


def search(steps: Steps) -> None:
    page = steps.page
    page.get_by_label("Was hat eine Kommune wie Ihre schon ausprobiert?").fill("Sprache")
    page.get_by_role("button", name="Suchen", exact=True).last.click()
    page.wait_for_url(re.compile(r"/suche/\?"))
    assert hit_count(page) == "3 Praxisbeispiele gefunden"
    assert chips(page) == ["Suchbegriff: Sprache", "Kommunen wie: Ahrensburg"]
    cards = page.locator(".treffer-liste > li")
    towns = [" ".join(t.split()[:1]) for t in cards.locator(".karte__kommune").all_inner_texts()]
    assert towns == ["Bargteheide", "Bargteheide", "Schwerin"]  # the comparable Kleinstadt first
    reason = cards.first.locator(".treffer__warum").inner_text()
    assert reason.startswith("Warum hier:") and "gleiche Größenklasse" in reason
    assert "gleicher Kreis" in reason
    assert cards.last.locator(".treffer__warum").count() == 0
    steps.shot("suche-ergebnisse")


def apply_filter(steps: Steps, legend: str, label: str) -> None:
    page = steps.page
    group = page.locator("fieldset.filter__gruppe", has=page.locator("legend", has_text=legend))
    group.get_by_label(re.compile("^" + re.escape(label))).check()
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_load_state()
    assert group.get_by_label(re.compile("^" + re.escape(label))).is_checked()


def filter_by_cost_and_funding(steps: Steps) -> None:
    page = steps.page
    apply_filter(steps, "Kosten pro Jahr", COSTS)
    assert hit_count(page) == "2 Praxisbeispiele gefunden"
    assert f"Kosten pro Jahr: {COSTS}" in chips(page)
    assert page.locator(".filter-klappe__knopf").inner_text() == "Filter (1 aktiv)"
    steps.shot("suche-gefiltert-kosten")
    apply_filter(steps, "Förderprogramm", SH_PROGRAMME)
    assert hit_count(page) == "1 Praxisbeispiel gefunden"
    assert chips(page) == [
        "Suchbegriff: Sprache",
        f"Kosten pro Jahr: {COSTS}",
        f"Förderprogramm: {SH_PROGRAMME}",
        "Kommunen wie: Ahrensburg",
    ]
    assert page.locator(".filter-klappe__knopf").inner_text() == "Filter (2 aktiv)"
    assert "foerderprogramm=integrationsfoerderung-sh" in page.url
    steps.shot("suche-gefiltert-foerderung")


def open_the_result(steps: Steps) -> None:
    page = steps.page
    page.locator(".treffer-liste .karte__titel a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ENTRY_TITLE)
    assert page.url.endswith(f"?vergleich={AHRENSBURG}")
    conditions = page.locator(".praxis__seite").inner_text()
    assert "5.000 €" in conditions
    steps.shot("praxisbeispiel")


def download_the_beschlussvorlage(steps: Steps) -> None:
    page = steps.page
    link = page.get_by_role("link", name="Vorlage für Ahrensburg herunterladen")
    link.scroll_into_view_if_needed()
    steps.shot("beschlussvorlage-angebot")
    with page.expect_download() as arrival:
        link.click()
    download = arrival.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".docx")
    content = download.path().read_bytes()
    assert content.startswith(DOCX_MAGIC)
    text = "\n".join(p.text for p in docx.Document(BytesIO(content)).paragraphs)
    assert "Ahrensburg" in text
    assert SH_PROGRAMME in text  # the Land's programme, for a Kommune in Schleswig-Holstein
    response = page.request.get(steps.base_url + (link.get_attribute("href") or ""))
    assert response.headers["content-type"] == CONTENT_TYPE
    steps.shot("beschlussvorlage-geladen")


def send_a_contact_request(steps: Steps) -> None:
    page = steps.page
    page.get_by_role("link", name="Kontakt aufnehmen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kontakt")
    page.get_by_label("Ihr Name").fill("Jonas Nachbar")
    page.get_by_label("Ihre E-Mail-Adresse").fill("jonas@ahrensburg.example")
    kommune = page.get_by_label("Ihre Kommune (freiwillig)")
    assert kommune.input_value() == f"Ahrensburg ({AHRENSBURG})"  # the home page's choice
    page.get_by_label("Übernahme", exact=False).first.check()
    page.get_by_label("Ihre Nachricht").fill("Wir möchten das Sprachcafé in Ahrensburg aufbauen.")
    page.get_by_label("Ich bin einverstanden").check()
    # Instead of waiting the minimum fill time: the form was shown 20 seconds ago.
    page.eval_on_selector("[name=angezeigt]", "(el, token) => { el.value = token; }", shown(20))
    steps.shot("kontakt-formular")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vielen Dank, Ihre Nachricht ist angekommen"
    )
    steps.shot("kontakt-gesendet")


def test_a_visitor_from_a_small_town_finds_downloads_and_writes(
    chromium_path, live_server, visited
):
    with launched_chromium(chromium_path) as browser:
        page = browser.new_page(
            locale="de-DE", viewport={"width": 1280, "height": 900}, accept_downloads=True
        )
        steps = Steps(page, live_server.url, "besuch")
        choose_my_kommune(steps)
        search(steps)
        filter_by_cost_and_funding(steps)
        open_the_result(steps)
        download_the_beschlussvorlage(steps)
        send_a_contact_request(steps)

    (message,) = mail.outbox
    assert message.to == ["muster@example.org"]
    assert message.reply_to == ["jonas@ahrensburg.example"]
    assert "Wir möchten das Sprachcafé in Ahrensburg aufbauen." in message.body
    (anfrage,) = Kontaktanfrage.objects.all()
    assert anfrage.anliegen == "uebernahme"
    assert anfrage.kommune is not None and anfrage.kommune.ags == AHRENSBURG
    assert len(steps.taken()) == 10
