"""Fresh entries: the Stand line, the "noch aktuell" link, the reminders of
`erinnerungen_senden`, and stale entries marked and ranked lower on both search backends."""

import re
import time
from datetime import date, datetime, timedelta
from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from kommunen.permissions import ensure_editorial_access, reviewer_groups
from praxis.erinnerungen import due_entries, send_reminders
from praxis.factories import PraxisPageFactory
from praxis.models import PraxisIndexPage, PraxisPage, StandErinnerung
from praxis.stand import (
    CONFIRM_LOG_ACTION,
    effective_stand,
    is_stale,
    months_before,
    record_in_revisions,
)
from praxis.stand_links import SALT, confirm_token, confirm_url
from search.backends.database import DatabaseBackend
from search.backends.engine import EngineBackend
from search.query import SearchQuery
from search.ranking import STALE_FACTOR
from tests.search.conftest import engine  # noqa: F401  (the engine fixture, used by name)
from tests.search.engine_support import rebuild_index, refresh_index
from tests.world import World

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
GERMAN_MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()  # noqa: SIM905
)


def set_dates(page: PraxisPage, stand: date | None, published: datetime | None = None) -> None:
    """Give an entry a Stand and (optionally) a publication time, as the database holds them."""
    fields: dict = {"stand": stand}
    if published:
        fields |= {"last_published_at": published, "first_published_at": published}
    PraxisPage.objects.filter(pk=page.pk).update(**fields)


def aware(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def stale_day() -> date:
    return months_before(TODAY(), 24) - timedelta(days=1)


def editor_group(profile) -> Group:
    """The group that may edit below a profile, found by its page permission, not its name."""
    return Group.objects.get(
        page_permissions__page=profile, page_permissions__permission__codename="change_page"
    )


def make_user(name: str, *groups: Group, email: str | None = None, **fields):
    user = get_user_model().objects.create_user(
        name, email=f"{name}@example.org" if email is None else email, password="pw", **fields
    )
    user.groups.set(groups)
    return user


# The date rules


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(date(2026, 3, 15), 12) == date(2025, 3, 15)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2026, 1, 10), 24) == date(2024, 1, 10)


def test_the_stand_is_the_confirmation_else_the_last_then_the_first_publication():
    published = aware(date(2025, 5, 2))
    assert effective_stand(date(2026, 1, 1), published, published) == date(2026, 1, 1)
    assert effective_stand(None, published, None) == date(2025, 5, 2)
    assert effective_stand(None, None, published) == date(2025, 5, 2)
    assert effective_stand(None, None, None) is None


def test_an_entry_is_stale_from_24_months_on():
    today = date(2026, 3, 15)
    assert is_stale(date(2024, 3, 15), today)
    assert not is_stale(date(2024, 3, 16), today)
    assert not is_stale(None, today)


# The Stand on the page


def test_the_entry_shows_its_stand_in_german(client, world: World):
    set_dates(world.entry, date(2026, 3, 4))
    response = client.get(world.entry.url)
    assertContains(response, 'Stand: <time datetime="2026-03">März 2026</time>', html=False)
    assertNotContains(response, "möglicherweise veraltet")


def test_without_a_confirmation_the_last_publication_is_the_stand(client, world: World):
    set_dates(world.entry, None, published=aware(date(2025, 10, 20)))
    assertContains(client.get(world.entry.url), "Oktober 2025")


def test_publishing_confirms_the_stand_in_the_page_and_its_revision(world: World):
    entry = world.entries["sprachpaten"]
    set_dates(entry, date(2020, 1, 1))
    entry.refresh_from_db()
    revision = entry.save_revision()
    revision.publish()
    entry.refresh_from_db()
    assert entry.stand == TODAY()
    revision.refresh_from_db()
    assert revision.content["stand"] == TODAY().isoformat()
    assert entry.get_latest_revision_as_object().stand == TODAY()


def test_a_stale_entry_is_marked_on_its_page(client, world: World):
    set_dates(world.entry, stale_day())
    response = client.get(world.entry.url)
    assertContains(response, "möglicherweise veraltet")
    assertContains(response, "seit mehr als zwei Jahren nicht als aktuell bestätigt")


def test_stale_entries_are_marked_on_search_and_listing_cards(client, world: World):
    stale, fresh = world.entries["sprachpaten"], world.entries["sprachkurs"]
    set_dates(stale, stale_day())
    set_dates(fresh, TODAY())
    listing = PraxisIndexPage.objects.get().url
    for url in ("/suche/?handlungsfeld=sprache", f"{listing}?handlungsfeld=sprache"):
        html = client.get(url).content.decode()
        cards = re.findall(r"<article class=\"karte.*?</article>", html, re.S)
        stale_cards = [card for card in cards if stale.title in card]
        fresh_cards = [card for card in cards if fresh.title in card]
        assert stale_cards and fresh_cards, url
        assert "möglicherweise veraltet" in stale_cards[0], url
        assert "möglicherweise veraltet" not in fresh_cards[0], url


