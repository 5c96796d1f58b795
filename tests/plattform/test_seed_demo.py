"""seed_demo fills the empty platform through the imports; a second run changes nothing."""

import json
import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Page, Revision

import pytest

from kommunen.models import Kommune, KommunenIndexPage, KommunePage, LandkreisPage
from plattform.demo.profiles import load_profiles
from plattform.demo.seed import (
    INTRODUCTION,
    OPERATOR,
    PRAXIS_FILE,
    demo_ids,
    show_index_pages_in_menu,
)
from plattform.models import HomePage, PlattformEinstellungen
from praxis.models import PraxisIndexPage, PraxisPage


def count_objects() -> dict[str, int]:
    return {
        "kommunen": Kommune.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "entries": PraxisPage.objects.count(),
        "images": PraxisPage.objects.exclude(bild=None).values("bild").distinct().count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Seed twice inside one transaction that is rolled back after the module's tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        first, second = StringIO(), StringIO()
        call_command("seed_demo", stdout=first)
        after_first = count_objects()
        call_command("seed_demo", "--ohne-zugaenge", stdout=second)
        yield {
            "first": after_first,
            "second": count_objects(),
            "first_output": first.getvalue(),
            "second_output": second.getvalue(),
            "output": first.getvalue() + second.getvalue(),
        }
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_second_run_changes_nothing(demo):
    assert demo["first"] == demo["second"]
    assert f"0 neu, 0 aktualisiert, {len(demo_ids())} unverändert" in demo["output"]
    assert "Demo-Inhalte bereit" in demo["output"]


@pytest.mark.django_db
def test_fresh_install_reports_one_line_per_step_and_says_angelegt(demo):
    lines = demo["first_output"].splitlines()
    profiles, entries = len(load_profiles()), len(demo_ids())
    assert f"  Profile: {profiles} angelegt, 0 aktualisiert, 0 unverändert." in lines
    assert f"  Praxisbeispiele: {entries} neu, 0 aktualisiert, 0 unverändert." in lines
    assert any(re.fullmatch(rf"  Bilder: \d+ angelegt, {entries} Praxisbeispiele bebildert\.", line)
               for line in lines)  # fmt: skip
    assert not [line for line in lines if re.match(r"(Profil|Bild|Zeile) ", line.strip())]
    assert len(lines) <= 10


@pytest.mark.django_db
def test_second_run_says_unveraendert_and_prints_no_logins_when_asked(demo):
    lines = demo["second_output"].splitlines()
    assert f"  Profile: 0 angelegt, 0 aktualisiert, {len(load_profiles())} unverändert." in lines
    assert "  Bilder: 0 angelegt, 0 Praxisbeispiele bebildert." in lines
    assert "Demo-Zugang" not in demo["second_output"]


@pytest.mark.django_db
def test_a_changed_profile_is_reported_as_aktualisiert(demo):
    page = KommunePage.objects.get(kommune__ags="01062001")
    page.integrationsbeirat_seit = 1999
    page.save_revision().publish()
    output = StringIO()
    call_command("seed_demo", "--ohne-zugaenge", stdout=output)
    total = len(load_profiles())
    assert f"  Profile: 0 angelegt, 1 aktualisiert, {total - 1} unverändert." in output.getvalue()
    assert KommunePage.objects.get(pk=page.pk).integrationsbeirat_seit == 2016


@pytest.mark.django_db
def test_demo_logins_come_last_and_ensure_admin_prints_working_ones(demo, client):
    last_lines = demo["first_output"].splitlines()[-2:]
    assert [line.split()[1] for line in last_lines] == ["kommune-demo", "kreis-demo"]
    output = StringIO()
    call_command("ensure_admin", "--demo", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[-3] == "Demo-Zugänge (Benutzer / Passwort):"
    for line in lines[-2:]:
        username, _slash, password = line.split()[:3]
        assert client.login(username=username, password=password), line


@pytest.mark.django_db
def test_entries_are_live_and_cover_sizes_and_laender(demo):
    live = PraxisPage.objects.live().filter(austausch_id__in=demo_ids())
    kommunen = Kommune.objects.filter(praxisbeispiele__in=live).distinct()
    assert live.count() == len(demo_ids()) >= 40
    assert kommunen.count() >= 15
    klassen = set(kommunen.values_list("groessenklasse", flat=True))
    assert {"landgemeinde", "kleinstadt", "mittelstadt", "grossstadt", "landkreis"} <= klassen
    assert len(set(kommunen.values_list("bundesland", flat=True))) >= 4
    assert PraxisPage.objects.filter(partner__isnull=False).distinct().count() >= 3


@pytest.mark.django_db
def test_every_entry_has_an_image_with_alt_text(demo):
    for page in PraxisPage.objects.filter(austausch_id__in=demo_ids()).select_related("bild"):
        assert page.bild is not None, page.austausch_id
        assert len(page.bild.description) > 20
        assert page.bild.default_alt_text == page.bild.description
    image_blocks = [b for p in PraxisPage.objects.all() for b in p.body if b.block_type == "bild"]
    assert len(image_blocks) >= 3
    assert all(b.value.contextual_alt_text and not b.value.decorative for b in image_blocks)


@pytest.mark.django_db
def test_profiles_carry_the_structures(demo):
    ahrensburg = KommunePage.objects.get(kommune__ags="01062001")
    assert ahrensburg.live and ahrensburg.integrationsbeirat_seit == 2016
    assert ahrensburg.integrationsbeauftragte == "hauptamtlich"
    assert ahrensburg.netzwerke.count() == 1
    assert [k.name for k in ahrensburg.public_contacts] == ["Katrin Albers"]
    assert ahrensburg.kontaktpersonen.count() == 2
    partner_only = KommunePage.objects.get(kommune__ags="05762028")  # Nieheim: partner, no entry
    assert partner_only.live and partner_only.koordinierungsstelle
    assert LandkreisPage.objects.live().count() == 7


@pytest.mark.django_db
def test_home_and_settings_are_set(demo):
    home = HomePage.objects.get()
    assert home.einleitung == INTRODUCTION
    assert PlattformEinstellungen.for_site(home.get_site()).betreiber == OPERATOR
    assert home.get_children().live().filter(slug="impressum").exists()
    assert get_user_model().objects.filter(username__in=["kommune-demo", "kreis-demo"]).count() == 2
    assert "Demo-Zugang: kreis-demo" in demo["output"]


@pytest.mark.django_db
def test_menu_and_footer_pages_are_set(demo):
    home = HomePage.objects.get()
    menu = home.get_children().live().in_menu()
    assert [page.specific_class for page in menu] == [PraxisIndexPage, KommunenIndexPage]
    footer = PlattformEinstellungen.for_site(home.get_site()).footer_pages
    assert [page.slug for page in footer] == ["impressum", "datenschutz", "barrierefreiheit"]


@pytest.mark.django_db
def test_index_pages_are_put_into_the_menu_through_a_revision(home_page):
    Page.objects.filter(depth=3).update(show_in_menus=False)
    show_index_pages_in_menu(home_page)
    listing = PraxisIndexPage.objects.get()
    assert listing.show_in_menus and KommunenIndexPage.objects.get().show_in_menus
    assert listing.get_latest_revision_as_object().show_in_menus


@pytest.mark.django_db
def test_demo_pages_render(demo, client):
    home = HomePage.objects.get()
    pages = [
        home,
        *home.get_children().live(),
        LandkreisPage.objects.get(kommune__ags="01062"),
        KommunePage.objects.get(kommune__ags="01062082"),
        KommunePage.objects.get(kommune__ags="08111000"),
        PraxisPage.objects.get(austausch_id="trittau-gemeinsame-integrationsstelle"),
        PraxisPage.objects.get(austausch_id="bad-iburg-sport-fuer-alle"),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    trittau = pages[-2]
    html = client.get(trittau.url).content.decode()
    assert "Gemeinsame Integrationsstelle" in html
    assert f'alt="{trittau.bild.description}"' in html.replace("&quot;", '"')


@pytest.mark.django_db
def test_export_returns_the_demo_file(demo, tmp_path):
    """The demo file is canonical: importing and exporting it again loses nothing."""
    target = tmp_path / "export.jsonl"
    call_command("export_praxis", str(target), stdout=StringIO())

    def by_id(path):
        lines = path.read_text(encoding="utf-8").splitlines()
        return {e["id"]: e for e in map(json.loads, filter(None, lines))}

    assert by_id(target) == by_id(PRAXIS_FILE)


@pytest.mark.django_db
def test_every_kommune_of_the_register_is_known_with_its_figures(demo):
    assert (
        "  Gemeindeverzeichnis: 11.004 Gemeinden, 294 Landkreise: 11.298 neu"
        in (demo["first_output"])
    )
    assert "11.298 unverändert." in demo["second_output"]
    assert Kommune.objects.count() == 11_298
    zapfendorf = Kommune.objects.get(ags="09471214")
    assert (zapfendorf.einwohner, zapfendorf.groessenklasse) == (5_005, "kleinstadt")
    lindow = Kommune.objects.get(ags="12068280")
    assert lindow.einwohner == 3_003 and lindow.flaeche_km2 is not None
    assert lindow.verstaedterung is not None and lindow.breitengrad is not None
    ahrensburg = Kommune.objects.get(ags="01062001")  # a demo Kommune has its area too
    assert ahrensburg.flaeche_km2 is not None and ahrensburg.verstaedterung is not None
