"""The building blocks of a Praxisbeispiel's body."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class LabelledRichTextBlock(blocks.RichTextBlock):
    """A rich-text block whose editor box is named by the block's label: inside a StreamField
    there is no label element to point at (see plattform/rich_text.py)."""

    @cached_property
    def field(self):
        field = super().field
        # The lazy label becomes text when the form is packed, in the editor's language.
        field.widget.options["ariaLabel"] = self.label
        return field


class BodyImageBlock(ImageBlock):
    """An image inside the description, with the alt text given in the block."""

    class Meta:
        template = "praxis/blocks/image_block.html"


class DocumentBlock(blocks.StructBlock):
    """A downloadable document such as a flyer, a concept or an evaluation."""

    dokument = DocumentChooserBlock(label=_("Dokument"))
    beschreibung = blocks.CharBlock(
        label=_("Beschreibung"),
        required=False,
        help_text=_("Was steht im Dokument? Zum Beispiel „Konzept, 12 Seiten“."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "praxis/blocks/document_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quote from someone involved, with its source."""

    zitat = blocks.TextBlock(label=_("Zitat"))
    quelle = blocks.CharBlock(
        label=_("Quelle"), required=False, help_text=_("Wer hat das gesagt, in welcher Rolle?")
    )

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "praxis/blocks/quote_block.html"


class PraxisBodyBlock(blocks.StreamBlock):
    """Paragraphs, images, documents and quotes; the paragraphs form the exchange `beschreibung`."""

    absatz = LabelledRichTextBlock(features=PARAGRAPH_FEATURES, label=_("Absatz"), icon="pilcrow")
    bild = BodyImageBlock(label=_("Bild"))
    dokument = DocumentBlock()
    zitat = QuoteBlock()

    class Meta:
        # The blocks one after another, without the wrapping <div> of Wagtail's default rendering.
        template = "praxis/blocks/body_block.html"
