"""The Beschlussvorlage: an entry as an editable Word document shaped like a Sitzungsvorlage, at
`<entry url>beschlussvorlage.docx`, optionally written for a Kommune (`?kommune=<AGS>`).

The documents are read back with python-docx; every section is checked for what it says."""

from datetime import UTC, date, datetime, timedelta
from io import BytesIO

from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import PageViewRestriction

import docx
import pytest
from docx.document import Document

from kommunen.factories import KommuneFactory
from kommunen.models import KommuneTyp
from praxis.beschlussvorlage import CONTENT_TYPE
from praxis.factories import PraxisPageFactory
from praxis.models import Foerderprogramm, PraxisLink, PraxisPage

pytestmark = pytest.mark.django_db

ZAPFENDORF = "09471214"
EVALUATION = "https://example.org/sprachcafe/evaluation.pdf"
PROJECT_SITE = "https://example.org/sprachcafe"


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def programmes(today) -> dict[str, Foerderprogramm]:
    """One of Schleswig-Holstein, one bundesweit that has ended, one of Bayern only."""
    return {
        "sh": Foerderprogramm.objects.create(
            name="Landesprogramm Willkommen",
            slug="willkommen-sh",
            traeger="land",
            laender="SH",
            link="https://example.org/willkommen-sh",
            laeuft_bis=today + timedelta(days=400),
        ),
        "beendet": Foerderprogramm.objects.create(
            name="Bundesprogramm Brücken",
            slug="bruecken",
            traeger="bund",
            bundesweit=True,
            link="https://example.org/bruecken",
            laeuft_bis=today - timedelta(days=30),
        ),
        "by": Foerderprogramm.objects.create(
            name="Bayerisches Integrationsprogramm",
            slug="integration-by",
            traeger="land",
            laender="BY",
        ),
    }


@pytest.fixture
def entry(world, programmes, today) -> PraxisPage:
    """The complete entry of Bargteheide (partners Schwerin and Ohnedorf) with evidence, lessons,
    one-off costs, programmes, a link, and Schwerin's entry adapted from it (2024)."""
    page = world.entry
    page.evidenz = "evaluiert"
    page.evaluation_url = EVALUATION
    page.erfahrungen = "Der Raum muss fest sein.\n\nIm Sommer kommen weniger."
    page.kosten_einmalig_eur = 2500
    page.stand = today.replace(day=1)
    page.foerderprogramme.set(programmes.values())
    page.links.add(PraxisLink(url=PROJECT_SITE))
    page.save()
    adopter = world.entries["sprachkurs"]
    adopter.uebernommen_von = page
    adopter.first_published_at = datetime(2024, 5, 4, 12, tzinfo=UTC)
    adopter.save()
    return page


@pytest.fixture
def zapfendorf():
    """A Gemeinde of Bayern without a profile, like most Kommunen of the register."""
    return KommuneFactory(ags=ZAPFENDORF, name="Zapfendorf, M", einwohner=5005, bundesland="BY")


def vorlage_url(page: PraxisPage) -> str:
    return f"{page.url}beschlussvorlage.docx"


def fetch(client, page: PraxisPage, **params) -> Document:
    response = client.get(vorlage_url(page), params)
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPE
    return docx.Document(BytesIO(response.content))


def sections(document: Document) -> dict[str, list[str]]:
    """The paragraphs (with their hyperlinks' text) below each Heading 1, by heading."""
    found: dict[str, list[str]] = {"": []}
    current = ""
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            current = paragraph.text
            found[current] = []
        else:
            found[current].append(paragraph.text)
    return found


def links(document: Document) -> list[str]:
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [link.address for paragraph in paragraphs for link in paragraph.hyperlinks]


def table_rows(document: Document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]


def test_the_address_serves_a_word_document_named_after_the_entry(client, entry):
    url = vorlage_url(entry)
    assert url.endswith("/beschlussvorlage.docx")
    assert entry.beschlussvorlage_url == url
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment; filename")
    assert response["X-Robots-Tag"] == "noindex"


