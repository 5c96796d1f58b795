"""Forms of the second factor: the code at login, setting it up, switching it off."""

from django import forms
from django.utils.translation import gettext_lazy as _

from django_otp.plugins.otp_totp.models import TOTPDevice

WRONG_CODE = _(
    "Der Code stimmt nicht. Bitte geben Sie den sechsstelligen Code ein, den Ihre "
    "Authenticator-App gerade anzeigt."
)
WRONG_PASSWORD = _("Das Passwort stimmt nicht.")


class CodeField(forms.CharField):
    def __init__(self, **kwargs) -> None:
        super().__init__(
            label=_("Bestätigungscode"),
            min_length=6,
            max_length=8,
            help_text=_("Sechs Ziffern aus Ihrer Authenticator-App."),
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
            ),
            error_messages={
                "required": _("Bitte geben Sie den Bestätigungscode ein."),
                "min_length": WRONG_CODE,
                "max_length": WRONG_CODE,
            },
            **kwargs,
        )

    def clean(self, value):
        return "".join(str(super().clean(value)).split())  # "123 456" as shown by some apps


class CodeForm(forms.Form):
    """A code of `device`; a wrong one, or one while attempts are slowed down, is refused."""

    code = CodeField()

    def __init__(self, *args, device: TOTPDevice, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _(
                    "Zu viele falsche Codes hintereinander. Bitte warten Sie einige Sekunden "
                    "und versuchen Sie es dann noch einmal."
                ),
                code="throttled",
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(WRONG_CODE, code="wrong_code")
        return code


class PasswordAndCodeForm(CodeForm):
    """Switching the second factor on or off asks for the password as well, so that a session
    left open on someone else's screen cannot change it."""

    passwort = forms.CharField(
        label=_("Ihr Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Bitte geben Sie Ihr Passwort ein.")},
    )
    field_order = ["passwort", "code"]

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_passwort(self) -> str:
        password = self.cleaned_data["passwort"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password

    def clean_code(self) -> str:
        if self.has_error("passwort"):  # no code is spent on a wrong password
            return self.cleaned_data["code"]
        return super().clean_code()
