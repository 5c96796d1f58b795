"""Search blocks on other pages: similar entries on an entry, comparable Kommunen on a profile."""

from kommunen.models import KommunePage


def test_entry_page_shows_similar_entries_with_reasons(beispiele, client):
    antwort = client.get(beispiele["sprachcafe"].url)
    assert antwort.status_code == 200
    text = antwort.content.decode()
    block = text[text.index('id="aehnliche-titel"') :]
    assert "Ähnliche Praxisbeispiele" in text
    assert "Sprachkurs für Mütter mit Kinderbetreuung" in block
    assert "gleiches Handlungsfeld: Sprache" in block
    assert "Interkulturelle Öffnung im Bürgeramt" not in block
    assert "Sprachpaten (Entwurf)" not in block


def test_profile_shows_comparable_kommunen_with_reasons(beispiele, kommunen, client):
    profil = KommunePage.objects.get(kommune=kommunen["klein"])
    text = client.get(profil.url).content.decode()
    block = text[text.index('id="vergleichbare-titel"') :]
    assert block.index("Nachbarsdorf") < block.index("Bergdorf")
    assert "gleicher Kreis" in block
    assert "?vergleich=01062001" in block


def test_blocks_do_not_break_the_page_when_the_search_fails(beispiele, client, engine_aus):
    antwort = client.get(beispiele["sprachcafe"].url)
    assert antwort.status_code == 200
    assert "Ähnliche Praxisbeispiele" in antwort.content.decode()
