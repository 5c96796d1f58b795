"""Isolation: an officer of Kommune A (Ahrensburg) can neither see drafts of, edit, preview,
submit, publish nor read the participation requests of Kommune B (Bargteheide) — through the
admin's pages, their URLs, the admin's page API and chooser, and the public pages and API; a
coordinator of Kreis X (Stormarn) cannot act in Kreis Y (Herzogtum Lauenburg).

Each refusal comes with a control: the owner (or the right coordinator) gets through the same
URL, so a test cannot pass because the URL is wrong. The module runs on every database;
`test_everything_above_holds_on_postgresql` repeats the whole battery and insists on PostgreSQL
(in CI, where DATABASE_URL points to it, it fails on anything else).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from wagtail.models import Page, Revision, TaskState, WorkflowState

import pytest

from kommunen.models import KommunePage
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage
from tests.zugaenge.conftest import People, make_user, request_for
from tests.zugaenge.editor_form import editor_form_data
from zugaenge.models import Status, Teilnahmeanfrage

SECRET = "Geheimer Entwurf"
SECRET_CHANGE = "Noch nicht freigegebene Änderung"
ALLOWED_REFUSALS = {302, 403, 404, 405}


@dataclass
class Scene:
    people: People
    draft_b: PraxisPage  # an unpublished entry of B, in review
    draft_b_revision: Revision
    task_b: TaskState
    idle_draft_b: PraxisPage  # an unpublished entry of B, not submitted
    live_b: PraxisPage  # a live entry of B with a newer draft revision
    draft_a: PraxisPage  # A's own unpublished entry
    draft_y: PraxisPage  # an entry of Mölln (Kreis Y), in review
    task_y: TaskState
    request_b: Teilnahmeanfrage
    request_y: Teilnahmeanfrage


def _submitted(page: PraxisPage, user) -> TaskState:
    page.save_revision(user=user)
    return page.get_workflow().start(page, user).current_task_state


@pytest.fixture
def scene(world, people, django_capture_on_commit_callbacks) -> Scene:
    with django_capture_on_commit_callbacks(execute=True):  # search index updates included
        draft_b = PraxisPageFactory(parent=world.bargteheide, title=SECRET, live=False)
        task_b = _submitted(draft_b, people.officer_b)
        idle = PraxisPageFactory(parent=world.bargteheide, title=f"{SECRET} 2", live=False)
        idle.save_revision(user=people.officer_b)
        live_b = world.entries["sprachpaten"]
        live_b.title = SECRET_CHANGE
        live_b.save_revision(user=people.officer_b)
        draft_a = PraxisPageFactory(parent=world.ahrensburg, title="Lotsen Ahrensburg", live=False)
        draft_a.save_revision(user=people.officer_a)
        officer_y = make_user("moelln", "Integrationsbeauftragte Mölln")
        draft_y = PraxisPageFactory(parent=people.moelln, title=f"{SECRET} Mölln", live=False)
        task_y = _submitted(draft_y, officer_y)
    return Scene(
        people=people,
        draft_b=draft_b,
        draft_b_revision=draft_b.latest_revision,
        task_b=task_b,
        idle_draft_b=idle,
        live_b=PraxisPage.objects.get(pk=live_b.pk),
        draft_a=draft_a,
        draft_y=draft_y,
        task_y=task_y,
        request_b=request_for(world.bargteheide.kommune, name="Bernd Bargteheide"),
        request_y=request_for(people.unregistered_y, name="Yvonne Lauenburg"),
    )


def page_urls(scene: Scene) -> dict[str, str]:
    """Every admin view of B's draft entry (and of B's profile) that shows or changes it."""
    page, revision, task = scene.draft_b, scene.draft_b_revision, scene.task_b
    p = page.pk
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=(p,)),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=(p,)),
        "view_draft": reverse("wagtailadmin_pages:view_draft", args=(p,)),
        "history": reverse("wagtailadmin_pages:history", args=(p,)),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=(p, revision.pk)),
        "compare": reverse("wagtailadmin_pages:revisions_compare", args=(p, "earliest", "latest")),
        "workflow_history": reverse("wagtailadmin_pages:workflow_history", args=(p,)),
        "workflow_detail": reverse(
            "wagtailadmin_pages:workflow_history_detail", args=(p, task.workflow_state_id)
        ),
        "workflow_preview": reverse("wagtailadmin_pages:workflow_preview", args=(p, task.task_id)),
        "approve_form": reverse("wagtailadmin_pages:workflow_action", args=(p, "approve", task.pk)),
        "usage": reverse("wagtailadmin_pages:usage", args=(p,)),
        "copy": reverse("wagtailadmin_pages:copy", args=(p,)),
        "move": reverse("wagtailadmin_pages:move", args=(p,)),
        "delete": reverse("wagtailadmin_pages:delete", args=(p,)),
        "privacy": reverse("wagtailadmin_pages:set_privacy", args=(p,)),
        "add_to_profile": reverse("wagtailadmin_pages:add_subpage", args=(page.get_parent().pk,)),
        "explore_profile": reverse("wagtailadmin_explore", args=(page.get_parent().pk,)),
        "admin_api_page": f"/admin/api/main/pages/{p}/",
    }


SEARCH_URLS = {
    "admin_search": reverse("wagtailadmin_pages:search") + "?q=Geheimer",
    "admin_search_results": reverse("wagtailadmin_pages:search_results") + "?q=Geheimer",
    "explorer_root": reverse("wagtailadmin_explore_root"),
    "chooser_search": reverse("wagtailadmin_choose_page_search") + "?q=Geheimer",
    "admin_api_search": "/admin/api/main/pages/?search=Geheimer",
}


# Views the owner cannot use either: reviewing, moving, deleting a page in review, privacy.
OWNER_CANNOT = {
    "preview",
    "workflow_preview",
    "approve_form",
    "copy",
    "move",
    "delete",
    "privacy",
    "add_to_profile",
}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assert_refused(response, *secrets: str) -> None:
    body = response.content.decode(errors="replace")
    assert response.status_code in ALLOWED_REFUSALS, (response.status_code, response)
    for secret in secrets:
        assert secret not in body


def assert_nothing_shown(response, *secrets: str) -> None:
    """A listing or search that answers, but without the other Kommune's pages."""
    body = response.content.decode(errors="replace")
    assert response.status_code in {200, *ALLOWED_REFUSALS}, response
    for secret in secrets:
        assert secret not in body


