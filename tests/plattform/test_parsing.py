"""Numbers and months as German editors type them: accepted, or refused with a German reason."""

from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from plattform.forms import GermanDecimalField, GermanFloatField, GermanIntegerField, MonthField
from plattform.parsing import parse_decimal, parse_integer, parse_month

DECIMALS = {
    "0,5": Decimal("0.5"),
    "0.5": Decimal("0.5"),
    "1,5": Decimal("1.5"),
    " 0,25 ": Decimal("0.25"),
    "0.500": Decimal("0.500"),
    "1.234,5": Decimal("1234.5"),
    "1 234,5": Decimal("1234.5"),
    "1.234.567": Decimal("1234567"),
    "1234.567": Decimal("1234.567"),
    "12": Decimal("12"),
    "-9,5": Decimal("-9.5"),
    "\u22129,5": Decimal("-9.5"),
    "53,5625": Decimal("53.5625"),
}
DECIMAL_REFUSALS = {
    "3.500": "nicht eindeutig: 3,500 oder 3500",
    "12.345": "nicht eindeutig",
    "1,234.5": "keine Zahl",
    "0,5,5": "keine Zahl",
    ",5": "keine Zahl",
    "5.": "keine Zahl",
    "eins": "keine Zahl",
    "1.23.4": "keine Zahl",
    "1" * 41: "höchstens 40 Zeichen",
}
INTEGERS = {
    "3500": 3500,
    "3.500": 3500,
    "3 500": 3500,
    "3\u202f500": 3500,
    "1.234.567": 1234567,
    "3.500,00": 3500,
    "3,0": 3,
    "0": 0,
    "-12": -12,
    "2015": 2015,
}
INTEGER_REFUSALS = {
    "3,500": "nicht eindeutig",
    "3,000": "nicht eindeutig",
    "1.5": "keine ganze Zahl",
    "3,5": "keine ganze Zahl",
    "35.00": "keine ganze Zahl",
    "3.5000": "keine ganze Zahl",
    "3500 €": "keine ganze Zahl",
    "1" * 5000: "höchstens 40 Zeichen",
    "\u0661\u0662": "keine ganze Zahl",
}
MONTHS = {
    "03/2023": "2023-03",
    "3/2023": "2023-03",
    "03.2023": "2023-03",
    " 3 / 2023 ": "2023-03",
    "2023-03": "2023-03",
    "2023-3": "2023-03",
    "2023/03": "2023-03",
    "März 2023": "2023-03",
    "maerz 2023": "2023-03",
    "Dez. 2024": "2024-12",
    "12/2024": "2024-12",
}
MONTH_REFUSALS = {
    "13/2023": "Einen Monat 13 gibt es nicht",
    "0/2023": "Einen Monat 0 gibt es nicht",
    "2023-13": "Einen Monat 13 gibt es nicht",
    "03/23": "Das Jahr muss vierstellig sein",
    "15.03.2023": "ist ein Datum",
    "2023-03-15": "ist ein Datum",
    "Frühling 2023": "kein Monat",
    "2023": "kein Monat",
    "März": "kein Monat",
}


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


@pytest.mark.parametrize("text,expected", DECIMALS.items(), ids=DECIMALS.keys())
def test_decimals_in_german_or_unambiguous_point_notation(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text,reason", DECIMAL_REFUSALS.items(), ids=DECIMAL_REFUSALS.keys())
def test_ambiguous_or_malformed_decimals_are_refused(text, reason):
    with pytest.raises(ValidationError) as error:
        parse_decimal(text)
    assert reason in _message(error.value)


@pytest.mark.parametrize("text,expected", INTEGERS.items(), ids=INTEGERS.keys())
def test_integers_with_german_thousands(text, expected):
    assert parse_integer(text) == expected


@pytest.mark.parametrize("text,reason", INTEGER_REFUSALS.items(), ids=INTEGER_REFUSALS.keys())
def test_ambiguous_or_fractional_integers_are_refused(text, reason):
    with pytest.raises(ValidationError) as error:
        parse_integer(text)
    assert reason in _message(error.value)


@pytest.mark.parametrize("text,expected", MONTHS.items(), ids=MONTHS.keys())
def test_months_as_germans_write_them(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize("text,reason", MONTH_REFUSALS.items(), ids=MONTH_REFUSALS.keys())
def test_impossible_or_incomplete_months_are_refused(text, reason):
    with pytest.raises(ValidationError) as error:
        parse_month(text)
    assert reason in _message(error.value)


def test_a_month_refusal_says_how_to_write_a_month():
    with pytest.raises(ValidationError) as error:
        parse_month("13/2023")
    assert _message(error.value) == (
        "Einen Monat 13 gibt es nicht. "
        "Bitte im Format JJJJ-MM angeben (2023-03) oder als MM/JJJJ (03/2023)."
    )


def test_the_ambiguity_message_says_how_to_write_it():
    with pytest.raises(ValidationError) as error:
        parse_integer("3,500")
    assert _message(error.value) == (
        "„3,500“ ist nicht eindeutig: Das Komma trennt im Deutschen die Nachkommastellen. "
        "Bitte ganze Zahlen ohne Komma schreiben, zum Beispiel 3500 oder 3.500."
    )


def test_fields_show_stored_values_in_german_notation():
    assert GermanDecimalField().prepare_value(Decimal("0.50")) == "0,5"
    assert GermanDecimalField().prepare_value(Decimal("100.00")) == "100"
    assert GermanFloatField().prepare_value(53.5625) == "53,5625"
    assert MonthField().prepare_value("2023-03") == "03/2023"
    assert MonthField().prepare_value("3/2023 typed") == "3/2023 typed"


def test_fields_check_range_and_places_after_parsing():
    assert GermanDecimalField(max_digits=4, decimal_places=2).clean("0,5") == Decimal("0.5")
    with pytest.raises(ValidationError, match="2 Dezimalstellen"):
        GermanDecimalField(max_digits=4, decimal_places=2).clean("0,555")
    with pytest.raises(ValidationError, match="kleiner oder gleich 2147483647"):
        GermanIntegerField(max_value=2_147_483_647).clean("10.000.000.000")
    assert MonthField(required=False).clean("") == ""
    assert GermanIntegerField(required=False).clean("") is None
