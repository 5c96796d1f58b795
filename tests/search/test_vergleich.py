"""The comparability score behind "Kommunen wie meine": weights, boundaries and reasons."""

import pytest

from search.ranking import KommuneMerkmale, klassen_naehe, ranking_faktor, vergleichbarkeit


def merkmale(**kwargs) -> KommuneMerkmale:
    werte = {
        "ags": "01062001",
        "einwohner": 4_000,
        "groessenklasse": "landgemeinde",
        "verstaedterung": 3,
        "kreis_ags": "01062",
        "bundesland": "SH",
    }
    werte.update(kwargs)
    return KommuneMerkmale(**werte)


def test_identical_kommunen_score_one_with_all_reasons():
    score, gruende = vergleichbarkeit(merkmale(), merkmale(ags="01062002"))
    assert score == pytest.approx(1.0)
    assert gruende == [
        "ähnliche Größe",
        "gleiche Größenklasse",
        "ähnliche Siedlungsdichte",
        "gleicher Kreis",
        "gleiches Bundesland",
    ]


def test_nothing_in_common_scores_zero():
    anders = merkmale(
        ags="09162000",
        einwohner=1_500_000,
        groessenklasse="grossstadt",
        verstaedterung=1,
        kreis_ags="09162",
        bundesland="BY",
    )
    score, gruende = vergleichbarkeit(merkmale(), anders)
    assert score == pytest.approx(0.0)
    assert gruende == []


def test_size_similarity_is_linear_on_log_scale_and_capped_at_two_decades():
    ref = merkmale(einwohner=1_000, verstaedterung=None)

    def nur_groesse(einwohner):
        kandidat = merkmale(
            einwohner=einwohner, groessenklasse="x", kreis_ags="99999", bundesland="BY"
        )
        return vergleichbarkeit(ref, kandidat)[0]

    assert nur_groesse(10_000) == pytest.approx(0.35 * 0.5)
    assert nur_groesse(100_000) == pytest.approx(0.0)
    assert nur_groesse(10_000_000) == pytest.approx(0.0)
    assert nur_groesse(100) == pytest.approx(0.35 * 0.5)


def test_aehnliche_groesse_boundary_is_log_distance_0_3():
    ref = merkmale(einwohner=1_000)
    knapp_drin = merkmale(einwohner=1_995)  # log10 distance 0.2999
    knapp_draussen = merkmale(einwohner=2_000)  # log10 distance 0.30103
    assert "ähnliche Größe" in vergleichbarkeit(ref, knapp_drin)[1]
    assert "ähnliche Größe" not in vergleichbarkeit(ref, knapp_draussen)[1]


def test_neighbouring_size_class_counts_half():
    assert klassen_naehe("kleinstadt", "kleinstadt") == 1.0
    assert klassen_naehe("kleinstadt", "landgemeinde") == 0.5
    assert klassen_naehe("kleinstadt", "mittelstadt") == 0.5
    assert klassen_naehe("landgemeinde", "mittelstadt") == 0.0
    assert klassen_naehe("grossstadt", "landkreis") == 0.0
    ref = merkmale(einwohner=4_999, groessenklasse="landgemeinde")
    nachbar = merkmale(einwohner=5_000, groessenklasse="kleinstadt")
    score, gruende = vergleichbarkeit(ref, nachbar)
    assert "gleiche Größenklasse" not in gruende
    assert score == pytest.approx(
        0.35 * (1 - 0.0000869 / 2) + 0.25 * 0.5 + 0.15 + 0.15 + 0.10, abs=1e-4
    )


def test_unknown_verstaedterung_is_never_similar():
    score, gruende = vergleichbarkeit(merkmale(verstaedterung=None), merkmale(verstaedterung=None))
    assert "ähnliche Siedlungsdichte" not in gruende
    assert score == pytest.approx(0.85)


def test_same_land_other_kreis():
    score, gruende = vergleichbarkeit(merkmale(), merkmale(kreis_ags="01053"))
    assert "gleicher Kreis" not in gruende
    assert "gleiches Bundesland" in gruende
    assert score == pytest.approx(0.85)


def test_ranking_factor_lifts_comparable_entries_by_at_most_two_and_a_half():
    assert ranking_faktor(0.0) == 1.0
    assert ranking_faktor(1.0) == pytest.approx(2.5)
