"""Import and export of Praxisbeispiele in the exchange format (AUSTAUSCHFORMAT.md)."""

import json
from pathlib import Path

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.models import KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from praxis.exchange import description
from praxis.exchange.parse import FELDER, AustauschFehler, lies_zeile
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisPage

DATEIEN = Path(__file__).parent / "dateien"
VOLLSTAENDIG = DATEIEN / "vollstaendig.jsonl"
LOTSEN = "waiblingen-integrationslotsen"

pytestmark = pytest.mark.django_db


@pytest.fixture
def kommunen():
    """Rems-Murr-Kreis with three of its towns, and Stuttgart as a kreisfreie Stadt."""
    kreis = LandkreisFactory(ags="08119", name="Rems-Murr-Kreis", bundesland="BW")
    gemeinden = {
        ags: KommuneFactory(ags=ags, name=name, typ=KommuneTyp.STADT, bundesland="BW", kreis=kreis)
        for ags, name in (
            ("08119079", "Waiblingen, Stadt"),
            ("08119020", "Fellbach, Stadt"),
            ("08119008", "Backnang, Stadt"),
        )
    }
    stuttgart = KommuneFactory(
        ags="08111000", name="Stuttgart", typ=KommuneTyp.KREISFREIE_STADT, bundesland="BW"
    )
    return {"kreis": kreis, "stuttgart": stuttgart, **gemeinden}


def objekte(pfad: Path) -> list[dict]:
    return [json.loads(z) for z in pfad.read_text(encoding="utf-8").splitlines() if z.strip()]


def schreibe(pfad: Path, zeilen: list) -> Path:
    texte = [z if isinstance(z, str) else json.dumps(z, ensure_ascii=False) for z in zeilen]
    pfad.write_text("\n".join(texte) + "\n", encoding="utf-8")
    return pfad


def importiere(pfad: Path, *optionen: str) -> None:
    call_command("import_praxis", str(pfad), *optionen, stdout=_Stumm())


def exportiere(pfad: Path, *optionen: str) -> list[dict]:
    call_command("export_praxis", str(pfad), *optionen, stdout=_Stumm())
    return objekte(pfad)


class _Stumm:
    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass


def lotsen_objekt() -> dict:
    return next(o for o in objekte(VOLLSTAENDIG) if o["id"] == LOTSEN)


# --- round trip ---


def test_export_of_import_equals_input_object_by_object(kommunen, tmp_path):
    importiere(VOLLSTAENDIG)
    exportiert = exportiere(tmp_path / "export.jsonl")
    assert exportiert == objekte(VOLLSTAENDIG)
    assert [list(o) for o in exportiert] == [list(FELDER)] * 2


def test_export_file_is_utf8_without_ascii_escapes(kommunen, tmp_path):
    importiere(VOLLSTAENDIG)
    call_command("export_praxis", str(tmp_path / "e.jsonl"), stdout=_Stumm())
    text = (tmp_path / "e.jsonl").read_text(encoding="utf-8")
    assert "Übergang" in text and "\\u00dc" not in text
    assert text.count("\n") == 2


def test_beschreibung_becomes_escaped_paragraphs_with_line_breaks(kommunen):
    importiere(VOLLSTAENDIG)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    quelle = page.absaetze[0].value.source
    assert quelle.startswith("<p>Ehrenamtliche „Lotsinnen“ begleiten Familien &amp; Kinder")
    assert "Ämtern.<br/>Zweite Zeile mit &lt;Klammern&gt;" in quelle
    assert quelle.count("<p>") == 3
    assert "&amp;amp; wörtlich" in quelle


def test_import_fills_fields_inlines_tags_and_tree(kommunen):
    importiere(VOLLSTAENDIG)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.live and page.kommune == kommunen["08119079"]
    assert [p.kommune.ags for p in page.partner.all()] == ["08119020", "08119008"]
    assert [f.name for f in page.foerderungen.all()][1] == "AMIF"
    assert page.kontakt_email == "integration@waiblingen.example"
    assert {t.name for t in page.schlagworte.all()} == {"ehrenamt", "Lotsen", "Übergang"}
    profil = page.get_parent().specific
    assert isinstance(profil, KommunePage) and profil.kommune == kommunen["08119079"]
    assert isinstance(profil.get_parent().specific, LandkreisPage)


def test_export_writes_sets_in_canonical_order(kommunen, tmp_path):
    eintrag = lotsen_objekt() | {
        "handlungsfelder": ["beratung-orientierung", "sprache"],
        "zielgruppen": ["familien", "neuzugewanderte"],
        "schlagworte": ["Übergang", "Lotsen", "ehrenamt"],
    }
    importiere(schreibe(tmp_path / "i.jsonl", [eintrag]))
    (exportiert,) = exportiere(tmp_path / "e.jsonl")
    assert exportiert["handlungsfelder"] == ["sprache", "beratung-orientierung"]
    assert exportiert["zielgruppen"] == ["neuzugewanderte", "familien"]
    assert exportiert["schlagworte"] == ["ehrenamt", "Lotsen", "Übergang"]


