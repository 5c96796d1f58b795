"""Replace Wagtail's welcome page by the platform's home page and its two index pages."""

import uuid

from django.db import migrations

STRUKTUR = [
    # (path, depth, app, model, title, slug, url_path)
    ("00010001", 2, "plattform", "homepage", "Praxisnetz Integration", "home", "/home/"),
    ("000100010001", 3, "kommunen", "kommunenindexpage", "Kommunen", "kommunen",
     "/home/kommunen/"),
    ("000100010002", 3, "praxis", "praxisindexpage", "Praxisbeispiele", "praxisbeispiele",
     "/home/praxisbeispiele/"),
]


def create_structure(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", slug="home").delete()
    if Page.objects.filter(depth=2).exists():
        return  # an existing site keeps its tree
    locale = Locale.objects.order_by("pk").first()
    pages = [_create_page(apps, ContentType, locale, *row) for row in STRUKTUR]
    Page.objects.filter(pk=pages[0].pk).update(numchild=len(pages) - 1)
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": pages[0].pk,
                  "site_name": "Praxisnetz Integration"},
    )


def _create_page(apps, ContentType, locale, path, depth, app, model, title, slug, url_path):
    content_type, _ = ContentType.objects.get_or_create(app_label=app, model=model)
    return apps.get_model(app, model).objects.create(
        title=title, draft_title=title, slug=slug, content_type=content_type, path=path,
        depth=depth, numchild=0, url_path=url_path, locale=locale, live=True,
        translation_key=uuid.uuid4(),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plattform", "0001_initial"),
        ("kommunen", "0001_initial"),
        ("praxis", "0002_seed_taxonomien"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_structure, migrations.RunPython.noop)]
