"""Text search, ranking, sorting, paging and highlighting of the database backend."""

import datetime

from django.utils import timezone

import pytest

from kommunen.factories import KommuneFactory
from kommunen.models import KommuneTyp
from search.analysis.german import key
from search.backends.database import DatabaseBackend
from search.backends.database.text import highlight, words
from search.query import SearchQuery

from .content import create_entry

# Some tests need the Kommunen without the entries.
pytestmark = pytest.mark.search_data_per_test


def keys(result, entries) -> list[str]:
    by_id = {p.pk: k for k, p in entries.items()}
    return [by_id.get(t.page_id, t.page_id) for t in result.treffer]


def test_stop_words_are_dropped_unless_nothing_else_remains():
    assert words("Sprachkurs für Mütter") == ["sprachkurs", "mütter"]
    assert words("für und") == ["für", "und"]


def test_umlaut_spelled_out_finds_the_umlaut(entries):
    result = DatabaseBackend().search(SearchQuery(q="Gefluechtete"))
    assert set(keys(result, entries)) == {"sprachcafe", "wohnen"}


def test_plural_finds_singular(entries):
    result = DatabaseBackend().search(SearchQuery(q="Wohnungslotse"))
    assert keys(result, entries) == ["wohnen"]


def test_query_with_fts_syntax_characters_does_not_fail(entries):
    for q in ['"Mütter', "Sprach* OR -x", "NEAR(a b)", "'; DROP", "^^"]:
        DatabaseBackend().search(SearchQuery(q=q))


def test_highlight_marks_query_words_and_escapes_the_rest():
    text = "Mütter <b>lernen</b> & Geflüchtete sprechen"
    assert highlight(text, {key("muetter"), key("gefluechtete")}) == (
        "<mark>Mütter</mark> &lt;b&gt;lernen&lt;/b&gt; &amp; <mark>Geflüchtete</mark> sprechen"
    )
    assert highlight(text, {key("wohnung")}) is None


def test_hits_carry_highlight_of_kurzbeschreibung(entries):
    result = DatabaseBackend().search(SearchQuery(q="Mütter"))
    hit = result.treffer[0]
    assert "<mark>Mütter</mark>" in hit.hervorhebung["kurzbeschreibung"][0]


def test_comparable_town_ranks_above_equally_relevant_entry_of_a_big_city(kommunen):
    klein = create_entry(kommunen["nachbar"], "Elterncafé", "Eltern treffen sich.")
    gross = create_entry(kommunen["gross"], "Elterncafé", "Eltern treffen sich.")
    entries = {"klein": klein, "gross": gross}
    without = DatabaseBackend().search(SearchQuery(q="Elterncafé"))
    assert without.treffer[0].score == pytest.approx(without.treffer[1].score, rel=0.1)
    compared = DatabaseBackend().search(
        SearchQuery(q="Elterncafé", vergleich=kommunen["klein"].ags)
    )
    assert keys(compared, entries) == ["klein", "gross"]
    assert "gleicher Kreis" in compared.treffer[0].erklaerung
    assert "ähnliche Größe" in compared.treffer[0].erklaerung
    assert compared.treffer[1].erklaerung == []


def test_strongly_relevant_entry_from_other_size_stays_on_first_page(kommunen):
    strong = create_entry(
        kommunen["gross"],
        "Sprachkurs Sprachkurs für Mütter",
        "Sprachkurs für Mütter: Sprachkurs mit Kinderbetreuung, Sprachkurs am Vormittag.",
    )
    for n in range(25):
        create_entry(
            kommunen["nachbar"],
            f"Projekt {n}",
            "Ein Sprachkurs unter vielen Themen "
            "wie Sport, Kultur, Wohnen, Arbeit, Gesundheit und Beratung im Dorf.",
        )
    result = DatabaseBackend().search(
        SearchQuery(q="Sprachkurs Mütter", vergleich=kommunen["klein"].ags, pro_seite=10)
    )
    assert result.anzahl == 26
    assert strong.pk in [t.page_id for t in result.treffer]