def test_export_to_stdout(kommunen, capsys):
    importiere(VOLLSTAENDIG)
    call_command("export_praxis", "-")
    zeilen = capsys.readouterr().out.splitlines()
    assert [json.loads(z)["id"] for z in zeilen] == ["stuttgart-sprachcafe", LOTSEN]


# --- rejected files: message names line and id, nothing is written ---


def _ohne(schluessel: str) -> dict:
    eintrag = lotsen_objekt()
    del eintrag[schluessel]
    return eintrag


SCHLECHTE_ZEILEN = {
    "unbekannte AGS": (lotsen_objekt() | {"partner_kommunen": ["08119999"]}, "08119999"),
    "unbekanntes Kürzel": (lotsen_objekt() | {"zielgruppen": ["astronauten"]}, "astronauten"),
    "Status": (lotsen_objekt() | {"status": "pausiert"}, "pausiert"),
    "Monat": (lotsen_objekt() | {"beginn": "2018-13"}, "JJJJ-MM"),
    "fehlender Schlüssel": (_ohne("kosten_jahr_eur"), "fehlende Schlüssel: „kosten_jahr_eur“"),
    "Kosten": (lotsen_objekt() | {"kosten_jahr_eur": -5}, "ganze Zahl"),
    "Link": (lotsen_objekt() | {"links": ["keine adresse"]}, "keine gültige Adresse"),
    "Kontakt": (lotsen_objekt() | {"kontakt": {"name": "X"}}, "name, funktion, email, telefon"),
    "unbekannter Schlüssel": (lotsen_objekt() | {"farbe": "blau"}, "unbekannte Schlüssel: „farbe“"),
    "Ende vor Beginn": (lotsen_objekt() | {"ende": "2017-01"}, "„ende“ liegt vor „beginn“"),
    "AGS-Form": (lotsen_objekt() | {"partner_kommunen": [8119020]}, "8 (Kreis: 5) Ziffern"),
    "E-Mail": (
        lotsen_objekt() | {"kontakt": {"name": "A", "funktion": "", "email": "@", "telefon": ""}},
        "keine gültige E-Mail-Adresse",
    ),
    "ungültiges JSON": (f'{{"id": "{LOTSEN}", "titel": ', "kein gültiges JSON"),
}


def _seitenzahl() -> tuple[int, int, int]:
    return Page.objects.count(), PraxisPage.objects.count(), KommunePage.objects.count()


@pytest.mark.parametrize("fall", SCHLECHTE_ZEILEN)
def test_bad_line_after_good_lines_rejects_the_whole_file(kommunen, tmp_path, fall):
    schlecht, grund = SCHLECHTE_ZEILEN[fall]
    gut = objekte(VOLLSTAENDIG)[0]
    datei = schreibe(tmp_path / "schlecht.jsonl", [gut, "", schlecht])
    vorher = _seitenzahl()
    with pytest.raises(CommandError) as fehler:
        importiere(datei)
    meldung = str(fehler.value)
    assert f"Zeile 3 (id „{LOTSEN}“)" in meldung
    assert grund in meldung
    assert "nichts wurde importiert" in meldung
    assert _seitenzahl() == vorher


def test_duplicate_id_in_file_is_rejected(kommunen, tmp_path):
    eintrag = lotsen_objekt()
    datei = schreibe(tmp_path / "doppelt.jsonl", [eintrag, eintrag | {"titel": "Noch einmal"}])
    vorher = _seitenzahl()
    with pytest.raises(CommandError, match=f"Zeile 2 \\(id „{LOTSEN}“\\): .*Zeile 1"):
        importiere(datei)
    assert _seitenzahl() == vorher


def test_failure_while_writing_rolls_back_earlier_lines(kommunen, tmp_path):
    # A Gemeinde whose "Kreis" is a kreisfreie Stadt cannot get a profile: found only on writing.
    KommuneFactory(
        ags="08111001", typ=KommuneTyp.GEMEINDE, bundesland="BW", kreis=kommunen["stuttgart"]
    )
    kaputt = lotsen_objekt() | {"id": "kaputt", "kommune": "08111001", "partner_kommunen": []}
    datei = schreibe(tmp_path / "i.jsonl", [*objekte(VOLLSTAENDIG), kaputt])
    vorher = _seitenzahl()
    with pytest.raises(CommandError, match="Zeile 3 \\(id „kaputt“\\)"):
        importiere(datei)
    assert _seitenzahl() == vorher


# --- upsert, drafts, moves ---


def test_reimport_with_changed_title_updates_the_same_page(kommunen, tmp_path):
    importiere(VOLLSTAENDIG)
    vorher = PraxisPage.objects.get(austausch_id=LOTSEN)
    importiere(schreibe(tmp_path / "neu.jsonl", [lotsen_objekt() | {"titel": "Lotsen 2.0"}]))
    nachher = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert (nachher.pk, nachher.title, nachher.live) == (vorher.pk, "Lotsen 2.0", True)
    assert PraxisPage.objects.count() == 2