def test_the_api_says_which_hits_are_stale(client, world: World):
    stale, fresh = world.entries["sprachpaten"], world.entries["sprachkurs"]
    set_dates(stale, stale_day())
    set_dates(fresh, TODAY())
    data = client.get("/api/v1/praxis/", {"handlungsfeld": "sprache"}).json()
    flags = {hit["id"]: hit["veraltet"] for hit in data["treffer"]}
    assert flags[PraxisPage.objects.get(pk=stale.pk).austausch_id] is True
    assert flags[PraxisPage.objects.get(pk=fresh.pk).austausch_id] is False


# Ranking


@pytest.fixture
def twins(world: World) -> tuple[PraxisPage, PraxisPage]:
    """Two entries alike in everything but their Stand: the first fresh, the second stale."""
    kwargs = {"kurzbeschreibung": "Lernpaten begleiten Kinder.", "handlungsfelder": ["bildung"]}
    fresh = PraxisPageFactory(parent=world.bargteheide, title="Lernpaten Nord", **kwargs)
    stale = PraxisPageFactory(parent=world.bargteheide, title="Lernpaten Süd", **kwargs)
    set_dates(fresh, TODAY())
    set_dates(stale, stale_day())
    return fresh, stale


def scores(result) -> dict[int, float]:
    return {hit.page_id: hit.score for hit in result.treffer}


def test_the_database_backend_ranks_stale_entries_at_half_score(twins):
    fresh, stale = twins
    result = DatabaseBackend().search(SearchQuery(handlungsfeld=("bildung",)))
    assert [hit.page_id for hit in result.treffer] == [fresh.pk, stale.pk]
    assert scores(result)[stale.pk] == pytest.approx(STALE_FACTOR * scores(result)[fresh.pk])


def test_the_engine_ranks_stale_entries_at_half_score_like_the_database(engine, twins):  # noqa: F811
    fresh, stale = twins
    rebuild_index()
    for query in (SearchQuery(handlungsfeld=("bildung",)), SearchQuery(q="Lernpaten")):
        result = EngineBackend().search(query)
        ranked = [hit.page_id for hit in result.treffer if hit.page_id in (fresh.pk, stale.pk)]
        assert ranked == [fresh.pk, stale.pk], query
        assert scores(result)[stale.pk] == pytest.approx(
            STALE_FACTOR * scores(result)[fresh.pk], rel=1e-6
        )
    assert scores(EngineBackend().search(SearchQuery(handlungsfeld=("bildung",)))) == (
        pytest.approx(scores(DatabaseBackend().search(SearchQuery(handlungsfeld=("bildung",)))))
    )


def test_confirming_lifts_the_entry_in_the_engine_at_once(
    engine,  # noqa: F811
    twins,
    client,
    django_capture_on_commit_callbacks,
):
    fresh, stale = twins
    rebuild_index()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/noch-aktuell/{confirm_token(stale.pk, None)}/")
    refresh_index()
    result = EngineBackend().search(SearchQuery(handlungsfeld=("bildung",)))
    assert scores(result)[stale.pk] == pytest.approx(scores(result)[fresh.pk])


# The "noch aktuell" link


def test_the_link_shows_a_button_and_changes_nothing_on_get(world: World):
    entry = world.entries["wohnungsboerse"]
    set_dates(entry, date(2024, 1, 5))
    response = Client().get(f"/noch-aktuell/{confirm_token(entry.pk, None)}/")
    assertContains(response, "Ist dieses Praxisbeispiel noch aktuell?")
    assertContains(response, '<button type="submit">Ja, noch aktuell</button>', html=True)
    assertContains(response, "Januar 2024")
    assert response["X-Robots-Tag"] == "noindex"
    assert PraxisPage.objects.get(pk=entry.pk).stand == date(2024, 1, 5)


def test_posting_confirms_without_login_csrf_cookie_or_new_revision(world: World):
    entry = world.entries["wohnungsboerse"]
    entry.save_revision().publish()
    set_dates(entry, date(2024, 1, 5))
    entry.refresh_from_db()
    record_in_revisions([entry.latest_revision_id], date(2024, 1, 5))
    revisions = Revision.page_revisions.filter(object_id=str(entry.pk)).count()
    officer = make_user("offizier", editor_group(world.bargteheide))
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/noch-aktuell/{confirm_token(entry.pk, officer.pk)}/")
    assertContains(response, "ist als aktuell bestätigt.")
    assert "csrftoken" not in response.cookies and "sessionid" not in response.cookies
    entry = PraxisPage.objects.get(pk=entry.pk)
    assert entry.stand == TODAY()
    assert Revision.page_revisions.filter(object_id=str(entry.pk)).count() == revisions
    assert entry.get_latest_revision_as_object().stand == TODAY()
    log = PageLogEntry.objects.get(page=entry, action=CONFIRM_LOG_ACTION)
    assert log.user == officer


