"""No e-mail address or telephone number appears publicly unless its person agreed: not on the
entry or profile page, not on the contact form, not in the public API."""

import pytest

from kontakt.views import contact_url
from praxis.api import public_exchange_dict
from praxis.exchange import to_exchange_dict

pytestmark = pytest.mark.django_db

ENTRY_EMAIL, ENTRY_PHONE = "muster@example.org", "0461 123"


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_entry_shows_name_and_function_but_no_address_without_consent(client, world):
    assert not world.entry.kontakt_veroeffentlichen  # the default
    html = html_of(client, world.entry.url)
    assert "Erika Muster" in html and "Integrationsbeauftragte" in html
    assert ENTRY_EMAIL not in html and "mailto:" not in html
    assert ENTRY_PHONE not in html and "tel:" not in html
    assert f'href="{contact_url(world.entry)}"' in html


def test_an_entry_shows_address_and_phone_with_consent(client, world):
    world.entry.kontakt_veroeffentlichen = True
    world.entry.save_revision().publish()
    html = html_of(client, world.entry.url)
    assert f'href="mailto:{ENTRY_EMAIL}"' in html and ENTRY_PHONE in html


def test_an_entry_with_only_an_unpublished_address_shows_no_empty_contact_box(client, world):
    entry = world.entries["sprachpaten"]
    entry.kontakt_email = "nur-adresse@example.org"
    entry.save_revision().publish()
    html = html_of(client, entry.url)
    assert "nur-adresse@example.org" not in html
    assert 'id="kontakt-titel"' not in html
    assert "Kontakt aufnehmen" in html


def test_a_profile_shows_only_contacts_who_agreed(client, world):
    html = html_of(client, world.ahrensburg.url)
    assert "offen@example.org" in html  # Erika Offen agreed
    assert "Max Geheim" not in html and "geheim@example.org" not in html


@pytest.mark.parametrize("name", ["entry", "ahrensburg"])
def test_the_contact_form_shows_no_address_at_all(client, world, name):
    page = world.entry if name == "entry" else world.ahrensburg
    html = html_of(client, contact_url(page))
    for address in (ENTRY_EMAIL, "offen@example.org", "geheim@example.org", ENTRY_PHONE):
        assert address not in html
    assert "mailto:" not in html


def test_the_api_withholds_email_and_phone_without_consent(client, world):
    data = client.get(f"/api/v1/praxis/{world.entry.austausch_id}/").json()
    assert data["kontakt"] == {
        "name": "Erika Muster",
        "funktion": "Integrationsbeauftragte",
        "email": None,
        "telefon": None,
    }


def test_the_api_shows_them_with_consent(client, world):
    world.entry.kontakt_veroeffentlichen = True
    world.entry.save_revision().publish()
    data = client.get(f"/api/v1/praxis/{world.entry.austausch_id}/").json()
    assert data["kontakt"]["email"] == ENTRY_EMAIL
    assert data["kontakt"]["telefon"] == ENTRY_PHONE


def test_a_contact_of_only_withheld_values_is_null_as_the_format_says(world):
    entry = world.entries["sprachpaten"]
    entry.kontakt_email = "nur-adresse@example.org"
    assert public_exchange_dict(entry)["kontakt"] is None


def test_the_export_for_other_platforms_keeps_the_address(world):
    # The exchange between platforms is lossless; the imported entry starts unpublished-contact.
    assert to_exchange_dict(world.entry)["kontakt"]["email"] == ENTRY_EMAIL
    assert set(public_exchange_dict(world.entry)) == set(to_exchange_dict(world.entry))


def test_the_editor_asks_for_consent_beside_the_contact_fields(admin_client, world):
    html = admin_client.get(f"/admin/pages/{world.entry.pk}/edit/").content.decode()
    assert 'name="kontakt_veroeffentlichen"' in html
    assert html.index('name="kontakt_telefon"') < html.index('name="kontakt_veroeffentlichen"')
    assert html.index('name="kontakt_veroeffentlichen"') < html.index('id="inline_child_links')
