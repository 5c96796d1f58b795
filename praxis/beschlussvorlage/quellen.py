"""Ansprechperson and Quellen: whom to ask, and where every statement of the document comes from.

E-mail address and telephone number appear only with the person's documented consent
(`kontakt_veroeffentlichen`), as on the entry's page; otherwise the contact form is the way."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from docx.document import Document

from .vorlage import Vorlage
from .word import add_bullet, add_labelled, add_link, keep_together


def write_ansprechperson(document: Document, vorlage: Vorlage) -> None:
    """Name, function, published address; the block stays together on one page."""
    page = vorlage.page
    heading = document.add_heading(_("Ansprechperson"), level=1)
    if not (page.kontakt_name or page.kontakt_funktion):
        document.add_paragraph(_("Das Praxisbeispiel nennt keine Ansprechperson."))
    if page.kontakt_name:
        document.add_paragraph().add_run(page.kontakt_name).bold = True
    if page.kontakt_funktion:
        function = page.kontakt_funktion
        if vorlage.lead is not None:
            function = f"{function}, {vorlage.lead.anzeigename}"
        document.add_paragraph(function)
    published = _write_published_contact(document, vorlage)
    form = document.add_paragraph(_contact_form_sentence(published))
    add_link(form, vorlage.contact_url)
    keep_together(document, since=heading)


def _write_published_contact(document: Document, vorlage: Vorlage) -> bool:
    """E-mail and telephone if the person agreed to publish them; whether any was written."""
    page = vorlage.page
    if not page.kontakt_veroeffentlichen:
        return False
    if page.kontakt_email:
        add_labelled(document, _("E-Mail"), page.kontakt_email)
    if page.kontakt_telefon:
        add_labelled(document, _("Telefon"), page.kontakt_telefon)
    return bool(page.kontakt_email or page.kontakt_telefon)


def _contact_form_sentence(published: bool) -> str:
    if published:
        return _("Oder über das Kontaktformular der Plattform: ")
    return _(
        "Erreichbar über das Kontaktformular der Plattform, das die Nachricht per E-Mail "
        "weiterleitet: "
    )


def write_quellen(document: Document, vorlage: Vorlage) -> None:
    page = vorlage.page
    document.add_heading(_("Quellen"), level=1)
    add_bullet(
        document,
        _("Praxisbeispiel „%(titel)s“ auf %(plattform)s: ")
        % {"titel": page.title, "plattform": vorlage.plattform},
        vorlage.entry_url,
    )
    if (original := vorlage.original()) is not None:
        add_bullet(
            document, _("Vorbild „%(titel)s“: ") % {"titel": original.title}, vorlage.url(original)
        )
    if page.evaluation_url:
        add_bullet(document, _("Auswertung: "), page.evaluation_url)
    for link in page.links.all():
        add_bullet(document, url=link.url)
    for programme in page.foerderprogramme.all():
        if programme.link:
            add_bullet(document, f"{programme.name}: ", programme.link)
    document.add_paragraph(_stand_sentence(vorlage))
    document.add_paragraph(
        _(
            "Erstellt am %(datum)s aus den Angaben des Praxisbeispiels. Bitte vor der Sitzung "
            "prüfen und ergänzen."
        )
        % {"datum": date_format(vorlage.erstellt, "j. F Y")}
    )


def _stand_sentence(vorlage: Vorlage) -> str:
    stand = vorlage.page.aktueller_stand
    if stand is None:
        return _("Das Praxisbeispiel nennt keinen Stand seiner Angaben.")
    text = _("Stand der Angaben im Praxisbeispiel: %(stand)s.") % {
        "stand": date_format(stand, "F Y")
    }
    if vorlage.page.veraltet:
        text += " " + _(
            "Sie wurden seit mehr als zwei Jahren nicht als aktuell bestätigt und können "
            "veraltet sein."
        )
    return text
