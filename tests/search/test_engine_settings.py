"""Engine choice and settings checks."""

import pytest

from search import client
from search.checks import check_search_settings
from tests.search.engine_support import engine_url


@pytest.fixture(autouse=True)
def _fresh_clients():
    client.reset()
    yield
    client.reset()


@pytest.mark.engine
def test_engine_is_taken_from_the_server_answer(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = engine_url(), ""
    assert client.engine_name() == "opensearch"
    assert type(client.get_client()).__module__.startswith("opensearchpy")


def test_engine_setting_is_used_without_asking_the_server(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9", "elasticsearch"
    assert client.engine_name() == "elasticsearch"
    assert type(client.get_client()).__module__.startswith("elasticsearch")


def test_without_url_there_is_no_engine_client(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "", ""
    with pytest.raises(client.SearchNotConfigured):
        client.get_client()


def test_check_reports_wrong_settings(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "localhost:9200", "solr"
    settings.SEARCH_INDEX_PREFIX = ""
    ids = {error.id for error in check_search_settings(None)}
    assert ids == {"search.E001", "search.E002", "search.E003"}


def test_check_passes_good_settings(settings):
    settings.SEARCH_URL, settings.SEARCH_ENGINE = "http://127.0.0.1:9200", ""
    settings.SEARCH_INDEX_PREFIX = "praxisnetz"
    assert check_search_settings(None) == []
