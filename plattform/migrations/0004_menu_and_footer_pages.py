"""Move the main menu and the footer links from code to Wagtail's own settings.

The menu used to name the entry listing and the Kommunen index in code, the footer found
Impressum, Datenschutz and Barrierefreiheit by slug. Now the menu shows the home page's
children with `show_in_menus` in tree order, and the footer the pages chosen in the site
settings. This migration sets both from the existing pages, so nothing visible changes: the two
index pages are shown in menus, and the listing is moved before the Kommunen index in the tree
(the menu's order so far); the footer fields get the live standard pages of those slugs.
"""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

FOOTER_FIELDS = ("impressum", "datenschutz", "barrierefreiheit")  # each page's slug
MENU_PAGES = (("praxis", "praxisindexpage"), ("kommunen", "kommunenindexpage"))  # menu order
STEPLEN = 4  # treebeard's characters per tree level
PARKING = "ZZZZ"  # a sibling position no real page takes


def choose_footer_pages(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    StandardPage = apps.get_model("plattform", "StandardPage")
    Settings = apps.get_model("plattform", "PlattformEinstellungen")
    live = StandardPage.objects.filter(live=True).order_by("path")
    for site in Site.objects.select_related("root_page"):
        chosen = {name: _footer_page(live, name, site) for name in FOOTER_FIELDS}
        if not any(chosen.values()):
            continue
        settings, _ = Settings.objects.get_or_create(site=site)
        for name, page in chosen.items():
            if getattr(settings, f"{name}_id") is None:
                setattr(settings, name, page)
        settings.save()


def _footer_page(live, slug, site):
    """The live standard page of that slug, preferably within the site (the footer took any)."""
    own = live.filter(slug=slug, path__startswith=site.root_page.path).first()
    return own or live.filter(slug=slug).first()


def show_index_pages_in_menu(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    pages = []
    for app_label, model in MENU_PAGES:
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        page = content_type and Page.objects.filter(content_type=content_type).first()
        if page:
            pages.append(page)
    for page in pages:
        Page.objects.filter(pk=page.pk).update(show_in_menus=True)
        if page.latest_revision_id:  # editors edit the latest revision: it must agree
            revision = Revision.objects.get(pk=page.latest_revision_id)
            revision.content["show_in_menus"] = True
            revision.save(update_fields=["content"])
    if len(pages) == 2:
        _put_before(Page, *pages)


def _put_before(Page, first, second):
    """Exchange the places of two sibling subtrees if `first` stands after `second`."""
    parent = first.path[:-STEPLEN]
    if second.path[:-STEPLEN] != parent or first.path < second.path:
        return
    parking = parent + PARKING
    if Page.objects.filter(path__startswith=parking).exists():
        return
    for old, new in ((first.path, parking), (second.path, first.path), (parking, second.path)):
        Page.objects.filter(path__startswith=old).update(
            path=Concat(Value(new), Substr("path", len(old) + 1))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("plattform", "0003_footer_pages"),
        ("kommunen", "0001_initial"),
        ("praxis", "0002_seed_taxonomien"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(choose_footer_pages, migrations.RunPython.noop),
        migrations.RunPython(show_index_pages_in_menu, migrations.RunPython.noop),
    ]
