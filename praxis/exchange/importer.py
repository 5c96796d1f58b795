"""Import of exchange-format lines: validate the whole file first, then upsert all or nothing."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune
from kommunen.profiles import ensure_profile, free_slug
from praxis.exchange import description
from praxis.exchange.parse import AustauschFehler, Verzeichnis, lies_zeile
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisFoerderung, PraxisLink, PraxisPage, PraxisPartner

NEU, AKTUALISIERT, UNVERAENDERT = "neu", "aktualisiert", "unverändert"


@dataclass
class Zeile:
    """A validated line: its number in the file and the clean entry."""

    nummer: int
    eintrag: dict[str, Any]


@dataclass
class Pruefung:
    """The outcome of validating a file: the good lines and the rejected ones."""

    zeilen: list[Zeile] = field(default_factory=list)
    fehler: list[AustauschFehler] = field(default_factory=list)
    verzeichnis: Verzeichnis = field(default_factory=Verzeichnis)


def pruefe_datei(zeilen: Iterable[str]) -> Pruefung:
    """Validate every line (blank lines ignored); an `id` may occur only once per file."""
    pruefung = Pruefung()
    gesehen: dict[str, int] = {}
    for nummer, text in enumerate(zeilen, start=1):
        if not text.strip():
            continue
        try:
            eintrag = lies_zeile(text, nummer, pruefung.verzeichnis)
        except AustauschFehler as fehler:
            pruefung.fehler.append(fehler)
            continue
        if eintrag["id"] in gesehen:
            grund = _("Die id steht schon in Zeile %(n)d.") % {"n": gesehen[eintrag["id"]]}
            pruefung.fehler.append(AustauschFehler(nummer, eintrag["id"], grund))
            continue
        gesehen[eintrag["id"]] = nummer
        pruefung.zeilen.append(Zeile(nummer, eintrag))
    return pruefung


def importiere(
    pruefung: Pruefung, entwurf: bool = False, melde: Callable[[Zeile, str], None] | None = None
) -> dict[str, int]:
    """Upsert the validated lines in one transaction; counts per outcome (neu, ...)."""
    zaehler = {NEU: 0, AKTUALISIERT: 0, UNVERAENDERT: 0}
    with transaction.atomic():
        for zeile in pruefung.zeilen:
            try:
                ergebnis = speichere(zeile.eintrag, pruefung.verzeichnis, entwurf)
            except ValidationError as fehler:
                grund = "; ".join(fehler.messages)
                raise AustauschFehler(zeile.nummer, zeile.eintrag["id"], grund) from fehler
            except IntegrityError as fehler:  # e.g. a concurrent import created the same id
                grund = str(_("Konflikt beim Speichern, bitte erneut importieren (%(f)s).")) % {
                    "f": fehler
                }
                raise AustauschFehler(zeile.nummer, zeile.eintrag["id"], grund) from fehler
            zaehler[ergebnis] += 1
            if melde:
                melde(zeile, ergebnis)
    return zaehler


def speichere(eintrag: dict[str, Any], verzeichnis: Verzeichnis, entwurf: bool = False) -> str:
    """Create or update the page of one clean entry; returns neu, aktualisiert or unverändert."""
    vorhanden = PraxisPage.objects.filter(austausch_id=eintrag["id"]).first()
    if vorhanden is None:
        _lege_an(eintrag, verzeichnis, entwurf)
        return NEU
    if _unveraendert(vorhanden, eintrag, entwurf):
        return UNVERAENDERT
    _aktualisiere(vorhanden, eintrag, verzeichnis, entwurf)
    return AKTUALISIERT


def _unveraendert(page: PraxisPage, eintrag: dict[str, Any], entwurf: bool) -> bool:
    """Publishing compares with the live content, a draft import with the latest revision."""
    if entwurf:
        return to_exchange_dict(page.get_latest_revision_as_object()) == eintrag
    return page.live and to_exchange_dict(page) == eintrag


def _lege_an(eintrag: dict[str, Any], verzeichnis: Verzeichnis, entwurf: bool) -> None:
    kommune = _kommune(eintrag["kommune"], verzeichnis)
    profil = ensure_profile(kommune)
    wunsch = slugify(eintrag["titel"])[:200] or eintrag["id"]
    page = PraxisPage(
        austausch_id=eintrag["id"], slug=free_slug(profil, wunsch, eintrag["id"]), live=False
    )
    _uebertrage(page, eintrag, verzeichnis)
    profil.add_child(instance=page)
    _speichere_revision(page, entwurf)


def _aktualisiere(
    vorhanden: PraxisPage, eintrag: dict[str, Any], verzeichnis: Verzeichnis, entwurf: bool
) -> None:
    """Edit the latest revision, as an editor would; a new lead Kommune moves the page first."""
    kommune = _kommune(eintrag["kommune"], verzeichnis)
    verschoben = vorhanden.kommune_id != kommune.pk
    if verschoben:
        _verschiebe(vorhanden, ensure_profile(kommune))
    zeile = PraxisPage.objects.get(pk=vorhanden.pk)
    page = zeile.get_latest_revision_as_object()
    if verschoben:
        page.slug = zeile.slug
    _uebertrage(page, eintrag, verzeichnis)
    page.kommune = kommune
    _speichere_revision(page, entwurf)


def _verschiebe(page: PraxisPage, profil: Any) -> None:
    """Move the page below another profile, renaming its slug if it is taken there."""
    slug = free_slug(profil, page.slug, page.austausch_id)
    if slug != page.slug:
        PraxisPage.objects.filter(pk=page.pk).update(slug=slug)
        page.slug = slug
    page.move(profil, pos="last-child")


def _speichere_revision(page: PraxisPage, entwurf: bool) -> None:
    revision = page.save_revision()
    if not entwurf:
        revision.publish()


def _kommune(ags: str, verzeichnis: Verzeichnis) -> Kommune:
    return verzeichnis.kommunen([ags])[ags]


def _uebertrage(page: PraxisPage, eintrag: dict[str, Any], verzeichnis: Verzeichnis) -> None:
    """Write the clean entry onto the page object (not yet saved)."""
    page.title = eintrag["titel"]
    page.kurzbeschreibung = eintrag["kurzbeschreibung"]
    page.body = _body(page, eintrag["beschreibung"])
    page.handlungsfelder = [verzeichnis.handlungsfelder[s] for s in eintrag["handlungsfelder"]]
    page.zielgruppen = [verzeichnis.zielgruppen[s] for s in eintrag["zielgruppen"]]
    page.schlagworte.set(eintrag["schlagworte"])
    page.status = eintrag["status"]
    for schluessel in ("beginn", "ende", "traeger", "personal", "uebertragbarkeit"):
        setattr(page, schluessel, eintrag[schluessel] or "")
    page.kosten_jahr_eur = eintrag["kosten_jahr_eur"]
    kontakt = eintrag["kontakt"] or {}
    for schluessel in ("name", "funktion", "email", "telefon"):
        setattr(page, f"kontakt_{schluessel}", kontakt.get(schluessel) or "")
    _uebertrage_inlines(page, eintrag, verzeichnis)


def _uebertrage_inlines(
    page: PraxisPage, eintrag: dict[str, Any], verzeichnis: Verzeichnis
) -> None:
    kommunen = verzeichnis.kommunen(eintrag["partner_kommunen"])
    page.partner = [
        PraxisPartner(kommune=kommunen[ags], sort_order=i)
        for i, ags in enumerate(eintrag["partner_kommunen"])
    ]
    page.foerderungen = [
        PraxisFoerderung(name=name, sort_order=i) for i, name in enumerate(eintrag["foerderung"])
    ]
    page.links = [PraxisLink(url=url, sort_order=i) for i, url in enumerate(eintrag["links"])]


def _body(page: PraxisPage, text: str | None) -> list[dict[str, Any]]:
    """New paragraphs first, then the other blocks (images, documents, quotes) as they were."""
    html = description.als_html(text)
    absatz = [{"type": "absatz", "value": html, "id": str(uuid4())}] if html else []
    andere = [dict(block) for block in page.body.raw_data if block["type"] != "absatz"]
    return absatz + andere
