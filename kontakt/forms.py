"""The "Kontakt aufnehmen" form: who writes, from which Kommune, about what."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kommunen.models import Kommune
from kontakt.models import MAX_MESSAGE_LENGTH, Anliegen
from plattform.formschutz import GeschuetztesFormular
from search.kommune_lookup import resolve

TOO_FAST_CODE = "too_fast"  # the code plattform.formschutz gives its minimum fill time error
MAX_CHOICES_NAMED = 5


class KontaktForm(GeschuetztesFormular):
    """A visitor's message; `kommune` (name or AGS) becomes `cleaned_data["kommune_objekt"]`."""

    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=200,
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        help_text=_("An diese Adresse kommt die Antwort."),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _(
                "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kommune = forms.CharField(
        label=_("Ihre Kommune (freiwillig)"),
        required=False,
        max_length=200,
        help_text=_(
            "Name oder Gemeindeschlüssel (AGS), zum Beispiel „Ahrensburg“ oder „01062001“."
        ),
    )
    anliegen = forms.ChoiceField(
        label=_("Ihr Anliegen"),
        choices=Anliegen.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie Ihr Anliegen."),
            "invalid_choice": _("Bitte wählen Sie eines der genannten Anliegen."),
        },
    )
    nachricht = forms.CharField(
        label=_("Ihre Nachricht"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Bitte schreiben Sie Ihre Nachricht."),
            "max_length": _(
                "Die Nachricht ist zu lang: höchstens %(limit_value)d Zeichen "
                "(jetzt %(show_value)d)."
            ),
        },
    )
    einwilligung = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Angaben wie im Datenschutzhinweis beschrieben "
            "gespeichert und an die Empfänger weitergegeben werden."
        ),
        error_messages={
            "required": _(
                "Ohne Ihre Einwilligung können wir die Nachricht nicht weitergeben. Bitte "
                "setzen Sie das Häkchen."
            )
        },
    )

    def clean(self):
        """ "Too fast" only when all else is right: someone who is still correcting mistakes
        sends the form again anyway, and one message at a time is easier to follow."""
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == TOO_FAST_CODE and self.errors:
                return self.cleaned_data
            raise

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Bitte geben Sie Ihren Namen an."), code="required")
        return name

    def clean_kommune(self) -> str:
        text = " ".join(self.cleaned_data["kommune"].split())
        self.cleaned_data["kommune_objekt"] = find_kommune(text) if text else None
        return text


def find_kommune(text: str) -> Kommune:
    """The one Kommune meant by a name, "Name (AGS)" or an AGS; a German error otherwise."""
    resolution = resolve(text)
    if resolution.ags:
        kommune = Kommune.objects.filter(ags=resolution.ags).first()
        if kommune is None:
            raise forms.ValidationError(
                _("Es gibt keine Kommune mit dem Gemeindeschlüssel „%(ags)s“."),
                code="unknown",
                params={"ags": resolution.ags},
            )
        return kommune
    if resolution.choices:
        raise forms.ValidationError(_ambiguous(text, resolution.choices), code="ambiguous")
    raise forms.ValidationError(resolution.error or "", code="unknown")


def _ambiguous(text: str, choices: list[Kommune]) -> str:
    if len(choices) == 1:
        return _(
            "Meinen Sie „%(kommune)s“? Bitte geben Sie den vollständigen Namen oder den "
            "Gemeindeschlüssel an."
        ) % {"kommune": f"{choices[0].anzeigename} ({choices[0].ags})"}
    named = ", ".join(f"{k.anzeigename} ({k.ags})" for k in choices[:MAX_CHOICES_NAMED])
    if len(choices) > MAX_CHOICES_NAMED:
        named += " …"
    first = choices[0]
    return _(
        "„%(text)s“ ist nicht eindeutig. In Frage kommen: %(named)s. Bitte geben Sie den Namen "
        "mit Gemeindeschlüssel an, zum Beispiel „%(beispiel)s“."
    ) % {"text": text, "named": named, "beispiel": f"{first.anzeigename} ({first.ags})"}
