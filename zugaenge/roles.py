"""Who may invite whom and whose participation requests someone handles, read from Wagtail's own
groups and page permissions: a Kreis coordination is whoever may publish on the Landkreis
profile itself, the platform team is the group Plattform-Redaktion and the superusers.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kommunen.grammar import kreis_genitive
from kommunen.models import Kommune, KommuneTyp
from kommunen.permissions import PLATFORM_EDITORS
from zugaenge.models import Teilnahmeanfrage

AnyUser = User | AnonymousUser


class Rolle(models.TextChoices):
    BEAUFTRAGTE = "beauftragte", gettext_lazy("Integrationsbeauftragte:r einer Kommune")
    KOORDINATION = "koordination", gettext_lazy("Kreiskoordination eines Landkreises")


def is_platform_team(user: AnyUser) -> bool:
    """Superusers and the members of the Plattform-Redaktion: they act for every Kommune."""
    if not user.is_active:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return user.groups.filter(name=PLATFORM_EDITORS).exists()


def coordinated_kreise(user: AnyUser) -> QuerySet[Kommune]:
    """The Landkreise whose profile page the user's groups may publish (granted on that page)."""
    if isinstance(user, AnonymousUser) or not user.is_active:
        return Kommune.objects.none()
    return Kommune.objects.filter(
        typ=KommuneTyp.LANDKREIS,
        profil__group_permissions__group__user=user,
        profil__group_permissions__permission__codename="publish_page",
    ).distinct()


def may_invite_anyone(user: AnyUser) -> bool:
    """Whether the admin offers the user the invitation form at all."""
    return is_platform_team(user) or coordinated_kreise(user).exists()


def role_error(kommune: Kommune, rolle: str) -> str | None:
    """Why the role does not fit the Kommune (a Kreis is coordinated, a Gemeinde has officers)."""
    is_kreis = kommune.typ == KommuneTyp.LANDKREIS
    if rolle == Rolle.KOORDINATION and not is_kreis:
        return _(
            "Die Rolle Kreiskoordination gibt es nur für Landkreise; %(kommune)s ist ein(e) "
            "%(typ)s. Für Gemeinden und Städte ist die Rolle Integrationsbeauftragte vorgesehen."
        ) % {"kommune": kommune.anzeigename, "typ": kommune.get_typ_display()}
    if rolle == Rolle.BEAUFTRAGTE and is_kreis:
        return _(
            "%(kommune)s ist ein Landkreis: Landkreise betreut ihre Kreiskoordination "
            "(Rolle Kreiskoordination)."
        ) % {"kommune": kommune.anzeigename}
    return None


def invitation_error(user: AnyUser, kommune: Kommune, rolle: str) -> str | None:
    """Why this user may not invite for that Kommune in that role, or None if they may.

    The platform team invites for every Kommune; a Kreis coordination invites officers for the
    Gemeinden of its own Kreis, and only there.
    """
    if error := role_error(kommune, rolle):
        return error
    if is_platform_team(user):
        return None
    kreise = list(coordinated_kreise(user))
    if not kreise:
        return _("Einladen dürfen nur Kreiskoordinationen und die Plattform-Redaktion.")
    if rolle == Rolle.KOORDINATION:
        return _("Kreiskoordinationen lädt die Plattform-Redaktion ein.")
    if kommune.kreis_id not in {kreis.pk for kreis in kreise}:
        return _(
            "%(kommune)s gehört nicht zu Ihrem Kreis. Sie können Integrationsbeauftragte für "
            "die Gemeinden %(kreise)s einladen."
        ) % {"kommune": kommune.anzeigename, "kreise": kreise_genitive(kreise)}
    return None


def kreise_genitive(kreise: list[Kommune]) -> str:
    """ "des Kreises Stormarn" (and, rarely, "des Kreises Stormarn und des Kreises Lauenburg")."""
    return _(" und ").join(kreis_genitive(kreis.anzeigename) for kreis in kreise)


def visible_requests(user: AnyUser) -> QuerySet[Teilnahmeanfrage]:
    """The participation requests the user handles: all for the platform team, those of the
    Gemeinden of their Kreis for a Kreis coordination, none for everyone else."""
    requests = Teilnahmeanfrage.objects.select_related("kommune__kreis")
    if is_platform_team(user):
        return requests
    return requests.filter(kommune__kreis__in=coordinated_kreise(user))


def request_reviewers(kommune: Kommune) -> list[User]:
    """Who is told of a new request: the Kreis coordination with an address; for kreisfreie
    Städte, Landkreise and Kreise without (reachable) coordination, the platform team."""
    reachable = User.objects.filter(is_active=True).exclude(email="")
    if kommune.kreis_id is not None:
        coordinators = reachable.filter(
            groups__page_permissions__page__kommunepage__kommune_id=kommune.kreis_id,
            groups__page_permissions__permission__codename="publish_page",
        ).distinct()
        if coordinators.exists():
            return list(coordinators)
    return list(
        reachable.filter(Q(groups__name=PLATFORM_EDITORS) | Q(is_superuser=True)).distinct()
    )
