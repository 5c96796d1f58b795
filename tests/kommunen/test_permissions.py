"""Access control is Wagtail's own: page permissions on subtrees and the Kreis review workflow."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest
from django_tasks_db.models import DBTaskResult

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.models import KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from kommunen.permissions import ensure_editorial_access
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisFactory(ags="01062", name="Stormarn")
    landkreis = index.add_child(instance=LandkreisPage(title="Kreis Stormarn", kommune=kreis))
    ahrensburg = landkreis.add_child(
        instance=KommunePage(
            title="Ahrensburg",
            kommune=KommuneFactory(ags="01062001", name="Ahrensburg", kreis=kreis),
        )
    )
    barsbuettel = landkreis.add_child(
        instance=KommunePage(
            title="Barsbüttel",
            kommune=KommuneFactory(ags="01062004", name="Barsbüttel", kreis=kreis),
        )
    )
    kiel = index.add_child(
        instance=KommunePage(
            title="Kiel",
            kommune=KommuneFactory(ags="01002000", name="Kiel", typ=KommuneTyp.KREISFREIE_STADT),
        )
    )
    return {
        "index": index,
        "landkreis": landkreis,
        "ahrensburg": ahrensburg,
        "barsbuettel": barsbuettel,
        "kiel": kiel,
    }


def _user(name, *groups, **fields):
    user = get_user_model().objects.create_user(name, password="pw", **fields)
    user.groups.set(groups)
    return user


def test_new_profiles_get_their_groups_and_the_kreis_its_workflow(tree):
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Kreiskoordination Stormarn",
        "Integrationsbeauftragte Ahrensburg",
        "Integrationsbeauftragte Kiel",
    } <= names
    assert tree["ahrensburg"].get_workflow().name == "Freigabe durch die Kreiskoordination Stormarn"


def test_officer_edits_own_subtree_but_cannot_publish(tree):
    officer = _user("officer", Group.objects.get(name="Integrationsbeauftragte Ahrensburg"))
    own = tree["ahrensburg"].permissions_for_user(officer)
    assert own.can_edit() and own.can_add_subpage()
    assert not own.can_publish()
    assert not tree["barsbuettel"].permissions_for_user(officer).can_edit()
    assert not tree["landkreis"].permissions_for_user(officer).can_edit()


def test_coordinator_publishes_below_the_kreis_only(tree):
    coordinator = _user("koord", Group.objects.get(name="Kreiskoordination Stormarn"))
    entry = tree["barsbuettel"].add_child(
        instance=PraxisPage(
            title="Sprachcafé", kurzbeschreibung="Deutsch üben bei Kaffee.", live=False
        )
    )
    assert entry.permissions_for_user(coordinator).can_publish()
    assert not tree["kiel"].permissions_for_user(coordinator).can_edit()


def test_submitted_entry_goes_to_kreis_review_and_coordinator_approves(tree):
    officer = _user("officer", Group.objects.get(name="Integrationsbeauftragte Ahrensburg"))
    coordinator = _user("koord", Group.objects.get(name="Kreiskoordination Stormarn"))
    entry = tree["ahrensburg"].add_child(
        instance=PraxisPage(title="Lotsen", kurzbeschreibung="Begleitung.", live=False)
    )
    entry.save_revision(user=officer)
    workflow_state = entry.get_workflow().start(entry, officer)
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(entry, coordinator)
    actions = [a[0] for a in task_state.task.specific.get_actions(entry, coordinator)]
    assert "approve" in actions
    assert task_state.task.specific.get_actions(entry, officer) == []

    task_state.task.specific.on_action(task_state, coordinator, "approve")
    entry.refresh_from_db()
    assert entry.live


def test_kreisfreie_stadt_is_reviewed_by_the_platform_editors(tree):
    ensure_editorial_access()
    assert tree["kiel"].get_workflow().name == "Freigabe durch die Plattform-Redaktion"


def test_ensure_editorial_access_is_idempotent_and_creates_demo_logins(tree):
    first = ensure_editorial_access(demo=True)
    group_count = Group.objects.count()
    second = ensure_editorial_access(demo=True)
    assert Group.objects.count() == group_count
    assert [login.split(" / ")[0] for login in first] == ["kommune-demo", "kreis-demo"]
    assert first != second  # fresh passwords every run
    officer = get_user_model().objects.get(username="kommune-demo")
    assert officer.check_password(second[0].split(" / ")[1].split()[0])


# --- officers withdraw (unpublish) their entries; the reviewers are told --------------------


@pytest.fixture
def people(tree):
    ensure_editorial_access()
    return {
        "officer": _user(
            "officer",
            Group.objects.get(name="Integrationsbeauftragte Ahrensburg"),
            email="o@ahrensburg.example",
        ),
        "coordinator": _user(
            "koord",
            Group.objects.get(name="Kreiskoordination Stormarn"),
            email="k@stormarn.example",
        ),
        "former_coordinator": _user(
            "alt",
            Group.objects.get(name="Kreiskoordination Stormarn"),
            email="alt@stormarn.example",
            is_active=False,
        ),
        "platform": _user(
            "plattform", Group.objects.get(name="Plattform-Redaktion"), email="p@plattform.example"
        ),
        "kiel_officer": _user(
            "kiel", Group.objects.get(name="Integrationsbeauftragte Kiel"), email="k@kiel.example"
        ),
    }


def _entry(profile, title="Sprachcafé am Hafen"):
    return PraxisPageFactory(parent=profile, title=title)


def _unpublish(client, user, entry, capture):
    client.force_login(user)
    with capture(execute=True):
        return client.post(reverse("wagtailadmin_pages:unpublish", args=(entry.pk,)))


def test_officer_withdraws_own_entry_and_the_kreis_coordination_is_mailed(
    client, tree, people, django_capture_on_commit_callbacks
):
    entry = _entry(tree["ahrensburg"])
    client.force_login(people["officer"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(entry.pk,))).content.decode()
    assert reverse("wagtailadmin_pages:unpublish", args=(entry.pk,)) in editor
    response = _unpublish(client, people["officer"], entry, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert not PraxisPage.objects.get(pk=entry.pk).live
    (message,) = mail.outbox
    assert message.to == ["k@stormarn.example"]
    assert message.subject == "Praxisbeispiel zurückgezogen: Sprachcafé am Hafen"
    assert "„Sprachcafé am Hafen“ der Kommune Ahrensburg zurückgezogen" in message.body
    assert f"http://localhost:8000/admin/pages/{entry.pk}/edit/" in message.body


def test_officer_may_neither_publish_nor_delete(client, tree, people):
    officer = people["officer"]
    entry = _entry(tree["ahrensburg"])
    perms = entry.permissions_for_user(officer)
    assert perms.can_unpublish() and perms.can_edit()
    assert not perms.can_publish() and not perms.can_delete()
    entry.unpublish()
    entry.refresh_from_db()
    assert not entry.permissions_for_user(officer).can_delete()  # withdrawn, not deleted
    client.force_login(officer)
    client.post(reverse("wagtailadmin_pages:delete", args=(entry.pk,)))
    assert PraxisPage.objects.filter(pk=entry.pk).exists()


def test_officer_cannot_withdraw_the_entry_of_another_kommune(
    client, tree, people, django_capture_on_commit_callbacks
):
    entry = _entry(tree["barsbuettel"])
    assert not entry.permissions_for_user(people["officer"]).can_unpublish()
    _unpublish(client, people["officer"], entry, django_capture_on_commit_callbacks)
    assert PraxisPage.objects.get(pk=entry.pk).live
    assert mail.outbox == []


def test_officers_of_a_kreisfreie_stadt_publish_and_withdraw_on_their_own(
    client, tree, people, django_capture_on_commit_callbacks
):
    entry = _entry(tree["kiel"], "Lotsen in Kiel")
    assert entry.permissions_for_user(people["kiel_officer"]).can_publish()
    _unpublish(client, people["kiel_officer"], entry, django_capture_on_commit_callbacks)
    assert not PraxisPage.objects.get(pk=entry.pk).live
    assert mail.outbox == []  # nobody else reviews a kreisfreie Stadt's own publishing


def test_coordinators_unpublishing_needs_no_mail(
    client, tree, people, django_capture_on_commit_callbacks
):
    entry = _entry(tree["ahrensburg"])
    _unpublish(client, people["coordinator"], entry, django_capture_on_commit_callbacks)
    assert not PraxisPage.objects.get(pk=entry.pk).live
    assert mail.outbox == []


def test_the_mail_is_a_task_queued_for_the_worker(
    client, tree, people, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    entry = _entry(tree["ahrensburg"])
    _unpublish(client, people["officer"], entry, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    queued = DBTaskResult.objects.get(task_path="plattform.mail.send_email")
    subject, _body, to = queued.args_kwargs["args"][:3]
    assert (subject, to) == (
        "Praxisbeispiel zurückgezogen: Sprachcafé am Hafen",
        [people["coordinator"].email],
    )
