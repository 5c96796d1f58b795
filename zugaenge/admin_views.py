"""The admin side: the invitation form and the queue of participation requests.

Both are scoped on the server by zugaenge.roles (Wagtail groups and page permissions): a Kreis
coordination sees and decides the requests of its own Gemeinden and invites officers there;
the platform team does both for every Kommune. A URL of another Kreis's request answers 404.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from kommunen.permissions import PLATFORM_EDITORS
from zugaenge.forms import CHOICE_FIELD, AblehnenForm, EinladenForm
from zugaenge.invitations import ZugangError, grant_access
from zugaenge.models import Teilnahmeanfrage
from zugaenge.requests import accept, decision_error, decline
from zugaenge.roles import (
    Rolle,
    coordinated_kreise,
    invitation_error,
    is_platform_team,
    kreise_genitive,
    may_invite_anyone,
    visible_requests,
)

HANDLING_ACTIONS = ("view", "change")
EMPTY = "\N{EN DASH}"
DECISION_FIELDS = ("entschieden_am", "entschieden_von", "ablehnungsgrund", "benutzer")


class TeilnahmeanfragePermissionPolicy(BasePermissionPolicy):
    """Who handles participation requests, from the roles rather than model permissions:
    Kreis coordinations (their Gemeinden's requests) and the platform team (all; it alone may
    delete one, e.g. when someone asks for their data to be erased). Nobody adds one here."""

    def user_has_permission(self, user, action) -> bool:
        if action == "delete":
            return is_platform_team(user)
        return action in HANDLING_ACTIONS and may_invite_anyone(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        return visible_requests(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Teilnahmeanfrage.objects.none()
        return visible_requests(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        platform = Q(is_superuser=True) | Q(groups__name=PLATFORM_EDITORS)
        if "delete" in actions and not set(actions) & set(HANDLING_ACTIONS):
            return users.filter(platform).distinct()
        coordinators = Q(
            groups__page_permissions__page__kommunepage__landkreispage__isnull=False,
            groups__page_permissions__permission__codename="publish_page",
        )
        return users.filter(platform | coordinators).distinct()


class AnfragenIndexView(IndexView):
    def get_base_queryset(self):
        return visible_requests(self.request.user)


class AnfragePruefenView(InspectView):
    """One request with what the sender wrote, and the two decisions: accept or decline."""

    template_name = "zugaenge/admin/anfrage_pruefen.html"
    page_title = gettext_lazy("Teilnahmeanfrage prüfen")
    http_method_names = ["get", "post"]

    def get_object(self, queryset=None):
        return get_object_or_404(visible_requests(self.request.user), pk=self.pk)

    def get_fields_context(self):
        """An open request shows what was sent; a decided one also who decided and how."""
        hidden = DECISION_FIELDS if self.object.is_open else ()
        return [self.get_context_for_field(name) for name in self.fields if name not in hidden]

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return EMPTY if value is None or value == "" else value

    def get_kommune_display_value(self) -> str:
        return f"{self.object.kommune}, {self.object.kreis_name}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("decline_form", AblehnenForm(prefix="ablehnen"))
        context["decision_error"] = decision_error(self.request.user, self.object)
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("aktion") == "annehmen":
            return self._accept()
        form = AblehnenForm(request.POST, prefix="ablehnen")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decline_form=form))
        try:
            decline(self.object, request.user, form.cleaned_data["grund"])
        except ZugangError as exc:
            messages.error(request, str(exc))
            return redirect(request.path)
        messages.success(
            request,
            _("Abgelehnt: Die Begründung geht an %(email)s.") % {"email": self.object.email},
        )
        return redirect(self.index_url_name)

    def _accept(self):
        try:
            zugang = accept(self.object, self.request.user)
        except ZugangError as exc:
            messages.error(self.request, str(exc))
            return redirect(self.request.path)
        messages.success(
            self.request,
            _("Angenommen: Die Einladung für %(kommune)s geht an %(email)s.")
            % {"kommune": zugang.kommune.anzeigename, "email": zugang.user.email},
        )
        return redirect(self.index_url_name)


class TeilnahmeanfrageViewSet(ModelViewSet):
    """The queue of participation requests (Zugänge → Teilnahmeanfragen)."""

    model = Teilnahmeanfrage
    name = "teilnahmeanfragen"
    url_prefix = "zugaenge/anfragen"
    icon = "mail"
    menu_label = gettext_lazy("Teilnahmeanfragen")
    add_to_admin_menu = False
    index_view_class = AnfragenIndexView
    inspect_view_class = AnfragePruefenView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_filter = ["status"]
    list_display = [
        "kommune",
        Column("kreis_name", label=gettext_lazy("Kreis")),
        "name",
        DateColumn("eingegangen_am", label=gettext_lazy("Eingegangen")),
        StatusTagColumn(
            "get_status_display",
            label=gettext_lazy("Status"),
            primary=lambda anfrage: anfrage.is_open,
        ),
    ]
    inspect_view_fields = [
        "kommune",
        "name",
        "funktion",
        "email",
        "nachricht",
        "eingegangen_am",
        "status",
        "entschieden_am",
        "entschieden_von",
        "ablehnungsgrund",
        "benutzer",
    ]

    def get_common_view_kwargs(self, **kwargs):
        """Requests come only from /mitmachen/ and are decided, not edited: no add, edit,
        history or usage views."""
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for view in ("add", "edit", "history", "usage"):
            view_kwargs[f"{view}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/loeschen/", self.delete_view, name="delete"),
        ]


class EinladenView(WagtailAdminTemplateMixin, FormView):
    """Invite someone: the platform team for any Kommune and role, a Kreis coordination
    officers for the Gemeinden of its Kreis. The check is `invitation_error`, on every POST."""

    form_class = EinladenForm
    template_name = "zugaenge/admin/einladen.html"
    page_title = gettext_lazy("Zugang einladen")
    header_icon = "user"
    success_url = reverse_lazy("zugaenge_einladen")

    def dispatch(self, request, *args, **kwargs):
        if not may_invite_anyone(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        platform = is_platform_team(self.request.user)
        kwargs["roles"] = list(Rolle.values) if platform else [Rolle.BEAUFTRAGTE]
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["platform"] = is_platform_team(self.request.user)
        context["kreise"] = kreise_genitive(list(coordinated_kreise(self.request.user)))
        context["choice_field"] = CHOICE_FIELD
        context["anfragen_url"] = reverse("teilnahmeanfragen:index")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        user = self.request.user  # an admin view: always a signed-in user
        if error := invitation_error(user, data["kommune"], data["rolle"]):
            form.add_error("kommune", error)
            return self.form_invalid(form)
        try:
            zugang = grant_access(
                data["kommune"],
                data["email"],
                data["rolle"],
                name=data["name"],
                invited_by=_signed_in(user),
            )
        except ZugangError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _success_message(zugang))
        return super().form_valid(form)


def _signed_in(user: User | AnonymousUser) -> User | None:
    return user if isinstance(user, User) else None


def _success_message(zugang) -> str:
    values = {"email": zugang.user.email, "kommune": zugang.kommune.anzeigename}
    if zugang.invited:
        return _("Die Einladung für %(kommune)s ist an %(email)s unterwegs.") % values
    return _("%(email)s hat jetzt auch Zugang zu %(kommune)s; eine Nachricht ist unterwegs.") % (
        values
    )
