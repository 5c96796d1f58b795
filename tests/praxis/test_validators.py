"""The month format JJJJ-MM that the page fields and the exchange format share."""

from django.core.exceptions import ValidationError

import pytest

from praxis.validators import MONTH_VALIDATOR


@pytest.mark.parametrize("value", ["2023-03", "1999-12"])
def test_month_validator_accepts_jjjj_mm(value):
    MONTH_VALIDATOR(value)


@pytest.mark.parametrize(
    "value",
    [
        "\u0662\u0660\u0662\u0663-03",  # Arabic-Indic digits are digits to \d, not to us
        "2023-03\n",  # "$" would let a trailing line feed through
        "2023-13",
        "03/2023",
    ],
)
def test_month_validator_refuses_other_spellings(value):
    with pytest.raises(ValidationError):
        MONTH_VALIDATOR(value)