def test_without_query_comparability_alone_orders(entries, kommunen):
    result = DatabaseBackend().search(SearchQuery(vergleich=kommunen["klein"].ags))
    order = keys(result, entries)
    assert order[:2] == ["sport", "sprachcafe"]  # Kleinau itself, then its neighbour
    assert order[2] == "wohnen"
    assert result.treffer[0].score == pytest.approx(2.5)


def test_sort_newest_and_pagination(kommunen):
    now = timezone.now()
    pages = [
        create_entry(
            kommunen["klein"], f"Projekt {n}", first_published_at=now - datetime.timedelta(days=n)
        )
        for n in range(5)
    ]
    query = SearchQuery(sortierung="neueste", pro_seite=2, seite=2)
    result = DatabaseBackend().search(query)
    assert result.anzahl == 5
    assert [t.page_id for t in result.treffer] == [pages[2].pk, pages[3].pk]
    empty = DatabaseBackend().search(SearchQuery(seite=9))
    assert empty.anzahl == 5 and empty.treffer == []


def test_similar_entries_share_handlungsfelder(entries):
    hits = DatabaseBackend().similar_entries(entries["sprachcafe"])
    ids = [t.page_id for t in hits]
    assert ids[0] == entries["sprachkurs_gross"].pk
    assert entries["entwurf"].pk not in ids and entries["ikoe"].pk not in ids
    assert "gleiches Handlungsfeld: Sprache" in hits[0].erklaerung


def test_comparable_kommunen_are_participants_best_first(entries, kommunen):
    # Stormarn takes part too (Kleinau's profile stands under its profile), but a Landkreis is
    # no comparable Kommune for a Gemeinde.
    result = DatabaseBackend().comparable_kommunen(kommunen["klein"], count=3)
    assert [k.ags for k, _ in result] == ["01062002", "09189001", "05315000"]
    assert "gleicher Kreis" in result[0][1]


def test_title_weighs_more_than_short_text_more_than_other_fields(kommunen):
    in_title = create_entry(kommunen["klein"], "Elterncafé am Markt", "Treffpunkt.")
    in_short = create_entry(kommunen["klein"], "Treffpunkt", "Ein Elterncafé am Markt.")
    in_other = create_entry(kommunen["klein"], "Treff", "Am Markt.", traeger="Elterncafé e. V.")
    result = DatabaseBackend().search(SearchQuery(q="Elterncafé"))
    assert [t.page_id for t in result.treffer] == [in_title.pk, in_short.pk, in_other.pk]
    assert [t.score for t in result.treffer] == [4.0, 3.0, 1.0]


def test_synonyms_of_the_engine_list_are_used(kommunen):
    pool = create_entry(kommunen["klein"], "Sprachmittlerpool", "Sprachmittler für Schulen.")
    result = DatabaseBackend().search(SearchQuery(q="Dolmetscher"))
    assert [t.page_id for t in result.treffer] == [pool.pk]
    assert "<mark>Sprachmittler</mark>" in result.treffer[0].hervorhebung["kurzbeschreibung"][0]


def test_a_gemeinde_is_not_offered_a_landkreis_as_comparable(entries, kommunen):
    harburg = KommuneFactory(
        ags="03353", name="Harburg", typ=KommuneTyp.LANDKREIS, einwohner=250_000
    )
    create_entry(kommunen["stormarn"], "Kreisweite Sprachkurse", "Für alle Gemeinden.")
    create_entry(harburg, "Kreisweite Lotsen", "Für alle Gemeinden.")
    for_gemeinde = DatabaseBackend().comparable_kommunen(kommunen["klein"], count=10)
    assert KommuneTyp.LANDKREIS not in {k.typ for k, _ in for_gemeinde}
    for_kreis = DatabaseBackend().comparable_kommunen(kommunen["stormarn"], count=10)
    assert [k.ags for k, _ in for_kreis] == ["03353"]
