"""What editors may upload: images Wagtail checks (format by content, size, pixels), here
with the pixel count read from the header before anything is decoded and a German error for a
broken file; documents are checked by their first bytes against their extension.

A file's extension decides how it is served (`application/pdf`, `text/plain`, …); an HTML page
or an SVG with a script renamed to `.pdf` or `.txt` would otherwise be stored and offered as a
document. Text formats must be text and must not begin like markup.
"""

import os
import re
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image

HEAD_BYTES = 4096
ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a zip with entries, an empty zip
MARKUP = re.compile(rb"^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe|object)", re.I)
TEXT_ENCODINGS = ("utf-8-sig", "cp1252")


def _is_text(head: bytes) -> bool:
    if b"\x00" in head or MARKUP.match(head):
        return False
    return any(_decodes(head, encoding) for encoding in TEXT_ENCODINGS)


def _decodes(head: bytes, encoding: str) -> bool:
    try:
        head.decode(encoding)
    except UnicodeDecodeError as error:
        # The head may end inside a multi-byte character.
        return error.start >= len(head) - 3
    return True


CONTENT_CHECKS: dict[str, Callable[[bytes], bool]] = {
    "pdf": lambda head: head.startswith(b"%PDF-"),
    "docx": lambda head: head.startswith(ZIP),
    "xlsx": lambda head: head.startswith(ZIP),
    "pptx": lambda head: head.startswith(ZIP),
    "odt": lambda head: head.startswith(ZIP),
    "zip": lambda head: head.startswith(ZIP),
    "rtf": lambda head: head.startswith(b"{\\rtf"),
    "csv": _is_text,
    "txt": _is_text,
}


def content_matches_extension(file: UploadedFile) -> bool:
    """Whether the file's first bytes are what its extension promises. Extensions without a
    check here are refused already by WAGTAILDOCS_EXTENSIONS."""
    extension = os.path.splitext(file.name or "")[1].lower().lstrip(".")
    check = CONTENT_CHECKS.get(extension)
    if check is None:
        return False
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return check(head)


class DokumentFormular(BaseDocumentForm):
    """Wagtail's document form (single upload, multiple upload, choosers) with the content
    check; set as WAGTAILDOCS_DOCUMENT_FORM_BASE."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile) and not content_matches_extension(file):
            extension = os.path.splitext(file.name or "")[1].lower() or _("ohne Endung")
            raise forms.ValidationError(
                _(
                    "Der Inhalt der Datei passt nicht zu ihrer Endung „%(endung)s“. Bitte laden "
                    "Sie die Datei im Format hoch, das ihre Endung angibt (zum Beispiel ein "
                    "echtes PDF); Webseiten, Skripte und SVG-Grafiken sind als Dokument nicht "
                    "erlaubt."
                )
                % {"endung": extension},
                code="content_mismatch",
            )
        return file


BROKEN_IMAGE = _(
    "Die Bilddatei ist beschädigt oder unvollständig und kann nicht gelesen werden. Bitte "
    "speichern Sie das Bild neu (zum Beispiel als PNG oder JPEG) und laden Sie es noch einmal hoch."
)


def declared_pixels(file: UploadedFile) -> int | None:
    """Width times height times frames as the file's header states them, without decoding the image;
    None if Pillow refuses it as a decompression bomb or cannot read it (Wagtail then reports
    either itself)."""
    file.seek(0)
    try:
        with Image.open(file) as image:
            return image.width * image.height * getattr(image, "n_frames", 1)
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return None
    finally:
        file.seek(0)


class Bilddatei(WagtailImageField):
    """Wagtail's image field, refusing too many pixels before Willow decodes the whole image
    (it does, to count frames) and a broken file with a German error instead of a 500."""

    def check_image_pixel_size(self, f):
        pixels = declared_pixels(f)
        if self.max_image_pixels and pixels and pixels > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": pixels, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError):
            raise ValidationError(BROKEN_IMAGE, code="invalid_image") from None


class BildFormular(BaseImageForm):
    """Wagtail's image form with `Bilddatei`; set as WAGTAILIMAGES_IMAGE_FORM_BASE."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(field := self.fields.get("file"), WagtailImageField):
            self.fields["file"] = Bilddatei(
                label=field.label, required=field.required, widget=field.widget
            )
