"""Hits and comparable Kommunen as the plain dicts the API answers with and the pages show
(a Kommune on its own: kommunen/api.py)."""

from typing import overload

from django.http import HttpRequest

from wagtail.models import Page

from kommunen.models import Kommune
from search.service import HitCard


@overload
def kommune_summary(kommune: Kommune) -> dict: ...
@overload
def kommune_summary(kommune: None) -> None: ...
def kommune_summary(kommune: Kommune | None) -> dict | None:
    if kommune is None:
        return None
    return {
        "ags": kommune.ags,
        "name": kommune.anzeigename,
        "groessenklasse": kommune.groessenklasse,
        "bundesland": kommune.bundesland,
    }


def hit_as_dict(card: HitCard, request: HttpRequest | None = None) -> dict:
    """One hit in the API's shape."""
    page, hit = card.page, card.hit
    return {
        "id": page.austausch_id,
        "titel": page.title,
        "url": page.get_full_url(request),
        "kurzbeschreibung": page.kurzbeschreibung,
        "kommune": kommune_summary(page.kommune),
        "handlungsfelder": [h.slug for h in page.handlungsfelder.all()],
        "status": page.status,
        "veraltet": page.veraltet,
        "score": round(hit.score, 6),
        "erklaerung": hit.erklaerung,
        "hervorhebung": hit.hervorhebung,
        "uebernahmen": hit.uebernahmen,
    }


def comparable_kommune_as_dict(
    kommune: Kommune, reasons: list[str], request: HttpRequest | None = None
) -> dict:
    """A comparable Kommune in the API's shape, with its reasons."""
    return {
        **kommune_summary(kommune),
        "einwohner": kommune.einwohner,
        "profil_url": _full_url(kommune.public_profile, request),
        "erklaerung": reasons,
    }


def _full_url(page: Page | None, request: HttpRequest | None) -> str | None:
    return page.get_full_url(request) if page else None
