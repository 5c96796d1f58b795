"""The parts of a Sitzungsvorlage before the money: head, Betreff, Beschlussvorschlag,
Sachverhalt und Begründung, Vergleichbare Kommunen, Erfahrungen und Stolpersteine.

A field the entry leaves empty gets a sentence saying so, never an empty heading."""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from docx.document import Document

from kommunen.models import Bundesland, Kommune
from plattform.templatetags.plattform_tags import format_laufzeit, groessenklasse_short
from praxis.exchange import description
from praxis.exchange.serialize import beschreibung_as_text
from praxis.models import Evidenz, PraxisStatus

from .vorlage import Vorlage
from .word import add_labelled, add_link, add_table, set_widths

STATUS_SAETZE = {
    PraxisStatus.GEPLANT: gettext_lazy("Das Vorhaben ist geplant und noch nicht umgesetzt."),
    PraxisStatus.LAUFEND: gettext_lazy("Das Vorhaben läuft."),
    PraxisStatus.ABGESCHLOSSEN: gettext_lazy("Das Vorhaben ist abgeschlossen."),
    PraxisStatus.VERSTETIGT: gettext_lazy(
        "Das Vorhaben ist verstetigt, also dauerhaft eingerichtet."
    ),
}


def kommune_facts(kommune: Kommune) -> str:
    """ "Kleinstadt, 16.000 Einwohner, Schleswig-Holstein"."""
    return _("%(klasse)s, %(einwohner)s Einwohner, %(land)s") % {
        "klasse": groessenklasse_short(kommune),
        "einwohner": intcomma(kommune.einwohner),
        "land": Bundesland(kommune.bundesland).label,
    }


def betreff(vorlage: Vorlage) -> str:
    names = {"titel": vorlage.page.title, "kommune": vorlage.ziel}
    if vorlage.fuer_lead:
        return _("Fortführung von „%(titel)s“ in %(kommune)s") % names
    if vorlage.kommune is not None:
        return _("Einführung von „%(titel)s“ in %(kommune)s") % names
    if vorlage.lead is not None:
        names["vorbild"] = vorlage.lead.anzeigename
        return _("Einführung von „%(titel)s“ nach dem Vorbild von %(vorbild)s") % names
    return _("Einführung von „%(titel)s“") % names


def write_head(document: Document, vorlage: Vorlage) -> None:
    """Title, Gremium, date and the entry it is drawn from, then the Betreff."""
    document.add_heading(_("Beschlussvorlage (Entwurf)"), level=0)
    gremium = vorlage.gremium
    if vorlage.kommune is not None:
        gremium = f"{gremium} {vorlage.kommune.anzeigename}"
    add_labelled(document, _("Gremium"), gremium)
    add_labelled(document, _("Datum"), date_format(vorlage.erstellt, "d.m.Y"))
    grundlage = add_labelled(
        document, _("Grundlage"), _("Praxisbeispiel „%(titel)s“") % {"titel": vorlage.page.title}
    )
    if vorlage.lead is not None:
        grundlage.add_run(" " + _("aus %(kommune)s") % {"kommune": vorlage.lead.anzeigename})
    document.add_heading(_("Betreff"), level=1)
    document.add_paragraph().add_run(betreff(vorlage)).bold = True


def write_beschlussvorschlag(document: Document, vorlage: Vorlage) -> None:
    document.add_heading(_("Beschlussvorschlag"), level=1)
    document.add_paragraph(_("Der %(gremium)s beschließt:") % {"gremium": vorlage.gremium})
    for item in beschluss_items(vorlage):
        document.add_paragraph(item, style="List Number")


def beschluss_items(vorlage: Vorlage) -> list[str]:
    names = {"titel": vorlage.page.title, "kommune": vorlage.ziel}
    if vorlage.fuer_lead:
        items = [_("„%(titel)s“ wird in %(kommune)s fortgeführt.") % names]
    else:
        items = [
            _(
                "Die Verwaltung wird beauftragt, die Einführung von „%(titel)s“ in %(kommune)s "
                "vorzubereiten und ein Umsetzungskonzept mit Kosten- und Finanzierungsplan "
                "vorzulegen."
            )
            % names
        ]
    items.append(_funding_item(vorlage))
    if vorlage.lead is not None and not vorlage.fuer_lead:
        items.append(
            _(
                "Die Verwaltung nimmt Kontakt mit %(vorbild)s auf, um Erfahrungen und Unterlagen "
                "auszutauschen."
            )
            % {"vorbild": vorlage.lead.anzeigename}
        )
    return items


def _funding_item(vorlage: Vorlage) -> str:
    programmes = vorlage.open_programmes()
    if not programmes:
        return _("Die Verwaltung prüft Möglichkeiten der Förderung.")
    # Names such as Bundesprogramm „Demokratie leben!“ bring their own quotation marks.
    names = get_text_list([programme.name for programme in programmes], _("und"))
    return _(
        "Die Verwaltung prüft eine Förderung und stellt die nötigen Anträge; in Frage kommen: "
        "%(programme)s."
    ) % {"programme": names}


