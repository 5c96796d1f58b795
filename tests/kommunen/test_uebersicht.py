"""The Kreis overview at <Landkreis profile>uebersicht/, its CSV downloads and its JSON twin.

The world's Kreis Stormarn (tests/world.py) gets two more Gemeinden of the register: Hammoor
with a profile still in draft, Trittau with none; the Kreis leads one entry of its own, and
Bargteheide gets a draft entry and one behind a view restriction, which must not count.
"""

import csv
import io
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from kommunen.factories import KommuneFactory, KommunePageFactory, LandkreisPageFactory
from kommunen.models import Kommune, KommunenIndexPage, LandkreisPage, Netzwerk
from kommunen.uebersicht import build_overview
from kommunen.uebersicht.export import csv_filename
from praxis.factories import PraxisPageFactory
from tests.plattform.test_privacy import fetched_urls, foreign
from tests.world import World, build_world, built_for_module

BERLIN = ZoneInfo("Europe/Berlin")
# Handlungsfelder with entries in the Kreis: Bargteheide's three, the Kreis's own one.
FIELDS_WITH_ENTRIES = {"sprache", "engagement-ehrenamt", "wohnen", "interkommunale-kooperation"}
STRUCTURE_KEYS = [
    "integrationsbeauftragte",
    "koordinierungsstelle",
    "integrationsbeirat",
    "integrationskonzept",
    "runder_tisch",
    "steuerungsgruppe",
    "netzwerke",
    "migrantenselbstorganisationen",
]


def build_kreis_world() -> World:
    world = build_world()
    kreis = world.kreis.kommune
    hammoor = KommuneFactory(ags="01062029", name="Hammoor", einwohner=1_250, kreis=kreis)
    KommunePageFactory(parent=world.kreis, kommune=hammoor, live=False)
    KommuneFactory(ags="01062082", name="Trittau", einwohner=8_900, kreis=kreis)
    world.entries["kreis"] = PraxisPageFactory(
        parent=world.kreis,
        title="Sprachmittlerpool des Kreises",
        handlungsfelder=["interkommunale-kooperation"],
        first_published_at=datetime(2025, 3, 12, 10, tzinfo=BERLIN),
        last_published_at=datetime(2025, 3, 12, 10, tzinfo=BERLIN),
    )
    world.entries["entwurf"] = PraxisPageFactory(
        parent=world.bargteheide,
        title="Entwurf Gesundheit",
        handlungsfelder=["gesundheit"],
        live=False,
    )
    hidden = PraxisPageFactory(
        parent=world.bargteheide, title="Interne Bildung", handlungsfelder=["bildung"]
    )
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    world.entries["intern"] = hidden
    # Publication dates as Wagtail's publishing sets them (the factories leave them empty).
    world.ahrensburg.first_published_at = datetime(2024, 1, 10, 9, tzinfo=BERLIN)
    world.ahrensburg.last_published_at = datetime(2025, 1, 15, 9, tzinfo=BERLIN)
    world.ahrensburg.save(update_fields=["first_published_at", "last_published_at"])
    return world


@pytest.fixture(scope="module")
def module_kreis_world(django_db_setup, django_db_blocker):
    yield from built_for_module(django_db_blocker, build_kreis_world)


@pytest.fixture
def kreis_world(module_kreis_world, db) -> World:
    return module_kreis_world.copy()


@pytest.fixture
def url(kreis_world) -> str:
    return f"{kreis_world.kreis.url}uebersicht/"


@pytest.fixture
def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def api(client, kreis_world) -> dict:
    response = client.get("/api/v1/kreise/01062/uebersicht/")
    assert response.status_code == 200
    return response.json()


