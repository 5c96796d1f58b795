"""Fixtures of the entry tests: the Kommunen the exchange files refer to."""

import pytest

from kommunen.factories import KommuneFactory, LandkreisFactory
from kommunen.models import KommuneTyp


@pytest.fixture
def kommunen():
    """Rems-Murr-Kreis with three of its towns, and Stuttgart as a kreisfreie Stadt."""
    kreis = LandkreisFactory(ags="08119", name="Rems-Murr-Kreis", bundesland="BW")
    towns = {
        ags: KommuneFactory(ags=ags, name=name, typ=KommuneTyp.STADT, bundesland="BW", kreis=kreis)
        for ags, name in (
            ("08119079", "Waiblingen, Stadt"),
            ("08119020", "Fellbach, Stadt"),
            ("08119008", "Backnang, Stadt"),
        )
    }
    stuttgart = KommuneFactory(
        ags="08111000", name="Stuttgart", typ=KommuneTyp.KREISFREIE_STADT, bundesland="BW"
    )
    return {"kreis": kreis, "stuttgart": stuttgart, **towns}
