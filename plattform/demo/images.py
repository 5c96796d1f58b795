"""Abstract illustrations per Handlungsfeld, drawn locally with Pillow, stored as Wagtail images."""

import random
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from kommunen.medien import shared_collection

COLLECTION_NAME = "Demo-Illustrationen"
SIZE = (1200, 675)
FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

# One colour per Handlungsfeld (slug → RGB and its German colour name for the alt text).
COLOURS: dict[str, tuple[tuple[int, int, int], str]] = {
    "sprache": ((46, 125, 160), "Blau"),
    "bildung": ((92, 107, 192), "Indigo"),
    "fruehe-bildung": ((240, 160, 60), "Orange"),
    "arbeit-ausbildung": ((70, 120, 90), "Tannengrün"),
    "gesundheit": ((200, 70, 80), "Rot"),
    "wohnen": ((150, 100, 70), "Braun"),
    "kultur-sport": ((230, 120, 150), "Rosa"),
    "engagement-ehrenamt": ((110, 160, 60), "Grün"),
    "beteiligung-partizipation": ((130, 80, 160), "Violett"),
    "interkulturelle-oeffnung": ((20, 140, 140), "Petrol"),
    "antidiskriminierung": ((210, 90, 40), "Terrakotta"),
    "beratung-orientierung": ((60, 90, 130), "Stahlblau"),
    "flucht-asyl": ((40, 150, 200), "Himmelblau"),
    "interkommunale-kooperation": ((180, 150, 40), "Ocker"),
}
DEFAULT_COLOUR = ((100, 110, 120), "Grau")


def _tint(colour: tuple[int, int, int], white_share: float) -> tuple[int, int, int]:
    """The colour mixed with white; 0.0 keeps it, 1.0 is white."""
    red, green, blue = (round(c + (255 - c) * white_share) for c in colour)
    return red, green, blue


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans Bold when installed, else Pillow's built-in font."""
    if FONT_PATH.exists():
        return ImageFont.truetype(str(FONT_PATH), size)
    return ImageFont.load_default(size=size)


def _fitting_font(canvas: ImageDraw.ImageDraw, text: str, width: int):
    """The largest font size (56 down to 24) at which the text fits the width."""
    for size in range(56, 23, -4):
        font = _font(size)
        if canvas.textlength(text, font=font) <= width:
            break
    return font


def draw(slug: str, name: str) -> bytes:
    """A PNG: soft background in the field's colour, overlapping circles and bands, the name."""
    colour, _ = COLOURS.get(slug, DEFAULT_COLOUR)
    rng = random.Random(slug)  # same picture on every run
    picture = PILImage.new("RGB", SIZE, _tint(colour, 0.85))
    canvas = ImageDraw.Draw(picture, "RGBA")
    for i in range(7):
        r = rng.randint(80, 260)
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1] - 180)
        shade = (*_tint(colour, rng.choice((0.0, 0.3, 0.55))), 150 + 10 * i)
        canvas.ellipse((x - r, y - r, x + r, y + r), fill=shade)
    for i in range(3):
        y = 420 + i * 40
        canvas.rectangle((0, y, SIZE[0], y + 18), fill=(*_tint(colour, 0.2 * i), 120))
    dark = tuple(round(c * 0.7) for c in colour)  # white text needs a dark band
    canvas.rectangle((0, SIZE[1] - 150, SIZE[0], SIZE[1]), fill=(*dark, 240))
    font = _fitting_font(canvas, name, SIZE[0] - 120)
    canvas.text((60, SIZE[1] - 75), name, font=font, fill="white", anchor="lm")
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def alt_text(slug: str, name: str) -> str:
    """A German description of what the illustration shows."""
    _, colour_name = COLOURS.get(slug, DEFAULT_COLOUR)
    return (
        f"Abstrakte Illustration in {colour_name} mit überlappenden Kreisen und Streifen "
        f"und dem Schriftzug „{name}“ für das Handlungsfeld {name}."
    )


def demo_collection() -> Collection:
    """The collection holding the demo illustrations, created once inside the shared media,
    so that every editor may choose them."""
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return shared_collection().add_child(name=COLLECTION_NAME)


def illustration(slug: str, name: str):
    """The Wagtail image of this Handlungsfeld; reused by title and collection, else drawn."""
    collection = demo_collection()
    title = f"Illustration: {name}"
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    file = ImageFile(BytesIO(draw(slug, name)), name=f"demo-{slug}.png")
    image = model(title=title, description=alt_text(slug, name), collection=collection, file=file)
    image.save()
    return image
