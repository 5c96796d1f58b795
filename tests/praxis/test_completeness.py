"""Which transfer-relevant fields of an entry are still empty, and the editor's panel for it."""

from django.urls import reverse

from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from praxis.completeness import completeness, missing_fields
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisFoerderung

pytestmark = pytest.mark.django_db


def keys(page) -> list[str]:
    return [field.key for field in missing_fields(page)]


def test_a_complete_entry_lacks_only_the_alt_text_of_its_image(world):
    result = completeness(world.entry)
    assert [field.key for field in result.missing] == ["alternativtext"]
    assert (result.filled, result.total) == (9, 10)
    world.entry.bild.description = "Menschen am Tisch im Rathaus"
    world.entry.bild.save()
    result = completeness(world.entry)
    assert result.missing == [] and result.ratio == 1.0 and result.percent == 100


def test_a_bare_entry_lists_every_empty_condition_in_editor_order(world):
    entry = PraxisPageFactory(parent=world.ahrensburg, title="Lotsen")
    assert keys(entry) == [
        "kosten",
        "kosten_einmalig",
        "personal",
        "foerderung",
        "uebertragbarkeit",
        "evidenz",
        "erfahrungen",
        "kontakt",
    ]
    result = completeness(entry)
    assert (result.filled, result.total) == (1, 9)  # no image: its alt text does not count
    assert result.missing_labels == [
        "Kosten",
        "Einmalige Kosten",
        "Personal",
        "Förderung",
        "Übertragbarkeit",
        "Evidenz",
        "Erfahrungen und Stolpersteine",
        "Kontakt",
    ]
    first = result.missing[0]
    assert (first.tab, first.anchor) == ("Rahmenbedingungen", "id_kosten_jahr_eur")


def test_zero_costs_and_a_budget_line_count_as_filled(world):
    entry = PraxisPageFactory(
        parent=world.ahrensburg, kosten_jahr_eur=0, foerderungen=["Haushaltsmittel"]
    )
    assert "kosten" not in keys(entry) and "foerderung" not in keys(entry)


def test_zero_one_off_costs_count_as_filled(world):
    entry = PraxisPageFactory(parent=world.ahrensburg, kosten_einmalig_eur=0)
    assert "kosten_einmalig" not in keys(entry)


def test_a_linked_funding_programme_counts_as_funding(world):
    entry = PraxisPageFactory(parent=world.ahrensburg, foerderprogramme=["amif"])
    assert entry.foerderungen.count() == 0
    assert "foerderung" not in keys(entry)


@pytest.mark.parametrize(
    ("fields", "anchor"),
    [
        ({"evidenz": ""}, "id_evidenz_0"),
        ({"evidenz": "evaluiert", "evaluation_url": ""}, "id_evaluation_url"),
        ({"evidenz": "evaluiert", "evaluation_url": "https://www.example.org/bericht.pdf"}, None),
        ({"evidenz": "idee"}, None),
    ],
)
def test_evidenz_needs_a_level_and_an_external_evaluation_its_report(world, fields, anchor):
    entry = PraxisPageFactory(parent=world.ahrensburg, **fields)
    found = [field for field in missing_fields(entry) if field.key == "evidenz"]
    assert [field.anchor for field in found] == ([anchor] if anchor else [])
    if anchor == "id_evaluation_url":
        assert "Link zum Bericht" in found[0].hint


def test_lessons_are_missing_until_written(world):
    entry = PraxisPageFactory(parent=world.ahrensburg, erfahrungen="  \n ")
    (lessons,) = [field for field in missing_fields(entry) if field.key == "erfahrungen"]
    assert (lessons.label, lessons.anchor) == ("Erfahrungen und Stolpersteine", "id_erfahrungen")
    entry.erfahrungen = "Ohne Kinderbetreuung kamen kaum Mütter."
    assert "erfahrungen" not in keys(entry)


@pytest.mark.parametrize(
    ("fields", "missing", "anchor"),
    [
        ({"beginn": ""}, True, "id_beginn"),
        ({"status": "abgeschlossen", "ende": ""}, True, "id_ende"),
        ({"status": "abgeschlossen", "ende": "2024-06"}, False, None),
        ({"status": "laufend", "ende": ""}, False, None),
    ],
)
def test_laufzeit_needs_a_start_and_an_end_once_finished(world, fields, missing, anchor):
    entry = PraxisPageFactory(parent=world.ahrensburg, **fields)
    found = [field for field in missing_fields(entry) if field.key == "laufzeit"]
    assert bool(found) is missing
    if missing:
        assert found[0].anchor == anchor


def test_a_contact_needs_a_name_and_an_address(world):
    entry = PraxisPageFactory(parent=world.ahrensburg, kontakt_name="Erika Muster")
    (kontakt,) = [field for field in missing_fields(entry) if field.key == "kontakt"]
    assert kontakt.anchor == "id_kontakt_email"
    entry.kontakt_email = "muster@example.org"
    assert "kontakt" not in keys(entry)


