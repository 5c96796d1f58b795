"""Production: every secret and host comes from the environment, or start-up fails.

HTTPS is enforced by the application (redirect, HSTS, secure cookies) unless the operator says
that the TLS-terminating proxy does it: `SECURE_SSL_REDIRECT=false` or `SECURE_HSTS_SECONDS=0`.
Then Django's reminder for that setting (`check --deploy`) is silenced, since the proxy does
the work; everything else must pass `check --deploy --fail-level WARNING`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_flag, env_whole_number

for _name in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"Environment variable {_name} must be set in production.")

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Public pages from the page cache for up to five minutes; every publish empties it.
CACHE_MIDDLEWARE_SECONDS = env_whole_number("PAGE_CACHE_SECONDS", 300)

SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_whole_number("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)

SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS]  # noqa: F405
if not SECURE_SSL_REDIRECT:  # the proxy redirects to HTTPS
    SILENCED_SYSTEM_CHECKS.append("security.W008")
if not SECURE_HSTS_SECONDS:  # the proxy sends Strict-Transport-Security
    SILENCED_SYSTEM_CHECKS += ["security.W004", "security.W005", "security.W021"]

# Logs as one JSON object per line for the log collector, unless LOG_FORMAT says otherwise.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
if LOG_FORMAT not in LOGGING["formatters"]:  # noqa: F405
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405
