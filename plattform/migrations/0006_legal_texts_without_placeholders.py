"""Replace the shipped legal texts with "[Bitte ergänzen: …]" placeholders where unchanged.

Until 0005 the operator's details were placeholders inside the texts of Impressum, Datenschutz
and Barrierefreiheit; now they are site settings the pages render. A page whose text (or a
revision's) is still exactly the shipped one, recognised by its SHA-256, gets the new text; a
text an editor changed is left alone.
"""

import hashlib

from django.db import migrations

from plattform.standard_pages import BARRIEREFREIHEIT, DATENSCHUTZ, IMPRESSUM

# sha256 of the texts plattform/standard_pages.py shipped before 0005 -> the text replacing it
REPLACEMENTS = {
    "0eef5a0c153bd8e3ada88d4aec8cdb0d9296aac442b3918e9e697725610e1941": IMPRESSUM,
    "57f5bdfacf132bbd7a627256967a99d7fb0ee14d60161850b0d892213680fbb7": DATENSCHUTZ,
    "045e451f2a60f25fb888dd83751d5838a6a069de099a9178c388b590b3b61707": BARRIEREFREIHEIT,
}


def _replacement(text):
    return REPLACEMENTS.get(hashlib.sha256((text or "").encode()).hexdigest())


def replace_placeholder_texts(apps, schema_editor):
    StandardPage = apps.get_model("plattform", "StandardPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="plattform", model="standardpage").first()
    for page in StandardPage.objects.all():
        new_text = _replacement(page.text)
        if new_text:
            StandardPage.objects.filter(pk=page.pk).update(text=new_text)
    revisions = Revision.objects.filter(content_type=content_type)
    for revision in revisions.iterator():
        new_text = _replacement(revision.content.get("text"))
        if new_text:
            revision.content["text"] = new_text
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("plattform", "0005_operator_details"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(replace_placeholder_texts, migrations.RunPython.noop)]
