"""Forwarded headers count only when a configured proxy sent them.

`X-Forwarded-Proto` says whether the visitor used HTTPS, `X-Forwarded-For` who the visitor is;
any client can send both. They are believed only from an address in `TRUSTED_PROXIES` (the
reverse proxy that terminates TLS); from every other address they are removed before Django
reads them, so `SECURE_PROXY_SSL_HEADER` can never be fooled by a client that reaches the
server directly. From a trusted proxy, the visitor's address replaces `REMOTE_ADDR`, so that
the login lockout and the form limits count visitors and not the proxy.
"""

import ipaddress
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_FORWARDED",
)
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(values: Iterable[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def is_in(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def forwarded_client(header: str, trusted: tuple[Network, ...]) -> str | None:
    """The visitor in an `X-Forwarded-For` chain: the last address no trusted proxy holds.
    Addresses left of it were written by the client itself and prove nothing."""
    for address in reversed([part.strip() for part in header.split(",")]):
        if not is_in(address, trusted):
            return address if _is_address(address) else None
    return None


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


class TrustedProxyMiddleware:
    """First in MIDDLEWARE: drop forwarded headers unless a trusted proxy sent them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.trusted = networks(getattr(settings, "TRUSTED_PROXIES", ()))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.trusted and is_in(request.META.get("REMOTE_ADDR", ""), self.trusted):
            client = forwarded_client(request.META.get("HTTP_X_FORWARDED_FOR", ""), self.trusted)
            if client:
                request.META["REMOTE_ADDR"] = client
        else:
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
