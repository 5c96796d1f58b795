"""Import and export of Praxisbeispiele in the exchange format (AUSTAUSCHFORMAT.md)."""

import json
from pathlib import Path

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from kommunen.factories import KommuneFactory
from kommunen.models import KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from praxis.exchange import description
from praxis.exchange.parse import KEYS, ExchangeError, parse_line
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisPage

FILES = Path(__file__).parent / "files"
COMPLETE = FILES / "complete.jsonl"
LOTSEN = "waiblingen-integrationslotsen"

pytestmark = pytest.mark.django_db


def read_objects(path: Path) -> list[dict]:
    return [json.loads(z) for z in path.read_text(encoding="utf-8").splitlines() if z.strip()]


def write_lines(path: Path, lines: list) -> Path:
    texts = [z if isinstance(z, str) else json.dumps(z, ensure_ascii=False) for z in lines]
    path.write_text("\n".join(texts) + "\n", encoding="utf-8")
    return path


def run_import(path: Path, *options: str) -> None:
    call_command("import_praxis", str(path), *options, stdout=_Silent())


def run_export(path: Path, *options: str) -> list[dict]:
    call_command("export_praxis", str(path), *options, stdout=_Silent())
    return read_objects(path)


class _Silent:
    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass


def lotsen_entry() -> dict:
    return next(o for o in read_objects(COMPLETE) if o["id"] == LOTSEN)


# --- round trip ---


def test_export_of_import_equals_input_object_by_object(kommunen, tmp_path):
    run_import(COMPLETE)
    exported = run_export(tmp_path / "export.jsonl")
    assert exported == read_objects(COMPLETE)
    assert [list(o) for o in exported] == [list(KEYS)] * 2


def test_export_file_is_utf8_without_ascii_escapes(kommunen, tmp_path):
    run_import(COMPLETE)
    call_command("export_praxis", str(tmp_path / "e.jsonl"), stdout=_Silent())
    text = (tmp_path / "e.jsonl").read_text(encoding="utf-8")
    assert "Übergang" in text and "\\u00dc" not in text
    assert text.count("\n") == 2


def test_beschreibung_becomes_escaped_paragraphs_with_line_breaks(kommunen):
    run_import(COMPLETE)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    source = page.paragraphs[0].value.source
    assert source.startswith("<p>Ehrenamtliche „Lotsinnen“ begleiten Familien &amp; Kinder")
    assert "Ämtern.<br/>Zweite Zeile mit &lt;Klammern&gt;" in source
    assert source.count("<p>") == 3
    assert "&amp;amp; wörtlich" in source


def test_import_fills_fields_inlines_tags_and_tree(kommunen):
    run_import(COMPLETE)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.live and page.kommune == kommunen["08119079"]
    assert [p.kommune.ags for p in page.partner.all()] == ["08119020", "08119008"]
    assert [f.name for f in page.foerderungen.all()][1] == "AMIF"
    assert page.kontakt_email == "integration@waiblingen.example"
    assert {t.name for t in page.schlagworte.all()} == {"ehrenamt", "Lotsen", "Übergang"}
    profile = page.get_parent().specific
    assert isinstance(profile, KommunePage) and profile.kommune == kommunen["08119079"]
    assert isinstance(profile.get_parent().specific, LandkreisPage)


def test_export_writes_sets_in_canonical_order(kommunen, tmp_path):
    entry = lotsen_entry() | {
        "handlungsfelder": ["beratung-orientierung", "sprache"],
        "zielgruppen": ["familien", "neuzugewanderte"],
        "schlagworte": ["Übergang", "Lotsen", "ehrenamt"],
    }
    run_import(write_lines(tmp_path / "i.jsonl", [entry]))
    (exported,) = run_export(tmp_path / "e.jsonl")
    assert exported["handlungsfelder"] == ["sprache", "beratung-orientierung"]
    assert exported["zielgruppen"] == ["neuzugewanderte", "familien"]
    assert exported["schlagworte"] == ["ehrenamt", "Lotsen", "Übergang"]


def test_export_to_stdout(kommunen, capsys):
    run_import(COMPLETE)
    call_command("export_praxis", "-")
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(z)["id"] for z in lines] == ["stuttgart-sprachcafe", LOTSEN]


# --- rejected files: message names line and id, nothing is written ---


def _without(key: str) -> dict:
    entry = lotsen_entry()
    del entry[key]
    return entry


