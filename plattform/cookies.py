"""The cookies the platform sets, read from Django's settings so the Datenschutz text is true.

Public pages set none (tests/plattform/test_privacy.py); only a form and a login set them: the
login or password form and a login, for editors in the admin and for visitors of a protected
page, and the contact form ("Kontakt aufnehmen", `<page url>kontakt/`), which sets only the CSRF
protection (`form_cookies`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SECONDS_PER_DAY = 24 * 60 * 60


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    lifetime: str


def login_cookies() -> list[Cookie]:
    """Session, CSRF and (if messages use cookies) the messages cookie, as configured."""
    cookies = [
        Cookie(
            settings.SESSION_COOKIE_NAME,
            _("hält die Anmeldung oder das eingegebene Seitenpasswort fest"),
            _lifetime(_session_cookie_age()),
        )
    ]
    if not settings.CSRF_USE_SESSIONS:
        cookies.append(_csrf_cookie())
    if _messages_use_cookies():
        cookies.append(
            Cookie(
                CookieStorage.cookie_name,
                _("zeigt Hinweise der Redaktionsoberfläche (etwa „Gespeichert“) einmal an"),
                _("bis der Hinweis angezeigt ist"),
            )
        )
    return cookies


def form_cookies() -> list[Cookie]:
    """What a public form without login sets: its CSRF protection, as a cookie of its own or,
    with CSRF_USE_SESSIONS, in a session."""
    if settings.CSRF_USE_SESSIONS:
        purpose = _("hält den Schutz des Formulars vor untergeschobenen Anfragen fest")
        return [Cookie(settings.SESSION_COOKIE_NAME, purpose, _lifetime(_session_cookie_age()))]
    return [_csrf_cookie()]


def _csrf_cookie() -> Cookie:
    return Cookie(
        settings.CSRF_COOKIE_NAME,
        _(
            "schützt Formulare (Anmeldung, „Kontakt aufnehmen“) vor Anfragen, die andere "
            "Websites unterschieben"
        ),
        _lifetime(settings.CSRF_COOKIE_AGE),
    )


def _session_cookie_age() -> int | None:
    return None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE


def _lifetime(seconds: int | None) -> str:
    if seconds is None:
        return _("bis zum Schließen des Browsers")
    days = max(1, round(seconds / SECONDS_PER_DAY))
    return ngettext("%(days)d Tag", "%(days)d Tage", days) % {"days": days}


def _messages_use_cookies() -> bool:
    storage = import_string(settings.MESSAGE_STORAGE)
    return issubclass(storage, CookieStorage) or any(
        issubclass(part, CookieStorage) for part in getattr(storage, "storage_classes", ())
    )
