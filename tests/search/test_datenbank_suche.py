"""Text search, ranking, sorting, paging and highlighting of the database backend."""

import datetime

from django.utils import timezone

import pytest

from search.backends.database import DatenbankBackend
from search.backends.database.text import hervorheben, suchbegriffe, woerter
from search.query import SuchAnfrage

from .conftest import praxis_anlegen


def schluessel(ergebnis, beispiele) -> list[str]:
    nach_id = {p.pk: k for k, p in beispiele.items()}
    return [nach_id.get(t.page_id, t.page_id) for t in ergebnis.treffer]


def test_stop_words_are_dropped_unless_nothing_else_remains():
    assert woerter("Sprachkurs für Mütter") == ["sprachkurs", "mütter"]
    assert woerter("für und") == ["für", "und"]


def test_spelling_variants_cover_umlauts_and_endings():
    begriffe = suchbegriffe("Gefluechtete")
    assert "geflüchtete" in begriffe and "geflüchteten" in begriffe
    assert "sprachkurse" in suchbegriffe("Sprachkurs")
    assert "sprachkurs" in suchbegriffe("Sprachkurse")


def test_gefluechtete_finds_gefluechtete_with_umlaut(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(q="Gefluechtete"))
    assert set(schluessel(ergebnis, beispiele)) == {"sprachcafe", "wohnen"}


def test_plural_finds_singular(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(q="Wohnungslotse"))
    assert schluessel(ergebnis, beispiele) == ["wohnen"]


def test_query_with_fts_syntax_characters_does_not_fail(beispiele):
    for q in ['"Mütter', "Sprach* OR -x", "NEAR(a b)", "'; DROP", "^^"]:
        DatenbankBackend().suche(SuchAnfrage(q=q))


def test_highlight_marks_query_words_and_escapes_the_rest():
    text = "Mütter <b>lernen</b> & Geflüchtete sprechen"
    assert hervorheben(text, "Muetter gefluechtete") == (
        "<mark>Mütter</mark> &lt;b&gt;lernen&lt;/b&gt; &amp; <mark>Geflüchtete</mark> sprechen"
    )
    assert hervorheben(text, "Wohnung") is None


def test_hits_carry_highlight_of_kurzbeschreibung(beispiele):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(q="Mütter"))
    treffer = ergebnis.treffer[0]
    assert "<mark>Mütter</mark>" in treffer.hervorhebung["kurzbeschreibung"][0]


def test_comparable_town_ranks_above_equally_relevant_entry_of_a_big_city(kommunen):
    klein = praxis_anlegen(kommunen["nachbar"], "Elterncafé", "Eltern treffen sich.")
    gross = praxis_anlegen(kommunen["gross"], "Elterncafé", "Eltern treffen sich.")
    beispiele = {"klein": klein, "gross": gross}
    ohne = DatenbankBackend().suche(SuchAnfrage(q="Elterncafé"))
    assert ohne.treffer[0].score == pytest.approx(ohne.treffer[1].score, rel=0.1)
    mit = DatenbankBackend().suche(SuchAnfrage(q="Elterncafé", vergleich=kommunen["klein"].ags))
    assert schluessel(mit, beispiele) == ["klein", "gross"]
    assert "gleicher Kreis" in mit.treffer[0].erklaerung
    assert "ähnliche Größe" in mit.treffer[0].erklaerung
    assert mit.treffer[1].erklaerung == []


def test_strongly_relevant_entry_from_other_size_stays_on_first_page(kommunen):
    stark = praxis_anlegen(
        kommunen["gross"],
        "Sprachkurs Sprachkurs für Mütter",
        "Sprachkurs für Mütter: Sprachkurs mit Kinderbetreuung, Sprachkurs am Vormittag.",
    )
    for n in range(25):
        praxis_anlegen(
            kommunen["nachbar"],
            f"Projekt {n}",
            "Ein Sprachkurs unter vielen Themen "
            "wie Sport, Kultur, Wohnen, Arbeit, Gesundheit und Beratung im Dorf.",
        )
    ergebnis = DatenbankBackend().suche(
        SuchAnfrage(q="Sprachkurs Mütter", vergleich=kommunen["klein"].ags, pro_seite=10)
    )
    assert ergebnis.anzahl == 26
    assert stark.pk in [t.page_id for t in ergebnis.treffer]


def test_without_query_comparability_alone_orders(beispiele, kommunen):
    ergebnis = DatenbankBackend().suche(SuchAnfrage(vergleich=kommunen["klein"].ags))
    reihenfolge = schluessel(ergebnis, beispiele)
    assert reihenfolge[:2] == ["sport", "sprachcafe"]  # Kleinau itself, then its neighbour
    assert reihenfolge[2] == "wohnen"
    assert ergebnis.treffer[0].score == pytest.approx(2.5)


def test_sort_newest_and_pagination(kommunen):
    jetzt = timezone.now()
    seiten = [
        praxis_anlegen(
            kommunen["klein"], f"Projekt {n}", first_published_at=jetzt - datetime.timedelta(days=n)
        )
        for n in range(5)
    ]
    anfrage = SuchAnfrage(sortierung="neueste", pro_seite=2, seite=2)
    ergebnis = DatenbankBackend().suche(anfrage)
    assert ergebnis.anzahl == 5
    assert [t.page_id for t in ergebnis.treffer] == [seiten[2].pk, seiten[3].pk]
    leer = DatenbankBackend().suche(SuchAnfrage(seite=9))
    assert leer.anzahl == 5 and leer.treffer == []


def test_similar_entries_share_handlungsfelder(beispiele):
    treffer = DatenbankBackend().aehnliche(beispiele["sprachcafe"])
    ids = [t.page_id for t in treffer]
    assert ids[0] == beispiele["sprachkurs_gross"].pk
    assert beispiele["entwurf"].pk not in ids and beispiele["ikoe"].pk not in ids
    assert "gleiches Handlungsfeld: Sprache" in treffer[0].erklaerung


def test_comparable_kommunen_are_participants_best_first(beispiele, kommunen):
    ergebnis = DatenbankBackend().comparable_kommunen(kommunen["klein"], anzahl=3)
    assert [k.ags for k, _ in ergebnis] == ["01062002", "09189001", "05315000"]
    assert "gleicher Kreis" in ergebnis[0][1]


def test_title_weighs_more_than_short_text_more_than_other_fields(kommunen):
    titel = praxis_anlegen(kommunen["klein"], "Elterncafé am Markt", "Treffpunkt.")
    kurz = praxis_anlegen(kommunen["klein"], "Treffpunkt", "Ein Elterncafé am Markt.")
    feld = praxis_anlegen(kommunen["klein"], "Treff", "Am Markt.", traeger="Elterncafé e. V.")
    ergebnis = DatenbankBackend().suche(SuchAnfrage(q="Elterncafé"))
    assert [t.page_id for t in ergebnis.treffer] == [titel.pk, kurz.pk, feld.pk]
    assert [t.score for t in ergebnis.treffer] == [4.0, 3.0, 1.0]


def test_synonyms_of_the_engine_list_are_used(kommunen):
    pool = praxis_anlegen(kommunen["klein"], "Sprachmittlerpool", "Sprachmittler für Schulen.")
    ergebnis = DatenbankBackend().suche(SuchAnfrage(q="Dolmetscher"))
    assert [t.page_id for t in ergebnis.treffer] == [pool.pk]
    assert "<mark>Sprachmittler</mark>" in ergebnis.treffer[0].hervorhebung["kurzbeschreibung"][0]