class TableReader(HTMLParser):
    """The rows of the table captioned with `caption_id`, as the texts a screen reader reads
    (content of aria-hidden elements left out), header cells included."""

    def __init__(self, caption_id: str):
        super().__init__()
        self.caption_id = caption_id
        self.rows: list[list[str]] = []
        self._depth = 0  # open <table> elements while inside the wanted one
        self._pending_table = False
        self._hidden = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self._depth += 1 if self._depth else 0
            self._pending_table = not self._depth
        if tag == "caption" and attributes.get("id") == self.caption_id and self._pending_table:
            self._depth = 1
        if not self._depth:
            return
        if self._hidden or attributes.get("aria-hidden") == "true":
            self._hidden += 1
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if self._hidden:
            self._hidden -= 1
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth and self._cell is not None and not self._hidden:
            self._cell.append(data)


def table_rows(html: str, caption_id: str) -> list[list[str]]:
    reader = TableReader(caption_id)
    reader.feed(html)
    assert reader.rows, f"no table captioned #{caption_id}"
    return reader.rows


def rows_by_name(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in rows[1:]}


# The page


def test_the_overview_lists_every_gemeinde_of_the_register(html):
    rows = table_rows(html, "strukturen-tabelle")
    names = [row[0] for row in rows[1:]]
    assert names == [
        "Ahrensburg",
        "Bargteheide",
        "Hammoor",
        "Trittau",
        "Kreis Stormarn (Kreisebene)",
    ]
    by_name = rows_by_name(rows)
    assert by_name["Trittau"][:2] == ["Kleinstadt", "8.900"]
    assert by_name["Hammoor"][:2] == ["Landgemeinde", "1.250"]
    assert by_name["Ahrensburg"][:2] == ["Kleinstadt", "12.345"]
    assert by_name["Kreis Stormarn (Kreisebene)"][:2] == ["Landkreis", "245.000"]


def test_participating_gemeinden_link_their_profile(html, kreis_world):
    assert f'<a href="{kreis_world.ahrensburg.url}">Ahrensburg</a>' in html
    assert f'<a href="{kreis_world.bargteheide.url}">Bargteheide</a>' in html
    assert ">Trittau</a>" not in html
    assert ">Hammoor</a>" not in html  # a draft profile is no profile


def test_structures_matrix_says_yes_no_and_keine_angabe(html):
    by_name = rows_by_name(table_rows(html, "strukturen-tabelle"))
    assert by_name["Ahrensburg"][2:] == [
        "ja hauptamtlich",
        "nein",
        "ja",
        "ja 2021",
        "nein",
        "nein",
        "ja 1",
        "keine Angabe",  # the profile gives no number of Migrantenselbstorganisationen
    ]
    assert by_name["Bargteheide"][2:] == ["nein"] * 7 + ["keine Angabe"]
    assert by_name["Trittau"][2:] == ["keine Angabe"] * 8
    assert by_name["Hammoor"][2:] == ["keine Angabe"] * 8


def test_structure_symbols_have_words_for_screen_readers(html):
    hidden = '<span class="visually-hidden">'
    assert f'<span aria-hidden="true">✓</span>{hidden}ja</span>' in html
    assert f'<span aria-hidden="true">\N{EN DASH}</span>{hidden}nein</span>' in html


def test_the_wide_tables_scroll_in_a_labelled_focusable_region(html):
    for caption in ("strukturen-tabelle", "praxis-tabelle"):
        assert (
            f'<div class="tabelle-scroll" role="region" aria-labelledby="{caption}" tabindex="0">'
            in html
        )
        assert f'<caption id="{caption}">' in html
    assert '<th scope="col">Kommune</th>' in html


