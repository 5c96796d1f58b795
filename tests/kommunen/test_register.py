"""The register's rules: valid AGS per typ and the Größenklasse derived from Einwohner."""

from django.core.exceptions import ValidationError

import pytest

from kommunen.groessenklasse import Groessenklasse, groessenklasse_for
from kommunen.models import KREIS_PATTERN, Kommune, KommuneTyp, validate_ags

# 01051000 in Arabic-Indic digits (U+0660 ...), escaped so that the source shows what it is.
ARABIC_INDIC_AGS = "\u0660\u0661\u0660\u0665\u0661\u0660\u0660\u0660"


@pytest.mark.parametrize("ags", ["01062001", "01062", "16077001", "11000000", "09162000"])
def test_validate_ags_accepts_5_and_8_digits_of_a_land(ags):
    validate_ags(ags)


@pytest.mark.parametrize(
    "ags",
    [
        "0106200",  # 7 digits: a leading zero lost in a spreadsheet
        "010620011",  # 9 digits
        "0106",
        "01062O01",  # letter O instead of zero
        "AB062001",
        "17062001",  # there is no Land 17
        "00062001",
        "",
        ARABIC_INDIC_AGS,  # digits `\\d` would match
        "01051" + ARABIC_INDIC_AGS[5:],
        "01062001\n",  # a trailing line feed, which `$` lets through
    ],
)
def test_validate_ags_rejects_malformed_keys(ags):
    with pytest.raises(ValidationError) as exc_info:
        validate_ags(ags)
    assert "kein gültiger Amtlicher Gemeindeschlüssel" in exc_info.value.messages[0]


@pytest.mark.parametrize(
    ("typ", "ags"),
    [
        (KommuneTyp.LANDKREIS, "01062001"),
        (KommuneTyp.GEMEINDE, "01062"),
        (KommuneTyp.STADT, "01062"),
        (KommuneTyp.KREISFREIE_STADT, "01003"),
    ],
)
def test_ags_length_must_fit_the_typ(typ, ags):
    kommune = Kommune(ags=ags, name="Muster", anzeigename="Muster", typ=typ, bundesland="SH")
    with pytest.raises(ValidationError) as exc_info:
        kommune.full_clean()
    assert "ags" in exc_info.value.message_dict


def test_ags_must_belong_to_the_bundesland():
    kommune = Kommune(ags="01062001", name="Muster", typ=KommuneTyp.GEMEINDE, bundesland="BY")
    with pytest.raises(ValidationError) as exc_info:
        kommune.clean()
    assert "bundesland" in exc_info.value.message_dict


def test_an_unknown_bundesland_is_a_validation_error_not_a_crash():
    kommune = Kommune(ags="01062001", name="Muster", typ=KommuneTyp.GEMEINDE, bundesland="XX")
    with pytest.raises(ValidationError) as exc_info:
        kommune.full_clean(validate_unique=False)
    assert "bundesland" in exc_info.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typ", "ags"), [(KommuneTyp.LANDKREIS, "01061"), (KommuneTyp.KREISFREIE_STADT, "01002000")]
)
def test_landkreise_and_kreisfreie_staedte_belong_to_no_kreis(typ, ags):
    kreis = Kommune.objects.create(ags="01062", name="Stormarn", typ=KommuneTyp.LANDKREIS)
    kommune = Kommune(ags=ags, name="Muster", typ=typ, bundesland="SH", kreis=kreis)
    with pytest.raises(ValidationError) as exc_info:
        kommune.clean()
    assert "keinem Kreis an" in exc_info.value.message_dict["kreis"][0]


@pytest.mark.django_db
def test_the_ags_of_a_gemeinde_begins_with_its_kreis_key():
    kreis = Kommune.objects.create(ags="01062", name="Stormarn", typ=KommuneTyp.LANDKREIS)
    Kommune(ags="01062001", name="A", typ=KommuneTyp.GEMEINDE, bundesland="SH", kreis=kreis).clean()
    kommune = Kommune(
        ags="01061001", name="B", typ=KommuneTyp.GEMEINDE, bundesland="SH", kreis=kreis
    )
    with pytest.raises(ValidationError) as exc_info:
        kommune.clean()
    assert "beginnt nicht mit dem Kreisschlüssel 01062" in exc_info.value.message_dict["kreis"][0]


@pytest.mark.parametrize(
    ("einwohner", "groessenklasse"),
    [
        (0, Groessenklasse.LANDGEMEINDE),
        (4_999, Groessenklasse.LANDGEMEINDE),
        (5_000, Groessenklasse.KLEINSTADT),
        (19_999, Groessenklasse.KLEINSTADT),
        (20_000, Groessenklasse.MITTELSTADT),
        (99_999, Groessenklasse.MITTELSTADT),
        (100_000, Groessenklasse.GROSSSTADT),
        (3_669_491, Groessenklasse.GROSSSTADT),
    ],
)
def test_groessenklasse_boundaries(einwohner, groessenklasse):
    assert groessenklasse_for(KommuneTyp.GEMEINDE, einwohner) == groessenklasse
    assert groessenklasse_for(KommuneTyp.KREISFREIE_STADT, einwohner) == groessenklasse


@pytest.mark.parametrize("einwohner", [0, 4_999, 100_000, 1_200_000])
def test_a_landkreis_is_its_own_groessenklasse(einwohner):
    assert groessenklasse_for(KommuneTyp.LANDKREIS, einwohner) == Groessenklasse.LANDKREIS


@pytest.mark.django_db
def test_saving_derives_groessenklasse_and_anzeigename():
    kommune = Kommune.objects.create(
        ags="01062001",
        name="Ahrensburg, Stadt",
        typ=KommuneTyp.STADT,
        einwohner=19_999,
        bundesland="SH",
    )
    assert (kommune.groessenklasse, kommune.anzeigename) == ("kleinstadt", "Ahrensburg")
    kommune.einwohner = 20_000
    kommune.save()
    kommune.refresh_from_db()
    assert kommune.groessenklasse == Groessenklasse.MITTELSTADT


@pytest.mark.parametrize("kreis", [ARABIC_INDIC_AGS[:5], "01062\n", "0106\uff12"])
def test_kreis_pattern_takes_ascii_digits_only(kreis):
    assert KREIS_PATTERN.match("01062")
    assert not KREIS_PATTERN.match(kreis)
