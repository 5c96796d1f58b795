"""Seed the managed funding programmes with the sixteen slugs of AUSTAUSCHFORMAT.md (version 2).

Names, Träger and scope as the programmes publish them; `laeuft_bis` only where the funding
period's end is published (the EU programmes run with the 2021–2027 period). An existing
programme keeps what editors changed: only missing slugs are created.
"""

import datetime

from django.db import migrations

EU_PERIOD_END = datetime.date(2027, 12, 31)

# slug, name, Träger, Länder ("" = bundesweit), link, läuft bis, Kurzbeschreibung
PROGRAMME = [
    (
        "amif",
        "Asyl-, Migrations- und Integrationsfonds (AMIF)",
        "eu",
        "",
        "https://www.bamf.de/DE/Themen/AsylFluechtlingsschutz/AMIF/amif-node.html",
        EU_PERIOD_END,
        "EU-Fonds für Projekte der Aufnahme, Integration und Rückkehr; in Deutschland "
        "verwaltet vom Bundesamt für Migration und Flüchtlinge.",
    ),
    (
        "esf-plus",
        "Europäischer Sozialfonds Plus (ESF Plus)",
        "eu",
        "",
        "https://www.esf.de/",
        EU_PERIOD_END,
        "EU-Fonds für Beschäftigung, Bildung und soziale Teilhabe, mit Programmen des Bundes "
        "und der Länder.",
    ),
    (
        "iq",
        "Förderprogramm „Integration durch Qualifizierung (IQ)“",
        "bund",
        "",
        "https://www.netzwerk-iq.de/",
        None,
        "Beratung zur Anerkennung ausländischer Berufsabschlüsse und Qualifizierung für den "
        "Arbeitsmarkt.",
    ),
    (
        "integration-durch-sport",
        "Bundesprogramm „Integration durch Sport“",
        "bund",
        "",
        "https://integration.dosb.de/",
        None,
        "Förderung von Sportvereinen, die Menschen mit Einwanderungsgeschichte einbeziehen; "
        "über die Landessportbünde.",
    ),
    (
        "demokratie-leben",
        "Bundesprogramm „Demokratie leben!“",
        "bund",
        "",
        "https://www.demokratie-leben.de/",
        None,
        "Partnerschaften für Demokratie in Kommunen und Projekte gegen Extremismus und "
        "Menschenfeindlichkeit.",
    ),
    (
        "kita-einstieg",
        "Bundesprogramm „Kita-Einstieg: Brücken bauen in frühe Bildung“",
        "bund",
        "",
        "https://www.fruehe-chancen.de/",
        datetime.date(2022, 12, 31),
        "Niedrigschwellige Angebote, die Familien den Weg in die Kindertagesbetreuung ebnen.",
    ),
    (
        "elternchancen",
        "ESF-Plus-Programm „ElternChanceN – mit Elternbegleitung Familien stärken“",
        "bund",
        "",
        "https://www.elternchance.de/",
        EU_PERIOD_END,
        "Qualifizierte Elternbegleiterinnen und -begleiter unterstützen Familien bei "
        "Bildungsfragen ihrer Kinder.",
    ),
    (
        "respekt-land",
        "Programm „Respekt Coaches“",
        "bund",
        "",
        "https://www.respekt-coaches.de/",
        None,
        "Gruppenangebote an Schulen für Respekt, Toleranz und Demokratiebildung, getragen von "
        "den Jugendmigrationsdiensten.",
    ),
    (
        "sozialer-zusammenhalt",
        "Städtebauförderung „Sozialer Zusammenhalt“",
        "bund",
        "",
        "https://www.staedtebaufoerderung.info/",
        None,
        "Bund-Länder-Programm für Quartiere mit besonderem Entwicklungsbedarf: Treffpunkte, "
        "Quartiersmanagement, Wohnumfeld.",
    ),
    (
        "mehrgenerationenhaus",
        "Bundesprogramm Mehrgenerationenhaus. Miteinander – Füreinander",
        "bund",
        "",
        "https://www.mehrgenerationenhaeuser.de/",
        datetime.date(2028, 12, 31),
        "Förderung von Mehrgenerationenhäusern als Begegnungsorte, mit kommunaler "
        "Kofinanzierung.",
    ),
    (
        "vwv-integration-bw",
        "Verwaltungsvorschrift Integration Baden-Württemberg (VwV Integration)",
        "land",
        "BW",
        "https://sozialministerium.baden-wuerttemberg.de/",
        None,
        "Landesförderung für Integrationsmanagement, Integrationsbeauftragte und "
        "Integrationsprojekte in Kommunen.",
    ),
    (
        "kim-nrw",
        "Kommunales Integrationsmanagement Nordrhein-Westfalen (KIM)",
        "land",
        "NW",
        "https://www.kim.nrw/",
        None,
        "Landesförderung für ein rechtskreisübergreifendes Case Management und die Steuerung "
        "der Integrationsarbeit in Kreisen und kreisfreien Städten.",
    ),
    (
        "komm-an-nrw",
        "KOMM-AN NRW",
        "land",
        "NW",
        "https://www.mkjfgfi.nrw/",
        None,
        "Landesprogramm zur Förderung der Integration von Geflüchteten vor Ort, über die "
        "Kommunalen Integrationszentren, vor allem für das Ehrenamt.",
    ),
    (
        "integrationsfonds-mv",
        "Integrationsfonds Mecklenburg-Vorpommern",
        "land",
        "MV",
        "https://www.regierung-mv.de/",
        None,
        "Landesmittel für Integrationsprojekte von Kommunen, Vereinen und Initiativen.",
    ),
    (
        "integrationslotsen-by",
        "Förderung von Integrationslotsinnen und Integrationslotsen in Bayern",
        "land",
        "BY",
        "https://www.stmi.bayern.de/",
        None,
        "Landesförderung hauptamtlicher Integrationslotsinnen und -lotsen, die das Ehrenamt "
        "in Landkreisen und kreisfreien Städten koordinieren.",
    ),
    (
        "integrationsfoerderung-sh",
        "Integrations- und Teilhabeförderung Schleswig-Holstein",
        "land",
        "SH",
        "https://www.schleswig-holstein.de/",
        None,
        "Landesförderung für Integrationsangebote, Migrationsberatung und die Koordination "
        "der Integration in Kreisen und Gemeinden.",
    ),
]


def seed(apps, schema_editor):
    Foerderprogramm = apps.get_model("praxis", "Foerderprogramm")
    for slug, name, traeger, laender, link, laeuft_bis, kurz in PROGRAMME:
        Foerderprogramm.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "traeger": traeger,
                "bundesweit": not laender,
                "laender": laender,
                "link": link,
                "laeuft_bis": laeuft_bis,
                "kurzbeschreibung": kurz,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("praxis", "0007_foerderprogramme_evidenz")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