def test_entries_matrix_counts_live_public_entries_per_handlungsfeld(html):
    rows = table_rows(html, "praxis-tabelle")
    header = rows[0]
    assert header[0] == "Kommune" and header[-1] == "insgesamt"
    by_name = rows_by_name(rows)
    bargteheide = dict(zip(header[1:], by_name["Bargteheide"], strict=True))
    assert bargteheide["Sprache"] == "2"
    assert bargteheide["Engagement und Ehrenamt"] == "1"
    assert bargteheide["Wohnen"] == "1"
    assert bargteheide["Bildung"] == "0"  # behind a view restriction
    assert bargteheide["Gesundheit"] == "0"  # a draft
    assert bargteheide["insgesamt"] == "3"
    kreis = dict(zip(header[1:], by_name["Kreis Stormarn (Kreisebene)"], strict=True))
    assert kreis["Interkommunale Kooperation"] == "1" and kreis["insgesamt"] == "1"
    total = dict(zip(header[1:], by_name["Kreis insgesamt"], strict=True))
    assert total["Sprache"] == "2" and total["insgesamt"] == "4"


def test_entries_matrix_leaves_out_gemeinden_without_profile_and_says_so(html):
    names = [row[0] for row in table_rows(html, "praxis-tabelle")[1:]]
    assert names == ["Ahrensburg", "Bargteheide", "Kreis Stormarn (Kreisebene)", "Kreis insgesamt"]
    assert "2 Gemeinden ohne Profil haben keine veröffentlichten Praxisbeispiele" in html


def test_the_chart_is_an_accessible_svg_with_a_table_alternative(html):
    assert (
        '<svg class="balken" role="img" aria-labelledby="diagramm-titel" '
        'aria-describedby="diagramm-beschreibung"' in html
    )
    assert (
        '<title id="diagramm-titel">Praxisbeispiele des Kreises Stormarn je Handlungsfeld</title>'
        in html
    )
    description = html.split('<desc id="diagramm-beschreibung">', 1)[1].split("</desc>", 1)[0]
    assert "Sprache: 2; Bildung: 0;" in description
    assert "Interkommunale Kooperation: 1" in description
    assert "Tabelle nach dem Diagramm" in description
    table = html.split("Tabelle zum Diagramm:", 1)[1].split("</table>", 1)[0]
    assert '<th scope="row">Sprache</th><td class="zahl">2</td>' in table
    assert html.count("<rect ") == 14  # one bar per Handlungsfeld, zero ones as a sliver


def test_the_page_needs_no_javascript_sets_no_cookie_and_loads_only_its_own_files(client, url):
    response = client.get(url)
    html = response.content.decode()
    assert "<script" not in html
    assert foreign(fetched_urls(html)) == []
    assert '<link rel="stylesheet" href="/static/css/uebersicht.css">' in html
    assert not response.cookies


def test_gaps_are_named_in_words(html, api):
    gaps = api["luecken"]
    assert gaps[:4] == [
        "2 Gemeinden ohne Profil",
        "1 Gemeinde mit Profil ohne Integrationsbeauftragte:n",
        "1 Gemeinde mit Profil ohne Integrationskonzept",
        "1 Gemeinde mit Profil ohne Praxisbeispiel",
    ]
    assert "keine Einträge im Handlungsfeld Bildung" in gaps
    assert "keine Einträge im Handlungsfeld Interkulturelle Öffnung der Verwaltung" in gaps
    assert not any(gap.endswith(("Sprache", "Wohnen")) for gap in gaps)
    assert len(gaps) == 4 + 14 - len(FIELDS_WITH_ENTRIES)
    for gap in gaps:
        assert f"<li>{gap}</li>" in html


def test_a_kreis_without_entries_has_one_sentence_for_them(home_page, client):
    kreis_page: LandkreisPage = LandkreisPageFactory(parent=_index(), kommune__ags="01053")
    KommuneFactory(ags="01053001", name="Leerdorf", kreis=kreis_page.kommune)
    overview = build_overview(kreis_page.kommune)
    assert overview.gaps == ["1 Gemeinde ohne Profil", "noch keine Praxisbeispiele im Kreis"]


