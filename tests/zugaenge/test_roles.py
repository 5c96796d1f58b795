"""The roles are exactly Integrationsbeauftragte <Kommune>, Kreiskoordination <Kreis>,
Plattform-Redaktion and the superusers: Wagtail groups with page permissions on subtrees."""

import importlib
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

import pytest

from kommunen.factories import KommuneFactory, KommunePageFactory, LandkreisPageFactory
from kommunen.models import KommunenIndexPage
from kommunen.permissions import ensure_editorial_access
from zugaenge.invitations import grant_access

migration = importlib.import_module("kommunen.migrations.0004_integrationsbeauftragte")

pytestmark = pytest.mark.django_db

ROLE_NAME = re.compile(r"^(Integrationsbeauftragte .+|Kreiskoordination .+|Plattform-Redaktion)$")


def test_a_migrated_database_has_no_groups_but_the_platform_roles():
    names = list(Group.objects.values_list("name", flat=True))  # Wagtail's defaults are gone
    assert [name for name in names if not ROLE_NAME.match(name)] == []
    assert "Editors" not in names and "Moderators" not in names


def test_every_group_the_platform_makes_is_one_of_its_roles(world):
    ensure_editorial_access(demo=True)
    grant_access(
        KommuneFactory(ags="01062009", kreis=world.kreis.kommune), "a@b.example", "beauftragte"
    )
    names = list(Group.objects.values_list("name", flat=True))
    assert len(names) >= 5
    assert [name for name in names if not ROLE_NAME.match(name)] == []


def test_officers_of_a_kreisangehoerige_gemeinde_submit_and_those_of_a_kreisfreie_stadt_publish(
    world,
):
    ensure_editorial_access()
    gemeinde = Group.objects.get(name="Integrationsbeauftragte Ahrensburg")
    stadt = Group.objects.get(name="Integrationsbeauftragte Schwerin")
    rights = {
        group.name: set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "permission__codename", flat=True
            )
        )
        for group in (gemeinde, stadt)
    }
    assert rights[gemeinde.name] == {"add_page", "change_page"}
    assert {"add_page", "change_page", "publish_page"} <= rights[stadt.name]


def test_two_kommunen_of_the_same_name_never_share_a_group(home_page):
    index = KommunenIndexPage.objects.get()
    profiles = []
    for kreis_ags, gemeinde_ags in (("07131", "07131077"), ("07132", "07132088")):
        kreis = LandkreisPageFactory(parent=index, kommune__ags=kreis_ags, kommune__bundesland="RP")
        kommune = KommuneFactory(ags=gemeinde_ags, name="Neustadt", kreis=kreis.kommune)
        profiles.append(KommunePageFactory(parent=kreis, kommune=kommune))
    ensure_editorial_access()  # run twice: the names stay put
    ensure_editorial_access()
    first, second = (
        Group.objects.filter(page_permissions__page=profile, name__startswith="Integrations")
        .distinct()
        .get()
        for profile in profiles
    )
    assert (first.name, second.name) == (
        "Integrationsbeauftragte Neustadt",
        "Integrationsbeauftragte Neustadt (07132088)",
    )
    user = get_user_model().objects.create_user("lotse")
    user.groups.add(first)
    assert not profiles[1].permissions_for_user(user).can_edit()


def test_the_demo_logins_have_addresses_and_the_role_names(world):
    logins = ensure_editorial_access(demo=True)
    assert [line.split()[0] for line in logins] == ["kommune-demo", "kreis-demo"]
    assert "(Integrationsbeauftragte Ahrensburg, kommune-demo@example.org)" in logins[0]
    assert "(Kreiskoordination Stormarn, kreis-demo@example.org)" in logins[1]
    users = get_user_model().objects.filter(username__in=["kommune-demo", "kreis-demo"])
    assert sorted(users.values_list("email", flat=True)) == [
        "kommune-demo@example.org",
        "kreis-demo@example.org",
    ]


# --- migration 0004: "Redaktion <Kommune>" becomes "Integrationsbeauftragte <Kommune>" -------


def _old_officer_group(profile, name: str) -> Group:
    group = Group.objects.create(name=name)
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=profile,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def test_the_migration_renames_the_officer_groups_and_lets_kreisfreie_staedte_publish(world):
    Group.objects.filter(name__startswith="Integrationsbeauftragte ").delete()
    ahrensburg = _old_officer_group(world.ahrensburg, "Redaktion Ahrensburg")
    schwerin = _old_officer_group(world.schwerin, "Redaktion Schwerin")
    unrelated = Group.objects.create(name="Redaktion Newsletter")  # no rights on a profile

    migration.rename_officer_groups(apps, None)
    migration.let_kreisfreie_staedte_publish(apps, None)

    names = {group.pk: group.name for group in Group.objects.all()}
    assert names[ahrensburg.pk] == "Integrationsbeauftragte Ahrensburg"
    assert names[schwerin.pk] == "Integrationsbeauftragte Schwerin"
    assert names[unrelated.pk] == "Redaktion Newsletter"
    user = get_user_model().objects.create_user("lotse")
    user.groups.set([schwerin, ahrensburg])
    assert world.schwerin.permissions_for_user(user).can_publish()
    assert not world.ahrensburg.permissions_for_user(user).can_publish()


def test_the_migration_can_be_reversed(world):
    Group.objects.filter(name__startswith="Integrationsbeauftragte ").delete()
    group = _old_officer_group(world.ahrensburg, "Integrationsbeauftragte Ahrensburg")
    migration.restore_officer_group_names(apps, None)
    group.refresh_from_db()
    assert group.name == "Redaktion Ahrensburg"
