"""The forms of the network's access: Mitmachen (public), invite and decide (admin).

A Kommune is typed by name over the whole register: the autocomplete (/suche/kommunen/) fills in
"Name (AGS)", and without JavaScript the server resolves the name the same way as "Kommunen wie
meine" does (search.kommune_lookup); an ambiguous name offers the matching Kommunen to choose.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kommunen.models import Kommune
from plattform.formschutz import GeschuetztesFormular
from search.kommune_lookup import resolve
from zugaenge.roles import Rolle

CHOICE_FIELD = "kommune_ags"  # the radio buttons offered when a name is ambiguous


class KommuneNameInput(forms.TextInput):
    """A text input with a datalist that static/js/kommune_vorschlaege.js fills."""

    def __init__(self, attrs=None) -> None:
        defaults = {"autocomplete": "off", "data-vorschlaege-url": reverse_lazy("search:kommunen")}
        super().__init__({**defaults, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["list"] = f"{widget_attrs.get('id', name)}-vorschlaege"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        list_id = f"{(attrs or {}).get('id', name)}-vorschlaege"
        return format_html('{}<datalist id="{}"></datalist>', html, list_id)

    class Media:
        js = ["js/kommune_vorschlaege.js"]


class KommuneByNameMixin(forms.Form):
    """A `kommune` field resolved to a Kommune of the register; `kommune_choices` holds the
    Kommunen to choose from after an ambiguous name."""

    kommune = forms.CharField(
        label=gettext_lazy("Kommune"),
        max_length=200,
        widget=KommuneNameInput,
        help_text=gettext_lazy(
            "Name Ihrer Gemeinde, Stadt oder Ihres Landkreises, z. B. Ahrensburg; "
            "oder der Amtliche Gemeindeschlüssel."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kommune_choices: list[Kommune] = []

    def clean_kommune(self) -> Kommune:
        chosen = Kommune.objects.filter(ags=self.data.get(self.add_prefix(CHOICE_FIELD), ""))
        kommune = chosen.first() or self._resolve(self.cleaned_data["kommune"])
        self._show_as_chosen(kommune)
        return kommune

    def _resolve(self, text: str) -> Kommune:
        resolution = resolve(text)
        if resolution.ags:
            if kommune := Kommune.objects.filter(ags=resolution.ags).first():
                return kommune
            raise ValidationError(
                _("Im Gemeindeverzeichnis gibt es keine Kommune mit dem Schlüssel %(ags)s.")
                % {"ags": resolution.ags}
            )
        if resolution.choices:
            self.kommune_choices = resolution.choices
            raise ValidationError(
                _("„%(name)s“ passt auf mehrere Kommunen. Bitte wählen Sie unten Ihre aus.")
                % {"name": text}
                if len(resolution.choices) > 1
                else _("Meinen Sie %(kommune)s? Bitte bestätigen Sie unten die Auswahl.")
                % {"kommune": resolution.choices[0].anzeigename}
            )
        raise ValidationError(
            f"{resolution.error} "
            + _("Bitte prüfen Sie die Schreibweise oder geben Sie den Gemeindeschlüssel an.")
        )

    def _show_as_chosen(self, kommune: Kommune) -> None:
        """Shown again (after another field's error), the field names the Kommune exactly."""
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data[self.add_prefix("kommune")] = f"{kommune.anzeigename} ({kommune.ags})"
        self.data = data


class MitmachenForm(KommuneByNameMixin, GeschuetztesFormular):
    """A municipality asks to take part; its Kreis coordination or the platform team decides."""

    name = forms.CharField(label=gettext_lazy("Ihr Name"), max_length=200)
    funktion = forms.CharField(
        label=gettext_lazy("Ihre Funktion"),
        max_length=200,
        help_text=gettext_lazy("z. B. Integrationsbeauftragte, Bürgermeister, Sozialamt"),
    )
    email = forms.EmailField(
        label=gettext_lazy("Dienstliche E-Mail-Adresse"),
        help_text=gettext_lazy(
            "Die Adresse bei Ihrer Verwaltung; an sie geht die Einladung mit Ihrem Zugang."
        ),
    )
    nachricht = forms.CharField(
        label=gettext_lazy("Nachricht (freiwillig)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Was möchten Sie einstellen, was sollen wir wissen?"),
    )

    field_order = ["name", "funktion", "email", "kommune", "nachricht"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["funktion"].widget.attrs["autocomplete"] = "organization-title"


class EinladenForm(KommuneByNameMixin):
    """The admin's invitation: Kommune, address, role. Whether the user may invite for that
    Kommune is checked by the view (zugaenge.roles.invitation_error), not by these choices."""

    email = forms.EmailField(label=gettext_lazy("E-Mail-Adresse"))
    rolle = forms.ChoiceField(
        label=gettext_lazy("Rolle"), choices=Rolle.choices, initial=Rolle.BEAUFTRAGTE
    )
    name = forms.CharField(
        label=gettext_lazy("Name (freiwillig)"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Für die Anrede in der Einladung."),
    )

    field_order = ["kommune", "email", "rolle", "name"]

    def __init__(self, *args, roles: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kommune"].help_text = gettext_lazy(
            "Name oder Amtlicher Gemeindeschlüssel, aus dem ganzen Gemeindeverzeichnis."
        )
        rolle = self.fields["rolle"]
        assert isinstance(rolle, forms.ChoiceField)
        rolle.choices = [(value, label) for value, label in Rolle.choices if value in (roles or [])]


class AblehnenForm(forms.Form):
    grund = forms.CharField(
        label=gettext_lazy("Grund der Ablehnung"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Geht mit der Absage an die anfragende Person."),
        error_messages={"required": gettext_lazy("Bitte nennen Sie den Grund der Ablehnung.")},
    )
