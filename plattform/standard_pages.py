"""The legal standard pages every installation needs; the operator's details are site settings."""

from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from plattform.models import PlattformEinstellungen, StandardPage

DESTATIS_NOTICE = (
    "<p>Die Angaben zu Kommunen (Einwohner, Fläche, Gemeindetyp, Verstädterungsgrad) stammen aus "
    "dem Gemeindeverzeichnis: © Statistisches Bundesamt (Destatis), GV-ISys, "
    'Datenlizenz Deutschland &ndash; Namensnennung &ndash; Version 2.0 (<a href="https://www.govdata.de/'
    'dl-de/by-2-0">dl-de/by-2-0</a>). Die Daten wurden für die Anzeige ausgewählt und '
    "zusammengeführt; Größenklassen sind aus den Einwohnerzahlen abgeleitet.</p>"
)

# The editors' part of each legal page; the operator's details (name, address, contact,
# supervisory authority, ...) come from the site settings, see templates/plattform/includes/
# rechtliches/. So the pages are complete once the settings are, with nothing to fill in here.
IMPRESSUM = (
    "<h2>Inhalte der Kommunen</h2>"
    "<p>Für die Inhalte der Profile und Praxisbeispiele sind die jeweiligen Kommunen "
    "verantwortlich, die sie eingestellt haben.</p>"
    "<h2>Quellenangaben</h2>" + DESTATIS_NOTICE
)

DATENSCHUTZ = (
    "<h2>Ansprechpersonen der Kommunen</h2>"
    "<p>Ansprechpersonen der Kommunen werden nur mit ihrer Einwilligung veröffentlicht. "
    "Die Einwilligung kann jederzeit gegenüber der jeweiligen Kommune widerrufen werden.</p>"
    "<h2>Redaktionskonten</h2>"
    "<p>Für Redakteurinnen und Redakteure speichert die Plattform Name, E-Mail-Adresse und "
    "Gruppenzugehörigkeit sowie, wer welche Seite wann geändert hat (Versionsverlauf).</p>"
    "<h2>Ihre Rechte</h2>"
    "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der "
    "Verarbeitung und Widerspruch sowie das Recht, sich bei einer "
    "Datenschutz-Aufsichtsbehörde zu beschweren.</p>"
)

BARRIEREFREIHEIT = (
    "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
    "<p>Diese Website ist mit den Anforderungen der BITV 2.0 teilweise vereinbar. Die "
    "Seiten sind mit Tastatur bedienbar, haben Sprunglinks, Überschriften und Landmarken, "
    "beschriftete Formularfelder und funktionieren ohne JavaScript und bei 320 Pixel "
    "Breite.</p>"
    "<h2>Nicht barrierefreie Inhalte</h2>"
    "<ul><li>Von Kommunen hochgeladene Dokumente (zum Beispiel PDF-Dateien) sind nicht in "
    "jedem Fall barrierefrei.</li>"
    "<li>Bilder in Praxisbeispielen haben nur dann einen aussagekräftigen Alternativtext, "
    "wenn die einstellende Kommune ihn gepflegt hat.</li>"
    "<li>Inhalte liegen nicht in Leichter Sprache und nicht in Deutscher Gebärdensprache "
    "vor.</li></ul>"
)


def _standard_pages() -> list[tuple[str, str, str]]:
    """(slug, title, text) of each standard page; the slugs equal the footer fields' names."""
    return [
        ("impressum", _("Impressum"), IMPRESSUM),
        ("datenschutz", _("Datenschutz"), DATENSCHUTZ),
        ("barrierefreiheit", _("Barrierefreiheit"), BARRIEREFREIHEIT),
    ]


def ensure_standard_pages(home: Page) -> list[StandardPage]:
    """Create Impressum, Datenschutz and Barrierefreiheit below `home` unless they exist (by slug).

    Existing pages are returned untouched, so the operator's edits survive a re-run. The site
    settings of `home`'s site link them in the footer where no page is chosen yet.
    """
    pages = []
    for slug, title, text in _standard_pages():
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=StandardPage(title=title, slug=slug, text=text))
            page.save_revision().publish()
        pages.append(page)
    site = home.get_site()
    if site is not None:
        choose_footer_pages(site, pages)
    return pages


def choose_footer_pages(site: Site, pages: list[StandardPage]) -> None:
    """Fill the footer fields still empty in the settings of `site` with the page of that slug."""
    settings = PlattformEinstellungen.for_site(site)
    by_slug = {page.slug: page for page in pages}
    changed = False
    for name in settings.FOOTER_FIELDS:
        if getattr(settings, f"{name}_id") is None and name in by_slug:
            setattr(settings, name, by_slug[name])
            changed = True
    if changed:
        settings.save()
