"""The whole document: page and text set-up, then the sections in the order of a Sitzungsvorlage."""

from io import BytesIO

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

import docx
from docx.document import Document

from praxis.models import PraxisPage

from . import finanzen, quellen, sections
from .vorlage import Vorlage
from .word import add_footer, set_up_page, set_up_text

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

SECTION_WRITERS = (
    sections.write_head,
    sections.write_beschlussvorschlag,
    sections.write_sachverhalt,
    sections.write_vergleichbare_kommunen,
    finanzen.write_finanzen,
    sections.write_erfahrungen,
    quellen.write_ansprechperson,
    quellen.write_quellen,
)


def build_document(vorlage: Vorlage) -> Document:
    document = docx.Document()
    set_up_page(document)
    set_up_text(document)
    _set_properties(document, vorlage)
    for write in SECTION_WRITERS:
        write(document, vorlage)
    footer = _("Entwurf aus %(plattform)s, %(datum)s") % {
        "plattform": vorlage.plattform,
        "datum": date_format(vorlage.erstellt, "d.m.Y"),
    }
    add_footer(document, footer, _("Seite"))
    return document


def _set_properties(document: Document, vorlage: Vorlage) -> None:
    properties = document.core_properties
    properties.title = sections.betreff(vorlage)
    properties.subject = _("Beschlussvorlage")
    properties.author = properties.last_modified_by = vorlage.plattform
    properties.created = properties.modified = timezone.now()
    properties.revision = 1
    properties.language = "de-DE"
    properties.keywords = ", ".join(h.name for h in vorlage.page.handlungsfelder.all())


def document_bytes(document: Document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def file_name(page: PraxisPage) -> str:
    return f"beschlussvorlage-{page.slug}.docx"