def chooser_url(page: Page) -> str:
    return reverse("wagtailadmin_choose_page_child", args=(page.pk,))


# --- officer of A against Kommune B ----------------------------------------------------------


@pytest.mark.parametrize(
    "view",
    [
        "edit",
        "preview",
        "view_draft",
        "history",
        "revision",
        "compare",
        "workflow_history",
        "workflow_detail",
        "workflow_preview",
        "approve_form",
        "usage",
        "copy",
        "move",
        "delete",
        "privacy",
        "add_to_profile",
        "explore_profile",
        "admin_api_page",
    ],
)
def test_the_officer_of_a_cannot_open_b_entry_in_the_admin(scene, view):
    url = page_urls(scene)[view]
    assert_refused(logged_in(scene.people.officer_a).get(url), SECRET)
    # the control, where the owner may use the view (preview needs the form posted first)
    if view not in OWNER_CANNOT:
        owner = logged_in(scene.people.officer_b).get(url)
        assert owner.status_code == 200 and SECRET in owner.content.decode(), view


@pytest.mark.parametrize("view", sorted(SEARCH_URLS))
def test_the_officer_of_a_finds_no_draft_of_b_in_listings_and_searches(scene, view):
    assert_nothing_shown(logged_in(scene.people.officer_a).get(SEARCH_URLS[view]), SECRET)
    if view != "explorer_root":
        owner = logged_in(scene.people.officer_b).get(SEARCH_URLS[view], follow=True)
        assert SECRET in owner.content.decode(), view  # the control


def test_the_page_chooser_lists_b_profile_without_its_drafts(scene):
    profile = scene.draft_b.get_parent()
    html = logged_in(scene.people.officer_a).get(chooser_url(profile)).json()["html"]
    assert "Wohnungsbörse" in html  # B's live entries may be linked
    assert SECRET not in html
    assert SECRET in logged_in(scene.people.officer_b).get(chooser_url(profile)).json()["html"]


