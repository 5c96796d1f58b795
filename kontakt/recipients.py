"""Who receives a contact request: the named contact first, then the Kommune's editors, then
the platform team, so that no message is lost for want of an address.

Editors are the members of the groups with page permissions on the profile itself (its
Integrationsbeauftragte, for a Landkreis its Kreiskoordination); the platform team are those
with page permissions on the Kommunen index, then the operator's contact address, then the
administrators.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from kommunen.models import Kommune, KommunenIndexPage, KommunePage
from kontakt.models import Zustellweg
from plattform.models import PlattformEinstellungen
from praxis.models import PraxisPage


@dataclass(frozen=True)
class Empfang:
    """Where a request to a page goes: the Kommune it belongs to and the addresses."""

    kommune: Kommune
    profile: KommunePage
    zustellweg: Zustellweg
    addresses: list[str]

    @property
    def beschreibung(self) -> str:
        """Whom the visitor writes to, in words and without an address ("an die …")."""
        texts = {
            Zustellweg.ANSPRECHPERSON_PRAXIS: _("an die Kontaktperson dieses Praxisbeispiels"),
            Zustellweg.ANSPRECHPERSON_KOMMUNE: _("an die Ansprechperson der Kommune %(kommune)s"),
            Zustellweg.REDAKTION: _("an die Redaktion der Kommune %(kommune)s"),
            Zustellweg.PLATTFORM: _(
                "an das Team der Plattform, das sie an die Kommune %(kommune)s weitergibt"
            ),
        }
        return texts[self.zustellweg] % {"kommune": self.kommune.anzeigename}


def recipients_for(page: Page) -> Empfang:
    """The recipients of a request sent from an entry or a profile page."""
    page = page.specific
    if isinstance(page, PraxisPage):
        profile = page.get_parent().specific
        if page.kontakt_email:
            return Empfang(
                profile.kommune, profile, Zustellweg.ANSPRECHPERSON_PRAXIS, [page.kontakt_email]
            )
        return _for_profile(profile)
    if isinstance(page, KommunePage):
        return _for_profile(page)
    raise TypeError(f"No contact form on {type(page).__name__}")


def _for_profile(profile: KommunePage) -> Empfang:
    contact = profile.kontaktpersonen.exclude(email="").order_by("sort_order", "pk").first()
    if contact is not None:
        return Empfang(profile.kommune, profile, Zustellweg.ANSPRECHPERSON_KOMMUNE, [contact.email])
    editors = _addresses(_users_with_page_permissions_on(profile))
    if editors:
        return Empfang(profile.kommune, profile, Zustellweg.REDAKTION, editors)
    return Empfang(profile.kommune, profile, Zustellweg.PLATTFORM, platform_team_addresses())


def platform_team_addresses() -> list[str]:
    """The platform editors, else the operator's contact address, else the administrators."""
    index = KommunenIndexPage.objects.first()
    team = _addresses(_users_with_page_permissions_on(index)) if index else []
    if team:
        return team
    site = Site.objects.filter(is_default_site=True).first()
    operator = PlattformEinstellungen.for_site(site).kontakt_email if site else ""
    if operator:
        return [operator]
    return _addresses(get_user_model().objects.filter(is_active=True, is_superuser=True))


def _users_with_page_permissions_on(page: Page) -> QuerySet:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__page_permissions__page=page)
        .distinct()
    )


def _addresses(users: QuerySet) -> list[str]:
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))