def test_the_file_name_comes_from_the_slug(client, world):
    page = PraxisPageFactory(
        parent=world.bargteheide, title="Mietführerschein", slug="mietfuehrerschein"
    )
    response = client.get(vorlage_url(page))
    assert response["Content-Disposition"] == (
        'attachment; filename="beschlussvorlage-mietfuehrerschein.docx"'
    )


def test_the_sections_stand_in_the_order_of_a_sitzungsvorlage(client, entry):
    document = fetch(client, entry)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Betreff",
        "Beschlussvorschlag",
        "Sachverhalt und Begründung",
        "Vergleichbare Kommunen",
        "Finanzielle Auswirkungen",
        "Erfahrungen und Stolpersteine",
        "Ansprechperson",
        "Quellen",
    ]
    head = sections(document)[""]
    assert document.paragraphs[0].style.name == "Title"
    assert "Gremium: Gemeinderat" in head
    assert f"Datum: {date_format(timezone.localdate(), 'd.m.Y')}" in head
    assert f"Grundlage: Praxisbeispiel „{entry.title}“ aus Bargteheide" in head


def test_without_a_kommune_it_follows_the_lead_kommune_and_its_land(client, entry, programmes):
    text = sections(fetch(client, entry))
    assert text["Betreff"] == [f"Einführung von „{entry.title}“ nach dem Vorbild von Bargteheide"]
    assert text["Beschlussvorschlag"] == [
        "Der Gemeinderat beschließt:",
        f"Die Verwaltung wird beauftragt, die Einführung von „{entry.title}“ in unserer Kommune "
        "vorzubereiten und ein Umsetzungskonzept mit Kosten- und Finanzierungsplan vorzulegen.",
        # only the open programme of the Land, not the ended one
        "Die Verwaltung prüft eine Förderung und stellt die nötigen Anträge; in Frage kommen: "
        "Landesprogramm Willkommen.",
        "Die Verwaltung nimmt Kontakt mit Bargteheide auf, um Erfahrungen und Unterlagen "
        "auszutauschen.",
    ]
    finanzen = text["Finanzielle Auswirkungen"]
    assert "Förderprogramme in Schleswig-Holstein" in finanzen
    assert any(
        line.startswith("Landesprogramm Willkommen (Land, Schleswig-Holstein, läuft bis")
        for line in finanzen
    )
    assert (
        "Außerdem nennt das Praxisbeispiel Programme anderer Länder: "
        "Bayerisches Integrationsprogramm (Bayern)." in finanzen
    )


def test_sachverhalt_says_what_where_since_when_and_how_well_proven(client, entry):
    sachverhalt = sections(fetch(client, entry))["Sachverhalt und Begründung"]
    assert sachverhalt[0] == entry.kurzbeschreibung
    assert "Jeden Dienstag im Rathaus." in sachverhalt
    assert (
        "Wo: Bargteheide (Kreis Stormarn): Kleinstadt, 16.000 Einwohner, Schleswig-Holstein"
        in sachverhalt
    )
    assert "Gemeinsam mit: Schwerin, Ohnedorf" in sachverhalt
    assert "Träger: Volkshochschule" in sachverhalt
    assert "Seit wann: 03/2018 \N{EN DASH} 12/2020 (Status: abgeschlossen)" in sachverhalt
    assert "Ergebnis und Belege" in sachverhalt
    assert "Das Vorhaben ist abgeschlossen." in sachverhalt
    assert (
        "Evidenzstufe: extern evaluiert (externe oder wissenschaftliche Evaluation, "
        "Bericht verlinkt)" in sachverhalt
    )
    assert f"Auswertung: {EVALUATION}" in sachverhalt
    assert "Ein Raum und zwei Ehrenamtliche genügen." in sachverhalt


def test_vergleichbare_kommunen_lists_lead_partners_and_adopters_with_sizes(client, entry):
    document = fetch(client, entry)
    assert table_rows(document) == [
        ["Kommune", "Beteiligung", "Größe", "Einwohner", "Land"],
        ["Bargteheide", "federführend", "Kleinstadt", "16.000", "Schleswig-Holstein"],
        ["Schwerin", "Partnerkommune", "Mittelstadt", "98.000", "Mecklenburg-Vorpommern"],
        ["Ohnedorf", "Partnerkommune", "Landgemeinde", "3.000", "Schleswig-Holstein"],
        ["Schwerin", "hat übernommen (2024)", "Mittelstadt", "98.000", "Mecklenburg-Vorpommern"],
    ]
    adopter_cell = document.tables[0].rows[4].cells[0].paragraphs[0]
    assert adopter_cell.hyperlinks[0].address.endswith("/schwerin/sprachkurs-hafen/")


