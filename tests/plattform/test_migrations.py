"""The data migration that moved the main menu and the footer links into Wagtail's settings."""

import importlib

from django.apps import apps

from wagtail.models import Page

import pytest

from kommunen.factories import KommunePageFactory
from kommunen.models import KommunenIndexPage
from plattform.models import PlattformEinstellungen, StandardPage
from praxis.models import PraxisIndexPage

migration = importlib.import_module("plattform.migrations.0004_menu_and_footer_pages")

pytestmark = pytest.mark.django_db


def test_footer_pages_are_chosen_by_slug(home_page):
    pages = [
        home_page.add_child(instance=StandardPage(title=slug.title(), slug=slug, text="<p>x</p>"))
        for slug in ("barrierefreiheit", "impressum", "datenschutz")
    ]
    migration.choose_footer_pages(apps, None)
    platform_settings = PlattformEinstellungen.for_site(home_page.get_site())
    assert [p.slug for p in platform_settings.footer_pages] == [
        "impressum",
        "datenschutz",
        "barrierefreiheit",
    ]
    assert set(platform_settings.footer_pages) == set(pages)


def test_index_pages_enter_the_menu_in_the_order_it_had(home_page):
    praxis_index, kommunen_index = PraxisIndexPage.objects.get(), KommunenIndexPage.objects.get()
    praxis_index.move(kommunen_index, pos="right")  # the tree as migration 0002 built it
    profile = KommunePageFactory(parent=kommunen_index)
    Page.objects.filter(pk__in=[praxis_index.pk, kommunen_index.pk]).update(show_in_menus=False)
    praxis_index.refresh_from_db()
    praxis_index.save_revision()

    migration.show_index_pages_in_menu(apps, None)

    menu = [page.pk for page in home_page.get_children().in_menu()]
    assert menu == [praxis_index.pk, kommunen_index.pk]
    assert Page.objects.get(pk=profile.pk).get_parent().pk == kommunen_index.pk
    assert not any(Page.find_problems())
    assert PraxisIndexPage.objects.get().get_latest_revision_as_object().show_in_menus
