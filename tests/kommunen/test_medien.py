"""Each Kommune's media in its own collection: officers upload into theirs and choose from
theirs and the shared one, a Kreis coordination also sees its Gemeinden's, the platform
editors everything."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permissions import policy_registry

import pytest
import wagtail_factories

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.medien import SHARED_NAME, collection_for, shared_collection
from kommunen.models import KommunenIndexPage, KommunePage, KommuneTyp, LandkreisPage
from kommunen.permissions import PLATFORM_EDITORS, ensure_editorial_access
from kommunen.signal_handlers import move_media_to_kommune_collections

pytestmark = pytest.mark.django_db
image_policy = policy_registry.get_by_type(get_image_model())


@pytest.fixture
def tree():
    index = KommunenIndexPage.objects.get()
    kreis = LandkreisFactory(ags="01062", name="Kreis Stormarn")
    landkreis = index.add_child(instance=LandkreisPage(title="Kreis Stormarn", kommune=kreis))
    pages = {"landkreis": landkreis}
    for key, ags, name in (
        ("ahrensburg", "01062001", "Ahrensburg"),
        ("barsbuettel", "01062004", "Barsbüttel"),
    ):
        pages[key] = landkreis.add_child(
            instance=KommunePage(
                title=name, kommune=KommuneFactory(ags=ags, name=name, kreis=kreis)
            )
        )
    pages["kiel"] = index.add_child(
        instance=KommunePage(
            title="Kiel",
            kommune=KommuneFactory(ags="01002000", name="Kiel", typ=KommuneTyp.KREISFREIE_STADT),
        )
    )
    return pages


def member_of(group_name: str):
    user = get_user_model().objects.create_user(group_name[:30], password="pw")
    user.groups.set([Group.objects.get(name=group_name)])
    return user


def image_in(collection: Collection, title: str):
    return wagtail_factories.ImageFactory(title=title, collection=collection)


def titles(images) -> set[str]:
    return {image.title for image in images}


def test_every_profile_gets_its_collection_inside_its_kreis(tree):
    root = Collection.get_first_root_node()
    kreis = Collection.objects.get(pk=tree["landkreis"].medien_id)
    assert kreis.get_parent() == root and kreis.name == "Kreis Stormarn"
    ahrensburg = KommunePage.objects.get(pk=tree["ahrensburg"].pk).medien
    assert ahrensburg.name == "Ahrensburg" and ahrensburg.get_parent() == kreis
    assert KommunePage.objects.get(pk=tree["kiel"].pk).medien.get_parent() == root
    assert shared_collection().name == SHARED_NAME
    assert collection_for(tree["ahrensburg"]) == ahrensburg  # once only


def test_an_officer_uploads_only_into_the_own_collection(tree, client):
    officer = member_of("Integrationsbeauftragte Ahrensburg")
    own = collection_for(tree["ahrensburg"])
    assert list(image_policy.collections_user_has_permission_for(officer, "add")) == [own]
    client.force_login(officer)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Neues Foto", "file": wagtail_factories.ImageFactory.build().file},
    )
    assert response.status_code == 302
    assert get_image_model().objects.get(title="Neues Foto").collection == own


def test_an_officer_chooses_from_own_and_shared_media_only(tree, client):
    image_in(collection_for(tree["ahrensburg"]), "Sprachcafé Ahrensburg")
    image_in(shared_collection(), "Logo des Netzwerks")
    image_in(collection_for(tree["barsbuettel"]), "Fest in Barsbüttel")
    image_in(collection_for(tree["kiel"]), "Kieler Woche")
    officer = member_of("Integrationsbeauftragte Ahrensburg")
    choosable = image_policy.instances_user_has_permission_for(officer, "choose")
    assert titles(choosable) == {"Sprachcafé Ahrensburg", "Logo des Netzwerks"}
    client.force_login(officer)
    chooser = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert "Sprachcafé Ahrensburg" in chooser and "Logo des Netzwerks" in chooser
    assert "Fest in Barsbüttel" not in chooser and "Kieler Woche" not in chooser


def test_an_officer_sees_the_own_media_before_the_shared_ones(tree, client):
    image_in(collection_for(tree["ahrensburg"]), "Sprachcafé Ahrensburg")
    image_in(shared_collection(), "Logo des Netzwerks")  # newer, so first without the hook
    client.force_login(member_of("Integrationsbeauftragte Ahrensburg"))
    chooser = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert chooser.index("Sprachcafé Ahrensburg") < chooser.index("Logo des Netzwerks")


def test_the_kreis_coordination_sees_its_gemeinden_media(tree):
    image_in(collection_for(tree["ahrensburg"]), "Sprachcafé Ahrensburg")
    image_in(collection_for(tree["kiel"]), "Kieler Woche")
    coordinator = member_of("Kreiskoordination Stormarn")
    choosable = image_policy.instances_user_has_permission_for(coordinator, "choose")
    assert titles(choosable) == {"Sprachcafé Ahrensburg"}


def test_the_platform_editors_see_every_collection(tree):
    ensure_editorial_access()
    image_in(collection_for(tree["ahrensburg"]), "Sprachcafé Ahrensburg")
    image_in(collection_for(tree["kiel"]), "Kieler Woche")
    editor = member_of(PLATFORM_EDITORS)
    choosable = image_policy.instances_user_has_permission_for(editor, "choose")
    assert titles(choosable) == {"Sprachcafé Ahrensburg", "Kieler Woche"}


def test_groups_from_before_lose_the_root_and_get_their_collection(tree):
    group = Group.objects.get(name="Integrationsbeauftragte Ahrensburg")
    GroupCollectionPermission.objects.filter(group=group).delete()
    root = Collection.get_first_root_node()
    choose = Permission.objects.get(codename="choose_image")
    GroupCollectionPermission.objects.create(group=group, collection=root, permission=choose)
    move_media_to_kommune_collections(sender=None)
    held = set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__codename"
        )
    )
    assert ("Alle Medien", "choose_image") not in held
    assert {("Ahrensburg", "add_image"), (SHARED_NAME, "choose_image")} <= held


def test_publishing_an_older_revision_keeps_the_collection(tree):
    page = KommunePage.objects.get(pk=tree["ahrensburg"].pk)
    collection = page.medien
    old = page.save_revision()
    KommunePage.objects.filter(pk=page.pk).update(medien=None)
    KommunePage.objects.filter(pk=page.pk).update(medien=collection)
    old.content["medien"] = None  # as in a revision saved before the collection existed
    old.save()
    old.publish()
    assert KommunePage.objects.get(pk=page.pk).medien == collection