def test_finanzielle_auswirkungen_in_german_amounts(client, entry):
    finanzen = sections(fetch(client, entry))["Finanzielle Auswirkungen"]
    assert finanzen[:5] == [
        "Die Angaben stammen von Bargteheide (Kleinstadt, 16.000 Einwohner) und sind für die "
        "eigene Kommune zu prüfen und anzupassen.",
        "Einmalige Kosten: 2.500 €",
        "Laufende Kosten pro Jahr: 5.000 €",
        "Personal: 0,25 Stellen, 12 Ehrenamtliche",
        "Weitere Finanzierung laut Praxisbeispiel: AMIF",
    ]


def test_an_ended_programme_is_marked(client, entry, programmes):
    finanzen = sections(fetch(client, entry))["Finanzielle Auswirkungen"]
    end = date_format(programmes["beendet"].laeuft_bis, "d.m.Y")
    assert (
        f"Bundesprogramm Brücken (Bund, bundesweit, beendet, lief bis {end}): "
        "https://example.org/bruecken" in finanzen
    )


def test_erfahrungen_keep_their_paragraphs(client, entry):
    text = sections(fetch(client, entry))
    assert text["Erfahrungen und Stolpersteine"] == [
        "Der Raum muss fest sein.",
        "Im Sommer kommen weniger.",
    ]


def test_contact_data_without_consent_stays_out_and_the_form_is_named(client, entry):
    document = fetch(client, entry)
    ansprechperson = sections(document)["Ansprechperson"]
    contact_form = entry.get_full_url() + "kontakt/"
    assert ansprechperson == [
        "Erika Muster",
        "Integrationsbeauftragte, Bargteheide",
        "Erreichbar über das Kontaktformular der Plattform, das die Nachricht per E-Mail "
        f"weiterleitet: {contact_form}",
    ]
    everything = " ".join(p.text for p in document.paragraphs)
    assert "muster@example.org" not in everything and "0461 123" not in everything
    assert contact_form in links(document)


def test_contact_data_with_consent_is_given(client, entry):
    entry.kontakt_veroeffentlichen = True
    entry.save()
    ansprechperson = sections(fetch(client, entry))["Ansprechperson"]
    assert "E-Mail: muster@example.org" in ansprechperson
    assert "Telefon: 0461 123" in ansprechperson
    assert ansprechperson[-1].startswith("Oder über das Kontaktformular der Plattform: ")


def test_quellen_link_the_entry_its_links_evaluation_and_programmes(client, entry, today):
    document = fetch(client, entry)
    quellen = sections(document)["Quellen"]
    entry_url = entry.get_full_url()
    assert quellen[0] == f"Praxisbeispiel „{entry.title}“ auf Praxisnetz Integration: {entry_url}"
    assert f"Auswertung: {EVALUATION}" in quellen
    assert PROJECT_SITE in quellen
    assert "Landesprogramm Willkommen: https://example.org/willkommen-sh" in quellen
    assert f"Stand der Angaben im Praxisbeispiel: {date_format(today, 'F Y')}." in quellen
    assert quellen[-1] == (
        f"Erstellt am {date_format(today, 'j. F Y')} aus den Angaben des Praxisbeispiels. "
        "Bitte vor der Sitzung prüfen und ergänzen."
    )
    for url in (entry_url, EVALUATION, PROJECT_SITE, "https://example.org/willkommen-sh"):
        assert url in links(document)


