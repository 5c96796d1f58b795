"""Seed the managed taxonomies with the slugs of the exchange format (AUSTAUSCHFORMAT.md)."""

from django.db import migrations

HANDLUNGSFELDER = [
    ("sprache", "Sprache"),
    ("bildung", "Bildung"),
    ("fruehe-bildung", "Frühe Bildung"),
    ("arbeit-ausbildung", "Arbeit und Ausbildung"),
    ("gesundheit", "Gesundheit"),
    ("wohnen", "Wohnen"),
    ("kultur-sport", "Kultur und Sport"),
    ("engagement-ehrenamt", "Engagement und Ehrenamt"),
    ("beteiligung-partizipation", "Beteiligung und Partizipation"),
    ("interkulturelle-oeffnung", "Interkulturelle Öffnung der Verwaltung"),
    ("antidiskriminierung", "Antidiskriminierung"),
    ("beratung-orientierung", "Beratung und Orientierung"),
    ("flucht-asyl", "Flucht und Asyl"),
    ("interkommunale-kooperation", "Interkommunale Kooperation"),
]

ZIELGRUPPEN = [
    ("neuzugewanderte", "Neuzugewanderte"),
    ("gefluechtete", "Geflüchtete"),
    ("familien", "Familien"),
    ("kinder-jugendliche", "Kinder und Jugendliche"),
    ("frauen", "Frauen"),
    ("senioren", "Seniorinnen und Senioren"),
    ("ehrenamtliche", "Ehrenamtliche"),
    ("verwaltungsmitarbeitende", "Verwaltungsmitarbeitende"),
    ("migrantenorganisationen", "Migrantenorganisationen"),
    ("arbeitgeber", "Arbeitgeber"),
    ("alle-einwohner", "Alle Einwohnerinnen und Einwohner"),
]


def seed(apps, schema_editor):
    for model_name, eintraege in (("Handlungsfeld", HANDLUNGSFELDER), ("Zielgruppe", ZIELGRUPPEN)):
        model = apps.get_model("praxis", model_name)
        for position, (slug, name) in enumerate(eintraege):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": position})


class Migration(migrations.Migration):
    dependencies = [("praxis", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
