"""Admin form fields for numbers and months in German notation (rules in plattform.parsing).

`<input type=number>` drops a decimal comma (`0,5` arrives as 5), so every number field of the
admin is a text input with an `inputmode` for the phone keyboard and a field that parses German
notation strictly; values are shown in German notation too. `register_number_fields` makes this
the default for every number field of every admin form; months (`YYYY-MM` in a CharField) opt in
through `MonthPanel`.
"""

from decimal import Decimal

from django import forms
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.panels import FieldPanel

from plattform.parsing import parse_decimal, parse_integer, parse_month


def _text_input(inputmode: str) -> forms.TextInput:
    return forms.TextInput(attrs={"inputmode": inputmode, "autocomplete": "off"})


def _german(number: Decimal | float) -> str:
    """A number as Germans write it, without exponent and grouping: 0,5 · 1234,75 · 10."""
    text = format(Decimal(repr(number)) if isinstance(number, float) else number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


class GermanDecimalField(forms.DecimalField):
    """A decimal typed as `0,5`, `0.5` or `1.234,5`; `3.500` is refused as ambiguous."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", _text_input("decimal"))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        return parse_decimal(str(value))

    def prepare_value(self, value):
        return _german(value) if isinstance(value, Decimal | float) else value


class GermanFloatField(forms.FloatField):
    """A float (e.g. a coordinate) typed like a German decimal."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", _text_input("decimal"))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, float | int):
            return float(value)
        return float(parse_decimal(str(value)))

    def prepare_value(self, value):
        return _german(value) if isinstance(value, float) else value


class GermanIntegerField(forms.IntegerField):
    """A whole number typed as `3500`, `3.500` or `3 500`; `3,500` and `1.5` are refused."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", _text_input("numeric"))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        return parse_integer(str(value))


class MonthField(forms.CharField):
    """A month typed as `03/2023`, `3/2023`, `2023-03` or `März 2023`, cleaned to `2023-03`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget) -> dict:
        """No `maxlength`: "März 2023" is longer than the stored "2023-03"."""
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs

    def to_python(self, value) -> str:
        value = super().to_python(value)
        return parse_month(value) if value else value

    def prepare_value(self, value):
        """The stored `2023-03` is shown as `03/2023`; typed text stays as typed."""
        if isinstance(value, str) and len(value) == 7 and value[4] == "-":
            return f"{value[5:]}/{value[:4]}"
        return value


def _integer_field_options(db_field: models.Field) -> dict:
    """Refuse what PostgreSQL could not store, on every database (SQLite stores 64 bits)."""
    ranges = BaseDatabaseOperations.integer_field_ranges
    low, high = ranges.get(db_field.get_internal_type(), (None, None))
    return {"form_class": GermanIntegerField, "min_value": low, "max_value": high}


def register_number_fields() -> None:
    """Make the German number fields the admin's default for every model number field."""
    register_form_field_override(models.DecimalField, override={"form_class": GermanDecimalField})
    register_form_field_override(models.FloatField, override={"form_class": GermanFloatField})
    register_form_field_override(models.IntegerField, override=_integer_field_options)


class MonthPanel(FieldPanel):
    """A FieldPanel for a `YYYY-MM` CharField that accepts the months as Germans write them."""

    def get_form_options(self) -> dict:
        options = super().get_form_options()
        if "fields" in options:
            options["field_classes"] = {self.field_name: MonthField}
        return options
