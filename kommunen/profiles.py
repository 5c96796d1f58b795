"""Profile pages created on demand, e.g. when an import brings the first entry of a Kommune."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from kommunen.models import Kommune, KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from kommunen.models.pages import tree_rule_violation


def ensure_profile(kommune: Kommune) -> KommunePage:
    """The profile page of a Kommune; created and published where missing.

    A kreisangehörige Gemeinde gets the profile of its Landkreis first and stands below it.
    """
    vorhanden = KommunePage.objects.filter(kommune=kommune).first()
    if vorhanden is not None:
        return vorhanden.specific
    parent = _profil_parent(kommune)
    page_class = LandkreisPage if kommune.typ == KommuneTyp.LANDKREIS else KommunePage
    verstoss = tree_rule_violation(kommune, parent, page_class)
    if verstoss:
        raise ValidationError(verstoss)
    page = page_class(
        kommune=kommune,
        title=kommune.anzeigename,
        slug=free_slug(parent, slugify(kommune.anzeigename) or kommune.ags, kommune.ags),
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page_class.objects.get(pk=page.pk)  # publishing worked on a copy


def _profil_parent(kommune: Kommune) -> Page:
    """Where the profile belongs: below its Kreis's profile, or directly below the index."""
    if kommune.kreis_id:
        return ensure_profile(kommune.kreis)
    index = KommunenIndexPage.objects.first()
    if index is None:
        raise ValidationError(
            _("Es gibt keine Kommunen-Übersicht, unter der Profile stehen können.")
        )
    return index


def free_slug(parent: Page, wunsch: str, zusatz: str) -> str:
    """A slug not yet taken among the parent's children (the AGS disambiguates)."""
    belegt = set(parent.get_children().values_list("slug", flat=True))
    kandidat = wunsch
    if kandidat in belegt:
        kandidat = f"{wunsch}-{zusatz}"
    n = 2
    while kandidat in belegt:
        kandidat, n = f"{wunsch}-{zusatz}-{n}", n + 1
    return kandidat