def test_written_for_a_kommune_of_the_register(client, entry, zapfendorf):
    entry.foerderprogramme.add(
        Foerderprogramm.objects.create(
            name="Bundesprogramm Zusammenhalt", slug="z", bundesweit=True
        )
    )
    entry.save()
    document = fetch(client, entry, kommune=ZAPFENDORF)
    text = sections(document)
    title = entry.title
    assert text["Betreff"] == [f"Einführung von „{title}“ in Zapfendorf"]
    assert "Gremium: Gemeinderat Zapfendorf" in text[""]
    assert text["Beschlussvorschlag"][1].startswith(
        f"Die Verwaltung wird beauftragt, die Einführung von „{title}“ in Zapfendorf vorzubereiten"
    )
    # Bayern's open programmes: its own and a bundesweit one; not Schleswig-Holstein's
    assert text["Beschlussvorschlag"][2] == (
        "Die Verwaltung prüft eine Förderung und stellt die nötigen Anträge; in Frage kommen: "
        "Bayerisches Integrationsprogramm und Bundesprogramm Zusammenhalt."
    )
    finanzen = text["Finanzielle Auswirkungen"]
    assert finanzen[0].endswith("und sind für Zapfendorf zu prüfen und anzupassen.")
    assert "Förderprogramme in Bayern" in finanzen
    assert "Bayerisches Integrationsprogramm (Land, Bayern)" in finanzen
    assert any(
        line.startswith("Bundesprogramm Brücken (Bund, bundesweit, beendet") for line in finanzen
    )
    assert (
        "Außerdem nennt das Praxisbeispiel Programme anderer Länder: "
        "Landesprogramm Willkommen (Schleswig-Holstein)." in finanzen
    )
    assert text["Vergleichbare Kommunen"][0] == (
        "Zum Vergleich Zapfendorf: Kleinstadt, 5.005 Einwohner, Bayern."
    )
    assert document.core_properties.title == f"Einführung von „{title}“ in Zapfendorf"


@pytest.mark.parametrize(
    ("typ", "ags", "gremium"),
    [
        (KommuneTyp.STADT, "09471999", "Stadtrat"),
        (KommuneTyp.LANDKREIS, "09471", "Kreistag"),
    ],
)
def test_the_gremium_follows_the_type_of_the_kommune(client, entry, typ, ags, gremium):
    KommuneFactory(ags=ags, name="Musterort", typ=typ, bundesland="BY")
    text = sections(fetch(client, entry, kommune=ags))
    assert text["Beschlussvorschlag"][0] == f"Der {gremium} beschließt:"


def test_for_the_lead_kommune_it_is_a_continuation(client, entry):
    text = sections(fetch(client, entry, kommune="01062004"))
    assert text["Betreff"] == [f"Fortführung von „{entry.title}“ in Bargteheide"]
    assert text["Beschlussvorschlag"][:2] == [
        "Der Stadtrat beschließt:",
        f"„{entry.title}“ wird in Bargteheide fortgeführt.",
    ]
    assert not any("Kontakt mit Bargteheide" in line for line in text["Beschlussvorschlag"])


@pytest.mark.parametrize(
    ("value", "status", "message"),
    [
        ("abc", 400, "„abc“ ist kein gültiger Amtlicher Gemeindeschlüssel"),
        ("1234", 400, "„1234“ ist kein gültiger Amtlicher Gemeindeschlüssel"),
        ("17000000", 400, "beginnend mit 01 bis 16"),
        ("0" * 500, 400, f"„{'0' * 19}…“ ist kein gültiger"),  # shortened
        ("09999999", 404, "Keine Kommune mit dem Schlüssel „09999999“ gefunden."),
        ("01063", 404, "Keine Kommune mit dem Schlüssel „01063“ gefunden."),
    ],
)
def test_a_bad_kommune_gets_a_german_page_with_the_form(client, entry, value, status, message):
    response = client.get(vorlage_url(entry), {"kommune": value})
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert f'action="{vorlage_url(entry)}"' in html


def test_a_blank_kommune_is_no_kommune(client, entry):
    text = sections(fetch(client, entry, kommune="  "))
    assert text["Betreff"] == [f"Einführung von „{entry.title}“ nach dem Vorbild von Bargteheide"]


