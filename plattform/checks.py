"""System checks: the legal pages need the operator's details (site settings) in production;
media in object storage must be served from the site's own host."""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError

from wagtail.models import Site

from plattform.models import PlattformEinstellungen


@checks.register(checks.Tags.database)
def check_operator_details(app_configs, databases=None, **kwargs) -> list[checks.CheckMessage]:
    """Warn (unless DEBUG) for each site whose Impressum, Datenschutz or Barrierefreiheit
    would lack required details. Runs with database checks: `migrate`, `check --database`."""
    if settings.DEBUG or not databases:
        return []
    try:
        return [_warning(site, missing) for site, missing in _missing_by_site() if missing]
    except DatabaseError:  # before the first `migrate` the tables do not exist yet
        return []


def _missing_by_site() -> list[tuple[Site, list[str]]]:
    # Read only: for_site() would create the settings row as a side effect.
    stored = {s.site_id: s for s in PlattformEinstellungen.objects.all()}
    return [
        (site, stored.get(site.pk, PlattformEinstellungen(site=site)).missing_details())
        for site in Site.objects.order_by("pk")
    ]


def _warning(site: Site, missing: list[str]) -> checks.Warning:
    return checks.Warning(
        "Impressum, Datenschutz und Barrierefreiheit sind unvollständig; es fehlen: "
        f"{', '.join(missing)}.",
        hint="Im Admin unter Einstellungen > Plattform-Einstellungen ausfüllen.",
        obj=site,
        id="plattform.W001",
    )


@checks.register(checks.Tags.security, deploy=True)
def check_media_host(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Media in S3 without MEDIA_S3_CUSTOM_DOMAIN would load from the storage's host, which
    the Datenschutz text rules out (no request to another host)."""
    options: dict = settings.STORAGES["default"].get("OPTIONS") or {}  # type: ignore[assignment]
    if settings.MEDIA_S3_BUCKET and not options.get("custom_domain"):
        return [
            checks.Warning(
                "Bilder und Dokumente lägen auf dem Host des Objektspeichers: Seiten würden "
                "Inhalte von einem anderen Host laden.",
                hint="MEDIA_S3_CUSTOM_DOMAIN auf den eigenen Host setzen, dessen /media/ der "
                "Proxy an den Bucket weitergibt (docs/betrieb.md).",
                id="plattform.W002",
            )
        ]
    return []
