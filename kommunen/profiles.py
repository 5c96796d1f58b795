"""Profile pages created on demand, e.g. when an import brings the first entry of a Kommune."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from kommunen.models import Kommune, KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from kommunen.rules import tree_rule_violation


def ensure_profile(kommune: Kommune) -> KommunePage:
    """The profile page of a Kommune; created and published where missing.

    A kreisangehörige Gemeinde gets the profile of its Landkreis first and stands below it.
    """
    existing = KommunePage.objects.filter(kommune=kommune).first()
    if existing is not None:
        return existing.specific
    parent = _profile_parent(kommune)
    page_class = LandkreisPage if kommune.typ == KommuneTyp.LANDKREIS else KommunePage
    violation = tree_rule_violation(kommune, parent, page_class)
    if violation:
        raise ValidationError(violation)
    page = page_class(
        kommune=kommune,
        title=kommune.anzeigename,
        slug=free_slug(parent, slugify(kommune.anzeigename) or kommune.ags, kommune.ags),
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page_class.objects.get(pk=page.pk)  # publishing worked on a copy


def _profile_parent(kommune: Kommune) -> Page:
    """Where the profile belongs: below its Kreis's profile, or directly below the index."""
    if kommune.kreis is not None:  # no query when kreis_id is None
        return ensure_profile(kommune.kreis)
    index = KommunenIndexPage.objects.first()
    if index is None:
        raise ValidationError(
            _("Es gibt keine Kommunen-Übersicht, unter der Profile stehen können.")
        )
    return index


def free_slug(parent: Page, wanted: str, suffix: str) -> str:
    """A slug not yet taken among the parent's children (the suffix, e.g. an AGS, disambiguates)."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate = wanted
    if candidate in taken:
        candidate = f"{wanted}-{suffix}"
    n = 2
    while candidate in taken:
        candidate, n = f"{wanted}-{suffix}-{n}", n + 1
    return candidate
