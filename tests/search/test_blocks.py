"""Search blocks on other pages: similar entries on an entry, comparable Kommunen on a profile."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kommunen.factories import KommuneFactory
from kommunen.models import KommunePage
from kommunen.profiles import ensure_profile


def test_entry_page_shows_similar_entries_with_reasons(entries, client):
    response = client.get(entries["sprachcafe"].url)
    assert response.status_code == 200
    text = response.content.decode()
    block = text[text.index('id="aehnliche-titel"') :]
    assert "Ähnliche Praxisbeispiele" in text
    assert "Sprachkurs für Mütter mit Kinderbetreuung" in block
    assert "gleiches Handlungsfeld: Sprache" in block
    assert "Interkulturelle Öffnung im Bürgeramt" not in block
    assert "Sprachpaten (Entwurf)" not in block


def test_profile_shows_comparable_kommunen_with_reasons(entries, kommunen, client):
    profile = KommunePage.objects.get(kommune=kommunen["klein"])
    text = client.get(profile.url).content.decode()
    block = text[text.index('id="vergleichbare-titel"') :]
    assert block.index("Nachbarsdorf") < block.index("Bergdorf")
    assert "gleicher Kreis" in block
    assert "?vergleich=01062001" in block


def test_comparable_kommunen_link_their_profiles_without_a_query_each(entries, kommunen, client):
    url = KommunePage.objects.get(kommune=kommunen["klein"]).url
    client.get(url)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    ensure_profile(KommuneFactory(ags="01062005", name="Neudorf", einwohner=4_200))
    with CaptureQueriesContext(connection) as five:
        text = client.get(url).content.decode()
    assert '/kommunen/neudorf/">Neudorf</a>' in text
    assert len(five) == len(four)


def test_blocks_do_not_break_the_page_when_the_search_fails(entries, client, engine_down):
    response = client.get(entries["sprachcafe"].url)
    assert response.status_code == 200
    assert "Ähnliche Praxisbeispiele" in response.content.decode()


def test_search_stylesheet_is_loaded_in_the_head_of_entry_and_profile(entries, kommunen, client):
    for page in (entries["sprachcafe"], KommunePage.objects.get(kommune=kommunen["klein"])):
        text = client.get(page.url).content.decode()
        head = text[: text.index("</head>")]
        assert "css/search.css" in head
        assert "css/search.css" not in text[text.index("<body") :]
