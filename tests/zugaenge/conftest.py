"""The people of the network on top of the shared world, and a second Kreis to keep apart.

    Kreis Stormarn (X)            Kreis Herzogtum Lauenburg (Y)      Schwerin (kreisfrei)
    ├── Ahrensburg (A)            └── Mölln (with a draft entry)
    └── Bargteheide (B, entries)

Every user reads the admin in German and has the password PASSWORD.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group

from wagtail.users.models import UserProfile

import pytest

from kommunen.factories import (
    KommuneFactory,
    KommunePageFactory,
    LandkreisFactory,
    LandkreisPageFactory,
)
from kommunen.models import Kommune, KommunePage, KommuneTyp, LandkreisPage
from kommunen.permissions import PLATFORM_EDITORS, ensure_editorial_access
from tests.world import World
from zugaenge.models import Teilnahmeanfrage

PASSWORD = "ein-langes-Passwort-2024"


@dataclass
class People:
    officer_a: AbstractUser  # Integrationsbeauftragte Ahrensburg
    officer_b: AbstractUser  # Integrationsbeauftragte Bargteheide
    officer_schwerin: AbstractUser
    coordinator_x: AbstractUser  # Kreiskoordination Stormarn
    coordinator_y: AbstractUser  # Kreiskoordination Herzogtum Lauenburg
    platform: AbstractUser  # Plattform-Redaktion
    lauenburg: LandkreisPage
    moelln: KommunePage
    unregistered_x: Kommune  # a Gemeinde of Stormarn without profile
    unregistered_y: Kommune  # a Gemeinde of Lauenburg without profile


def make_user(username: str, *group_names: str) -> AbstractUser:
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    assert user.groups.count() == len(group_names), group_names
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def build_people(world: World) -> People:
    lauenburg = LandkreisPageFactory(
        parent=world.index,
        title="Kreis Herzogtum Lauenburg",
        kommune=LandkreisFactory(ags="01053", name="Kreis Herzogtum Lauenburg"),
    )
    moelln = KommunePageFactory(
        parent=lauenburg,
        kommune=KommuneFactory(
            ags="01053090", name="Mölln, Stadt", typ=KommuneTyp.STADT, kreis=lauenburg.kommune
        ),
    )
    ensure_editorial_access()
    return People(
        officer_a=make_user("ahrensburg", "Integrationsbeauftragte Ahrensburg"),
        officer_b=make_user("bargteheide", "Integrationsbeauftragte Bargteheide"),
        officer_schwerin=make_user("schwerin", "Integrationsbeauftragte Schwerin"),
        coordinator_x=make_user("stormarn", "Kreiskoordination Stormarn"),
        coordinator_y=make_user("lauenburg", "Kreiskoordination Herzogtum Lauenburg"),
        platform=make_user("plattform", PLATFORM_EDITORS),
        lauenburg=lauenburg,
        moelln=moelln,
        unregistered_x=KommuneFactory(
            ags="01062009", name="Bargfeld-Stegen", kreis=world.kreis.kommune
        ),
        unregistered_y=KommuneFactory(ags="01053005", name="Alt Mölln", kreis=lauenburg.kommune),
    )


@pytest.fixture
def people(world) -> People:
    return build_people(world)


def request_for(kommune: Kommune, **fields) -> Teilnahmeanfrage:
    values = {
        "name": "Erika Muster",
        "funktion": "Integrationsbeauftragte",
        "email": f"muster@{kommune.ags}.example.org",
        "nachricht": "Wir möchten unser Sprachcafé zeigen.",
        **fields,
    }
    return Teilnahmeanfrage.objects.create(kommune=kommune, **values)
