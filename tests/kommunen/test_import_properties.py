"""Malformed municipality registers, generated (hypothesis): every CSV or XLSX file either
imports or is refused with a German message, and a refused file writes nothing. Never a
traceback. Each example runs in a savepoint that is rolled back.

The files start from good ones (the exchange CSV of Stormarn, the GV-ISys extract as CSV and as
Destatis' XLSX) and get cells replaced by arbitrary text or numbers, lines cut or spliced.
"""

import csv
import io
import tempfile
from pathlib import Path

from django.core.management.base import CommandError
from django.db import transaction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommunen.models import Kommune
from tests.refusals import assert_clear_german_refusal

from .test_import_kommunen import HEADER, STORMARN, gv_rows, run_import, write_xlsx

pytestmark = pytest.mark.django_db

EXCHANGE_ROWS = [next(csv.reader([line])) for line in STORMARN]
GV_ROWS = gv_rows()

cell_values = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(2**64), max_value=2**64).map(str),
    st.floats().map(str),
    st.sampled_from(["", " ", "01062", "08119079", "landkreis", "SH", "1 234", "9,5", "=A1"]),
)
# What an XLSX cell can hold at all (openpyxl refuses control characters when writing).
xlsx_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)


def replaced_cells(rows: list[list[str]], values, first_column: int = 0):
    """Rows with up to four cells replaced by drawn values."""
    places = st.tuples(
        st.integers(0, len(rows) - 1), st.integers(first_column, len(rows[0]) - 1), values
    )
    return st.lists(places, max_size=4).map(lambda changes: _apply(rows, changes))


def _apply(rows: list[list[str]], changes) -> list[list[str]]:
    copied = [list(row) for row in rows]
    for row, column, value in changes:
        if column < len(copied[row]):
            copied[row][column] = value
    return copied


def as_csv(rows: list[list[str]]) -> str:
    output = io.StringIO()
    csv.writer(output, lineterminator="\n").writerows(rows)
    return output.getvalue()


@st.composite
def damaged(draw, text: str) -> bytes:
    """The text, sometimes cut or spliced with other text."""
    damage = draw(st.sampled_from(["none", "cut", "splice"]))
    if damage == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == "splice":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(max_size=6)) + text[at:]
    return text.encode("utf-8", errors="surrogatepass")


def import_outcome(name: str, write) -> str | None:
    """None if the file imported; else the German message, after checking nothing was written."""
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        path = Path(folder) / name
        write(path)
        before = Kommune.objects.count()
        try:
            run_import(path)
            message = None
        except CommandError as error:
            message = str(error)
            assert Kommune.objects.count() == before, message
        transaction.set_rollback(True)
    return message


def assert_imported_or_refused(message: str | None) -> None:
    if message is not None:
        assert_clear_german_refusal(message)


@given(data=st.data())
def test_a_malformed_exchange_csv_imports_or_is_refused_without_writing(data):
    rows = data.draw(replaced_cells([HEADER.split(","), *EXCHANGE_ROWS], cell_values))
    content = data.draw(damaged(as_csv(rows)))
    assert_imported_or_refused(import_outcome("kommunen.csv", lambda p: p.write_bytes(content)))


@given(data=st.data())
def test_a_malformed_gv_isys_csv_imports_or_is_refused_without_writing(data):
    rows = data.draw(replaced_cells(GV_ROWS, cell_values))
    content = data.draw(damaged(as_csv(rows)))
    assert_imported_or_refused(import_outcome("auszug.csv", lambda p: p.write_bytes(content)))


# write_xlsx turns the first three columns into numbers; the others may hold anything.
xlsx_values = xlsx_text | st.integers(-(2**40), 2**40).map(str) | st.sampled_from(["", "=K7+L7"])


@given(rows=replaced_cells(GV_ROWS[1:], xlsx_values, first_column=3))
def test_a_malformed_gv_isys_xlsx_imports_or_is_refused_without_writing(rows):
    message = import_outcome("AuszugGV.xlsx", lambda path: write_xlsx(path, rows))
    assert_imported_or_refused(message)


@given(content=st.binary(max_size=200))
def test_arbitrary_bytes_named_xlsx_or_csv_are_refused_in_german(content):
    for name in ("AuszugGV.xlsx", "kommunen.csv"):
        message = import_outcome(name, lambda path: path.write_bytes(content))
        assert message is not None
        assert_clear_german_refusal(message)
