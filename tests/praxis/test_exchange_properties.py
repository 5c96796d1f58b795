"""Malformed exchange files, generated (hypothesis): every file either imports or is refused with a
German message, and a refused file writes nothing. Never a traceback.

Lines start from the complete version-2 entry or its version-1 form (without the seven keys of
version 2, AUSTAUSCHFORMAT.md) and get keys set to arbitrary JSON, keys removed, or their text
cut, spliced or replaced by arbitrary bytes. Each example runs in a savepoint that is rolled back.
"""

import json
import tempfile
from pathlib import Path

from django.core.management import CommandError
from django.db import transaction

from wagtail.models import Revision

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.refusals import assert_clear_german_refusal

from .test_exchange import _page_counts, lotsen_entry, run_import

pytestmark = pytest.mark.django_db

VERSION_2_KEYS = (
    "evidenz",
    "evaluation_url",
    "erfahrungen",
    "kosten_einmalig_eur",
    "foerderprogramme",
    "uebernommen_von",
    "stand",
)
KEYS = tuple(lotsen_entry())

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()  # NaN and Infinity too: Python's json writes and reads them
    | st.text(max_size=40)
    | st.sampled_from(["2018-03", "2026-02-30", "08119079", "sprache", "", " "]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
changes = st.lists(
    st.tuples(st.sampled_from(KEYS) | st.text(max_size=8), json_values | st.just(...)),
    max_size=4,
)


@st.composite
def entries(draw) -> dict:
    """The complete entry in version 1 or 2, with some keys set to any value or (...) removed."""
    entry = lotsen_entry()
    if draw(st.booleans()):
        entry = {key: value for key, value in entry.items() if key not in VERSION_2_KEYS}
    for key, value in draw(changes):
        if value is ...:
            entry.pop(key, None)
        else:
            entry[key] = value
    return entry


@st.composite
def lines(draw) -> bytes:
    """One line of JSON, sometimes cut, spliced with other text or replaced by bytes."""
    text = json.dumps(draw(entries()), ensure_ascii=draw(st.booleans()))
    damage = draw(st.sampled_from(["none", "cut", "splice", "bytes"]))
    if damage == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif damage == "splice":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(max_size=5)) + text[at:]
    elif damage == "bytes":
        return draw(st.binary(max_size=60))
    return text.encode("utf-8", errors="surrogatepass")


def import_outcome(content: bytes) -> str | None:
    """None if the file imported; else the German message, after checking nothing was written."""
    with tempfile.TemporaryDirectory() as folder, transaction.atomic():
        path = Path(folder) / "austausch.jsonl"
        path.write_bytes(content)
        before = (_page_counts(), Revision.objects.count())
        try:
            run_import(path)
            message = None
        except CommandError as error:
            message = str(error)
            assert (_page_counts(), Revision.objects.count()) == before, message
        transaction.set_rollback(True)
    return message


@given(lines=st.lists(lines(), min_size=1, max_size=3))
def test_a_malformed_file_imports_or_is_refused_in_german_without_writing(kommunen, lines):
    message = import_outcome(b"\n".join(lines) + b"\n")
    if message is not None:
        assert_clear_german_refusal(message)


@given(line=lines())
def test_a_malformed_line_after_a_good_one_imports_both_or_writes_neither(kommunen, line):
    good = json.dumps(lotsen_entry() | {"id": "waiblingen-zweites"}).encode()
    message = import_outcome(good + b"\n" + line + b"\n")
    if message is not None:
        assert_clear_german_refusal(message)
