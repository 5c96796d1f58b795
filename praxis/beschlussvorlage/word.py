"""What python-docx does not offer directly: A4 pages, the document language, hyperlinks and a
page number in the footer. The rest of the package writes text through these and python-docx."""

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

LINK_COLOR = "0563C1"  # Word's own hyperlink blue
FONT = "Arial"  # LibreOffice shows it as the metric-compatible Liberation Sans


def set_up_page(document: Document) -> None:
    """A4 portrait with 25 mm margins (python-docx's template is US Letter)."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)


HEADING_STYLES = ("Title", "Heading 1", "Heading 2")
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_up_text(document: Document, language: str = "de-DE") -> None:
    """Arial throughout, 11 pt for the body, and German as the language of spelling and
    hyphenation (the template's headings use the theme's Calibri Light)."""
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Normal", *HEADING_STYLES):
        _use_font(document.styles[name], FONT)
    run_properties = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    run_properties.append(lang)


def _use_font(style, name: str) -> None:
    """The font by name; a theme font named in the style would win over it."""
    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)


def add_link(paragraph: Paragraph, url: str, text: str | None = None) -> None:
    """Append a clickable link to the paragraph; it shows the address unless `text` is given."""
    relation_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation_id)
    run = OxmlElement("w:r")
    run.append(_link_run_properties())
    text_element = OxmlElement("w:t")
    text_element.text = text or url
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _link_run_properties():
    properties = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), LINK_COLOR)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(color)
    properties.append(underline)
    return properties


def add_footer(document: Document, text: str, page_label: str) -> None:
    """The footer of every page: a line of text and "Seite <n>" as a PAGE field."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.text = f"{text} · {page_label} "
    for run in paragraph.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    run_properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")  # half-points: 8 pt like the text before it
    run_properties.append(size)
    run.append(run_properties)
    number = OxmlElement("w:t")
    number.text = "1"
    run.append(number)
    field.append(run)
    paragraph._p.append(field)


def add_labelled(document: Document, label: str, value: str) -> Paragraph:
    """A paragraph "<b>Label:</b> value"."""
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)
    return paragraph


def add_bullet(document: Document, text: str = "", url: str | None = None) -> Paragraph:
    """An item of a bullet list, optionally ending in a link to `url`."""
    paragraph = document.add_paragraph(text, style="List Bullet")
    if url:
        add_link(paragraph, url)
    return paragraph


def add_table(document: Document, headers: list[str], widths_mm: list[int]) -> Table:
    """A grid table with a bold header row and fixed column widths (autofit squeezes them).

    Word reads the widths of the cells, LibreOffice those of the table's grid: both are set."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].add_run(header).bold = True
    set_widths(table.rows[0], widths_mm)
    return table


def set_widths(row: _Row, widths_mm: list[int]) -> None:
    for cell, width in zip(row.cells, widths_mm, strict=True):
        cell.width = Mm(width)


def keep_together(document: Document, since: Paragraph) -> None:
    """Keep the paragraphs from `since` to the last one on one page (each keeps with the next)."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p._p is since._p)
    for paragraph in paragraphs[start:-1]:
        paragraph.paragraph_format.keep_with_next = True
