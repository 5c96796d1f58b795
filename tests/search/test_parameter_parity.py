"""A parameter means the same on the search page and in the API: both parse through
search.query.parse_query, so odd values get the same answer (and the same German message).

(Only the page also takes a Kommune's name for `vergleich` and offers a choice; that is a
feature of the form, tested in test_page.py.)
"""

import re
from html import unescape

import pytest

from .content import create_entry

ODD_QUERIES = [
    "seite=",
    "seite=%D9%A1",  # an Arabic-Indic digit one
    "q&seite",
    "q=&seite=&pro_seite=",
    "pro_seite=+5",
    "pro_seite=%2B5",
    "seite=0x10",
    "seite=1_0",
    "seite=1.0",
    "seite=-1",
    "seite=0",
    "seite=00002",
    "seite=%EF%BC%92",  # fullwidth digit two
    "seite=" + "9" * 5000,
    "pro_seite=101",
    "seite=1&seite=2",
    "sortierung=",
    "sortierung=neueste&sortierung=",
    "sortierung=NEUESTE",
    "handlungsfeld=",
    "handlungsfeld=+sprache+",
    "handlungsfeld=Sprache",
    "groessenklasse=",
    "groessenklasse=kleinstadt&groessenklasse=kleinstadt",
    "bundesland=sh",
    "kreis=",
    "kreis=01062",
    "kreis=%D9%A0%D9%A1%D9%A0%D9%A6%D9%A2",  # 01062 in Arabic-Indic digits
    "kosten=keine",
    "kosten=bis-1000&kosten=unbekannt",
    "kosten=Keine",
    "kosten=1000",
    "foerderprogramm=amif",
    "foerderprogramm=AMIF",
    "foerderprogramm=gibt-es-nicht",
    "evidenz=erprobt&evidenz=evaluiert",
    "evidenz=extern",
    "kreis=01062&kosten=ueber-10000&foerderprogramm=iq&evidenz=idee",
    "vergleich=",
    "vergleich=01062001",
    "q=%20%20",
    "q=" + "x" * 201,
    "unbekannt=1",
]


@pytest.fixture
def entry(kommunen):
    return create_entry(kommunen["klein"], "Sprachcafé", handlungsfelder=("sprache",))


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_page_and_api_agree(entry, client, query):
    page = client.get(f"/suche/?{query}")
    api = client.get(f"/api/v1/praxis/?{query}")
    assert page.status_code == api.status_code, (page.status_code, api.status_code)
    assert page.status_code in (200, 400)
    page_text = unescape(page.content.decode())
    if api.status_code == 400:
        assert api.json()["meldungen"]
        assert all(message in page_text for message in api.json()["meldungen"])
    else:
        found = re.search(r"(\d+) Praxisbeispiele? gefunden", page_text)
        assert found and int(found.group(1)) == api.json()["anzahl"]
