"""Services a test may need (PostgreSQL, OpenSearch, Chromium): skip locally, fail in CI."""

import os
import shutil
from typing import NoReturn

from django.db import connection

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def in_ci() -> bool:
    """True when running under CI (`CI=true`), where no service may be missing."""
    return os.environ.get("CI") == "true"


def service_missing(name: str, reason: str) -> NoReturn:
    """Skip the current test because service `name` is missing; fail instead when in CI."""
    message = f"{name} fehlt: {reason}"
    if in_ci():
        pytest.fail(f"{message} (in CI muss {name} laufen)", pytrace=False)
    pytest.skip(message)


def chromium_path() -> str:
    """Path of Debian's chromium for Playwright (`executable_path`), or skip/fail."""
    for path in (os.environ.get("CHROMIUM_PATH", ""), *CHROMIUM_CANDIDATES):
        if path and shutil.which(path):
            return path
    service_missing("Chromium", "apt-get install chromium fonts-dejavu-core")


def require_postgres() -> None:
    """Require that the test database is PostgreSQL (DATABASE_URL=postgres://...)."""
    if connection.vendor != "postgresql":
        service_missing("PostgreSQL", f"Datenbank ist {connection.vendor}; DATABASE_URL setzen")


def s3_endpoint() -> str:
    """The S3-compatible store for the media tests (S3_TEST_URL, from scripts/s3proxy.sh)."""
    url = os.environ.get("S3_TEST_URL", "")
    if not url:
        service_missing("S3", "S3_TEST_URL setzen (scripts/s3proxy.sh start)")
    return url
