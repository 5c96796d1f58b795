"""German everywhere: no English defaults of Wagtail in the admin, no group with rights nobody
decided on, and the German 404 page in development as well (kommunen migration 0003,
plattform.middleware.NotFoundPageMiddleware)."""

import importlib
import re

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

import pytest

from kommunen.factories import LandkreisFactory
from kommunen.models import KommunenIndexPage, LandkreisPage
from kommunen.permissions import PLATFORM_EDITORS, ensure_editorial_access
from plattform.settings import dev

migration = importlib.import_module("kommunen.migrations.0003_german_roles_and_roots")

pytestmark = pytest.mark.django_db

DEFAULT_NAMES = ("Editors", "Moderators", "Moderators approval", "Root")


def test_a_migrated_database_has_no_wagtail_defaults():
    assert not Group.objects.filter(name__in=DEFAULT_NAMES).exists()
    assert not Workflow.objects.filter(name__in=DEFAULT_NAMES).exists()
    assert not Task.objects.filter(name__in=DEFAULT_NAMES).exists()
    assert Page.get_first_root_node().title == "Alle Seiten"
    assert Collection.get_first_root_node().name == "Alle Medien"


def test_the_platform_creates_only_its_own_roles(home_page):
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisFactory(ags="01062", name="Kreis Stormarn")
    index.add_child(instance=LandkreisPage(title="Kreis Stormarn", kommune=kreis))
    ensure_editorial_access()
    names = set(Group.objects.values_list("name", flat=True))
    assert names == {PLATFORM_EDITORS, "Kreiskoordination Stormarn"}
    root_rights = GroupPagePermission.objects.filter(page=Page.get_first_root_node())
    assert not root_rights.exists()  # nobody has rights on the whole tree but administrators


def test_the_german_admin_names_no_root_and_no_default_groups(admin_client):
    Collection.get_first_root_node().add_child(name="Demo-Illustrationen")  # choosers appear
    for url, root_name in (
        (reverse("wagtailadmin_explore_root"), "Alle Seiten"),
        (reverse("wagtailimages:index"), "Alle Medien"),
        (reverse("wagtailadmin_collections:add"), "Alle Medien"),
        (reverse("wagtailusers_groups:add"), "Alle Medien"),
    ):
        html = admin_client.get(url).content.decode()
        assert root_name in html, url
        assert not re.search(r"\bRoot\b", html), url  # as a word: "canChooseRoot" is code
    groups = admin_client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert "Gruppen" in groups
    assert "Editors" not in groups and "Moderators" not in groups


def _wagtail_initial_data() -> Workflow:
    """What wagtailcore's initial data migrations leave in a database, as before migration 0003."""
    root = Page.get_first_root_node()
    Page.objects.filter(pk=root.pk).update(title="Root", draft_title="Root")
    Collection.objects.filter(depth=1).update(name="Root")
    for name, codenames in (
        ("Moderators", ("add_page", "change_page", "publish_page")),
        ("Editors", ("add_page", "change_page")),
    ):
        group = Group.objects.create(name=name)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.create(group=group, page=root, permission=permission)
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root)
    return workflow


def _migrate() -> None:
    migration.remove_wagtail_default_roles(apps, None)
    migration.rename_roots(apps, None)


def test_the_migration_removes_wagtail_defaults_from_an_existing_database(home_page):
    _wagtail_initial_data()
    _migrate()
    test_a_migrated_database_has_no_wagtail_defaults()
    assert not GroupPagePermission.objects.exists()
    assert home_page.get_workflow() is None


def test_the_migration_keeps_default_groups_someone_was_put_in(home_page, django_user_model):
    _wagtail_initial_data()
    django_user_model.objects.create_user("redakteurin").groups.set(Group.objects.all())
    _migrate()
    assert set(Group.objects.values_list("name", flat=True)) == {"Editors", "Moderators"}
    assert home_page.get_workflow().name == "Moderators approval"


def test_the_migration_keeps_a_default_workflow_pages_went_through(home_page, admin_user):
    home_page.save_revision(user=admin_user)
    _wagtail_initial_data().start(home_page, admin_user)
    _migrate()
    assert list(Group.objects.values_list("name", flat=True)) == ["Moderators"]
    assert home_page.get_workflow().name == "Moderators approval"


def test_the_migration_renames_kreis_coordinations_named_kreis_twice(home_page):
    LandkreisFactory(ags="01062", name="Kreis Stormarn")
    Group.objects.create(name="Kreiskoordination Kreis Stormarn")
    Workflow.objects.create(name="Freigabe durch die Kreiskoordination Kreis Stormarn")
    GroupApprovalTask.objects.create(name="Prüfung: Kreiskoordination Kreis Stormarn")
    migration.shorten_kreis_coordination_names(apps, None)
    assert Group.objects.get().name == "Kreiskoordination Stormarn"
    assert Workflow.objects.get().name == "Freigabe durch die Kreiskoordination Stormarn"
    assert Task.objects.get().name == "Prüfung: Kreiskoordination Stormarn"


@pytest.fixture
def dev_client():
    """A client of the development configuration: DEBUG on, with its middleware."""
    with override_settings(DEBUG=True, MIDDLEWARE=dev.MIDDLEWARE):
        yield Client()


@pytest.mark.parametrize(
    "path",
    [
        "/gibt-es-nicht/",  # a page Wagtail does not find (Http404 in its view)
        "/gibt-es-nicht.txt",  # an address no URL pattern matches
        "/kommunen/gibt-es-nicht/",
    ],
)
def test_development_shows_the_german_404_page(home_page, dev_client, path):
    response = dev_client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Seite nicht gefunden" in html and "Zur Startseite" in html
    assert "Page not found" not in html and "DEBUG = True" not in html


def test_development_keeps_the_api_error_as_json(home_page, dev_client):
    response = dev_client.get("/api/v1/kommunen/01999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