def test_reimport_of_same_file_reports_unchanged(kommunen):
    importiere(VOLLSTAENDIG)
    revisionen = PraxisPage.objects.get(austausch_id=LOTSEN).revisions.count()
    ausgabe = _Sammler()
    call_command("import_praxis", str(VOLLSTAENDIG), stdout=ausgabe)
    assert "0 neu, 0 aktualisiert, 2 unverändert" in ausgabe.text
    assert PraxisPage.objects.get(austausch_id=LOTSEN).revisions.count() == revisionen


class _Sammler(_Stumm):
    text = ""

    def write(self, text: str) -> None:
        self.text += text


def test_entwurf_import_is_not_live(kommunen):
    importiere(VOLLSTAENDIG, "--entwurf")
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert not page.live and page.has_unpublished_changes


def test_entwurf_on_live_page_keeps_live_version(kommunen, tmp_path):
    importiere(VOLLSTAENDIG)
    importiere(
        schreibe(tmp_path / "e.jsonl", [lotsen_objekt() | {"titel": "Entwurf"}]), "--entwurf"
    )
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.live and page.title == lotsen_objekt()["titel"]
    assert page.get_latest_revision_as_object().title == "Entwurf"
    exportiert = exportiere(tmp_path / "x.jsonl")
    assert exportiert[1]["titel"] == lotsen_objekt()["titel"]


def test_export_leaves_out_drafts_unless_asked(kommunen, tmp_path):
    importiere(VOLLSTAENDIG, "--entwurf")
    assert exportiere(tmp_path / "a.jsonl") == []
    assert exportiere(tmp_path / "b.jsonl", "--mit-entwuerfen") == objekte(VOLLSTAENDIG)


def test_changed_lead_kommune_moves_the_page(kommunen, tmp_path):
    importiere(VOLLSTAENDIG)
    neu = lotsen_objekt() | {"kommune": "08119020", "partner_kommunen": ["08119079"]}
    importiere(schreibe(tmp_path / "m.jsonl", [neu]))
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.get_parent().specific.kommune == kommunen["08119020"]
    assert page.kommune == kommunen["08119020"]
    assert to_exchange_dict(page) == neu


def test_update_keeps_non_text_blocks_after_new_paragraphs(kommunen, tmp_path):
    importiere(VOLLSTAENDIG)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    page.body.append(("zitat", {"zitat": "Es lohnt sich.", "quelle": "Eine Lotsin"}))
    page.save_revision().publish()
    importiere(
        schreibe(tmp_path / "u.jsonl", [lotsen_objekt() | {"beschreibung": "Nur noch das."}])
    )
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert [b.block_type for b in page.body] == ["absatz", "zitat"]
    assert page.body[1].value["zitat"] == "Es lohnt sich."
    assert to_exchange_dict(page)["beschreibung"] == "Nur noch das."


# --- profiles created on import ---


def test_import_creates_landkreis_and_gemeinde_profiles(kommunen):
    importiere(VOLLSTAENDIG)
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisPage.objects.get(kommune=kommunen["kreis"])
    gemeinde = KommunePage.objects.get(kommune=kommunen["08119079"])
    assert kreis.get_parent().pk == index.pk and kreis.live
    assert gemeinde.get_parent().pk == kreis.pk and gemeinde.live


def test_import_puts_kreisfreie_stadt_under_the_index(kommunen):
    importiere(VOLLSTAENDIG)
    stuttgart = KommunePage.objects.get(kommune=kommunen["stuttgart"])
    assert stuttgart.get_parent().specific_class is KommunenIndexPage
    assert (
        PraxisPage.objects.get(austausch_id="stuttgart-sprachcafe").get_parent().pk == stuttgart.pk
    )


# --- single values ---


def test_empty_kontakt_and_blank_strings_become_null(kommunen):
    roh = lotsen_objekt() | {
        "kontakt": {"name": " ", "funktion": "", "email": None, "telefon": ""},
        "traeger": "",
        "beschreibung": "Eins\r\n\r\n\r\nZwei  \nDrei",
    }
    eintrag = lies_zeile(json.dumps(roh), 1)
    assert eintrag["kontakt"] is None and eintrag["traeger"] is None
    assert eintrag["beschreibung"] == "Eins\n\nZwei\nDrei"


def test_rich_text_of_editors_exports_as_plain_paragraphs():
    html = '<p><b>Fett</b> &amp; <a href="https://x.example">Link</a></p><ul><li>eins</li><li>zwei</li></ul>'
    assert description.als_text(html) == ["Fett & Link", "eins", "zwei"]


def test_kosten_must_be_a_whole_number(kommunen):
    for wert in (1.5, "5000", True):
        with pytest.raises(AustauschFehler, match="kosten_jahr_eur"):
            lies_zeile(json.dumps(lotsen_objekt() | {"kosten_jahr_eur": wert}), 4)


def test_entry_of_a_landkreis_stands_under_the_kreis_profile(kommunen, tmp_path):
    eintrag = lotsen_objekt() | {"id": "kreis-netzwerk", "kommune": "08119"}
    importiere(schreibe(tmp_path / "k.jsonl", [eintrag]))
    page = PraxisPage.objects.get(austausch_id="kreis-netzwerk")
    assert isinstance(page.get_parent().specific, LandkreisPage)
    assert to_exchange_dict(page) == eintrag
