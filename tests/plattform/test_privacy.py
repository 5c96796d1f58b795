"""What the Datenschutz page promises, checked against what the pages do.

Public pages set no cookie and load nothing from another host; the API docs come from the
platform's own static files (they used to load Swagger UI from a CDN and were blank without
internet); the admin shows no Gravatar avatars (which sent each editor's e-mail hash away).
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

import pytest
import wagtail_factories

from kommunen.factories import (
    KommuneFactory,
    KommunePageFactory,
    LandkreisFactory,
    LandkreisPageFactory,
)
from kommunen.models import KommunenIndexPage, KommuneTyp
from plattform.standard_pages import ensure_standard_pages
from praxis.factories import PraxisPageFactory

HOST = "testserver"  # the host Django's test client asks for
# Elements and the attributes by which a browser fetches something without a click.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "base": ("href",),
}
FETCHING_LINK_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "apple-touch-icon",
    "manifest",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class FetchedUrls(HTMLParser):
    """Collects every URL a browser would fetch while rendering the page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        names = FETCHING_ATTRIBUTES.get(tag, ())
        if tag == "link" and FETCHING_LINK_RELS & set(values.get("rel", "").lower().split()):
            names = ("href", "imagesrcset")
        for name in names:
            if name.endswith("srcset"):
                self.urls += [part.split()[0] for part in values.get(name, "").split(",") if part]
            elif values.get(name):
                self.urls.append(values[name])
        self._add_css(values.get("style", ""))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._add_css(data)

    def _add_css(self, css: str) -> None:
        self.urls += [url or imported for url, imported in CSS_URL.findall(css)]


def fetched_urls(html: str) -> list[str]:
    parser = FetchedUrls()
    parser.feed(html)
    return parser.urls


def foreign(urls: list[str]) -> list[str]:
    """The URLs that point at another host (relative, same-host and data: URLs are fine)."""
    return [
        url
        for url in urls
        if urlsplit(url).scheme != "data" and urlsplit(url).netloc not in ("", HOST)
    ]


def test_the_scan_finds_every_kind_of_foreign_resource():
    html = """<html><head>
        <link rel="stylesheet" href="https://cdn.example.com/a.css">
        <link rel="icon" href="//icons.example.com/i.png">
        <link rel="canonical" href="https://elsewhere.example.com/page">
        <style>body { background: url('https://img.example.com/b.png') }</style>
        <script src="https://cdn.example.com/s.js"></script></head>
        <body style="background-image: url(http://img.example.com/c.png)">
        <img src="/media/ok.png" srcset="/media/ok2.png 2x, https://img.example.com/d.png 3x">
        <img src="//www.gravatar.com/avatar/abc?s=50">
        <iframe src="https://video.example.com/e"></iframe>
        <a href="https://www.govdata.de/dl-de/by-2-0">Lizenz</a>
        <img src="data:image/png;base64,AAAA"><script src="/static/ok.js"></script>
        <img src="http://testserver/media/same-host.png"></body></html>"""
    assert foreign(fetched_urls(html)) == [
        "https://cdn.example.com/a.css",
        "//icons.example.com/i.png",
        "https://img.example.com/b.png",
        "https://cdn.example.com/s.js",
        "http://img.example.com/c.png",
        "https://img.example.com/d.png",
        "//www.gravatar.com/avatar/abc?s=50",
        "https://video.example.com/e",
    ]


@pytest.fixture
def public_pages(home_page) -> dict[str, str]:
    """One page of every public type, the search with results and a comparison Kommune."""
    ensure_standard_pages(home_page)
    kreis = LandkreisPageFactory(
        parent=KommunenIndexPage.objects.get(),
        kommune=LandkreisFactory(ags="01062", name="Kreis Stormarn"),
    )
    kommune = KommuneFactory(
        ags="01062001", name="Ahrensburg", typ=KommuneTyp.STADT, kreis=kreis.kommune
    )
    profile = KommunePageFactory(parent=kreis, kommune=kommune)
    image = wagtail_factories.ImageFactory(title="Foto", file__width=800, file__height=500)
    entry = PraxisPageFactory(parent=profile, title="Sprachcafé am Hafen", bild=image)
    PraxisPageFactory(parent=profile, title="Sprachlotsen")
    return {
        "home": "/",
        "kommunen": "/kommunen/",
        "landkreis": kreis.url,
        "kommune": profile.url,
        "praxis": "/praxisbeispiele/",
        "entry": entry.url,
        "search": "/suche/?q=Sprachcafé&vergleich=01062001",
        "standard": "/datenschutz/",
        "not_found": "/gibt-es-nicht/",
    }


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_hosts_and_set_no_cookie(client, public_pages):
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not_found" else 200), url
        html = response.content.decode()
        if name == "search":
            # the page shows results, linked with the comparison Kommune
            assert f'href="{public_pages["entry"]}?vergleich=01062001"' in html
        if name == "entry":
            assert "/media/images/" in html  # an image rendition is among the scanned URLs
        assert foreign(fetched_urls(html)) == [], url
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url
    assert not client.cookies


@pytest.mark.django_db
def test_api_docs_come_from_the_platforms_own_static_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    urls = fetched_urls(response.content.decode())
    assert foreign(urls) == []
    scripts = [url for url in urls if url.endswith(".js")]
    assert any("swagger-ui-bundle" in url for url in scripts)
    for url in urls:
        assert url.startswith(settings.STATIC_URL), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), f"{url} fehlt"
    assert not response.cookies


@pytest.mark.django_db
def test_admin_dashboard_loads_nothing_from_other_hosts(admin_client, admin_user):
    admin_user.email = "redaktion@example.org"  # Gravatar would be asked for this address
    admin_user.save()
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert foreign(fetched_urls(html)) == []


@pytest.mark.django_db
def test_only_the_login_form_and_the_login_set_cookies(client, admin_user):
    """The cookies the Datenschutz page names: CSRF for the form, the session once logged in."""
    login_form = client.get("/admin/login/")
    assert set(login_form.cookies) == {settings.CSRF_COOKIE_NAME}
    response = client.post(
        "/admin/login/", {"username": admin_user.username, "password": "password"}
    )
    assert response.status_code == 302
    assert settings.SESSION_COOKIE_NAME in response.cookies


@pytest.mark.django_db
def test_the_contact_form_sets_only_the_csrf_cookie_and_says_so(client, public_pages):
    """Like the login form: "Kontakt aufnehmen" needs CSRF protection, and nothing else."""
    for name in ("entry", "kommune", "landkreis"):
        form = client.get(public_pages[name] + "kontakt/")
        assert form.status_code == 200
        assert set(form.cookies) == {settings.CSRF_COOKIE_NAME}, name
        assert f"<code>{settings.CSRF_COOKIE_NAME}</code>" in form.content.decode()
        assert foreign(fetched_urls(form.content.decode())) == [], name


@pytest.mark.django_db
def test_datenschutz_names_the_contact_form_and_its_cookie(client, home_page):
    ensure_standard_pages(home_page)
    html = client.get("/datenschutz/").content.decode()
    assert "„Kontakt aufnehmen“" in html and "<code>csrftoken</code>" in html
    assert "Kontaktanfragen" in html and "nach 180 Tagen" in html
