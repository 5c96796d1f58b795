"""Admin views of the second factor (registered in wagtail_hooks.py, below /admin/)."""

from base64 import b32encode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

import django_otp
import segno
from django_otp.middleware import is_verified
from django_otp.plugins.otp_totp.models import TOTPDevice

from sicherheit.forms import CodeForm, PasswordAndCodeForm
from sicherheit.zweiter_faktor import confirmed_device, safe_next

DEVICE_NAME = "Authenticator-App"


def pruefen(request: HttpRequest) -> HttpResponse:
    """The code form after the password, for users who set up the second factor."""
    home = reverse("wagtailadmin_home")
    device = confirmed_device(request.user)
    if device is None or is_verified(request.user):
        return redirect(safe_next(request, home))
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, device)
        return redirect(safe_next(request, home))
    context = {"form": form, "next": safe_next(request, home)}
    return render(request, "sicherheit/zweiter_faktor_pruefen.html", context)


class EinrichtenView(WagtailAdminTemplateMixin, FormView):
    """Benutzerkonto → Zwei-Faktor-Anmeldung: set it up with a new key, or switch it off;
    both ask for the password and a current code."""

    form_class = PasswordAndCodeForm
    page_title = gettext_lazy("Zwei-Faktor-Anmeldung")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        confirmed = confirmed_device(request.user)
        self.switching_off = confirmed is not None
        self.device: TOTPDevice = confirmed or _pending_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self) -> list[str]:
        name = "abschalten" if self.switching_off else "einrichten"
        return [f"sicherheit/zweiter_faktor_{name}.html"]

    def get_breadcrumbs_items(self):
        account = {"url": reverse("wagtailadmin_account"), "label": _("Benutzerkonto")}
        return [*self.breadcrumbs_items, account, {"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.switching_off:
            qr_code = segno.make(self.device.config_url, error="m").svg_inline(scale=5)
            context["qr_code"] = mark_safe(qr_code)  # segno's own markup, no input in it
            context["schluessel"] = _grouped(b32encode(self.device.bin_key).decode())
        return context

    def form_valid(self, form):
        if self.switching_off:
            TOTPDevice.objects.filter(user=self.request.user).delete()
            messages.success(self.request, _("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
        else:
            self.device.confirmed = True
            self.device.save(update_fields=["confirmed"])
            django_otp.login(self.request, self.device)
            messages.success(self.request, _("Die Zwei-Faktor-Anmeldung ist eingeschaltet."))
        return redirect("wagtailadmin_account")


def _pending_device(user) -> TOTPDevice:
    """The key being set up: kept until confirmed, so that reloading the page keeps the code
    the app has already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def _grouped(key: str) -> str:
    """The key in groups of four, easier to type into an app by hand."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
