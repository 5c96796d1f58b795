"""The comparability score behind "Kommunen wie meine": weights, boundaries and reasons."""

from typing import Any

import pytest

from search.ranking import (
    KommuneFeatures,
    comparability,
    ranking_factor,
    similar_entry_factor,
    size_class_proximity,
)


def features(**kwargs) -> KommuneFeatures:
    values: dict[str, Any] = {
        "ags": "01062001",
        "einwohner": 4_000,
        "groessenklasse": "landgemeinde",
        "verstaedterung": 3,
        "kreis_ags": "01062",
        "bundesland": "SH",
    }
    values.update(kwargs)
    return KommuneFeatures(**values)


def test_identical_kommunen_score_one_with_all_reasons():
    score, reasons = comparability(features(), features(ags="01062002"))
    assert score == pytest.approx(1.0)
    assert reasons == [
        "ähnliche Größe",
        "gleiche Größenklasse",
        "ähnliche Siedlungsdichte",
        "gleicher Kreis",
        "gleiches Bundesland",
    ]


def test_nothing_in_common_scores_zero():
    other = features(
        ags="09162000",
        einwohner=1_500_000,
        groessenklasse="grossstadt",
        verstaedterung=1,
        kreis_ags="09162",
        bundesland="BY",
    )
    score, reasons = comparability(features(), other)
    assert score == pytest.approx(0.0)
    assert reasons == []


def test_size_similarity_is_linear_on_log_scale_and_capped_at_two_decades():
    reference = features(einwohner=1_000, verstaedterung=None)

    def size_only(einwohner):
        candidate = features(
            einwohner=einwohner, groessenklasse="x", kreis_ags="99999", bundesland="BY"
        )
        return comparability(reference, candidate)[0]

    assert size_only(10_000) == pytest.approx(0.35 * 0.5)
    assert size_only(100_000) == pytest.approx(0.0)
    assert size_only(10_000_000) == pytest.approx(0.0)
    assert size_only(100) == pytest.approx(0.35 * 0.5)


def test_similar_size_boundary_is_log_distance_0_3():
    reference = features(einwohner=1_000)
    just_inside = features(einwohner=1_995)  # log10 distance 0.2999
    just_outside = features(einwohner=2_000)  # log10 distance 0.30103
    assert "ähnliche Größe" in comparability(reference, just_inside)[1]
    assert "ähnliche Größe" not in comparability(reference, just_outside)[1]


def test_neighbouring_size_class_counts_half():
    assert size_class_proximity("kleinstadt", "kleinstadt") == 1.0
    assert size_class_proximity("kleinstadt", "landgemeinde") == 0.5
    assert size_class_proximity("kleinstadt", "mittelstadt") == 0.5
    assert size_class_proximity("landgemeinde", "mittelstadt") == 0.0
    assert size_class_proximity("grossstadt", "landkreis") == 0.0
    reference = features(einwohner=4_999, groessenklasse="landgemeinde")
    neighbour = features(einwohner=5_000, groessenklasse="kleinstadt")
    score, reasons = comparability(reference, neighbour)
    assert "gleiche Größenklasse" not in reasons
    assert score == pytest.approx(
        0.35 * (1 - 0.0000869 / 2) + 0.25 * 0.5 + 0.15 + 0.15 + 0.10, abs=1e-4
    )


def test_unknown_verstaedterung_is_never_similar():
    score, reasons = comparability(features(verstaedterung=None), features(verstaedterung=None))
    assert "ähnliche Siedlungsdichte" not in reasons
    assert score == pytest.approx(0.85)


def test_same_land_other_kreis():
    score, reasons = comparability(features(), features(kreis_ags="01053"))
    assert "gleicher Kreis" not in reasons
    assert "gleiches Bundesland" in reasons
    assert score == pytest.approx(0.85)


def test_ranking_factor_lifts_comparable_entries_by_at_most_two_and_a_half():
    assert ranking_factor(0.0) == 1.0
    assert ranking_factor(1.0) == pytest.approx(2.5)


def test_similar_entry_factor_lifts_by_at_most_one_and_a_half():
    assert similar_entry_factor(0.0) == 1.0
    assert similar_entry_factor(1.0) == pytest.approx(1.5)
