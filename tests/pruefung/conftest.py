"""People of the review loop on the shared world (tests/world.py), and how they act in the admin.

Groups are found through their page permissions (kommunen.permissions), never by name, so the
tests do not depend on what the roles are called.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from kommunen.permissions import ensure_platform_editors
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage


def group_of(page: Page) -> Group:
    """The one group holding page permissions on exactly this page."""
    return Group.objects.filter(page_permissions__page=page).distinct().get()


def make_user(username: str, group: Group | None = None, **fields):
    fields.setdefault("email", f"{username}@example.org")
    user = get_user_model().objects.create_user(username, password="pw", **fields)
    if group is not None:
        user.groups.add(group)
    return user


@dataclass
class People:
    officer: object  # Ahrensburg (Gemeinde of Kreis Stormarn)
    coordinator: object  # Kreis Stormarn
    co_coordinator: object  # a second member of the Kreis coordination
    platform: object  # Plattform-Redaktion
    schwerin_officer: object  # kreisfreie Stadt


@pytest.fixture
def people(world) -> People:
    platform = ensure_platform_editors()
    coordination = group_of(world.kreis)
    return People(
        officer=make_user(
            "officer", group_of(world.ahrensburg), first_name="Olga", last_name="Amt"
        ),
        coordinator=make_user("koord", coordination, first_name="Karl", last_name="Kreis"),
        co_coordinator=make_user("koord2", coordination),
        platform=make_user("plattform", platform),
        schwerin_officer=make_user("schwerin", group_of(world.schwerin)),
    )


@pytest.fixture
def draft(world, people) -> PraxisPage:
    """An unpublished entry of Ahrensburg written by its officer, with an empty body."""
    entry = PraxisPageFactory(
        parent=world.ahrensburg,
        title="Lotsen",
        live=False,
        first_published_at=None,
        owner=people.officer,
    )
    entry.save_revision(user=people.officer)
    return entry


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def submit(client, user, page: Page, capture):
    """What the officer's "submit for review" in the page editor posts."""
    client.force_login(user)
    data = querydict_from_html(
        client.get(edit_url(page)).content.decode(), form_id="page-edit-form"
    )
    data.setdefault("body-count", "0")
    data["action-submit"] = "1"
    with capture(execute=True):
        response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def review(client, user, page: Page, action: str, capture, comment: str = ""):
    """A reviewer's action from the dashboard's queue (Wagtail's workflow action view)."""
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    client.force_login(user)
    client.cookies.pop("messages", None)  # the submitter's unread messages
    with capture(execute=True):
        return client.post(url, {"comment": comment, "next": reverse("wagtailadmin_home")})
