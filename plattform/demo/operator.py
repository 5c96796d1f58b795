"""Clearly fictional operator details for the demo, so its legal pages are complete."""

from datetime import date

from wagtail.models import Site

from plattform.models import PlattformEinstellungen

# Every value is marked as a demo or uses reserved example names (Musterstadt, example.org).
DEMO_OPERATOR_DETAILS = {
    "anschrift": "Musterstraße 1\n12345 Musterstadt",
    "vertretung": "Erika Mustermann, Leitung der Musterstelle (Demo)",
    "telefon": "0123 456789-0",
    "verantwortlich_inhalt": "Max Mustermann (Demo)\nMusterstraße 1\n12345 Musterstadt",
    "datenschutzbeauftragte": (
        "Datenschutzbeauftragte der Musterstelle (Demo)\nMusterstraße 1\n12345 Musterstadt\n"
        "datenschutz@praxisnetz.example.org"
    ),
    "aufsichtsbehoerde": (
        "Landesbeauftragte für Datenschutz Musterland (Demo)\nMusterplatz 3\n12345 Musterstadt\n"
        "https://datenschutz.musterland.example.org"
    ),
    "protokoll_speicherdauer_tage": 7,
    "barrierefreiheit_pruefung": "Selbstbewertung (Demo)",
    "barrierefreiheit_geprueft_am": date(2025, 1, 15),
    "barrierefreiheit_erstellt_am": date(2025, 1, 15),
    "schlichtungsstelle": (
        "Schlichtungsstelle Barrierefreiheit Musterland (Demo)\nMusterweg 2\n12345 Musterstadt\n"
        "https://schlichtung.musterland.example.org"
    ),
}


def set_operator_details(site: Site) -> int:
    """Fill the legal details still empty in `site`'s settings; edited values stay.

    Returns how many fields were filled.
    """
    settings = PlattformEinstellungen.for_site(site)
    empty = [name for name in DEMO_OPERATOR_DETAILS if getattr(settings, name) in (None, "")]
    for name in empty:
        setattr(settings, name, DEMO_OPERATOR_DETAILS[name])
    if empty:
        settings.save(update_fields=empty)
    return len(empty)
