"""What editors and visitors type cannot smuggle markup onto a page or flood the database:
rich text passes Wagtail's whitelist, public text fields have limits in the model as well."""

import json
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from kontakt.models import Kontaktanfrage
from plattform.models import StandardPage
from zugaenge.models import Teilnahmeanfrage

pytestmark = pytest.mark.django_db

ATTACK_TEXT = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def contentstate_with_attacks() -> str:
    """The editor's JSON as a hostile client could post it: markup as text, a script link,
    and a block and an entity type the field does not allow."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1",
                    "type": "unstyled",
                    "text": ATTACK_TEXT + " Link",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": len(ATTACK_TEXT) + 1, "length": 4, "key": 0}],
                    "data": {},
                },
                {
                    "key": "b2",
                    "type": "atomic",
                    "text": " ",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 1, "key": 1}],
                    "data": {},
                },
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": "javascript:alert(document.cookie)"},
                },
                "1": {
                    "type": "EMBED",
                    "mutability": "IMMUTABLE",
                    "data": {"url": "https://evil.example/", "html": "<script>alert(2)</script>"},
                },
            },
        }
    )


class ActiveMarkup(HTMLParser):
    """Collects what a browser would run: inline scripts, event handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and not values.get("src"):
            self.found.append("inline <script>")
        self.found += [f"{tag} {name}" for name in values if name.startswith("on")]
        self.found += [
            f"{tag} {name}={value}"
            for name, value in values.items()
            if (value or "").strip().lower().startswith("javascript:")
        ]
        if tag in ("iframe", "embed", "object"):
            self.found.append(tag)


def active_markup(html: str) -> list[str]:
    parser = ActiveMarkup()
    parser.feed(html)
    return parser.found


def test_the_scan_sees_scripts_handlers_and_script_links():
    html = '<script>x()</script><script src="/static/a.js"></script><img src=x onerror=y()>'
    html += '<a href=" JavaScript:alert(1)">a</a><iframe src="/x"></iframe>'
    assert active_markup(html) == [
        "inline <script>",
        "img onerror",
        "a href= JavaScript:alert(1)",
        "iframe",
    ]


def test_script_and_event_handlers_in_rich_text_never_reach_the_public_page(
    client, django_user_model, home_page
):
    page = home_page.add_child(
        instance=StandardPage(title="Hinweise", slug="hinweise", text="<p>Alt</p>")
    )
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        nested_form_data(
            {
                "title": "Hinweise",
                "slug": "hinweise",
                "text": contentstate_with_attacks(),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.live and "Link" in page.text

    client.logout()  # as a visitor sees it
    html = client.get(page.url).content.decode()
    assert active_markup(html) == []
    assert "evil.example" not in html
    assert "&lt;script&gt;" in html  # the typed markup is shown as text, escaped


PUBLIC_INPUT_MODELS = [Kontaktanfrage, Teilnahmeanfrage]


@pytest.mark.parametrize("model", PUBLIC_INPUT_MODELS, ids=lambda model: model.__name__)
def test_every_text_field_filled_from_a_public_form_has_a_limit(model):
    unlimited = [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField) and not field.max_length
    ]
    assert unlimited == []


def test_the_model_refuses_an_overlong_contact_message_whatever_the_way_in():
    request = Kontaktanfrage(name="Kim", email="kim@example.org", nachricht="x" * 5001)
    with pytest.raises(ValidationError) as refused:
        request.full_clean(exclude=["seite", "kommune", "anliegen"])
    assert "nachricht" in refused.value.message_dict


def test_the_model_refuses_an_overlong_reason_for_a_refusal():
    with pytest.raises(ValidationError) as refused:
        Teilnahmeanfrage(ablehnungsgrund="x" * 2001).clean_fields(
            exclude=["kommune", "name", "funktion", "email"]
        )
    assert list(refused.value.message_dict) == ["ablehnungsgrund"]
