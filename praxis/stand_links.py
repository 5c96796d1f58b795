"""The signed one-click link "noch aktuell" of a reminder mail, and the admin edit link.

The token names the entry and the editor it was sent to and is signed with Django's
TimestampSigner (`django.core.signing.dumps`), so it needs no login and no stored secret, and
expires after `CONFIRM_LINK_MAX_AGE`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from praxis.stand import CONFIRM_LINK_MAX_AGE

SALT = "praxis.stand.noch-aktuell"
CONFIRM_URL_NAME = "praxis_noch_aktuell"


class LinkExpired(Exception):
    """The signature is right, but the link is older than CONFIRM_LINK_MAX_AGE."""


class LinkInvalid(Exception):
    """Not a link this platform signed (mistyped, cut off or forged)."""


@dataclass(frozen=True)
class ConfirmRequest:
    page_id: int
    user_id: int | None


def confirm_token(page_id: int, user_id: int | None) -> str:
    """A signed, time-stamped token for confirming this entry on behalf of this editor."""
    return signing.dumps({"seite": page_id, "person": user_id}, salt=SALT, compress=True)


def read_token(token: str) -> ConfirmRequest:
    """The entry and editor of a token; raises LinkExpired or LinkInvalid."""
    try:
        data = signing.loads(token, salt=SALT, max_age=CONFIRM_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired(str(error)) from error
    except signing.BadSignature as error:
        raise LinkInvalid(str(error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("seite"), int):
        raise LinkInvalid(token)
    user_id = data.get("person")
    return ConfirmRequest(data["seite"], user_id if isinstance(user_id, int) else None)


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirm_url(page_id: int, user_id: int | None) -> str:
    """The public "noch aktuell" address for a mail (absolute, from BASE_URL)."""
    return _absolute(reverse(CONFIRM_URL_NAME, args=[confirm_token(page_id, user_id)]))


def edit_url(page_id: int) -> str:
    """The entry's edit view in the admin (absolute, from BASE_URL)."""
    return _absolute(reverse("wagtailadmin_pages:edit", args=(page_id,)))
