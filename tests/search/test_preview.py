"""The preview of an entry ("Entwurf anzeigen") shows the similar entries the published page
will show, on both backends, and logs nothing at ERROR.

In a preview the entry's Handlungsfelder, Zielgruppen and Schlagworte are the editor's unsaved
form values (modelcluster's in-memory querysets), and a new entry has no id yet.
"""

import logging

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from kommunen.profiles import ensure_profile
from praxis.models import Handlungsfeld, Zielgruppe

from .engine_support import rebuild_index

BODY = "Zweimal pro Woche im Familienzentrum."


@pytest.fixture(params=["datenbank", pytest.param("engine", marks=pytest.mark.engine)])
def backend(request, entries) -> str:
    """Run the test on the database backend and on the real engine (skipped without one)."""
    if request.param == "engine":
        request.getfixturevalue("engine")
        rebuild_index()
    return request.param


def form_data(**fields) -> dict:
    data = {
        "title": "Sprachkurs mit Kinderbetreuung",
        "slug": "sprachkurs-kinderbetreuung",
        "kurzbeschreibung": "Mütter lernen Deutsch, während die Kinder betreut werden.",
        "body": streamfield([("absatz", rich_text(f"<p>{BODY}</p>"))]),
        "schlagworte": "Sprachkurs, Kinderbetreuung",
        "status": "geplant",
        "beginn": "",
        "ende": "",
        "partner": inline_formset([]),
        "foerderungen": inline_formset([]),
        "links": inline_formset([]),
    }
    data.update(fields)
    return {
        **nested_form_data(data),
        "handlungsfelder": [Handlungsfeld.objects.get(slug="sprache").pk],
        "zielgruppen": [Zielgruppe.objects.get(slug="frauen").pk],
    }


def similar_block(html: str) -> str:
    assert '<section class="aehnliche abschnitt"' in html, "no similar entries shown"
    block = html[html.index('<section class="aehnliche abschnitt"') :]
    return block[: block.index("</section>")]


def preview(admin_client, url: str) -> str:
    assert admin_client.post(url, form_data()).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_no_errors_logged(caplog) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def test_preview_of_a_new_entry_shows_similar_entries(admin_client, kommunen, backend, caplog):
    parent = ensure_profile(kommunen["klein"])
    url = reverse("wagtailadmin_pages:preview_on_add", args=("praxis", "praxispage", parent.pk))
    with caplog.at_level(logging.INFO):
        html = preview(admin_client, url)
    block = similar_block(html)
    assert "Sprachkurs für Mütter mit Kinderbetreuung" in block
    assert "Sprachcafé für Mütter" in block
    assert "Zweimal pro Woche im Familienzentrum." in html
    assert_no_errors_logged(caplog)


def test_preview_of_a_saved_draft_shows_similar_entries(admin_client, entries, backend, caplog):
    draft = entries["entwurf"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(draft.pk,))
    with caplog.at_level(logging.INFO):
        html = preview(admin_client, url)
    block = similar_block(html)
    assert "Sprachkurs für Mütter mit Kinderbetreuung" in block
    assert "Sprachpaten" not in block  # never the entry itself
    assert_no_errors_logged(caplog)


def test_the_lead_kommune_counts_in_the_preview_too(admin_client, kommunen, entries, caplog):
    """Kleinau's neighbour in the same Kreis gets "gleicher Kreis", as after publishing."""
    parent = ensure_profile(kommunen["klein"])
    url = reverse("wagtailadmin_pages:preview_on_add", args=("praxis", "praxispage", parent.pk))
    block = similar_block(preview(admin_client, url))
    sprachcafe = block[block.index("Sprachcafé für Mütter") :]
    assert "gleicher Kreis" in sprachcafe[: sprachcafe.index("</article>")]
