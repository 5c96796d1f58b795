"""Test runs: fast hashing, tasks run immediately, media in a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="praxisnetz-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="praxisnetz-test-static-"))
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Django's test client logs in without a request, which the login lockout needs; the lockout's
# own tests switch it on (tests/sicherheit/test_anmeldesperre.py).
AXES_ENABLED = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests use the database search unless they opt in to the engine through the fixture in
# tests/search/engine_support.py, which reads SEARCH_URL from the environment; index names are
# unique per test run so that a shared cluster is never touched outside the test's own indices.
SEARCH_URL = ""
SEARCH_INDEX_PREFIX = f"test-{os.getpid()}"  # noqa: F405
