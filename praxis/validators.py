"""Value formats of an entry that the page fields and the exchange format share."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A month as stored and exchanged: JJJJ-MM.
MONTH_PATTERN = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])\Z")

# Built from the pattern's text, so that the migrations see the same validator as before.
MONTH_VALIDATOR = RegexValidator(
    MONTH_PATTERN.pattern, _("Bitte im Format JJJJ-MM angeben, zum Beispiel 2019-03.")
)
