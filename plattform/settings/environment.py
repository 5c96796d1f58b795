"""Reading typed values from the environment, failing loudly on a value that means nothing."""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


def env_flag(name: str, default: bool) -> bool:
    """A yes/no variable: 1/true/yes/on or 0/false/no/off (any case); unset or empty: default."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE + FALSE:
        return value in TRUE
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_whole_number(name: str, default: int, minimum: int = 0) -> int:
    """A whole number, at least `minimum` (seconds, minutes, a count: the name says which)."""
    value = os.environ.get(name, "").strip() or str(default)
    if not (value.isascii() and value.isdigit() and int(value) >= minimum):
        raise ImproperlyConfigured(
            f"{name} must be a whole number of at least {minimum}, not {value!r}."
        )
    return int(value)


def env_networks(name: str) -> tuple[str, ...]:
    """Comma-separated IP addresses or networks (CIDR), e.g. `127.0.0.1,10.0.0.0/8`."""
    parts = [part.strip() for part in os.environ.get(name, "").split(",") if part.strip()]
    try:
        return tuple(str(ipaddress.ip_network(part, strict=False)) for part in parts)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None