def test_confirming_twice_is_harmless(world: World):
    entry = world.entries["wohnungsboerse"]
    url = f"/noch-aktuell/{confirm_token(entry.pk, None)}/"
    assert Client().post(url).status_code == 200
    assert Client().post(url).status_code == 200
    assert PraxisPage.objects.get(pk=entry.pk).stand == TODAY()


def test_an_expired_link_says_so_in_german(world: World):
    entry = world.entries["wohnungsboerse"]
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 61 * 86400):
        token = confirm_token(entry.pk, None)
    for method in ("get", "post"):
        response = getattr(Client(), method)(f"/noch-aktuell/{token}/")
        assert response.status_code == 410
        assertContains(response, "Link abgelaufen", status_code=410)
        assertContains(response, "Er gilt 60 Tage", status_code=410)
    assert PraxisPage.objects.get(pk=entry.pk).stand is None


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.dumps({"seite": 1, "person": None}, salt="anders"),
        lambda token: "kein-token",
    ],
    ids=["changed", "other-salt", "garbage"],
)
def test_a_forged_link_is_refused_in_german(world: World, forge):
    entry = world.entries["wohnungsboerse"]
    token = forge(confirm_token(entry.pk, None))
    response = Client().post(f"/noch-aktuell/{token}/")
    assertContains(response, "Ungültiger Link", status_code=400)
    assert PraxisPage.objects.get(pk=entry.pk).stand is None


def test_a_token_for_another_entry_cannot_be_made_without_the_key(world: World):
    entry = world.entries["wohnungsboerse"]
    forged = signing.dumps({"seite": entry.pk, "person": None}, key="geraten", salt=SALT)
    assert Client().post(f"/noch-aktuell/{forged}/").status_code == 400


def test_a_link_to_a_withdrawn_entry_confirms_nothing(world: World):
    entry = world.entries["wohnungsboerse"]
    entry.unpublish()
    response = Client().post(f"/noch-aktuell/{confirm_token(entry.pk, None)}/")
    assertContains(response, "nicht mehr veröffentlicht", status_code=404)


# Reminders


def test_reminders_select_entries_unconfirmed_for_12_months(world: World):
    today = TODAY()
    due_today = world.entries["sprachpaten"]
    not_yet = world.entries["wohnungsboerse"]
    only_published = world.entries["sprachkurs"]
    set_dates(due_today, months_before(today, 12))
    set_dates(not_yet, months_before(today, 12) + timedelta(days=1))
    set_dates(only_published, None, published=aware(months_before(today, 13)))
    draft = PraxisPageFactory(parent=world.bargteheide, title="Entwurf", live=False)
    set_dates(draft, months_before(today, 30))
    due, reminded = due_entries(today)
    assert {page.pk for page in due} == {due_today.pk, only_published.pk}
    assert reminded == 0


@pytest.fixture
def people(world: World) -> dict:
    """An officer of Bargteheide (and two who cannot be mailed), its Kreis coordinator, and a
    platform editor; nobody edits for Schwerin."""
    ensure_editorial_access()  # the Plattform-Redaktion and its review of kreisfreie Städte
    entry = world.entries["sprachpaten"]
    officers = editor_group(world.bargteheide)
    return {
        "officer": make_user("offizier", officers),
        "inactive": make_user("ehemalig", officers, is_active=False),
        "no_address": make_user("ohneadresse", officers, email=""),
        "coordinator": make_user("koordination", *reviewer_groups(entry)),
        "platform": make_user("plattform", *reviewer_groups(world.entries["sprachkurs"])),
    }


def run_command(capture) -> str:
    out = StringIO()
    with capture(execute=True):
        call_command("erinnerungen_senden", stdout=out)
    return out.getvalue()