def test_recent_activity_lists_entries_and_profiles_with_dates(html, api, kreis_world):
    activity = html.split('id="aktivitaet-titel"', 1)[1].split("</section>", 1)[0]
    assert "Sprachmittlerpool des Kreises" in activity
    assert '<time datetime="2025-03-12">12.03.2025</time>' in activity
    assert f'Profil <a href="{kreis_world.ahrensburg.url}">Ahrensburg</a>: aktualisiert' in activity
    assert '<time datetime="2025-01-15">15.01.2025</time>' in activity
    assert "Sprachmittlerpool des Kreises</a>, Kreis Stormarn: veröffentlicht" in activity
    assert "Entwurf Gesundheit" not in activity and "Interne Bildung" not in activity
    kinds = {(item["art"], item["titel"]) for item in api["aktivitaet"]}
    assert ("praxis", "Sprachmittlerpool des Kreises") in kinds
    assert ("profil", "Ahrensburg") in kinds
    assert ("profil", "Hammoor") not in kinds
    dates = [item["datum"] for item in api["aktivitaet"]]
    assert dates == sorted(dates, reverse=True)
    assert len(api["aktivitaet"]) <= 10


def test_the_landkreis_profile_links_its_overview(client, kreis_world, url):
    html = client.get(kreis_world.kreis.url).content.decode()
    assert f'<a href="{url}">Der Kreis auf einen Blick' in html


