"""Funding programmes as managed data: the seeded slugs of the contract, where they apply, and
their editing as snippets."""

import re
from datetime import date

from django.core.exceptions import ValidationError

import pytest

from praxis.models import Foerderprogramm, FoerderTraeger

pytestmark = pytest.mark.django_db

# AUSTAUSCHFORMAT.md, version 2: "Seeded programme slugs".
CONTRACT_SLUGS = {
    "amif", "esf-plus", "iq", "integration-durch-sport", "demokratie-leben", "kita-einstieg",
    "elternchancen", "respekt-land", "sozialer-zusammenhalt", "mehrgenerationenhaus",
    "vwv-integration-bw", "kim-nrw", "komm-an-nrw", "integrationsfonds-mv",
    "integrationslotsen-by", "integrationsfoerderung-sh",
}  # fmt: skip


def test_the_migration_seeds_the_sixteen_programmes_of_the_contract():
    programmes = Foerderprogramm.objects.all()
    assert {p.slug for p in programmes} == CONTRACT_SLUGS
    for programme in programmes:
        programme.full_clean()  # names, links and scopes are valid data
        assert programme.link.startswith("https://") and programme.kurzbeschreibung


def test_programmes_of_a_land_are_the_federal_ones_and_its_own():
    in_bavaria = set(Foerderprogramm.objects.in_land("BY").values_list("slug", flat=True))
    assert "integrationslotsen-by" in in_bavaria and "amif" in in_bavaria
    assert not in_bavaria & {"vwv-integration-bw", "kim-nrw", "integrationsfonds-mv"}
    in_nrw = set(Foerderprogramm.objects.in_land("NW").values_list("slug", flat=True))
    assert {"kim-nrw", "komm-an-nrw"} <= in_nrw


def test_a_code_matches_only_as_a_whole():
    Foerderprogramm.objects.create(
        name="Nord", slug="nord", traeger=FoerderTraeger.LAND, laender="SH,HH"
    )
    # "H,H" spans the comma: no Land code can match across two codes.
    assert not Foerderprogramm.objects.in_land("HB").filter(slug="nord").exists()
    assert Foerderprogramm.objects.in_land("HH").filter(slug="nord").exists()


def test_scope_is_bundesweit_or_named_laender():
    programme = Foerderprogramm(name="X", slug="x", traeger=FoerderTraeger.STIFTUNG)
    with pytest.raises(ValidationError, match="bundesweit"):
        programme.full_clean()
    programme.bundesweit, programme.laender = True, "BY"
    with pytest.raises(ValidationError, match="keine einzelnen Länder"):
        programme.full_clean()
    programme.bundesweit, programme.laender = False, "BY,XX"
    with pytest.raises(ValidationError, match="Unbekanntes Land: XX"):
        programme.full_clean()
    programme.laender = "TH,BY"
    programme.full_clean()
    assert programme.laender == "BY,TH"  # AGS order
    assert programme.geltungsbereich == "Bayern, Thüringen"


def test_a_programme_past_its_end_is_ended():
    kita = Foerderprogramm.objects.get(slug="kita-einstieg")
    assert kita.beendet(today=date(2026, 1, 1))
    assert not kita.beendet(today=date(2022, 12, 31))
    assert not Foerderprogramm.objects.get(slug="iq").beendet()


def test_the_platform_team_edits_programmes_with_land_checkboxes(admin_client):
    response = admin_client.get("/admin/snippets/praxis/foerderprogramm/add/")
    assert response.status_code == 200
    assert 'type="checkbox" name="laender" value="MV"' in response.content.decode()
    response = admin_client.post(
        "/admin/snippets/praxis/foerderprogramm/add/",
        {
            "name": "Landesprogramm Küste",
            "slug": "kueste",
            "traeger": "land",
            "laender": ["SH", "MV"],
            "link": "https://www.example.org/kueste",
            "laeuft_bis": "2027-06-30",
            "kurzbeschreibung": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    programme = Foerderprogramm.objects.get(slug="kueste")
    assert programme.laender == "SH,MV" and not programme.bundesweit
    edit = admin_client.get(f"/admin/snippets/praxis/foerderprogramm/edit/{programme.pk}/")
    checked = re.findall(r'name="laender" value="(\w\w)"[^>]*checked', edit.content.decode())
    assert checked == ["SH", "MV"]