def test_reminders_go_to_the_kommunes_editors_else_the_reviewers(
    world: World, people, django_capture_on_commit_callbacks
):
    old = months_before(TODAY(), 14)
    for name in ("sprachpaten", "wohnungsboerse", "sprachkurs"):
        set_dates(world.entries[name], old)
    output = run_command(django_capture_on_commit_callbacks)
    print(
        output,
        [g.name for g in reviewer_groups(world.entries["sprachkurs"])],
        people["platform"].groups.all(),
    )
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"offizier@example.org", "plattform@example.org"}
    officer_mail = by_recipient["offizier@example.org"]
    assert officer_mail.subject == "Noch aktuell? 2 Praxisbeispiele warten auf Ihre Bestätigung"
    assert "„Sprachpaten“" in officer_mail.body and "„Wohnungsbörse“" in officer_mail.body
    assert "Sprachkurs Hafen" not in officer_mail.body
    assert f"Stand: {GERMAN_MONTHS[old.month - 1]} {old.year}" in officer_mail.body
    assert "/noch-aktuell/" in officer_mail.body
    assert f"/admin/pages/{world.entries['sprachpaten'].pk}/edit/" in officer_mail.body
    platform_mail = by_recipient["plattform@example.org"]
    assert platform_mail.subject == "Noch aktuell? Praxisbeispiel „Sprachkurs Hafen“"
    assert "weil Sie dieses Praxisbeispiel bearbeiten dürfen" in platform_mail.body
    assert "Stand bis" in output and ": 3 fällig." in output
    assert "E-Mail an offizier <offizier@example.org>: 2 Praxisbeispiele" in output
    assert "Fertig: 2 E-Mails zu 3 Praxisbeispielen vorgemerkt." in output


def test_a_second_run_sends_nothing_new(world: World, people, django_capture_on_commit_callbacks):
    set_dates(world.entries["sprachpaten"], months_before(TODAY(), 14))
    run_command(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    output = run_command(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert ": 0 fällig. 1 weitere wurden in den letzten 30 Tagen schon erinnert." in output
    assert "Fertig: 0 E-Mails zu 0 Praxisbeispielen vorgemerkt." in output
    assert StandErinnerung.objects.get().empfaenger == 1


def test_an_unconfirmed_entry_is_reminded_again_after_30_days(world: World, people):
    entry = world.entries["sprachpaten"]
    set_dates(entry, months_before(TODAY(), 14))
    send_reminders(TODAY())
    assert send_reminders(TODAY() + timedelta(days=29)).due == []
    assert [page.pk for page in send_reminders(TODAY() + timedelta(days=30)).due] == [entry.pk]


def test_a_confirmed_entry_is_not_reminded(world: World, people):
    entry = world.entries["sprachpaten"]
    set_dates(entry, months_before(TODAY(), 14))
    Client().post(f"/noch-aktuell/{confirm_token(entry.pk, None)}/")
    assert send_reminders(TODAY()).due == []


def test_without_editors_the_kreis_coordination_is_asked(
    world: World, people, django_capture_on_commit_callbacks
):
    people["officer"].groups.clear()
    set_dates(world.entries["sprachpaten"], months_before(TODAY(), 14))
    run_command(django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["koordination@example.org"]]


def test_nobody_to_ask_is_reported_and_not_recorded(
    world: World, django_capture_on_commit_callbacks
):
    set_dates(world.entries["sprachkurs"], months_before(TODAY(), 14))
    output = run_command(django_capture_on_commit_callbacks)
    assert "Für „Sprachkurs Hafen“ hat weder die Redaktion noch die Prüfung" in output
    assert mail.outbox == [] and not StandErinnerung.objects.exists()


def test_the_link_in_the_mail_confirms_the_entry(
    world: World, people, django_capture_on_commit_callbacks, settings
):
    entry = world.entries["sprachpaten"]
    set_dates(entry, months_before(TODAY(), 14))
    run_command(django_capture_on_commit_callbacks)
    (link,) = re.findall(r"https?://\S+/noch-aktuell/\S+/", str(mail.outbox[0].body))
    assert link.startswith(settings.WAGTAILADMIN_BASE_URL)
    path = link.removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))
    assert Client().get(path).status_code == 200
    assert Client().post(path).status_code == 200
    assert PraxisPage.objects.get(pk=entry.pk).stand == TODAY()
    assert confirm_url(entry.pk, people["officer"].pk).startswith(settings.WAGTAILADMIN_BASE_URL)


def test_the_admin_shows_the_stand_read_only_and_confirmations_in_the_history(client, world: World):
    entry = world.entries["wohnungsboerse"]
    entry.save_revision().publish()
    Client().post(f"/noch-aktuell/{confirm_token(entry.pk, None)}/")
    admin = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.force_login(admin)
    edit = client.get(f"/admin/pages/{entry.pk}/edit/").content.decode()
    assert "Zuletzt als aktuell bestätigt" in edit
    assert 'name="stand"' not in edit
    history = client.get(f"/admin/pages/{entry.pk}/history/")
    assertContains(history, "Als aktuell bestätigt")
