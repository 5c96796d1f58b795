"""How complete an entry is for another Kommune that wants to adopt it.

The transfer-relevant conditions (Kosten per year and one-off, Personal, Förderung,
Übertragbarkeit, Evidenz, Erfahrungen, Kontakt, Laufzeit, the image's alt text) are optional in
the editor, so that a draft can be saved early; this module names the ones still empty. One
home for the editor panel, the review mail and the reviewers' queue. It reads only attributes,
so a draft revision (`revision.as_object()`) and an unsaved page work as well as a saved one.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# The tab headings of PraxisPage.edit_handler the fields stand on (for the editor's links).
CONTENT_TAB = gettext_noop("Inhalt")
CONDITIONS_TAB = gettext_noop("Rahmenbedingungen")
FINISHED = "abgeschlossen"  # PraxisStatus.ABGESCHLOSSEN; praxis.models imports this module
EVALUATED = "evaluiert"  # Evidenz.EVALUIERT: the level that promises a linked report


@dataclass(frozen=True)
class MissingField:
    """One empty transfer-relevant field: what it is, what to enter, where it is."""

    key: str
    label: str
    hint: str
    tab: str
    anchor: str  # id of the input or panel in the page editor


@dataclass(frozen=True)
class Completeness:
    missing: list[MissingField]
    total: int

    @property
    def filled(self) -> int:
        return self.total - len(self.missing)

    @property
    def ratio(self) -> float:
        """Share of the applicable fields that are filled, from 0.0 to 1.0."""
        return self.filled / self.total if self.total else 1.0

    @property
    def percent(self) -> int:
        return round(self.ratio * 100)

    @property
    def missing_labels(self) -> list[str]:
        return [str(field.label) for field in self.missing]


def missing_fields(page) -> list[MissingField]:
    """The transfer-relevant fields of the entry that are still empty, in editor order."""
    return [field for check in CHECKS if (field := check(page)) is not None]


def completeness(page) -> Completeness:
    """The missing fields and how many apply (the alt text only to an entry with an image)."""
    total = len(CHECKS) - (0 if getattr(page, "bild_id", None) else 1)
    return Completeness(missing_fields(page), total)


def _kosten(page) -> MissingField | None:
    if page.kosten_jahr_eur is not None:
        return None
    hint = _("Ungefähre Kosten pro Jahr in Euro; 0, wenn keine Kosten anfallen.")
    return MissingField("kosten", _("Kosten"), hint, _(CONDITIONS_TAB), "id_kosten_jahr_eur")


def _personal(page) -> MissingField | None:
    if page.personal.strip():
        return None
    hint = _("Wer arbeitet mit, in welchem Umfang (Stellenanteile, Ehrenamtliche)?")
    return MissingField("personal", _("Personal"), hint, _(CONDITIONS_TAB), "id_personal")


def _kosten_einmalig(page) -> MissingField | None:
    if page.kosten_einmalig_eur is not None:
        return None
    hint = _("Einmalige Kosten für den Aufbau in Euro; 0, wenn keine angefallen sind.")
    return MissingField(
        "kosten_einmalig",
        _("Einmalige Kosten"),
        hint,
        _(CONDITIONS_TAB),
        "id_kosten_einmalig_eur",
    )


def _foerderung(page) -> MissingField | None:
    """A managed programme or a free-text source (budget, donations) counts."""
    if page.foerderprogramme.all() or page.foerderungen.all():
        return None
    hint = _("Förderprogramm oder Finanzierung, zum Beispiel „AMIF“ oder „Haushaltsmittel“.")
    return MissingField(
        "foerderung", _("Förderung"), hint, _(CONDITIONS_TAB), "id_foerderprogramme_0"
    )


def _uebertragbarkeit(page) -> MissingField | None:
    if page.uebertragbarkeit.strip():
        return None
    hint = _("Was braucht eine andere Kommune, um das Praxisbeispiel zu übernehmen?")
    return MissingField(
        "uebertragbarkeit", _("Übertragbarkeit"), hint, _(CONDITIONS_TAB), "id_uebertragbarkeit"
    )


def _evidenz(page) -> MissingField | None:
    """The level, and for an external evaluation the report it promises."""
    if not page.evidenz:
        hint = _("Wie gut ist es belegt: Idee, erprobt, ausgewertet oder extern evaluiert?")
        return MissingField("evidenz", _("Evidenz"), hint, _(CONDITIONS_TAB), "id_evidenz_0")
    if page.evidenz == EVALUATED and not page.evaluation_url.strip():
        hint = _("Extern evaluiert: Bitte den Link zum Bericht der Evaluation angeben.")
        return MissingField("evidenz", _("Evidenz"), hint, _(CONDITIONS_TAB), "id_evaluation_url")
    return None


def _erfahrungen(page) -> MissingField | None:
    if page.erfahrungen.strip():
        return None
    hint = _("Was hat gut funktioniert, was nicht? Daraus lernen andere Kommunen am meisten.")
    return MissingField(
        "erfahrungen",
        _("Erfahrungen und Stolpersteine"),
        hint,
        _(CONDITIONS_TAB),
        "id_erfahrungen",
    )


def _kontakt(page) -> MissingField | None:
    if page.kontakt_name.strip() and page.kontakt_email.strip():
        return None
    anchor = "id_kontakt_email" if page.kontakt_name.strip() else "id_kontakt_name"
    hint = _("Name und E-Mail-Adresse einer Ansprechperson für Rückfragen und Kontaktanfragen.")
    return MissingField("kontakt", _("Kontakt"), hint, _(CONDITIONS_TAB), anchor)


def _laufzeit(page) -> MissingField | None:
    if not page.beginn:
        hint = _("Monat des Beginns (und des Endes, wenn das Projekt abgeschlossen ist).")
        return MissingField("laufzeit", _("Laufzeit"), hint, _(CONDITIONS_TAB), "id_beginn")
    if page.status == FINISHED and not page.ende:
        hint = _("Das Projekt ist abgeschlossen: Bitte den Monat des Endes angeben.")
        return MissingField("laufzeit", _("Laufzeit"), hint, _(CONDITIONS_TAB), "id_ende")
    return None


def _alt_text(page) -> MissingField | None:
    """The preview image's alt text is its description in the image library (body images
    must have one already, Wagtail's ImageBlock insists)."""
    image = page.bild if getattr(page, "bild_id", None) else None
    if image is None or image.description.strip():
        return None
    hint = _(
        "Das Vorschaubild hat keinen Alternativtext: Bitte in der Bildverwaltung eine "
        "Beschreibung ergänzen, die sagt, was auf dem Bild zu sehen ist."
    )
    return MissingField(
        "alternativtext", _("Alternativtext des Bildes"), hint, _(CONTENT_TAB), "id_bild-chooser"
    )


CHECKS = (
    _kosten,
    _kosten_einmalig,
    _personal,
    _foerderung,
    _uebertragbarkeit,
    _evidenz,
    _erfahrungen,
    _kontakt,
    _laufzeit,
    _alt_text,
)
