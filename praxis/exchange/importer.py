"""Import of exchange-format lines: validate the whole file first, then upsert all or nothing."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune, KommunePage
from kommunen.profiles import ensure_profile, free_slug
from plattform.indexing import index_after_commit
from praxis.exchange import description
from praxis.exchange.parse import ExchangeError, ReferenceLookup, parse_line
from praxis.exchange.serialize import to_exchange_dict
from praxis.models import PraxisFoerderung, PraxisLink, PraxisPage, PraxisPartner
from praxis.stand import publish_keeping_stand

# The outcomes of one line; the values are what the import command prints.
CREATED, UPDATED, UNCHANGED = "neu", "aktualisiert", "unverändert"


@dataclass
class Line:
    """A validated line: its number in the file and the clean entry."""

    number: int
    entry: dict[str, Any]


@dataclass
class ValidatedFile:
    """The outcome of validating a file: the good lines and the rejected ones."""

    lines: list[Line] = field(default_factory=list)
    errors: list[ExchangeError] = field(default_factory=list)
    lookup: ReferenceLookup = field(default_factory=ReferenceLookup)


def validate_file(lines: Iterable[str]) -> ValidatedFile:
    """Validate every line (blank lines ignored); an `id` may occur only once per file."""
    validated = ValidatedFile()
    seen: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            entry = parse_line(text, number, validated.lookup)
        except ExchangeError as error:
            validated.errors.append(error)
            continue
        if entry["id"] in seen:
            reason = _("Die id steht schon in Zeile %(n)d.") % {"n": seen[entry["id"]]}
            validated.errors.append(ExchangeError(number, entry["id"], reason))
            continue
        seen[entry["id"]] = number
        validated.lines.append(Line(number, entry))
    _check_transfers(validated)
    validated.lines = _targets_first(validated.lines)
    return validated


def _check_transfers(validated: ValidatedFile) -> None:
    """`uebernommen_von` names an entry on the platform or in the file, without forming a
    circle (the file's lines count over what the platform has)."""
    in_file = {line.entry["id"]: line.entry["uebernommen_von"] for line in validated.lines}
    named = {target for target in in_file.values() if target}
    on_platform = dict(
        PraxisPage.objects.filter(austausch_id__in=named - set(in_file)).values_list(
            "austausch_id", "uebernommen_von__austausch_id"
        )
    )
    adapted = on_platform | in_file
    kept = []
    for line in validated.lines:
        reason = _transfer_error(line.entry, adapted)
        if reason:
            validated.errors.append(ExchangeError(line.number, line.entry["id"], str(reason)))
        else:
            kept.append(line)
    validated.lines = kept
    validated.errors.sort(key=lambda error: error.line)


def _transfer_error(entry: dict[str, Any], adapted: dict[str, str | None]):
    target = entry["uebernommen_von"]
    if target is None:
        return None
    if target not in adapted:
        return _(
            "„uebernommen_von“: ein Praxisbeispiel mit der id „%(id)s“ gibt es weder auf der "
            "Plattform noch in dieser Datei."
        ) % {"id": target}
    seen = {entry["id"]}
    while target is not None and target not in seen:
        seen.add(target)
        target = adapted.get(target)
    if target == entry["id"]:
        return _(
            "„uebernommen_von“: die Übernahmen bilden einen Kreis (ein Praxisbeispiel wäre "
            "über andere von sich selbst übernommen)."
        )
    return None


def _targets_first(lines: list[Line]) -> list[Line]:
    """The lines in file order, except that an entry another line adapted is saved before it."""
    by_id = {line.entry["id"]: line for line in lines}
    ordered: list[Line] = []
    placed: set[str] = set()

    def place(line: Line) -> None:
        if line.entry["id"] in placed:
            return
        placed.add(line.entry["id"])
        target = by_id.get(line.entry["uebernommen_von"] or "")
        if target is not None:
            place(target)
        ordered.append(line)

    for line in lines:
        place(line)
    return ordered


def import_validated(
    validated: ValidatedFile,
    draft: bool = False,
    report: Callable[[Line, str], None] | None = None,
) -> dict[str, int]:
    """Upsert the validated lines in one transaction; counts per outcome (neu, ...).

    The entries written are searchable once the transaction has committed, without a worker.
    """
    counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
    written: list[str] = []
    with transaction.atomic():
        for line in validated.lines:
            outcome = _save_line(line, validated.lookup, draft)
            counts[outcome] += 1
            if outcome != UNCHANGED:
                written.append(line.entry["id"])
            if report:
                report(line, outcome)
        pages = PraxisPage.objects.filter(austausch_id__in=written)
        index_after_commit(pages.values_list("pk", flat=True))
    return counts


def _save_line(line: Line, lookup: ReferenceLookup, draft: bool) -> str:
    """Save one line; what the database refuses becomes an ExchangeError naming the line."""
    try:
        return save_entry(line.entry, lookup, draft)
    except ValidationError as error:
        reason = "; ".join(error.messages)
        raise ExchangeError(line.number, line.entry["id"], reason) from error
    except IntegrityError as error:  # e.g. a concurrent import created the same id
        reason = str(_("Konflikt beim Speichern, bitte erneut importieren (%(f)s).")) % {"f": error}
        raise ExchangeError(line.number, line.entry["id"], reason) from error
    except DataError as error:  # the validation should have refused it; all is rolled back
        reason = str(_("Die Datenbank hat die Zeile abgelehnt (%(f)s).")) % {"f": error}
        raise ExchangeError(line.number, line.entry["id"], reason) from error


def save_entry(entry: dict[str, Any], lookup: ReferenceLookup, draft: bool = False) -> str:
    """Create or update the page of one clean entry; returns neu, aktualisiert or unverändert."""
    existing = PraxisPage.objects.filter(austausch_id=entry["id"]).first()
    if existing is None:
        _create(entry, lookup, draft)
        return CREATED
    if _is_unchanged(existing, entry, draft):
        return UNCHANGED
    _update(existing, entry, lookup, draft)
    return UPDATED


def _is_unchanged(page: PraxisPage, entry: dict[str, Any], draft: bool) -> bool:
    """Publishing compares with the live content, a draft import with the latest revision."""
    if draft:
        return to_exchange_dict(page.get_latest_revision_as_object()) == entry
    return page.live and to_exchange_dict(page) == entry


def _create(entry: dict[str, Any], lookup: ReferenceLookup, draft: bool) -> None:
    profile = ensure_profile(_kommune(entry["kommune"], lookup))
    wanted_slug = slugify(entry["titel"])[:200] or entry["id"]
    page = PraxisPage(
        austausch_id=entry["id"], slug=free_slug(profile, wanted_slug, entry["id"]), live=False
    )
    _apply(page, entry, lookup)
    profile.add_child(instance=page)
    _save_revision(page, draft)


def _update(
    existing: PraxisPage, entry: dict[str, Any], lookup: ReferenceLookup, draft: bool
) -> None:
    """Edit the latest revision, as an editor would; a new lead Kommune moves the page first."""
    kommune = _kommune(entry["kommune"], lookup)
    moved = existing.kommune_id != kommune.pk
    if moved:
        _move(existing, ensure_profile(kommune))
    row = PraxisPage.objects.get(pk=existing.pk)
    page = row.get_latest_revision_as_object()
    if moved:
        page.slug = row.slug
    _apply(page, entry, lookup)
    page.kommune = kommune
    _save_revision(page, draft)


def _move(page: PraxisPage, profile: KommunePage) -> None:
    """Move the page below another profile, renaming its slug if it is taken there."""
    slug = free_slug(profile, page.slug, page.austausch_id)
    if slug != page.slug:
        PraxisPage.objects.filter(pk=page.pk).update(slug=slug)
        page.slug = slug
    page.move(profile, pos="last-child")


def _save_revision(page: PraxisPage, draft: bool) -> None:
    """Save the edited page as a draft, or publish it with the `stand` of the file."""
    if draft:
        page.save_revision()
    else:
        publish_keeping_stand(page)


def _kommune(ags: str, lookup: ReferenceLookup) -> Kommune:
    return lookup.kommunen([ags])[ags]


def _apply(page: PraxisPage, entry: dict[str, Any], lookup: ReferenceLookup) -> None:
    """Write the clean entry onto the page object (not yet saved)."""
    page.title = entry["titel"]
    page.kurzbeschreibung = entry["kurzbeschreibung"]
    page.body = _body(page, entry["beschreibung"])
    page.handlungsfelder = [lookup.handlungsfelder[s] for s in entry["handlungsfelder"]]
    page.zielgruppen = [lookup.zielgruppen[s] for s in entry["zielgruppen"]]
    page.schlagworte.set(entry["schlagworte"])
    page.status = entry["status"]
    for key in ("beginn", "ende", "traeger", "personal", "uebertragbarkeit"):
        setattr(page, key, entry[key] or "")
    page.kosten_jahr_eur = entry["kosten_jahr_eur"]
    page.kosten_einmalig_eur = entry["kosten_einmalig_eur"]
    for key in ("evidenz", "evaluation_url", "erfahrungen"):
        setattr(page, key, entry[key] or "")
    page.foerderprogramme = [lookup.foerderprogramme[s] for s in entry["foerderprogramme"]]
    page.uebernommen_von = _entry(entry["uebernommen_von"])
    page.stand = _stand(entry)
    kontakt = entry["kontakt"] or {}
    for key in ("name", "funktion", "email", "telefon"):
        setattr(page, f"kontakt_{key}", kontakt.get(key) or "")
    _apply_inlines(page, entry, lookup)


def _entry(austausch_id: str | None) -> PraxisPage | None:
    """The entry an imported line adapted; saved before it (`_targets_first`)."""
    return PraxisPage.objects.get(austausch_id=austausch_id) if austausch_id else None


def _stand(entry: dict[str, Any]) -> date | None:
    return date.fromisoformat(entry["stand"]) if entry["stand"] else None


def _apply_inlines(page: PraxisPage, entry: dict[str, Any], lookup: ReferenceLookup) -> None:
    kommunen = lookup.kommunen(entry["partner_kommunen"])
    page.partner = [
        PraxisPartner(kommune=kommunen[ags], sort_order=i)
        for i, ags in enumerate(entry["partner_kommunen"])
    ]
    page.foerderungen = [
        PraxisFoerderung(name=name, sort_order=i) for i, name in enumerate(entry["foerderung"])
    ]
    page.links = [PraxisLink(url=url, sort_order=i) for i, url in enumerate(entry["links"])]


def _body(page: PraxisPage, text: str | None) -> list[dict[str, Any]]:
    """New paragraphs first, then the other blocks (images, documents, quotes) as they were."""
    html = description.to_html(text)
    paragraphs = [{"type": "absatz", "value": html, "id": str(uuid4())}] if html else []
    others = [dict(block) for block in page.body.raw_data if block["type"] != "absatz"]
    return paragraphs + others