def write_sachverhalt(document: Document, vorlage: Vorlage) -> None:
    """What the practice is, where it runs, since when, with what result and evidence."""
    page = vorlage.page
    document.add_heading(_("Sachverhalt und Begründung"), level=1)
    document.add_paragraph(page.kurzbeschreibung)
    for paragraph in description.paragraphs(beschreibung_as_text(page)):
        document.add_paragraph(paragraph)
    if vorlage.lead is not None:
        add_labelled(document, _("Wo"), where(vorlage.lead))
    if partners := vorlage.partners():
        names = ", ".join(partner.anzeigename for partner in partners)
        add_labelled(document, _("Gemeinsam mit"), names)
    if page.traeger:
        add_labelled(document, _("Träger"), page.traeger)
    add_labelled(document, _("Seit wann"), since_when(vorlage))
    _write_original(document, vorlage)
    document.add_heading(_("Ergebnis und Belege"), level=2)
    document.add_paragraph(str(STATUS_SAETZE[PraxisStatus(page.status)]))
    _write_evidence(document, vorlage)
    document.add_heading(_("Was eine Kommune für die Übernahme braucht"), level=2)
    _write_text_or_none(document, page.uebertragbarkeit, _("zur Übertragbarkeit"))


def where(kommune: Kommune) -> str:
    place = kommune.anzeigename
    if kommune.kreis is not None:
        place = _("%(kommune)s (%(kreis)s)") % {
            "kommune": place,
            "kreis": kommune.kreis.anzeigename,
        }
    return f"{place}: {kommune_facts(kommune)}"


def since_when(vorlage: Vorlage) -> str:
    laufzeit = format_laufzeit(vorlage.page)
    status = vorlage.page.get_status_display()
    if not laufzeit:
        return _("Das Praxisbeispiel enthält keine Angabe zur Laufzeit (Status: %(status)s).") % {
            "status": status
        }
    return _("%(laufzeit)s (Status: %(status)s)") % {"laufzeit": laufzeit, "status": status}


def _write_original(document: Document, vorlage: Vorlage) -> None:
    original = vorlage.original()
    if original is None:
        return
    paragraph = add_labelled(document, _("Vorbild"), f"„{original.title}“")
    if original.kommune is not None:
        paragraph.add_run(" " + _("aus %(kommune)s") % {"kommune": original.kommune.anzeigename})
    paragraph.add_run(_(", übernommen und angepasst: "))
    add_link(paragraph, vorlage.url(original))


def _write_evidence(document: Document, vorlage: Vorlage) -> None:
    page = vorlage.page
    if not page.evidenz:
        document.add_paragraph(_("Das Praxisbeispiel gibt nicht an, wie gut es belegt ist."))
    else:
        level = Evidenz(page.evidenz)
        add_labelled(
            document,
            _("Evidenzstufe"),
            _("%(stufe)s (%(kriterium)s)") % {"stufe": level.label, "kriterium": level.kriterium},
        )
    if page.evaluation_url:
        paragraph = add_labelled(document, _("Auswertung"), "")
        add_link(paragraph, page.evaluation_url)


def _write_text_or_none(document: Document, text: str, topic: str) -> None:
    """The paragraphs of a text field, or the plain sentence that the entry says nothing on it."""
    paragraphs = description.paragraphs(text)
    if not paragraphs:
        document.add_paragraph(
            _("Das Praxisbeispiel enthält keine Angaben %(thema)s.") % {"thema": topic}
        )
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)


def write_vergleichbare_kommunen(document: Document, vorlage: Vorlage) -> None:
    """The lead Kommune, its partners and the Kommunen that took it over, with their sizes."""
    document.add_heading(_("Vergleichbare Kommunen"), level=1)
    if vorlage.kommune is not None and not vorlage.fuer_lead:
        document.add_paragraph(
            _("Zum Vergleich %(kommune)s: %(fakten)s.")
            % {"kommune": vorlage.kommune.anzeigename, "fakten": kommune_facts(vorlage.kommune)}
        )
    rows = _kommune_rows(vorlage)
    if rows:
        _write_kommune_table(document, rows)
    if not vorlage.adoptions():
        document.add_paragraph(
            _("Bisher ist auf der Plattform keine Übernahme durch eine andere Kommune eingetragen.")
        )


def _kommune_rows(vorlage: Vorlage) -> list[tuple[Kommune | None, str, str, str]]:
    """(Kommune, name, role, link) per row: lead, partners, then the Kommunen that took it over."""
    rows: list[tuple[Kommune | None, str, str, str]] = []
    if vorlage.lead is not None:
        rows.append((vorlage.lead, vorlage.lead.anzeigename, _("federführend"), ""))
    for partner in vorlage.partners():
        rows.append((partner, partner.anzeigename, _("Partnerkommune"), ""))
    for adoption in vorlage.adoptions():
        role = _("hat übernommen")
        if adoption.jahr:
            role = _("hat übernommen (%(jahr)d)") % {"jahr": adoption.jahr}
        url = vorlage.url(adoption.page)
        rows.append((adoption.page.kommune, adoption.kommune_name, role, url))
    return rows


KOMMUNE_COLUMNS_MM = [32, 34, 32, 27, 35]  # 160 mm: the text width of an A4 page


def _write_kommune_table(document: Document, rows: list) -> None:
    headers = [_("Kommune"), _("Beteiligung"), _("Größe"), _("Einwohner"), _("Land")]
    table = add_table(document, headers, KOMMUNE_COLUMNS_MM)
    for kommune, name, role, url in rows:
        row = table.add_row()
        set_widths(row, KOMMUNE_COLUMNS_MM)
        cells = row.cells
        if url:
            add_link(cells[0].paragraphs[0], url, name)
        else:
            cells[0].text = name
        cells[1].text = role
        if kommune is not None:
            cells[2].text = groessenklasse_short(kommune)
            cells[3].text = intcomma(kommune.einwohner)
            cells[4].text = Bundesland(kommune.bundesland).label


def write_erfahrungen(document: Document, vorlage: Vorlage) -> None:
    document.add_heading(_("Erfahrungen und Stolpersteine"), level=1)
    _write_text_or_none(document, vorlage.page.erfahrungen, _("zu Erfahrungen und Stolpersteinen"))
