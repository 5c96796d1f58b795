"""Exchange lines built to break the import: each is refused with a line-numbered German
message, and nothing of the file is written.

PostgreSQL refuses NUL characters and integers beyond its column types while writing; SQLite
stores them. The PostgreSQL CI job runs these tests like every other one.
"""

import json

from django.core.management import CommandError

import pytest

from .test_exchange import COMPLETE, LOTSEN, _page_counts, lotsen_entry, read_objects, run_import

pytestmark = pytest.mark.django_db


def as_line(entry: dict) -> str:
    """JSON with \\u escapes, the only way a lone surrogate can stand in a UTF-8 file."""
    return json.dumps(entry, ensure_ascii=True)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def with_text(key: str, text: str) -> dict:
    entry = lotsen_entry()
    if key == "kontakt":
        entry["kontakt"] = {**entry["kontakt"], "name": text}
    elif key in ("schlagworte", "foerderung"):
        entry[key] = [*entry[key], text]
    elif key == "links":
        entry[key] = [f"https://example.org/{text}"]
    else:
        entry[key] = text
    return entry


KOSTEN = '"kosten_jahr_eur": 5000'
BAD_LINES = {
    "nesting_100000_deep": (
        as_line(lotsen_entry()).replace(KOSTEN, f'"kosten_jahr_eur": {nested(100_000)}'),
        "zu tief verschachtelt",
    ),
    "nesting_50_deep": (
        as_line(lotsen_entry()).replace(KOSTEN, f'"kosten_jahr_eur": {nested(50)}'),
        "zu tief verschachtelt (höchstens 10 Ebenen)",
    ),
    "number_of_5000_digits": (
        as_line(lotsen_entry()).replace(KOSTEN, '"kosten_jahr_eur": 1' + "0" * 5000),
        "enthält eine Zahl mit zu vielen Ziffern",
    ),
    "lone_surrogate": (
        as_line(lotsen_entry() | {"titel": "Lotsen \ud800"}),
        "„titel“: enthält ein einzelnes Surrogat (\\ud800)",
    ),
    "kosten_beyond_integer_range": (
        as_line(lotsen_entry() | {"kosten_jahr_eur": 10**12}),
        "„kosten_jahr_eur“: muss eine ganze Zahl von 0 bis 2.147.483.647 sein",
    ),
    "kosten_as_huge_float": (
        as_line(lotsen_entry()).replace(KOSTEN, '"kosten_jahr_eur": 3e9'),
        "„kosten_jahr_eur“: muss eine ganze Zahl",
    ),
    "month_with_line_break": (
        as_line(lotsen_entry() | {"beginn": "2018-03\n"}),
        "„beginn“: muss ein Monat im Format JJJJ-MM sein",
    ),
    "month_with_other_digits": (
        as_line(lotsen_entry() | {"beginn": "\u0662\u0660\u0661\u0668-03"}),
        "„beginn“: muss ein Monat im Format JJJJ-MM sein",
    ),
    **{
        f"nul_in_{key}": (
            as_line(with_text(key, "Lot\x00sen")),
            f"„{key}“: enthält ein Nullzeichen (\\u0000)",
        )
        for key in (
            "titel",
            "kurzbeschreibung",
            "beschreibung",
            "schlagworte",
            "traeger",
            "foerderung",
            "personal",
            "uebertragbarkeit",
            "kontakt",
            "links",
        )
    },
}


@pytest.mark.parametrize("line,reason", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_hostile_line_is_refused_and_nothing_is_written(kommunen, tmp_path, line, reason):
    good = as_line(read_objects(COMPLETE)[0])
    path = tmp_path / "boese.jsonl"
    path.write_text("\n".join([good, "", line]) + "\n", encoding="utf-8")
    before = _page_counts()
    with pytest.raises(CommandError) as error:
        run_import(path)
    message = str(error.value)
    assert f"Zeile 3 (id „{LOTSEN}“)" in message
    assert reason in message
    assert "nichts wurde importiert" in message
    assert "\x00" not in message
    message.encode("utf-8")  # printable as it stands: no lone surrogate
    assert _page_counts() == before


def test_unreadable_ids_and_keys_are_shown_escaped(kommunen, tmp_path):
    entry = lotsen_entry() | {"id": "lot\x00sen\ud800", "\x00farbe": "blau"}
    path = tmp_path / "boese.jsonl"
    path.write_text(as_line(entry) + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run_import(path)
    message = str(error.value)
    assert "Zeile 1 (id „lot\\u0000sen\\ud800“)" in message
    assert "unbekannte Schlüssel: „\\u0000farbe“" in message
    message.encode("utf-8")