def test_the_officer_of_a_cannot_save_submit_or_publish_b_entry(scene):
    client = logged_in(scene.people.officer_a)
    page = scene.idle_draft_b
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    for action in ("action-publish", "action-submit", "action-save"):
        data = {"title": "Übernommen", "kurzbeschreibung": "x", "handlungsfelder": "1", action: "1"}
        assert_refused(client.post(url, data))
    page.refresh_from_db()
    assert (page.title, page.live) == (f"{SECRET} 2", False)
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def test_the_officer_of_a_cannot_approve_reject_or_revert_b_entry(scene):
    client = logged_in(scene.people.officer_a)
    page, task = scene.draft_b, scene.task_b
    for action in ("approve", "reject"):
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task.pk))
        assert_refused(client.post(url, {"comment": "ok"}))
    revert = reverse(
        "wagtailadmin_pages:revisions_revert", args=(page.pk, scene.draft_b_revision.pk)
    )
    assert_refused(client.get(revert), SECRET)
    task.refresh_from_db()
    assert task.status == TaskState.STATUS_IN_PROGRESS
    assert not PraxisPage.objects.get(pk=page.pk).live


def test_the_officer_of_a_cannot_withdraw_delete_lock_or_add_below_b(scene):
    client = logged_in(scene.people.officer_a)
    live, profile = scene.live_b, scene.live_b.get_parent()
    pages_before = Page.objects.count()
    assert_refused(client.post(reverse("wagtailadmin_pages:unpublish", args=(live.pk,))))
    assert_refused(client.post(reverse("wagtailadmin_pages:delete", args=(live.pk,))))
    assert_refused(client.post(reverse("wagtailadmin_pages:lock", args=(live.pk,))))
    add_url = reverse("wagtailadmin_pages:add", args=("praxis", "praxispage", profile.pk))
    assert_refused(client.post(add_url, {"title": "Untergeschoben", "action-publish": "1"}))
    live.refresh_from_db()
    assert live.live and not live.locked
    assert Page.objects.count() == pages_before


def test_the_officer_of_a_submits_but_cannot_publish_an_own_entry(scene):
    client = logged_in(scene.people.officer_a)
    page = scene.draft_a
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(url, {**editor_form_data(client, page.pk), "action-publish": "1"})
    assert response.status_code == 302  # saved as a draft: the publish button is not theirs
    page.refresh_from_db()
    assert not page.live
    response = client.post(url, {**editor_form_data(client, page.pk), "action-submit": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Freigabe durch die Kreiskoordination Stormarn"


def test_the_public_sees_neither_b_drafts_nor_pending_changes(scene):
    public = Client()
    assert public.get(scene.draft_b.url).status_code == 404
    assert public.get(f"/api/v1/praxis/{scene.draft_b.austausch_id}/").status_code == 404
    assert SECRET_CHANGE not in public.get(scene.live_b.url).content.decode()
    detail = public.get(f"/api/v1/praxis/{scene.live_b.austausch_id}/").json()
    assert detail["titel"] == "Sprachpaten"
    assert public.get("/api/v1/praxis/?q=Geheimer").json()["anzahl"] == 0
    for officer in (scene.people.officer_a, scene.people.coordinator_y):
        assert logged_in(officer).get(scene.draft_b.url).status_code == 404  # no preview


def test_the_officer_of_a_cannot_read_or_decide_requests(scene):
    client = logged_in(scene.people.officer_a)
    inspect = reverse("teilnahmeanfragen:inspect", args=(scene.request_b.pk,))
    assert_refused(client.get(reverse("teilnahmeanfragen:index")), "Bernd Bargteheide")
    assert_refused(client.get(inspect), "Bernd Bargteheide")
    assert_refused(client.post(inspect, {"aktion": "annehmen"}))
    scene.request_b.refresh_from_db()
    assert scene.request_b.status == Status.OFFEN


# --- coordinator of Kreis X against Kreis Y --------------------------------------------------


def test_the_coordinator_of_x_cannot_open_edit_or_publish_in_y(scene):
    client = logged_in(scene.people.coordinator_x)
    page, task = scene.draft_y, scene.task_y
    for name in ("edit", "preview_on_edit", "view_draft", "history"):
        url = reverse(f"wagtailadmin_pages:{name}", args=(page.pk,))
        assert_refused(client.get(url), SECRET)
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert_refused(client.post(edit, {"title": "x", "action-publish": "1"}))
    approve = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task.pk))
    assert_refused(client.post(approve, {"comment": "passt"}))
    task.refresh_from_db()
    assert task.status == TaskState.STATUS_IN_PROGRESS
    assert not PraxisPage.objects.get(pk=page.pk).live
    assert_nothing_shown(client.get(SEARCH_URLS["admin_search"]), f"{SECRET} Mölln")


