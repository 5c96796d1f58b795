"""Abstract illustrations per Handlungsfeld, drawn locally with Pillow, stored as Wagtail images."""

import random
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

SAMMLUNG = "Demo-Illustrationen"
GROESSE = (1200, 675)
SCHRIFT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

# One colour per Handlungsfeld (slug → RGB and its German colour name for the alt text).
FARBEN: dict[str, tuple[tuple[int, int, int], str]] = {
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
STANDARDFARBE = ((100, 110, 120), "Grau")


def _mische(farbe: tuple[int, int, int], anteil_weiss: float) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * anteil_weiss) for c in farbe)


def _schrift(groesse: int) -> ImageFont.ImageFont:
    """DejaVu Sans Bold when installed, else Pillow's built-in font."""
    if SCHRIFT.exists():
        return ImageFont.truetype(str(SCHRIFT), groesse)
    return ImageFont.load_default(size=groesse)


def _passende_schrift(flaeche: ImageDraw.ImageDraw, text: str, breite: int):
    """The largest font size (56 down to 24) at which the text fits the width."""
    for groesse in range(56, 23, -4):
        schrift = _schrift(groesse)
        if flaeche.textlength(text, font=schrift) <= breite:
            break
    return schrift


def zeichne(slug: str, name: str) -> bytes:
    """A PNG: soft background in the field's colour, overlapping circles and bands, the name."""
    farbe, _ = FARBEN.get(slug, STANDARDFARBE)
    zufall = random.Random(slug)  # same picture on every run
    bild = PILImage.new("RGB", GROESSE, _mische(farbe, 0.85))
    flaeche = ImageDraw.Draw(bild, "RGBA")
    for i in range(7):
        r = zufall.randint(80, 260)
        x, y = zufall.randint(0, GROESSE[0]), zufall.randint(0, GROESSE[1] - 180)
        ton = (*_mische(farbe, zufall.choice((0.0, 0.3, 0.55))), 150 + 10 * i)
        flaeche.ellipse((x - r, y - r, x + r, y + r), fill=ton)
    for i in range(3):
        y = 420 + i * 40
        flaeche.rectangle((0, y, GROESSE[0], y + 18), fill=(*_mische(farbe, 0.2 * i), 120))
    dunkel = tuple(round(c * 0.7) for c in farbe)  # white text needs a dark band
    flaeche.rectangle((0, GROESSE[1] - 150, GROESSE[0], GROESSE[1]), fill=(*dunkel, 240))
    schrift = _passende_schrift(flaeche, name, GROESSE[0] - 120)
    flaeche.text((60, GROESSE[1] - 75), name, font=schrift, fill="white", anchor="lm")
    puffer = BytesIO()
    bild.save(puffer, format="PNG", optimize=True)
    return puffer.getvalue()


def alt_text(slug: str, name: str) -> str:
    """A German description of what the illustration shows."""
    _, farbname = FARBEN.get(slug, STANDARDFARBE)
    return (
        f"Abstrakte Illustration in {farbname} mit überlappenden Kreisen und Streifen "
        f"und dem Schriftzug „{name}“ für das Handlungsfeld {name}."
    )


def demo_sammlung() -> Collection:
    """The collection holding the demo illustrations, created below the root once."""
    vorhanden = Collection.objects.filter(name=SAMMLUNG).first()
    if vorhanden:
        return vorhanden
    return Collection.get_first_root_node().add_child(name=SAMMLUNG)


def illustration(slug: str, name: str):
    """The Wagtail image of this Handlungsfeld; reused by title and collection, else drawn."""
    sammlung = demo_sammlung()
    titel = f"Illustration: {name}"
    model = get_image_model()
    vorhanden = model.objects.filter(title=titel, collection=sammlung).first()
    if vorhanden:
        return vorhanden
    datei = ImageFile(BytesIO(zeichne(slug, name)), name=f"demo-{slug}.png")
    bild = model(title=titel, description=alt_text(slug, name), collection=sammlung, file=datei)
    bild.save()
    return bild
