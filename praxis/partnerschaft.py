"""Partner Kommunen confirm the partnerships that entries name before these show on their profile.

An entry names partner Kommunen (PraxisPartner). The partner's editors are the users who may
edit the partner's profile page (Wagtail page permissions on it or above it, so its Kreis
coordination too). When an entry is published, each open partnership is

- confirmed at once if the author of the published revision is one of the partner's editors:
  they could click "Bestätigen" themselves, so asking them again would be noise;
- otherwise requested: the partner's nearest editors get one mail (once per partnership) and
  every partner editor finds the request on the admin dashboard with "Bestätigen"/"Ablehnen".

The decision is written with queryset updates only; PraxisPartner.save() keeps it when a
revision with an older copy of the row is published.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy

from kommunen.models import Kommune, KommunePage
from plattform.mail import queue_email
from praxis.models import PraxisPage, PraxisPartner


def open_requests() -> QuerySet[PraxisPartner]:
    """Undecided partnerships of live, public entries (a draft is nobody else's business)."""
    entries = PraxisPage.objects.live().public()
    return (
        PraxisPartner.objects.filter(bestaetigt=False, abgelehnt_am__isnull=True)
        .filter(page__in=entries)
        .select_related("page", "page__kommune", "kommune")
        .order_by("-angefragt_am", "pk")
    )


def editable_profiles(user) -> QuerySet[KommunePage]:
    """The profile pages this user may edit."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return KommunePage.objects.filter(pk__in=pages.values("pk"))


def open_requests_for(user) -> QuerySet[PraxisPartner]:
    """The open requests to the Kommunen whose profile this user may edit."""
    return open_requests().filter(kommune__profil__in=editable_profiles(user))


def may_decide(user, partnership: PraxisPartner) -> bool:
    """True if the user may edit the partner Kommune's profile page."""
    profile = KommunePage.objects.filter(kommune_id=partnership.kommune_id).first()
    return bool(profile and user and profile.permissions_for_user(user).can_edit())


def confirm(partnership: PraxisPartner, user) -> None:
    """The partner Kommune takes part: the entry shows on its profile."""
    PraxisPartner.objects.filter(pk=partnership.pk).update(
        bestaetigt=True,
        bestaetigt_am=timezone.now(),
        bestaetigt_von=user,
        abgelehnt_am=None,
        abgelehnt_von=None,
    )


def decline(partnership: PraxisPartner, user) -> None:
    """The partner Kommune does not take part: the entry no longer names it; its lead's
    editors hear of it, so that they can correct the entry."""
    PraxisPartner.objects.filter(pk=partnership.pk).update(
        bestaetigt=False, bestaetigt_am=None, abgelehnt_am=timezone.now(), abgelehnt_von=user
    )
    lead = partnership.page.kommune
    if lead is not None:
        queue_email(*declined_message(partnership, user), to=responsible_editor_emails(lead))


def request_partnerships(page: PraxisPage, author) -> None:
    """On publication: confirm what the author may confirm, ask the other partners once."""
    if not PraxisPage.objects.live().public().filter(pk=page.pk).exists():
        return
    for partnership in open_requests().filter(page=page):
        if author is not None and may_decide(author, partnership):
            confirm(partnership, author)
        elif partnership.angefragt_am is None:
            queue_email(
                *request_message(partnership), to=responsible_editor_emails(partnership.kommune)
            )
            PraxisPartner.objects.filter(pk=partnership.pk).update(angefragt_am=timezone.now())


def responsible_editor_emails(kommune: Kommune) -> list[str]:
    """The addresses of the editors closest to the Kommune's profile: the groups with edit
    permission on the profile itself, else those of the nearest page above it (its Kreis
    coordination, then the platform editors). Superusers are not mailed about every Kommune."""
    profile = KommunePage.objects.filter(kommune=kommune).first()
    if profile is None:
        return []
    grants = GroupPagePermission.objects.filter(
        permission__codename="change_page", page__in=profile.get_ancestors(inclusive=True)
    ).values_list("group_id", "page__depth")
    if not grants:
        return []
    nearest = max(depth for _group, depth in grants)
    groups = [group for group, depth in grants if depth == nearest]
    users = get_user_model().objects.filter(is_active=True, groups__in=groups).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def request_message(partnership: PraxisPartner) -> tuple[str, str]:
    """German subject and body of the request to confirm a partnership."""
    page = partnership.page
    values = {
        "titel": page.title,
        "lead": page.kommune.anzeigename if page.kommune else _("Eine Kommune"),
        "partner": partnership.kommune.anzeigename,
        "link": page.get_full_url() or "",
        "anfragen": _admin_url("praxis_partner_requests"),
    }
    subject = _("Partnerschaft bestätigen: %(titel)s") % values
    body = (
        _(
            "Guten Tag,\n\n"
            "%(lead)s nennt %(partner)s als Partnerkommune des Praxisbeispiels „%(titel)s“:\n"
            "%(link)s\n\n"
            "Auf dem Profil von %(partner)s erscheint das Praxisbeispiel erst, wenn Sie die "
            "Partnerschaft bestätigen. Bestätigen oder ablehnen können Sie im "
            "Redaktionsbereich:\n%(anfragen)s\n\n"
            "Sie erhalten diese Nachricht, weil Sie das Profil von %(partner)s bearbeiten."
        )
        % values
    )
    return subject, body


def declined_message(partnership: PraxisPartner, user) -> tuple[str, str]:
    """German subject and body of the note to the lead's editors that a partner declined."""
    page = partnership.page
    values = {
        "titel": page.title,
        "partner": partnership.kommune.anzeigename,
        "person": (user.get_full_name() or user.get_username()) if user else _("jemand"),
        "link": _admin_url("wagtailadmin_pages:edit", page.pk),
    }
    subject = _("Partnerschaft abgelehnt: %(titel)s") % values
    body = (
        _(
            "Guten Tag,\n\n"
            "%(person)s hat für %(partner)s die Partnerschaft am Praxisbeispiel „%(titel)s“ "
            "abgelehnt. Die Seite nennt %(partner)s nicht mehr als Partnerkommune. Bitte "
            "entfernen Sie die Kommune auch im Praxisbeispiel oder klären Sie die Partnerschaft:"
            "\n%(link)s"
        )
        % values
    )
    return subject, body