def test_an_entry_without_the_optional_fields_says_so_plainly(client, world):
    page = PraxisPageFactory(
        parent=world.bargteheide, title="Nur eine Idee", beginn="", kosten_jahr_eur=0
    )
    document = fetch(client, page)
    text = sections(document)
    assert (
        "Seit wann: Das Praxisbeispiel enthält keine Angabe zur Laufzeit (Status: laufend)."
        in (text["Sachverhalt und Begründung"])
    )
    assert (
        "Das Praxisbeispiel gibt nicht an, wie gut es belegt ist."
        in (text["Sachverhalt und Begründung"])
    )
    assert (
        "Das Praxisbeispiel enthält keine Angaben zur Übertragbarkeit."
        in (text["Sachverhalt und Begründung"])
    )
    assert (
        "Bisher ist auf der Plattform keine Übernahme durch eine andere Kommune eingetragen."
        in text["Vergleichbare Kommunen"]
    )
    assert text["Finanzielle Auswirkungen"][1:] == [
        "Einmalige Kosten: keine Angabe im Praxisbeispiel",
        "Laufende Kosten pro Jahr: 0 €",
        "Personal: keine Angabe im Praxisbeispiel",
        "Förderprogramme in Schleswig-Holstein",
        "Das Praxisbeispiel nennt keine Förderprogramme.",
    ]
    assert text["Erfahrungen und Stolpersteine"] == [
        "Das Praxisbeispiel enthält keine Angaben zu Erfahrungen und Stolpersteinen."
    ]
    assert text["Ansprechperson"][0] == "Das Praxisbeispiel nennt keine Ansprechperson."
    # every heading has text below it: no empty section, no placeholder
    for heading, paragraphs in text.items():
        assert [p for p in paragraphs if p.strip()], heading
    everything = " ".join(p.text for p in document.paragraphs)
    assert "…" not in everything and "___" not in everything


def test_the_document_is_a4_and_german(client, entry):
    document = fetch(client, entry)
    section = document.sections[0]
    # stored in twentieths of a point
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    lang = document.styles["Normal"].element.rPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang"
    )
    assert lang.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "de-DE"
    assert "Seite" in section.footer.paragraphs[0].text


@pytest.mark.parametrize("state", ["unpublished", "draft", "restricted"])
def test_only_a_public_live_entry_has_a_beschlussvorlage(client, world, entry, state):
    url = vorlage_url(entry)
    if state == "unpublished":
        entry.unpublish()
    elif state == "draft":
        draft = PraxisPageFactory(parent=world.bargteheide, title="Entwurf", live=False)
        url = f"{draft.get_parent().url}{draft.slug}/beschlussvorlage.docx"
    else:
        PageViewRestriction.objects.create(page=entry, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code in (302, 404)
    assert response.get("Content-Type") != CONTENT_TYPE


@pytest.mark.parametrize(
    "suffix", ["beschlussvorlage.docx/", "beschlussvorlage.pdf", "beschlussvorlage.docx.exe"]
)
def test_other_addresses_are_not_found(client, entry, suffix):
    assert client.get(f"{entry.url}{suffix}").status_code == 404


def test_a_profile_has_no_beschlussvorlage(client, world):
    assert client.get(f"{world.bargteheide.url}beschlussvorlage.docx").status_code == 404


def test_the_entry_page_links_the_document_and_a_form(client, entry):
    html = client.get(entry.url).content.decode()
    assert "Vorlage für den Gemeinderat" in html
    assert f'href="{vorlage_url(entry)}" download' in html
    assert (
        f'<form class="beschlussvorlage__formular" method="get" action="{vorlage_url(entry)}">'
        in html
    )
    assert 'name="kommune"' in html


def test_the_entry_page_offers_the_document_for_meine_kommune(client, entry, zapfendorf):
    html = client.get(entry.url, {"vergleich": ZAPFENDORF}).content.decode()
    assert f'href="{vorlage_url(entry)}?kommune={ZAPFENDORF}" download' in html
    assert "Vorlage für Zapfendorf herunterladen" in html
    assert "Vorlage ohne Kommune herunterladen" in html


@pytest.mark.parametrize("vergleich", ["Zapfendorf", "09999999", ""])
def test_no_meine_kommune_without_a_known_ags(client, entry, zapfendorf, vergleich):
    html = client.get(entry.url, {"vergleich": vergleich}).content.decode()
    assert "?kommune=" not in html
    assert f'href="{vorlage_url(entry)}" download' in html