def test_a_draft_revision_is_judged_by_its_own_content(world):
    entry = PraxisPageFactory(parent=world.ahrensburg)
    entry.kosten_jahr_eur = 1200
    entry.foerderungen.add(PraxisFoerderung(name="AMIF"))
    draft = entry.save_revision().as_object()
    assert "kosten" not in keys(draft) and "foerderung" not in keys(draft)
    assert "kosten" in keys(type(entry).objects.get(pk=entry.pk))  # the live version


def panel(admin_client, url):
    soup = WagtailTestUtils.get_soup(admin_client.get(url).content)
    return soup.select_one("[data-vollstaendigkeit]")


def test_the_editor_lists_the_missing_fields_with_links_that_open_their_tab(admin_client, world):
    entry = PraxisPageFactory(parent=world.ahrensburg, title="Lotsen")
    box = panel(admin_client, reverse("wagtailadmin_pages:edit", args=(entry.pk,)))
    assert "1 von 9 Angaben" in box.get_text()
    links = box.select("a[data-fehlt]")
    assert [(a["data-fehlt"], a["href"]) for a in links][:3] == [
        ("kosten", "#id_kosten_jahr_eur"),
        ("kosten_einmalig", "#id_kosten_einmalig_eur"),
        ("personal", "#id_personal"),
    ]
    # Wagtail's focus controller: it opens the tab that holds the field, without extra JS.
    assert all(a["data-controller"] == "w-focus" for a in links)
    assert "Reiter „Rahmenbedingungen“" in links[0].parent.get_text()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"beginn": ""}, {"#id_evidenz_0", "#id_foerderprogramme_0", "#id_beginn"}),
        ({"evidenz": "evaluiert", "evaluation_url": ""}, {"#id_evaluation_url"}),
    ],
)
def test_every_link_of_the_panel_leads_to_a_field_of_the_editor(
    admin_client, world, fields, expected
):
    entry = PraxisPageFactory(parent=world.ahrensburg, **fields)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(entry.pk,)))
    soup = WagtailTestUtils.get_soup(response.content)
    anchors = {a["href"] for a in soup.select("[data-vollstaendigkeit] a[data-fehlt]")}
    assert expected | {"#id_erfahrungen", "#id_kosten_einmalig_eur"} <= anchors
    assert [anchor for anchor in anchors if soup.select_one(anchor) is None] == []


def test_the_panel_is_the_first_thing_in_the_editor(admin_client, world):
    entry = PraxisPageFactory(parent=world.ahrensburg)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(entry.pk,)))
    soup = WagtailTestUtils.get_soup(response.content)
    first_panel = soup.select_one("#tab-inhalt section[data-panel]")
    assert first_panel.select_one("[data-vollstaendigkeit]") is not None


def test_the_list_is_current_after_saving(admin_client, world):
    entry = PraxisPageFactory(parent=world.ahrensburg)
    url = reverse("wagtailadmin_pages:edit", args=(entry.pk,))
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data.setdefault("body-count", "0")
    data.update(
        {
            "kosten_jahr_eur": "3.500",
            "kosten_einmalig_eur": "0",
            "personal": "zwei Ehrenamtliche",
            "evidenz": "erprobt",
            "erfahrungen": "Abends kommen mehr Menschen als vormittags.",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    missing = [a["data-fehlt"] for a in panel(admin_client, url).select("a[data-fehlt]")]
    assert missing == ["foerderung", "uebertragbarkeit", "kontakt"]


def test_a_complete_entry_says_so(admin_client, world):
    world.entry.bild.description = "Menschen am Tisch"
    world.entry.bild.save()
    box = panel(admin_client, reverse("wagtailadmin_pages:edit", args=(world.entry.pk,)))
    assert box.get_text(strip=True) == (
        "Alle 10 Angaben für die Übernahme durch andere Kommunen sind ausgefüllt."
    )


def test_a_new_entry_shows_the_list_before_the_first_save(admin_client, world):
    url = reverse("wagtailadmin_pages:add", args=("praxis", "praxispage", world.ahrensburg.pk))
    box = panel(admin_client, url)
    assert [a["data-fehlt"] for a in box.select("a[data-fehlt]")] == [
        "kosten",
        "kosten_einmalig",
        "personal",
        "foerderung",
        "uebertragbarkeit",
        "evidenz",
        "erfahrungen",
        "kontakt",
        "laufzeit",
    ]


def test_a_missing_alt_text_links_to_the_image_where_it_is_written(admin_client, world):
    box = panel(admin_client, reverse("wagtailadmin_pages:edit", args=(world.entry.pk,)))
    (link,) = box.select("a[data-fehlt]")
    assert (link["data-fehlt"], link["href"]) == ("alternativtext", "#id_bild-chooser")
    image_link = link.parent.select_one("a[target=_blank]")
    assert image_link["href"] == reverse("wagtailimages:edit", args=(world.entry.bild_id,))
