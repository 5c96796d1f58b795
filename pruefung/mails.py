"""The German texts of the editorial mails: submitted for review, approved, changes requested,
withdrawn. Plain text with absolute links (WAGTAILADMIN_BASE_URL for the admin, the page's
own site for the public page); they are queued through plattform.mail by pruefung.notifications.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState

from kommunen.grammar import genitive
from praxis.completeness import completeness
from praxis.models import PraxisPage

Mail = tuple[str, str]  # subject, body


def admin_link(path: str) -> str:
    """An absolute link into the admin."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def edit_link(page: Page) -> str:
    return admin_link(reverse("wagtailadmin_pages:edit", args=(page.pk,)))


def person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else _("Jemand")


def kommune_name(page: Page) -> str:
    """ "Ahrensburg" for the subject line; empty for pages that belong to no Kommune."""
    kommune = getattr(page, "kommune", None)
    return kommune.anzeigename if kommune else ""


def described(page: Page) -> str:
    """The page in running text: „das Praxisbeispiel „Sprachcafé“ der Stadt Ahrensburg“."""
    if not hasattr(page, "kommune"):
        return f"die Seite „{page.title}“"
    kommune = page.kommune
    where = f" {genitive(kommune)}" if kommune else ""
    # Praxisbeispiel, Kommune-Profil, Landkreis-Profil: all neuter.
    return f"das {page._meta.verbose_name} „{page.title}“{where}"


def subject_line(prefix: str, page: Page) -> str:
    kommune = kommune_name(page)
    return f"{prefix}: {page.title} ({kommune})" if kommune else f"{prefix}: {page.title}"


def completeness_lines(page: Page) -> list[str]:
    """For an entry: how many transfer-relevant fields are filled and which are missing."""
    if not isinstance(page, PraxisPage):
        return []
    result = completeness(page)
    line = _("Vollständigkeit: %(filled)d von %(total)d Angaben für die Übernahme ausgefüllt") % {
        "filled": result.filled,
        "total": result.total,
    }
    if result.missing:
        line += _("; es fehlen: %(fields)s") % {"fields": ", ".join(result.missing_labels)}
    return [line + ".", ""]


def submitted_mail(task_state: TaskState, page: Page, recipient, submitter) -> Mail:
    """To a member of the reviewing group: what came in, how complete it is, where to review."""
    task = task_state.task
    lines = [
        _("Guten Tag %(name)s,") % {"name": person(recipient)},
        "",
        _("%(person)s hat %(page)s zur Prüfung eingereicht (%(task)s).")
        % {"person": person(submitter), "page": described(page), "task": task.name},
        "",
        *completeness_lines(page),
        _("Prüfen, freigeben oder Änderungen erbitten:"),
        edit_link(page),
        "",
    ]
    if page.is_previewable():
        preview = reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, task.pk))
        lines += [_("Vorschau der eingereichten Fassung:"), admin_link(preview), ""]
    lines += footer(recipient)
    return subject_line(_("Zur Prüfung"), page), "\n".join(lines)


def approved_mail(task_state: TaskState, page: Page, recipient) -> Mail:
    """To the author: approved (and public, unless publishing is scheduled), with the comment."""
    values = {"person": person(task_state.finished_by), "page": described(page)}
    if page.live:
        result = _("%(person)s hat %(page)s freigegeben. Es ist jetzt öffentlich:") % values
        public = [page.get_full_url() or "", ""]
    else:
        scheduled = _(
            "%(person)s hat %(page)s freigegeben. Es wird zum geplanten Zeitpunkt veröffentlicht."
        )
        result = scheduled % values
        public = [""]
    lines = [
        _("Guten Tag %(name)s,") % {"name": person(recipient)},
        "",
        result,
        *public,
        *comment_lines(task_state),
        _("Im Redaktionsbereich:"),
        edit_link(page),
        "",
        *footer(recipient),
    ]
    return subject_line(_("Freigegeben"), page), "\n".join(lines)


def rejected_mail(task_state: TaskState, page: Page, recipient) -> Mail:
    """To the author: changes requested, with the reviewer's comment and the way back."""
    values = {"person": person(task_state.finished_by), "page": described(page)}
    lines = [
        _("Guten Tag %(name)s,") % {"name": person(recipient)},
        "",
        _("Für %(page)s erbittet %(person)s Änderungen.") % values,
        "",
        *(comment_lines(task_state) or [_("(Die Prüfung hat keinen Kommentar hinterlassen.)"), ""]),
        _("Bitte überarbeiten Sie den Entwurf und reichen Sie ihn danach erneut zur Prüfung ein:"),
        edit_link(page),
        "",
        *footer(recipient),
    ]
    return subject_line(_("Änderungen erbeten"), page), "\n".join(lines)


def withdrawn_mail(page: Page, user, groups: list) -> Mail:
    """To the reviewers: an officer withdrew (unpublished) an entry."""
    kommune = getattr(page, "kommune", None)
    values = {
        "titel": page.title,
        "kommune": kommune.anzeigename if kommune else _("unbekannt"),
        "person": person(user),
        "gruppen": ", ".join(group.name for group in groups),
        "link": edit_link(page),
    }
    subject = _("Praxisbeispiel zurückgezogen: %(titel)s") % values
    body = (
        _(
            "Guten Tag,\n\n"
            "%(person)s hat das Praxisbeispiel „%(titel)s“ der Kommune %(kommune)s zurückgezogen. "
            "Es ist nicht mehr öffentlich zu sehen; der Inhalt bleibt im Redaktionsbereich "
            "erhalten und kann dort geprüft und wieder veröffentlicht werden.\n\n"
            "Zum Praxisbeispiel im Redaktionsbereich:\n%(link)s\n\n"
            "Sie erhalten diese Nachricht als Mitglied von: %(gruppen)s."
        )
        % values
    )
    return subject, body


def comment_lines(task_state: TaskState) -> list[str]:
    comment = (task_state.comment or "").strip()
    return [_("Kommentar der Prüfung:"), comment, ""] if comment else []


def footer(recipient) -> list[str]:
    account = admin_link(reverse("wagtailadmin_account"))
    return [
        "-- ",
        _(
            "Praxisnetz Integration. Welche Benachrichtigungen Sie erhalten, stellen Sie in "
            "Ihrem Konto unter „Benachrichtigungen“ ein: %(link)s"
        )
        % {"link": account},
    ]