def test_the_overview_is_public_only_where_the_profile_is(client, kreis_world, url):
    PageViewRestriction.objects.create(
        page=kreis_world.kreis, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_only_a_landkreis_profile_has_an_overview(client, kreis_world):
    assert client.get(f"{kreis_world.ahrensburg.url}uebersicht/").status_code == 404
    assert client.get(f"{kreis_world.ahrensburg.url}uebersicht/praxis.csv").status_code == 404


# CSV


def _csv(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM German Excel needs to read UTF-8
    text = body.decode("utf-8")[1:]
    return response, list(csv.reader(io.StringIO(text), delimiter=";"))


def test_structures_csv_for_german_excel(client, url):
    response, lines = _csv(client, f"{url}strukturen.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="01062-kreis-stormarn-strukturen.csv"'
    )
    assert lines[0] == [
        "AGS",
        "Kommune",
        "Größenklasse",
        "Einwohner",
        "Profil",
        "Integrationsbeauftragte:r",
        "Koordinierungsstelle",
        "Integrationsbeirat",
        "Integrationskonzept",
        "Runder Tisch",
        "Steuerungsgruppe",
        "Netzwerke",
        "Migrantenselbstorganisationen",
    ]
    by_ags = {line[0]: line for line in lines[1:]}
    assert by_ags["01062001"][1:] == [
        "Ahrensburg",
        "Kleinstadt",
        "12345",
        "ja",
        "ja",
        "nein",
        "ja",
        "ja",
        "nein",
        "nein",
        "ja",
        "keine Angabe",
    ]
    assert by_ags["01062082"][4:] == ["nein"] + ["keine Angabe"] * 8
    assert lines[-1][:2] == ["01062", "Kreis Stormarn"]
    assert b"\r\n" in response.content


def test_entries_csv_has_every_gemeinde_and_the_kreis(client, url):
    response, lines = _csv(client, f"{url}praxis.csv")
    assert (
        response["Content-Disposition"] == 'attachment; filename="01062-kreis-stormarn-praxis.csv"'
    )
    header = lines[0]
    assert header[:3] == ["AGS", "Kommune", "Sprache"] and header[-1] == "Praxisbeispiele insgesamt"
    by_ags = {line[0]: dict(zip(header, line, strict=True)) for line in lines[1:]}
    assert set(by_ags) == {"01062001", "01062004", "01062029", "01062082", "01062"}
    assert by_ags["01062004"]["Sprache"] == "2"
    assert by_ags["01062004"]["Praxisbeispiele insgesamt"] == "3"
    assert by_ags["01062082"]["Praxisbeispiele insgesamt"] == "0"
    assert by_ags["01062"]["Interkommunale Kooperation"] == "1"


def test_the_download_links_point_at_the_csv_files(html, url):
    assert f'href="{url}strukturen.csv"' in html
    assert f'href="{url}praxis.csv"' in html
    assert 'href="/api/v1/kreise/01062/uebersicht/"' in html


def test_csv_file_names_are_ascii():
    kreis = Kommune(ags="05762", name="Kreis Höxter", anzeigename="Kreis Höxter")
    assert csv_filename(kreis, "praxis") == "05762-kreis-hoexter-praxis.csv"


def test_csv_cells_cannot_start_a_formula(home_page, client):
    kreis_page: LandkreisPage = LandkreisPageFactory(parent=_index(), kommune__ags="01054")
    KommuneFactory(ags="01054001", name="=HYPERLINK(1)", kreis=kreis_page.kommune)
    _response, lines = _csv(client, f"{kreis_page.url}uebersicht/strukturen.csv")
    assert lines[1][1] == "'=HYPERLINK(1)"


# JSON


def test_json_has_the_documented_shape(api):
    assert set(api) == {
        "kreis",
        "kommunen",
        "handlungsfelder",
        "praxis_gesamt",
        "aktivitaet",
        "luecken",
    }
    assert api["kreis"]["ags"] == "01062" and api["kreis"]["name"] == "Kreis Stormarn"
    assert api["kreis"]["uebersicht_url"].endswith("/kommunen/kreis-stormarn/uebersicht/")
    first = api["kommunen"][0]
    assert set(first) == {
        "ags",
        "name",
        "groessenklasse",
        "einwohner",
        "profil_url",
        "strukturen",
        "praxis_je_handlungsfeld",
        "praxis_gesamt",
    }
    assert list(first["strukturen"]) == STRUCTURE_KEYS
    assert len(first["praxis_je_handlungsfeld"]) == 14


def test_json_values_are_those_of_the_page(api, html):
    structures = rows_by_name(table_rows(html, "strukturen-tabelle"))
    entries_rows = table_rows(html, "praxis-tabelle")
    entries = rows_by_name(entries_rows)
    words = {True: "ja", False: "nein", None: "keine Angabe"}
    for kommune in api["kommunen"]:
        row = structures[kommune["name"]]
        assert row[1] == f"{kommune['einwohner']:,}".replace(",", ".")
        shown = [cell.split(" ")[0] if cell != "keine Angabe" else cell for cell in row[2:]]
        assert shown == [words[kommune["strukturen"][key]] for key in STRUCTURE_KEYS]
        if kommune["profil_url"]:
            counts = [str(n) for n in kommune["praxis_je_handlungsfeld"].values()]
            assert entries[kommune["name"]] == [*counts, str(kommune["praxis_gesamt"])]
        else:
            assert set(kommune["strukturen"].values()) == {None}
    kreis_counts = [str(n) for n in api["kreis"]["praxis_je_handlungsfeld"].values()]
    assert entries["Kreis Stormarn (Kreisebene)"][:-1] == kreis_counts
    totals = [str(field["anzahl"]) for field in api["handlungsfelder"]]
    assert entries["Kreis insgesamt"] == [*totals, str(api["praxis_gesamt"])]
    assert [field["name"] for field in api["handlungsfelder"]] == entries_rows[0][1:-1]


def test_json_counts_and_structures(api, kreis_world):
    by_ags = {kommune["ags"]: kommune for kommune in api["kommunen"]}
    ahrensburg = by_ags["01062001"]
    assert ahrensburg["profil_url"] == kreis_world.ahrensburg.full_url
    assert ahrensburg["groessenklasse"] == "kleinstadt" and ahrensburg["einwohner"] == 12_345
    assert ahrensburg["strukturen"]["integrationsbeauftragte"] is True
    assert ahrensburg["strukturen"]["koordinierungsstelle"] is False
    assert ahrensburg["strukturen"]["migrantenselbstorganisationen"] is None
    assert by_ags["01062082"]["profil_url"] is None
    assert by_ags["01062004"]["praxis_je_handlungsfeld"]["sprache"] == 2
    assert by_ags["01062004"]["praxis_je_handlungsfeld"]["bildung"] == 0
    assert api["kreis"]["praxis_je_handlungsfeld"]["interkommunale-kooperation"] == 1
    assert api["praxis_gesamt"] == 4


@pytest.mark.parametrize(
    ("ags", "message"),
    [
        ("01099", "Zum Kreisschlüssel „01099“ gibt es keinen Landkreis."),
        ("1062", "„1062“ ist kein Kreisschlüssel: erwartet werden 5 Ziffern"),
        ("17001", "„17001“ ist kein Kreisschlüssel"),
        ("abcde", "„abcde“ ist kein Kreisschlüssel"),
        ("01062001", "Ahrensburg (01062001) ist kein Landkreis"),
        ("13004000", "Schwerin (13004000) ist kein Landkreis"),
    ],
)
def test_unknown_malformed_or_other_keys_answer_404_in_german(client, kreis_world, ags, message):
    response = client.get(f"/api/v1/kreise/{ags}/uebersicht/")
    assert response.status_code == 404
    assert message in response.json()["fehler"]


def test_the_endpoint_is_typed_in_the_openapi_schema(client, kreis_world):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/kreise/{ags}/uebersicht/"]["get"]
    assert operation["operationId"] == "kommunen_api_kreis_uebersicht"
    assert operation["tags"] == ["Kommunen"]
    assert set(operation["responses"]) == {"200", "400", "404"}  # 400: control characters
    components = schema["components"]["schemas"]
    strukturen = components["StrukturenSchema"]
    assert list(strukturen["properties"]) == STRUCTURE_KEYS
    assert strukturen["properties"]["netzwerke"]["anyOf"] == [{"type": "boolean"}, {"type": "null"}]
    assert "keine Angabe" in strukturen["description"]
    kommune = components["UebersichtKommuneSchema"]["properties"]
    assert kommune["praxis_je_handlungsfeld"]["additionalProperties"] == {"type": "integer"}


# Bounded queries


def _index() -> KommunenIndexPage:
    return KommunenIndexPage.objects.get()


def _kreis_of(size: int, ags: str) -> LandkreisPage:
    """A Kreis of `size` Gemeinden; every other one with a profile, a network and an entry."""
    kreis_page: LandkreisPage = LandkreisPageFactory(parent=_index(), kommune__ags=ags)
    for n in range(size):
        gemeinde = KommuneFactory(ags=f"{ags}{n:03d}", kreis=kreis_page.kommune)
        if n % 2 == 0:
            profile = KommunePageFactory(
                parent=kreis_page, kommune=gemeinde, integrationsbeauftragte="ehrenamtlich"
            )
            Netzwerk.objects.create(page=profile, name="Netzwerk")
            PraxisPageFactory(parent=profile, handlungsfelder=["sprache", "wohnen"])
    return kreis_page


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_gemeinden(home_page, client):
    small, large = _kreis_of(2, "01055"), _kreis_of(24, "01056")
    for suffix in ("uebersicht/", "uebersicht/strukturen.csv", "uebersicht/praxis.csv"):
        client.get(f"{small.url}{suffix}")  # warms the site root cache
        counts = {_queries(client, f"{page.url}{suffix}") for page in (small, large)}
        assert len(counts) == 1, suffix
        assert counts.pop() <= 25, suffix
    api_counts = {
        _queries(client, f"/api/v1/kreise/{page.kommune.ags}/uebersicht/")
        for page in (small, large)
    }
    assert len(api_counts) == 1 and api_counts.pop() <= 15
    overview = build_overview(large.kommune)
    assert len(overview.rows) == 24 and overview.profile_count == 12
    assert overview.totals["sprache"] == 12
