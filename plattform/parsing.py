"""Numbers and months as German editors type them, parsed strictly.

The rules (tested in tests/plattform/test_parsing.py):

- Decimals: the comma separates the decimals (`0,5`, `1.234,5`); a point with one or two or
  four and more digits after it is read as a decimal point too (`0.5`, `0.25`). A single point
  before exactly three digits (`3.500`) could be 3,5 or 3500 and is refused.
- Integers: the point or a space groups thousands in threes (`3.500`, `3 500`); `,0` and `,00`
  may follow (`3.500,00`). A comma before three digits (`3,500`) could be 3,5 or 3500 and is
  refused, other decimals (`3,5`, `1.5`) are no integer and are refused.
- Months: `03/2023`, `3/2023`, `03.2023`, `2023-03`, `2023-3` and `März 2023` are 2023-03.
  Two-digit years, full dates and months outside 1 to 12 are refused.

Every refusal is a ValidationError with a German message that says how to write the value;
nothing is rounded or guessed.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Digits are ASCII only (re.ASCII): "١٢" is no figure an editor means to type.
# Spaces that may group thousands: space, no-break space, narrow no-break space, thin space.
SPACE = "[ \u00a0\u202f\u2009]"
SIGN = "(?P<sign>[-+\u2212]?)"
# 3500, 3.500, 1.234.567 or 3 500: digits, or thousands in groups of three.
GROUPED = rf"(?P<int>\d+|\d{{1,3}}(?:\.\d{{3}})+|\d{{1,3}}(?:{SPACE}\d{{3}})+)"
COMMA_DECIMAL = re.compile(rf"^{SIGN}{GROUPED},(?P<frac>\d+)$", re.ASCII)
POINT_DECIMAL = re.compile(rf"^{SIGN}(?P<int>\d+)\.(?P<frac>\d+)$", re.ASCII)
WHOLE = re.compile(rf"^{SIGN}{GROUPED}$", re.ASCII)
WHOLE_WITH_ZERO_CENTS = re.compile(rf"^{SIGN}{GROUPED},0{{1,2}}$", re.ASCII)
COMMA_THOUSANDS = re.compile(r"^[-+\u2212]?\d{1,3}(?:,\d{3})+$", re.ASCII)
# Longer input is no figure anyone types; refusing it also keeps int() far from its digit limit.
MAX_LENGTH = 40

MONTH_FIRST = re.compile(r"^(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d+)$", re.ASCII)
YEAR_FIRST = re.compile(r"^(?P<year>\d{4})\s*[/-]\s*(?P<month>\d{1,2})$", re.ASCII)
NAMED_MONTH = re.compile(r"^(?P<name>[^\W\d_]+)\.?\s+(?P<year>[0-9]+)$")
FULL_DATE = re.compile(r"^\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}$|^\d{4}-\d{1,2}-\d{1,2}$", re.ASCII)
MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "jan", "jänner"),
            ("februar", "feb"),
            ("märz", "mär", "maerz", "mrz"),
            ("april", "apr"),
            ("mai",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("dezember", "dez"),
        ),
        start=1,
    )
    for name in names
}


def _stripped(value: str) -> str:
    text = value.strip()
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            _("Bitte höchstens %(n)d Zeichen eingeben."),
            code="max_length",
            params={"n": MAX_LENGTH},
        )
    return text


def _number(match: re.Match, frac: str = "") -> str:
    """The match as a plain number string: sign, digits without grouping, decimals."""
    sign = "-" if match.group("sign") in ("-", "\u2212") else ""
    digits = re.sub(rf"\.|{SPACE}", "", match.group("int"))
    return sign + digits + (f".{frac}" if frac else "")


def _is_ambiguous_point(match: re.Match) -> bool:
    """`3.500` is 3,5 in English and 3500 in German; `0.500` and `1234.567` are not ambiguous."""
    whole, frac = match.group("int"), match.group("frac")
    return len(frac) == 3 and len(whole) <= 3 and not whole.startswith("0")


def parse_decimal(value: str) -> Decimal:
    """A decimal number from German (`0,5`, `1.234,5`) or unambiguous point notation (`0.5`)."""
    text = _stripped(value)
    if match := COMMA_DECIMAL.match(text):
        return Decimal(_number(match, match.group("frac")))
    if match := POINT_DECIMAL.match(text):
        if _is_ambiguous_point(match):
            raise _ambiguous_point_error(value, match)
        return Decimal(_number(match, match.group("frac")))
    if match := WHOLE.match(text):
        return Decimal(_number(match))
    raise ValidationError(
        _(
            "„%(wert)s“ ist keine Zahl. Bitte mit Komma für die Nachkommastellen schreiben, "
            "zum Beispiel 0,5 oder 1.234,5."
        ),
        code="invalid",
        params={"wert": value},
    )


def _ambiguous_point_error(value: str, match: re.Match) -> ValidationError:
    whole, frac = match.group("int"), match.group("frac")
    return ValidationError(
        _(
            "„%(wert)s“ ist nicht eindeutig: %(komma)s oder %(ganz)s? Bitte Nachkommastellen "
            "mit Komma schreiben (%(komma)s) und Tausender ohne Punkt (%(ganz)s)."
        ),
        code="ambiguous",
        params={"wert": value, "komma": f"{whole},{frac}", "ganz": whole + frac},
    )


def parse_integer(value: str) -> int:
    """A whole number: `3500`, `3.500`, `3 500` or `3.500,00`; `3,500` and `1.5` are refused."""
    text = _stripped(value)
    if match := WHOLE.match(text) or WHOLE_WITH_ZERO_CENTS.match(text):
        return int(_number(match))
    if COMMA_THOUSANDS.match(text):
        digits = text.lstrip("+")
        raise ValidationError(
            _(
                "„%(wert)s“ ist nicht eindeutig: Das Komma trennt im Deutschen die "
                "Nachkommastellen. Bitte ganze Zahlen ohne Komma schreiben, zum Beispiel "
                "%(ganz)s oder %(gruppiert)s."
            ),
            code="ambiguous",
            params={
                "wert": value,
                "ganz": digits.replace(",", ""),
                "gruppiert": digits.replace(",", "."),
            },
        )
    raise ValidationError(
        _(
            "„%(wert)s“ ist keine ganze Zahl. Bitte ohne Nachkommastellen schreiben, Tausender "
            "ohne Trennzeichen oder mit Punkt, zum Beispiel 3500 oder 3.500."
        ),
        code="invalid",
        params={"wert": value},
    )


def parse_month(value: str) -> str:
    """The month `YYYY-MM` of `03/2023`, `3/2023`, `03.2023`, `2023-03`, `2023-3` or `März 2023`."""
    text = _stripped(value)
    if FULL_DATE.match(text):
        raise _month_error("date", value)
    match = MONTH_FIRST.match(text) or YEAR_FIRST.match(text)
    if match:
        month = int(match.group("month"))
    elif (match := NAMED_MONTH.match(text)) and match.group("name").casefold() in MONTH_NAMES:
        month = MONTH_NAMES[match.group("name").casefold()]
    else:
        raise _month_error("invalid", value)
    year = match.group("year")
    if len(year) != 4:
        raise _month_error("year", value)
    if not 1 <= month <= 12:
        raise _month_error("month", value, month)
    return f"{year}-{month:02d}"


HOW_TO_WRITE_A_MONTH = _("Bitte im Format JJJJ-MM angeben (2023-03) oder als MM/JJJJ (03/2023).")
MONTH_MESSAGES = {
    "invalid": _("„%(wert)s“ ist kein Monat."),
    "date": _("„%(wert)s“ ist ein Datum, gefragt ist nur der Monat."),
    "year": _("„%(wert)s“: Das Jahr muss vierstellig sein."),
    "month": _("Einen Monat %(monat)d gibt es nicht."),
}


def _month_error(code: str, value: str, month: int = 0) -> ValidationError:
    message = f"{MONTH_MESSAGES[code]} {HOW_TO_WRITE_A_MONTH}"
    return ValidationError(message, code=code, params={"wert": value, "monat": month})
