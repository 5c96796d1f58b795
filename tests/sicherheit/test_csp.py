"""Which Content-Security-Policy each part of the platform sends (the browser test,
tests/browser/test_content_security_policy.py, shows that the pages keep to it)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.mark.parametrize("url", ["/", "/suche/?q=Sprache", "/mitmachen/", "/api/v1/docs"])
def test_public_pages_allow_scripts_and_styles_only_from_own_files(client, home_page, url):
    policy = directives(client.get(url))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_api_docs_load_swagger_from_the_platform_itself(client):
    html = client.get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert [source for source in sources if "//" in source] == []


def test_the_admin_has_its_own_policy_still_limited_to_this_host(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.org", "x"))
    policy = directives(client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    every_source = {source for sources in policy.values() for source in sources}
    assert every_source <= {"'self'", "'unsafe-inline'", "'none'", "data:", "blob:"}