def test_the_right_coordinators_approve_in_their_own_kreis(scene):
    """The control: the same workflow action works for the Kreis's own coordination."""
    for coordinator, page, task in (
        (scene.people.coordinator_y, scene.draft_y, scene.task_y),
        (scene.people.coordinator_x, scene.draft_b, scene.task_b),
    ):
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task.pk))
        logged_in(coordinator).post(url, {"comment": "passt"})
        assert PraxisPage.objects.get(pk=page.pk).live


def test_the_coordinator_of_x_cannot_invite_for_a_gemeinde_of_y(scene):
    client = logged_in(scene.people.coordinator_x)
    for kommune in ("Alt Mölln", "Mölln (01053090)"):
        data = {"kommune": kommune, "email": "fremd@lauenburg.example", "rolle": "beauftragte"}
        response = client.post(reverse("zugaenge_einladen"), data)
        assert "gehört nicht zu Ihrem Kreis" in response.content.decode()
    assert not get_user_model().objects.filter(email="fremd@lauenburg.example").exists()
    assert not KommunePage.objects.filter(kommune=scene.people.unregistered_y).exists()


def test_the_coordinator_of_x_neither_sees_nor_decides_the_requests_of_y(scene):
    client = logged_in(scene.people.coordinator_x)
    inspect = reverse("teilnahmeanfragen:inspect", args=(scene.request_y.pk,))
    queue = client.get(reverse("teilnahmeanfragen:index")).content.decode()
    assert "Yvonne Lauenburg" not in queue and "Bernd Bargteheide" in queue
    assert client.get(inspect).status_code == 404
    assert client.post(inspect, {"aktion": "annehmen"}).status_code == 404
    data = {"aktion": "ablehnen", "ablehnen-grund": "Nein."}
    assert client.post(inspect, data).status_code == 404
    scene.request_y.refresh_from_db()
    assert scene.request_y.status == Status.OFFEN
    assert logged_in(scene.people.coordinator_y).get(inspect).status_code == 200  # the control


# --- the same on PostgreSQL --------------------------------------------------------------------


def test_everything_above_holds_on_postgresql(require_postgres, scene):
    for view in page_urls(scene):
        test_the_officer_of_a_cannot_open_b_entry_in_the_admin(scene, view)
    for view in SEARCH_URLS:
        test_the_officer_of_a_finds_no_draft_of_b_in_listings_and_searches(scene, view)
    test_the_page_chooser_lists_b_profile_without_its_drafts(scene)
    test_the_officer_of_a_cannot_save_submit_or_publish_b_entry(scene)
    test_the_officer_of_a_cannot_approve_reject_or_revert_b_entry(scene)
    test_the_officer_of_a_cannot_withdraw_delete_lock_or_add_below_b(scene)
    test_the_public_sees_neither_b_drafts_nor_pending_changes(scene)
    test_the_officer_of_a_cannot_read_or_decide_requests(scene)
    test_the_coordinator_of_x_cannot_open_edit_or_publish_in_y(scene)
    test_the_coordinator_of_x_cannot_invite_for_a_gemeinde_of_y(scene)
    test_the_coordinator_of_x_neither_sees_nor_decides_the_requests_of_y(scene)
    test_the_officer_of_a_submits_but_cannot_publish_an_own_entry(scene)
    test_the_right_coordinators_approve_in_their_own_kreis(scene)
