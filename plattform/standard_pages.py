"""The legal standard pages every installation needs, with placeholders the operator fills in."""

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

IMPRESSUM = (
    "<h2>Angaben gemäß § 5 DDG</h2>"
    "<p>[Bitte ergänzen: Name der betreibenden Stelle, Anschrift, vertretungsberechtigte "
    "Person]</p>"
    "<h2>Kontakt</h2>"
    "<p>[Bitte ergänzen: Telefon und E-Mail-Adresse der betreibenden Stelle]</p>"
    "<h2>Verantwortlich für den Inhalt</h2>"
    "<p>[Bitte ergänzen: Name und Anschrift der verantwortlichen Person nach § 18 Abs. 2 "
    "MStV]</p>"
    "<p>Für die Inhalte der Profile und Praxisbeispiele sind die jeweiligen Kommunen "
    "verantwortlich, die sie eingestellt haben.</p>"
    "<h2>Quellenangaben</h2>" + DESTATIS_NOTICE
)

DATENSCHUTZ = (
    "<h2>Verantwortliche Stelle</h2>"
    "<p>[Bitte ergänzen: Name und Anschrift der betreibenden Stelle sowie Kontakt der oder des "
    "Datenschutzbeauftragten]</p>"
    "<h2>Welche Daten wir verarbeiten</h2>"
    "<p>Beim Aufruf der Seiten verarbeitet der Server technisch notwendige Daten (IP-Adresse, "
    "Zeitpunkt, aufgerufene Adresse). [Bitte ergänzen: Speicherdauer der Server-Protokolle]. "
    "Die Plattform setzt keine Analyse- oder Werbedienste ein und bindet keine Inhalte "
    "fremder Server (Schriften, Skripte) ein.</p>"
    "<p>Ansprechpersonen der Kommunen werden nur mit ihrer Einwilligung veröffentlicht. "
    "Die Einwilligung kann jederzeit gegenüber der jeweiligen Kommune widerrufen werden.</p>"
    "<h2>Cookies</h2>"
    "<p>Für öffentliche Seiten werden keine Cookies gesetzt. Nur angemeldete Redakteurinnen "
    "und Redakteure erhalten ein Sitzungs-Cookie.</p>"
    "<h2>Ihre Rechte</h2>"
    "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der "
    "Verarbeitung und Widerspruch sowie das Recht, sich bei einer "
    "Datenschutz-Aufsichtsbehörde zu beschweren. [Bitte ergänzen: zuständige "
    "Aufsichtsbehörde]</p>"
)

BARRIEREFREIHEIT = (
    "<p>[Bitte ergänzen: Name der betreibenden Stelle] ist bemüht, diese Plattform im Einklang "
    "mit den Vorgaben der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den "
    "landesrechtlichen Bestimmungen barrierefrei zugänglich zu machen.</p>"
    "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
    "<p>Diese Website ist mit den Anforderungen der BITV 2.0 teilweise vereinbar. Die "
    "Seiten sind mit Tastatur bedienbar, haben Sprunglinks, Überschriften und Landmarken, "
    "beschriftete Formularfelder und funktionieren ohne JavaScript und bei 320 Pixel "
    "Breite. [Bitte ergänzen: Art und Datum der Prüfung, etwa Selbstbewertung oder "
    "BITV-Test]</p>"
    "<h2>Nicht barrierefreie Inhalte</h2>"
    "<ul><li>Von Kommunen hochgeladene Dokumente (zum Beispiel PDF-Dateien) sind nicht in "
    "jedem Fall barrierefrei.</li>"
    "<li>Bilder in Praxisbeispielen haben nur dann einen aussagekräftigen Alternativtext, "
    "wenn die einstellende Kommune ihn gepflegt hat.</li>"
    "<li>Inhalte liegen nicht in Leichter Sprache und nicht in Deutscher Gebärdensprache "
    "vor.</li></ul>"
    "<p>[Bitte ergänzen oder korrigieren: weitere bekannte Mängel und Begründung]</p>"
    "<h2>Erstellung dieser Erklärung zur Barrierefreiheit</h2>"
    "<p>Diese Erklärung wurde am [Bitte ergänzen: Datum] erstellt und zuletzt am "
    "[Bitte ergänzen: Datum] überprüft.</p>"
    "<h2>Feedback und Kontakt</h2>"
    "<p>Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen? Dann wenden "
    "Sie sich bitte an: [Bitte ergänzen: Kontaktstelle, E-Mail-Adresse, Telefon]. Wir "
    "antworten Ihnen innerhalb von [Bitte ergänzen: Frist].</p>"
    "<h2>Schlichtungsverfahren</h2>"
    "<p>Wenn auch nach Ihrem Feedback keine zufriedenstellende Lösung gefunden wurde, können "
    "Sie sich an die Schlichtungsstelle nach § 16 BGG beim Beauftragten der Bundesregierung "
    "für die Belange von Menschen mit Behinderungen wenden "
    '(<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a>). '
    "Für Stellen eines Landes oder einer Kommune ist die Schlichtungs- oder "
    "Durchsetzungsstelle des Landes zuständig: [Bitte ergänzen: zuständige Stelle des "
    "Landes]. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.</p>"
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