BAD_LINES = {
    "unbekannte AGS": (lotsen_entry() | {"partner_kommunen": ["08119999"]}, "08119999"),
    "unbekanntes Kürzel": (lotsen_entry() | {"zielgruppen": ["astronauten"]}, "astronauten"),
    "Status": (lotsen_entry() | {"status": "pausiert"}, "pausiert"),
    "Monat": (lotsen_entry() | {"beginn": "2018-13"}, "JJJJ-MM"),
    "fehlender Schlüssel": (_without("kosten_jahr_eur"), "fehlende Schlüssel: „kosten_jahr_eur“"),
    "Kosten": (lotsen_entry() | {"kosten_jahr_eur": -5}, "ganze Zahl"),
    "Link": (lotsen_entry() | {"links": ["keine adresse"]}, "keine gültige Adresse"),
    "Kontakt": (lotsen_entry() | {"kontakt": {"name": "X"}}, "name, funktion, email, telefon"),
    "unbekannter Schlüssel": (lotsen_entry() | {"farbe": "blau"}, "unbekannte Schlüssel: „farbe“"),
    "Ende vor Beginn": (lotsen_entry() | {"ende": "2017-01"}, "„ende“ liegt vor „beginn“"),
    "AGS-Form": (lotsen_entry() | {"partner_kommunen": [8119020]}, "8 (Kreis: 5) Ziffern"),
    "AGS ohne Land": (lotsen_entry() | {"partner_kommunen": ["99119020"]}, "8 (Kreis: 5) Ziffern"),
    "Monat mit Zeilenumbruch": (lotsen_entry() | {"beginn": "2018-03\n"}, "JJJJ-MM"),
    "E-Mail": (
        lotsen_entry() | {"kontakt": {"name": "A", "funktion": "", "email": "@", "telefon": ""}},
        "keine gültige E-Mail-Adresse",
    ),
    "ungültiges JSON": (f'{{"id": "{LOTSEN}", "titel": ', "kein gültiges JSON"),
}


def _page_counts() -> tuple[int, int, int]:
    return Page.objects.count(), PraxisPage.objects.count(), KommunePage.objects.count()


@pytest.mark.parametrize("case", BAD_LINES)
def test_bad_line_after_good_lines_rejects_the_whole_file(kommunen, tmp_path, case):
    bad, reason = BAD_LINES[case]
    good = read_objects(COMPLETE)[0]
    path = write_lines(tmp_path / "schlecht.jsonl", [good, "", bad])
    before = _page_counts()
    with pytest.raises(CommandError) as error:
        run_import(path)
    message = str(error.value)
    assert f"Zeile 3 (id „{LOTSEN}“)" in message
    assert reason in message
    assert "nichts wurde importiert" in message
    assert _page_counts() == before


def test_duplicate_id_in_file_is_rejected(kommunen, tmp_path):
    entry = lotsen_entry()
    path = write_lines(tmp_path / "doppelt.jsonl", [entry, entry | {"titel": "Noch einmal"}])
    before = _page_counts()
    with pytest.raises(CommandError, match=f"Zeile 2 \\(id „{LOTSEN}“\\): .*Zeile 1"):
        run_import(path)
    assert _page_counts() == before


def test_failure_while_writing_rolls_back_earlier_lines(kommunen, tmp_path):
    # A Gemeinde whose "Kreis" is a kreisfreie Stadt cannot get a profile: found only on writing.
    KommuneFactory(
        ags="08111001", typ=KommuneTyp.GEMEINDE, bundesland="BW", kreis=kommunen["stuttgart"]
    )
    broken = lotsen_entry() | {"id": "kaputt", "kommune": "08111001", "partner_kommunen": []}
    path = write_lines(tmp_path / "i.jsonl", [*read_objects(COMPLETE), broken])
    before = _page_counts()
    with pytest.raises(CommandError, match="Zeile 3 \\(id „kaputt“\\)"):
        run_import(path)
    assert _page_counts() == before


# --- upsert, drafts, moves ---


def test_reimport_with_changed_title_updates_the_same_page(kommunen, tmp_path):
    run_import(COMPLETE)
    before = PraxisPage.objects.get(austausch_id=LOTSEN)
    run_import(write_lines(tmp_path / "neu.jsonl", [lotsen_entry() | {"titel": "Lotsen 2.0"}]))
    after = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert (after.pk, after.title, after.live) == (before.pk, "Lotsen 2.0", True)
    assert PraxisPage.objects.count() == 2


def test_reimport_of_same_file_reports_unchanged(kommunen):
    run_import(COMPLETE)
    revisions = PraxisPage.objects.get(austausch_id=LOTSEN).revisions.count()
    output = _Collector()
    call_command("import_praxis", str(COMPLETE), stdout=output)
    assert "0 neu, 0 aktualisiert, 2 unverändert" in output.text
    assert PraxisPage.objects.get(austausch_id=LOTSEN).revisions.count() == revisions


