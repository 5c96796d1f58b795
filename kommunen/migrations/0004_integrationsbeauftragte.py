"""The officers' groups are called after their role: "Redaktion Ahrensburg" becomes
"Integrationsbeauftragte Ahrensburg". Officers of a kreisfreie Stadt publish their own pages
(no Kreis reviews them), so their group gets the publish rights on its profile.

Only groups holding rights on a profile page are renamed, so a group someone named
"Redaktion …" by hand for another purpose stays as it is.
"""

from django.db import migrations

OLD_PREFIX = "Redaktion "
NEW_PREFIX = "Integrationsbeauftragte "
PUBLISH_CODENAMES = ("publish_page", "lock_page", "unlock_page")


def _rename(apps, old_prefix: str, new_prefix: str) -> None:
    Group = apps.get_model("auth", "Group")
    KommunePage = apps.get_model("kommunen", "KommunePage")
    profiles = KommunePage.objects.values_list("page_ptr_id", flat=True)
    groups = Group.objects.filter(
        name__startswith=old_prefix, page_permissions__page_id__in=profiles
    ).distinct()
    for group in groups:
        new_name = (new_prefix + group.name[len(old_prefix) :])[:150]
        if not Group.objects.filter(name=new_name).exists():
            group.name = new_name
            group.save(update_fields=["name"])


def rename_officer_groups(apps, schema_editor):
    _rename(apps, OLD_PREFIX, NEW_PREFIX)


def restore_officer_group_names(apps, schema_editor):
    _rename(apps, NEW_PREFIX, OLD_PREFIX)


def let_kreisfreie_staedte_publish(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    KommunePage = apps.get_model("kommunen", "KommunePage")
    publish = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PUBLISH_CODENAMES
        )
    )
    for profile in KommunePage.objects.filter(kommune__typ="kreisfreie_stadt"):
        officers = Group.objects.filter(
            name__startswith=NEW_PREFIX, page_permissions__page_id=profile.pk
        ).distinct()
        for group in officers:
            for permission in publish:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=profile.pk, permission=permission
                )


class Migration(migrations.Migration):
    dependencies = [
        ("kommunen", "0003_german_roles_and_roots"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(rename_officer_groups, restore_officer_group_names),
        migrations.RunPython(let_kreisfreie_staedte_publish, migrations.RunPython.noop),
    ]
