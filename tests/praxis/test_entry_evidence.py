"""The entry page says how well the practice is proven (a legend, not a score), what went wrong
elsewhere, what it cost once, and which managed programmes paid for it apart from the rest."""

from django.template.loader import render_to_string

from wagtail.test.utils import WagtailTestUtils

import pytest

from praxis.factories import PraxisPageFactory
from praxis.models import Foerderprogramm

pytestmark = pytest.mark.django_db


def soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return WagtailTestUtils.get_soup(response.content)


def facts(page_soup) -> dict[str, str]:
    """The conditions box as {dt: dd text}."""
    box = page_soup.select_one("section[aria-labelledby=rahmen-titel]")
    return {
        row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True)
        for row in box.select(".fakten > div")
    }


def test_the_evidence_level_comes_with_a_legend_of_all_four_levels(client, world):
    entry = PraxisPageFactory(
        parent=world.bargteheide,
        evidenz="evaluiert",
        evaluation_url="https://www.example.org/bericht.pdf",
    )
    page = soup(client, entry)
    section = page.select_one("section[aria-labelledby=evidenz-titel]")
    assert section.h2.get_text() == "Wie gut ist es belegt?"
    assert "Evidenzstufe: extern evaluiert" in section.get_text(" ", strip=True)
    legend = section.select_one("dl.evidenz__legende")
    assert legend["aria-labelledby"] == "evidenz-legende-titel"
    terms = [dt.contents[0].strip() for dt in legend.select("dt")]
    assert terms == ["Idee", "erprobt", "ausgewertet", "extern evaluiert"]
    criteria = [dd.get_text() for dd in legend.select("dd")]
    assert criteria[0] == "geplant, noch nicht ausprobiert"
    assert criteria[3] == "externe oder wissenschaftliche Evaluation, Bericht verlinkt"
    # The entry's own level is marked in words, not by colour alone; there is no score.
    (own,) = legend.select(".evidenz__eintrag--hier")
    assert own.dt.get_text(" ", strip=True) == "extern evaluiert dieses Praxisbeispiel"
    assert "keine Bewertung" in section.get_text()
    report = section.select_one(".evidenz__bericht a")
    assert report["href"] == "https://www.example.org/bericht.pdf"
    assert facts(page)["Wie gut belegt"] == "extern evaluiert"
    assert page.select_one('.fakten a[href="#evidenz-titel"]')


def test_without_a_level_the_facts_say_so_and_there_is_no_legend(client, world):
    page = soup(client, PraxisPageFactory(parent=world.bargteheide))
    assert page.select_one("section.evidenz") is None
    assert facts(page)["Wie gut belegt"] == "nicht angegeben"


def test_lessons_stand_in_their_own_box_before_the_conditions(client, world):
    entry = PraxisPageFactory(
        parent=world.bargteheide,
        erfahrungen="Ohne Kinderbetreuung kamen kaum Mütter.\n\nAbends lieber nicht.",
    )
    page = soup(client, entry)
    aside = page.select_one("aside.praxis__seite")
    boxes = [section["aria-labelledby"] for section in aside.find_all("section", recursive=False)]
    assert boxes[:2] == ["erfahrungen-titel", "rahmen-titel"]
    lessons = aside.select_one("section.erfahrungen")
    assert lessons.h2.get_text() == "Erfahrungen und Stolpersteine"
    assert [p.get_text() for p in lessons.select("p")] == [
        "Ohne Kinderbetreuung kamen kaum Mütter.",
        "Abends lieber nicht.",
    ]


def test_no_lessons_no_box(client, world):
    page = soup(client, PraxisPageFactory(parent=world.bargteheide))
    assert page.select_one("section.erfahrungen") is None


def test_one_off_costs_stand_next_to_the_yearly_cost(client, world):
    entry = PraxisPageFactory(
        parent=world.bargteheide, kosten_jahr_eur=4000, kosten_einmalig_eur=1500
    )
    rows = list(facts(soup(client, entry)).items())
    labels = [label for label, _value in rows]
    yearly = labels.index("Kosten pro Jahr")
    assert rows[yearly : yearly + 2] == [
        ("Kosten pro Jahr", "4.000 €"),
        ("Einmalige Kosten", "1.500 €"),
    ]
    unknown = facts(soup(client, PraxisPageFactory(parent=world.bargteheide)))
    assert unknown["Einmalige Kosten"] == "nicht angegeben"


def test_programmes_are_linked_ended_ones_marked_apart_from_other_funding(client, world):
    entry = PraxisPageFactory(
        parent=world.bargteheide,
        foerderprogramme=["kita-einstieg", "amif"],
        foerderungen=["Haushaltsmittel der Stadt", "Spenden"],
    )
    page = soup(client, entry)
    links = page.select(".programm-links li")
    assert [li.a["href"] for li in links] == [
        "/foerderprogramme/amif/",  # running first
        "/foerderprogramme/kita-einstieg/",
    ]
    assert links[0].select_one(".beendet") is None
    assert links[1].select_one(".beendet").get_text() == "beendet"
    rows = facts(page)
    assert rows["Weitere Finanzierung"] == "Haushaltsmittel der Stadt, Spenden"
    assert "Förderung" not in rows and "Finanzierung" not in rows


@pytest.mark.parametrize(
    ("programmes", "sources", "row"),
    [
        ([], ["Spenden"], ("Finanzierung", "Spenden")),
        ([], [], ("Förderung", "keine Förderung angegeben")),
        (["iq"], [], ("Förderprogramme", None)),
    ],
)
def test_the_funding_rows_name_only_what_there_is(client, world, programmes, sources, row):
    entry = PraxisPageFactory(
        parent=world.bargteheide, foerderprogramme=programmes, foerderungen=sources
    )
    rows = facts(soup(client, entry))
    label, value = row
    assert label in rows and (value is None or rows[label] == value)
    assert ("Weitere Finanzierung" in rows) is bool(programmes and sources)


def test_a_draft_shows_the_programmes_it_names(world):
    entry = PraxisPageFactory(parent=world.bargteheide)
    draft = entry.get_latest_revision_as_object()
    draft.foerderprogramme = list(Foerderprogramm.objects.filter(slug="esf-plus"))
    preview = draft.save_revision().as_object()
    html = render_to_string("praxis/includes/foerderung.html", {"page": preview})
    assert 'href="/foerderprogramme/esf-plus/"' in html
