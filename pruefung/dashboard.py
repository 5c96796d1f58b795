"""The dashboard of officers, coordinators and platform editors: their Kommune or Kreis with the
next actions, and the reviewers' queue with Kommune, page type and completeness.

Who sees what follows the page permissions of the user's groups (kommunen.permissions), never
group names. Links to views other parts provide (contact requests, the Kreis overview) appear
only when those exist.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

from kommunen.models import KommunenIndexPage, KommunePage, LandkreisPage
from kommunen.permissions import (
    edits_whole_platform,
    kreis_profile_of,
    profiles_of,
    reviewer_groups,
)
from praxis.completeness import completeness
from praxis.models import PraxisPage

CONTACT_REQUESTS_URL = "kontakt_kontaktanfrage:index"  # the kontakt app's ModelViewSet
DRAFTS_SHOWN = 3


@dataclass
class Action:
    label: str
    url: str
    key: str  # stable name for tests and styling
    items: list[tuple[str, str]] = field(default_factory=list)  # (title, url) below the link


@dataclass
class Section:
    heading: str
    text: str
    actions: list[Action]


def profile_section(profile: KommunePage, user, request) -> Section:
    """What the user does for one profile: edit it, add and finish entries, see the Kreis."""
    perms = profile.permissions_for_user(user)
    actions = []
    if perms.can_edit():
        actions.append(Action(_("Profil bearbeiten"), _edit(profile), "profil"))
    if perms.can_add_subpage() and PraxisPage in profile.specific_class.allowed_subpage_models():
        add = reverse("wagtailadmin_pages:add", args=("praxis", "praxispage", profile.pk))
        actions.append(Action(_("Neues Praxisbeispiel"), add, "neu"))
    actions.append(drafts_action(profile))
    kreis = kreis_profile_of(profile)
    if kreis is not None and kreis.live:
        overview = f"{kreis.get_url(request)}uebersicht/"
        actions.append(Action(_("Übersicht des Kreises"), overview, "uebersicht"))
    return Section(_heading(profile), role_text(profile, perms), actions)


def _heading(profile: KommunePage) -> str:
    name = profile.kommune.anzeigename
    if isinstance(profile, LandkreisPage):
        return _("Ihr Kreis: %(name)s") % {"name": name}
    return _("Ihre Kommune: %(name)s") % {"name": name}


def role_text(profile: KommunePage, perms) -> str:
    if isinstance(profile, LandkreisPage):
        return _(
            "Als Kreiskoordination prüfen und veröffentlichen Sie, was die Gemeinden des "
            "Kreises einreichen, und pflegen das Kreisprofil."
        )
    if perms.can_publish():
        return _("Sie pflegen das Profil und veröffentlichen Ihre Praxisbeispiele selbst.")
    reviewers = ", ".join(group.name for group in reviewer_groups(profile))
    return _(
        "Sie pflegen das Profil und schreiben Praxisbeispiele; veröffentlicht werden sie nach "
        "der Prüfung durch: %(gruppen)s."
    ) % {"gruppen": reviewers}


def drafts_action(profile: KommunePage) -> Action:
    """The profile's own unpublished work: the profile itself and the entries of its Kommune."""
    unfinished = Q(live=False) | Q(has_unpublished_changes=True)
    own = Q(pk=profile.pk) | Q(praxispage__kommune=profile.kommune_id)
    drafts = Page.objects.descendant_of(profile, inclusive=True).filter(own & unfinished)
    label = _("Entwürfe (%(anzahl)d)") % {"anzahl": drafts.count()}
    latest = drafts.order_by("-latest_revision_created_at")[:DRAFTS_SHOWN]
    items = [(page.get_admin_display_title(), _edit(page)) for page in latest]
    return Action(label, reverse("wagtailadmin_explore", args=(profile.pk,)), "entwuerfe", items)


def review_action(user) -> Action:
    """Reviewers: what waits for them; authors: where their submissions stand."""
    report = reverse("wagtailadmin_reports:workflow")
    if GroupApprovalTask.objects.filter(active=True, groups__user=user).exists():
        waiting = TaskState.objects.reviewable_by(user).count()
        label = _("Prüfungen: %(anzahl)d warten auf Sie") % {"anzahl": waiting}
        return Action(label, f"{report}?reviewable=true", "pruefungen")
    running = WorkflowState.objects.active().filter(requested_by=user).count()
    label = _("Prüfungen: %(anzahl)d eingereicht") % {"anzahl": running}
    return Action(label, report, "pruefungen")


def contact_requests_action() -> Action | None:
    try:
        url = reverse(CONTACT_REQUESTS_URL)
    except NoReverseMatch:  # the contact requests' admin is not installed
        return None
    return Action(_("Anfragen"), url, "anfragen")


def platform_section() -> Section:
    index = KommunenIndexPage.objects.first()
    actions = (
        [Action(_("Alle Kommunen"), reverse("wagtailadmin_explore", args=(index.pk,)), "kommunen")]
        if index
        else []
    )
    text = _(
        "Die Plattform-Redaktion prüft die Einreichungen der kreisfreien Städte und der Kreise "
        "ohne Koordination und kann alle Profile bearbeiten."
    )
    return Section(_("Plattform-Redaktion"), text, actions)


def sections_for(user, request) -> list[Section]:
    sections = [profile_section(profile, user, request) for profile in profiles_of(user)]
    if edits_whole_platform(user):
        sections.append(platform_section())
    return sections


class EditorialPanel(Component):
    """Top of the dashboard: the user's Kommune or Kreis and the next actions."""

    name = "pruefung_redaktion"
    template_name = "pruefung/includes/dashboard_panel.html"
    order = 100  # before Wagtail's panels (210 and up)

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        sections = sections_for(user, self.request)
        common = [review_action(user), contact_requests_action()] if sections else []
        return {"sections": sections, "common": [action for action in common if action]}

    def render_html(self, parent_context=None) -> str:
        """Nothing for users without a Kommune, Kreis or the platform (e.g. administrators)."""
        context = self.get_context_data(parent_context)
        if not context["sections"]:
            return ""
        return render_to_string(self.template_name, context, request=self.request)


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "awaiting your review" panel with Kommune, page type and completeness."""

    template_name = "pruefung/includes/review_queue.html"
    order = 200

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            state.update(queue_columns(state["revision"]))
        return context


def queue_columns(revision) -> dict:
    """The submitted version's Kommune, page type and, for an entry, its completeness."""
    submitted = revision.as_object()
    kommune = getattr(submitted, "kommune", None)
    return {
        "kommune": kommune.anzeigename if kommune else "",
        "page_type": submitted._meta.verbose_name,
        "completeness": completeness(submitted) if isinstance(submitted, PraxisPage) else None,
    }


def _edit(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))
