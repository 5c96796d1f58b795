"""X-Forwarded-Proto and X-Forwarded-For count only when a configured proxy sent them."""

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from sicherheit.proxy import TrustedProxyMiddleware

PROXY_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def seen_by_django(remote_addr: str, **headers: str) -> HttpRequest:
    """The request as the views see it after the middleware."""
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr)
    request.META.update(headers)
    TrustedProxyMiddleware(lambda request: HttpResponse())(request)
    return request


@override_settings(TRUSTED_PROXIES=("10.0.0.0/8",), SECURE_PROXY_SSL_HEADER=PROXY_HEADER)
def test_the_configured_proxy_says_https_and_who_the_visitor_is():
    request = seen_by_django(
        "10.0.0.5", HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert request.is_secure()
    assert request.META["REMOTE_ADDR"] == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=("10.0.0.0/8",), SECURE_PROXY_SSL_HEADER=PROXY_HEADER)
def test_a_client_reaching_the_server_directly_cannot_claim_https():
    request = seen_by_django(
        "203.0.113.9", HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="10.0.0.1"
    )
    assert not request.is_secure()
    assert request.META["REMOTE_ADDR"] == "203.0.113.9"
    assert "HTTP_X_FORWARDED_FOR" not in request.META


@override_settings(TRUSTED_PROXIES=(), SECURE_PROXY_SSL_HEADER=None)
def test_without_a_configured_proxy_no_forwarded_header_counts():
    request = seen_by_django(
        "127.0.0.1", HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert not request.is_secure()
    assert request.META["REMOTE_ADDR"] == "127.0.0.1"


@override_settings(TRUSTED_PROXIES=("10.0.0.0/8",), SECURE_PROXY_SSL_HEADER=PROXY_HEADER)
def test_addresses_a_client_put_in_front_of_the_chain_prove_nothing():
    # The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the real address.
    request = seen_by_django("10.0.0.5", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    assert request.META["REMOTE_ADDR"] == "198.51.100.7"
    request = seen_by_django("10.0.0.5", HTTP_X_FORWARDED_FOR="kein-ip, 10.0.0.3")
    assert request.META["REMOTE_ADDR"] == "10.0.0.5"
