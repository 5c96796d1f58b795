"""Only the platform's own roles, in German.

Wagtail's initial data creates the groups "Editors" and "Moderators" with rights on the whole page
tree and every collection, a "Moderators approval" workflow on the root page, and a root page and
a root collection called "Root". Nobody decided on those rights, and the admin is German: the
groups go (unless someone has been put in them since), the workflow with them, and the roots are
called "Alle Seiten" and "Alle Medien". The platform's own roles come from kommunen.permissions;
Kreis coordinations made before were called "Kreiskoordination Kreis Stormarn" and are renamed
"Kreiskoordination Stormarn", with their workflow and task.
"""

from django.db import migrations

from kommunen.grammar import short_kreis_name

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"  # also the name of its only task
PAGE_ROOT_TITLE = "Alle Seiten"
MEDIA_ROOT_NAME = "Alle Medien"


def remove_wagtail_default_roles(apps, schema_editor):
    """Editors and Moderators go unless someone is in them; Moderators also stay, with their
    workflow, if pages have been through that workflow, so that their history stays whole."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    unused = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True)
    workflows = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW)
    if workflows.filter(workflow_states__isnull=False).exists():
        unused = unused.exclude(name="Moderators")
    elif unused.filter(name="Moderators").exists():
        workflows.delete()  # with its task links and the pages it was attached to
        apps.get_model("wagtailcore", "Task").objects.filter(
            name=WAGTAIL_DEFAULT_WORKFLOW, workflow_tasks__isnull=True, task_states__isnull=True
        ).delete()
    unused.delete()


def rename_roots(apps, schema_editor):
    """The roots of the page tree and of the collections, as the admin's explorer shows them."""
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(
        title=PAGE_ROOT_TITLE, draft_title=PAGE_ROOT_TITLE
    )
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name="Root").update(name=MEDIA_ROOT_NAME)


def shorten_kreis_coordination_names(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    kreise = apps.get_model("kommunen", "Kommune").objects.filter(typ="landkreis")
    for kreis in kreise.only("anzeigename"):
        old = f"Kreiskoordination {kreis.anzeigename}"
        new = f"Kreiskoordination {short_kreis_name(kreis.anzeigename)}"
        if old == new or Group.objects.filter(name=new).exists():
            continue
        Group.objects.filter(name=old).update(name=new)
        Workflow.objects.filter(name=f"Freigabe durch die {old}").update(
            name=f"Freigabe durch die {new}"
        )
        Task.objects.filter(name=f"Prüfung: {old}").update(name=f"Prüfung: {new}")


class Migration(migrations.Migration):
    dependencies = [
        ("kommunen", "0002_kommune_profil"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(remove_wagtail_default_roles, migrations.RunPython.noop),
        migrations.RunPython(rename_roots, migrations.RunPython.noop),
        migrations.RunPython(shorten_kreis_coordination_names, migrations.RunPython.noop),
    ]
