from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from sicherheit import views
from sicherheit.zweiter_faktor import SETUP_URL_NAME, VERIFY_URL_NAME, confirmed_device


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("zweiter-faktor/", views.pruefen, name=VERIFY_URL_NAME),
        path("zweiter-faktor/einrichten/", views.EinrichtenView.as_view(), name=SETUP_URL_NAME),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    if confirmed_device(request.user):
        label = _("Zwei-Faktor-Anmeldung ausschalten")
    else:
        label = _("Zwei-Faktor-Anmeldung einrichten")
    return {
        "url": reverse(SETUP_URL_NAME),
        "label": label,
        "help_text": _(
            "Bei der Anmeldung zusätzlich zum Passwort einen Code aus einer Authenticator-App "
            "eingeben (zum Beispiel FreeOTP, Aegis oder Google Authenticator)."
        ),
    }
