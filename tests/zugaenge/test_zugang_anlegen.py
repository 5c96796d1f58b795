"""`zugang_anlegen`: profile, role group, user and invitation in one idempotent command."""

import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

import pytest

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.models import KommunePage, KommuneTyp, LandkreisPage

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://localhost:8000/admin/password_reset/confirm/[^/\s]+/[^/\s]+/")


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command as cron or a shell would, its mail leaving once the work is committed."""

    def run_command(*args: str) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("zugang_anlegen", *args, stdout=out)
        return out.getvalue()

    return run_command


@pytest.fixture
def register(home_page):
    """A Kreis and one of its Gemeinden from the register, neither with a profile yet."""
    kreis = LandkreisFactory(ags="01053", name="Kreis Herzogtum Lauenburg")
    gemeinde = KommuneFactory(ags="01053090", name="Mölln, Stadt", typ="stadt", kreis=kreis)
    return {"kreis": kreis, "gemeinde": gemeinde}


def test_an_officer_of_a_new_gemeinde_gets_profiles_group_user_and_invitation(register, run):
    output = run(
        "--kommune", "01053090", "--email", "Lotse@Moelln.example", "--rolle", "beauftragte"
    )

    landkreis = LandkreisPage.objects.get(kommune=register["kreis"])
    profile = KommunePage.objects.get(kommune=register["gemeinde"])
    assert profile.get_parent().pk == landkreis.pk and profile.live
    user = get_user_model().objects.get(email="Lotse@moelln.example")
    assert user.username == "lotse@moelln.example" and not user.has_usable_password()
    assert [g.name for g in user.groups.all()] == ["Integrationsbeauftragte Mölln"]
    assert profile.permissions_for_user(user).can_edit()
    assert not profile.permissions_for_user(user).can_publish()

    (message,) = mail.outbox
    assert message.to == ["Lotse@moelln.example"]
    assert message.subject == "Ihr Zugang zu Praxisnetz Integration: Mölln"
    assert "Mölln als Integrationsbeauftragte:r zu vertreten" in message.body
    assert LINK.search(str(message.body))
    assert f"http://localhost:8000/admin/pages/{profile.pk}/edit/" in message.body
    assert "die Kreiskoordination des Kreises Herzogtum Lauenburg gibt sie frei" in message.body
    assert "Profil: Mölln (angelegt)" in output
    assert "Benutzer: lotse@moelln.example (angelegt, zur Gruppe hinzugefügt)" in output
    assert "Einladung an Lotse@moelln.example für Mölln verschickt." in output


def test_running_it_again_creates_nothing_twice_and_sends_the_link_again(register, run):
    args = ("--kommune", "01053090", "--email", "lotse@moelln.example", "--rolle", "beauftragte")
    run(*args)
    counts = (KommunePage.objects.count(), get_user_model().objects.count())
    output = run(*args)
    assert (KommunePage.objects.count(), get_user_model().objects.count()) == counts
    assert "Profil: Mölln (vorhanden)" in output
    assert "(vorhanden, schon in der Gruppe)" in output
    assert get_user_model().objects.get().groups.count() == 1
    assert len(mail.outbox) == 2 and all(LINK.search(str(m.body)) for m in mail.outbox)


def test_a_kreis_coordination_is_invited_for_a_landkreis(register, run):
    run("--kommune", "01053", "--email", "kreis@lauenburg.example", "--rolle", "koordination")
    user = get_user_model().objects.get()
    landkreis = LandkreisPage.objects.get(kommune=register["kreis"])
    assert [g.name for g in user.groups.all()] == ["Kreiskoordination Herzogtum Lauenburg"]
    assert landkreis.permissions_for_user(user).can_publish()
    (message,) = mail.outbox
    assert "Kreiskoordination für Kreis Herzogtum Lauenburg zu übernehmen" in message.body


def test_officers_of_a_kreisfreie_stadt_publish(home_page, run):
    KommuneFactory(ags="13004000", name="Schwerin", typ=KommuneTyp.KREISFREIE_STADT)
    run("--kommune", "13004000", "--email", "lotse@schwerin.example", "--rolle", "beauftragte")
    user = get_user_model().objects.get()
    profile = KommunePage.objects.get(kommune__ags="13004000")
    assert profile.permissions_for_user(user).can_publish()
    assert "veröffentlichen Sie Ihre Beiträge selbst" in mail.outbox[0].body


def test_someone_with_a_password_gets_the_new_role_and_a_note_instead_of_a_link(register, run):
    user = get_user_model().objects.create_user("lotse", "lotse@moelln.example", "geheim-genug-1")
    output = run(
        "--kommune", "01053090", "--email", "LOTSE@moelln.example", "--rolle", "beauftragte"
    )
    assert user.groups.get().name == "Integrationsbeauftragte Mölln"
    assert "hat schon ein Passwort" in output
    (message,) = mail.outbox
    assert not LINK.search(str(message.body))
    assert "jetzt auch Mölln als Integrationsbeauftragte:r" in message.body


def test_on_the_console_backend_the_link_is_printed(register, settings, run):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    output = run(
        "--kommune", "01053090", "--email", "lotse@moelln.example", "--rolle", "beauftragte"
    )
    assert LINK.search(output.split("Link: ")[1])


def test_the_link_lets_the_officer_set_a_password_and_log_in(register, client, run):
    run("--kommune", "01053090", "--email", "lotse@moelln.example", "--rolle", "beauftragte")
    link = LINK.search(str(mail.outbox[0].body)).group(0)
    form_page = client.get(link, follow=True)
    assert "Neues Passwort" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Sprachcafe-am-Hafen-7", "new_password2": "Sprachcafe-am-Hafen-7"},
    )
    assert response.status_code == 302
    assert client.login(username="lotse@moelln.example", password="Sprachcafe-am-Hafen-7")
    assert client.get("/admin/").status_code == 200
    assert client.get(link, follow=True).context["validlink"] is False  # used once


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kommune", "01053999"), "keine Kommune mit dem AGS 01053999"),
        (("--kommune", "1053"), "„1053“ ist kein Amtlicher Gemeindeschlüssel"),
        (("--kommune", "01053090", "--email", "lotse(at)moelln"), "keine gültige E-Mail-Adresse"),
        (("--kommune", "01053090", "--rolle", "koordination"), "gibt es nur für Landkreise"),
        (("--kommune", "01053", "--rolle", "beauftragte"), "betreut ihre Kreiskoordination"),
    ],
)
def test_bad_input_is_refused_in_german_and_changes_nothing(register, args, message, run):
    defaults = {"--email": "lotse@moelln.example", "--rolle": "beauftragte"}
    given = dict(zip(args[::2], args[1::2], strict=True))
    argv = [part for key, value in {**defaults, **given}.items() for part in (key, value)]
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*argv)
    assert not get_user_model().objects.exists()
    assert not KommunePage.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("command", ["zugang_anlegen", "teilnahmeanfragen_loeschen"])
def test_the_commands_explain_themselves_in_german(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command(command, "--help")
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert f"{command} [-h]" in help_text
    assert "Teilnahmeanfragen" in help_text or "Einladung" in help_text


def test_a_negative_retention_period_is_refused():
    with pytest.raises(CommandError, match="--tage muss 0 oder größer sein"):
        call_command("teilnahmeanfragen_loeschen", "--tage", "-1")
