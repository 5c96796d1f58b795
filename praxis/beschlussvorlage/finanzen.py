"""Finanzielle Auswirkungen: the entry's costs and staff, its other funding, and its funding
programmes as they apply in the reader's Land (ended ones marked)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from docx.document import Document

from plattform.templatetags.plattform_tags import format_euro, kommune_size
from praxis.models import Foerderprogramm

from .vorlage import Vorlage
from .word import add_bullet, add_labelled


def write_finanzen(document: Document, vorlage: Vorlage) -> None:
    page = vorlage.page
    document.add_heading(_("Finanzielle Auswirkungen"), level=1)
    if source := _source_sentence(vorlage):
        document.add_paragraph(source)
    add_labelled(document, _("Einmalige Kosten"), euro_or_none(page.kosten_einmalig_eur))
    add_labelled(document, _("Laufende Kosten pro Jahr"), euro_or_none(page.kosten_jahr_eur))
    add_labelled(document, _("Personal"), page.personal or no_information())
    if funding := [foerderung.name for foerderung in page.foerderungen.all()]:
        add_labelled(document, _("Weitere Finanzierung laut Praxisbeispiel"), ", ".join(funding))
    write_programmes(document, vorlage)


def no_information() -> str:
    return _("keine Angabe im Praxisbeispiel")


def euro_or_none(amount: int | None) -> str:
    """ "5.000 €", or that the entry gives no amount (0 is an amount: "0 €")."""
    return format_euro(amount) if amount is not None else no_information()


def _source_sentence(vorlage: Vorlage) -> str:
    if vorlage.lead is None or vorlage.fuer_lead:
        return ""
    names = {"vorbild": vorlage.lead.anzeigename, "groesse": kommune_size(vorlage.lead)}
    if vorlage.kommune is None:
        text = _(
            "Die Angaben stammen von %(vorbild)s (%(groesse)s) und sind für die eigene Kommune "
            "zu prüfen und anzupassen."
        )
    else:
        names["kommune"] = vorlage.kommune.anzeigename
        text = _(
            "Die Angaben stammen von %(vorbild)s (%(groesse)s) und sind für %(kommune)s zu "
            "prüfen und anzupassen."
        )
    return text % names


def write_programmes(document: Document, vorlage: Vorlage) -> None:
    applying, elsewhere = vorlage.programmes()
    land = vorlage.land_name
    title = _("Förderprogramme in %(land)s") % {"land": land} if land else _("Förderprogramme")
    document.add_heading(title, level=2)
    for programme in applying:
        add_bullet(document, programme_line(programme, vorlage), programme.link or None)
    if not applying:
        document.add_paragraph(_no_programme_sentence(vorlage, bool(elsewhere)))
    if elsewhere:
        names = ", ".join(f"{p.name} ({p.geltungsbereich})" for p in elsewhere)
        document.add_paragraph(
            _("Außerdem nennt das Praxisbeispiel Programme anderer Länder: %(programme)s.")
            % {"programme": names}
        )


def programme_line(programme: Foerderprogramm, vorlage: Vorlage) -> str:
    """ "AMIF (EU, bundesweit, läuft bis 31.12.2027): " or "…, beendet, lief bis …): "."""
    parts = [programme.get_traeger_display(), programme.geltungsbereich]
    if programme.laeuft_bis is not None:
        end = date_format(programme.laeuft_bis, "d.m.Y")
        if programme.beendet(vorlage.erstellt):
            parts.append(_("beendet, lief bis %(ende)s") % {"ende": end})
        else:
            parts.append(_("läuft bis %(ende)s") % {"ende": end})
    line = f"{programme.name} ({', '.join(parts)})"
    return f"{line}: " if programme.link else line


def _no_programme_sentence(vorlage: Vorlage, has_others: bool) -> str:
    if not has_others:
        return _("Das Praxisbeispiel nennt keine Förderprogramme.")
    return _("Das Praxisbeispiel nennt kein Förderprogramm, das in %(land)s gilt.") % {
        "land": vorlage.land_name
    }
