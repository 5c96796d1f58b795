"""Where a profile may stand in the page tree: the page tree mirrors Kreis and Gemeinde.

Used by the profile pages' admin form and by `ensure_profile`. The page classes use this module
through their admin form, so it names the Landkreis page type by its label, the way Wagtail's
`parent_page_types` do, instead of importing it.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from django_stubs_ext import StrOrPromise

from kommunen.models.register import Kommune, KommuneTyp

LANDKREIS_PAGE = "kommunen.LandkreisPage"


def tree_rule_violation(kommune: Kommune, parent: Page, page_class: type) -> StrOrPromise | None:
    """Why a profile of this Kommune may not stand under that parent, or None if it may."""
    landkreis_page = apps.get_model(LANDKREIS_PAGE)
    if kommune.typ == KommuneTyp.LANDKREIS and not issubclass(page_class, landkreis_page):
        return _("Für einen Landkreis ist der Seitentyp „Landkreis-Profil“ vorgesehen.")
    if issubclass(page_class, landkreis_page) and kommune.typ != KommuneTyp.LANDKREIS:
        return _("Ein Landkreis-Profil muss mit einem Landkreis verknüpft sein.")
    if isinstance(parent, landkreis_page):
        if kommune.kreis_id != parent.kommune_id:
            return _("Diese Kommune gehört nicht zu %(kreis)s.") % {"kreis": parent.kommune}
    elif kommune.kreis_id:
        return _("Eine kreisangehörige Kommune steht unter dem Profil ihres Landkreises.")
    return None