class _Collector(_Silent):
    text = ""

    def write(self, text: str) -> None:
        self.text += text


def test_entwurf_import_is_not_live(kommunen):
    run_import(COMPLETE, "--entwurf")
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert not page.live and page.has_unpublished_changes


def test_entwurf_on_live_page_keeps_live_version(kommunen, tmp_path):
    run_import(COMPLETE)
    run_import(
        write_lines(tmp_path / "e.jsonl", [lotsen_entry() | {"titel": "Entwurf"}]), "--entwurf"
    )
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.live and page.title == lotsen_entry()["titel"]
    assert page.get_latest_revision_as_object().title == "Entwurf"
    exported = run_export(tmp_path / "x.jsonl")
    assert exported[1]["titel"] == lotsen_entry()["titel"]


def test_export_leaves_out_drafts_unless_asked(kommunen, tmp_path):
    run_import(COMPLETE, "--entwurf")
    assert run_export(tmp_path / "a.jsonl") == []
    assert run_export(tmp_path / "b.jsonl", "--mit-entwuerfen") == read_objects(COMPLETE)


def test_changed_lead_kommune_moves_the_page(kommunen, tmp_path):
    run_import(COMPLETE)
    moved = lotsen_entry() | {"kommune": "08119020", "partner_kommunen": ["08119079"]}
    run_import(write_lines(tmp_path / "m.jsonl", [moved]))
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert page.get_parent().specific.kommune == kommunen["08119020"]
    assert page.kommune == kommunen["08119020"]
    assert to_exchange_dict(page) == moved


def test_update_keeps_non_text_blocks_after_new_paragraphs(kommunen, tmp_path):
    run_import(COMPLETE)
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    page.body.append(("zitat", {"zitat": "Es lohnt sich.", "quelle": "Eine Lotsin"}))
    page.save_revision().publish()
    run_import(
        write_lines(tmp_path / "u.jsonl", [lotsen_entry() | {"beschreibung": "Nur noch das."}])
    )
    page = PraxisPage.objects.get(austausch_id=LOTSEN)
    assert [b.block_type for b in page.body] == ["absatz", "zitat"]
    assert page.body[1].value["zitat"] == "Es lohnt sich."
    assert to_exchange_dict(page)["beschreibung"] == "Nur noch das."


# --- profiles created on import ---


def test_import_creates_landkreis_and_gemeinde_profiles(kommunen):
    run_import(COMPLETE)
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisPage.objects.get(kommune=kommunen["kreis"])
    gemeinde = KommunePage.objects.get(kommune=kommunen["08119079"])
    assert kreis.get_parent().pk == index.pk and kreis.live
    assert gemeinde.get_parent().pk == kreis.pk and gemeinde.live


def test_import_puts_kreisfreie_stadt_under_the_index(kommunen):
    run_import(COMPLETE)
    stuttgart = KommunePage.objects.get(kommune=kommunen["stuttgart"])
    assert stuttgart.get_parent().specific_class is KommunenIndexPage
    assert (
        PraxisPage.objects.get(austausch_id="stuttgart-sprachcafe").get_parent().pk == stuttgart.pk
    )


# --- single values ---


def test_empty_kontakt_and_blank_strings_become_null(kommunen):
    raw = lotsen_entry() | {
        "kontakt": {"name": " ", "funktion": "", "email": None, "telefon": ""},
        "traeger": "",
        "beschreibung": "Eins\r\n\r\n\r\nZwei  \nDrei",
    }
    entry = parse_line(json.dumps(raw), 1)
    assert entry["kontakt"] is None and entry["traeger"] is None
    assert entry["beschreibung"] == "Eins\n\nZwei\nDrei"


def test_rich_text_of_editors_exports_as_plain_paragraphs():
    html = '<p><b>Fett</b> &amp; <a href="https://x.example">Link</a></p><ul><li>eins</li><li>zwei</li></ul>'
    assert description.from_html(html) == ["Fett & Link", "eins", "zwei"]


def test_kosten_must_be_a_whole_number(kommunen):
    for value in (1.5, "5000", True):
        with pytest.raises(ExchangeError, match="kosten_jahr_eur"):
            parse_line(json.dumps(lotsen_entry() | {"kosten_jahr_eur": value}), 4)


def test_entry_of_a_landkreis_stands_under_the_kreis_profile(kommunen, tmp_path):
    entry = lotsen_entry() | {"id": "kreis-netzwerk", "kommune": "08119"}
    run_import(write_lines(tmp_path / "k.jsonl", [entry]))
    page = PraxisPage.objects.get(austausch_id="kreis-netzwerk")
    assert isinstance(page.get_parent().specific, LandkreisPage)
    assert to_exchange_dict(page) == entry
