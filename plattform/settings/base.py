"""Settings shared by every environment; everything site-specific comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from .environment import env_networks, env_whole_number
from .media import s3_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "plattform"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "plattform",
    "kommunen",
    "praxis",
    "search",
    "zugaenge",
    "kontakt",
    "sicherheit",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Listed so that /api/v1/docs serves its bundled Swagger UI, not the CDN copy.
    "ninja",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: replaces Wagtail's review notifiers with queued mails.
    "pruefung",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Before SecurityMiddleware, which reads X-Forwarded-Proto for the HTTPS redirect.
    "sicherheit.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy: the public one, and the admin's (sicherheit/csp.py).
    "sicherheit.csp.PolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "plattform.middleware.ControlCharacterMiddleware",
    # Stores pages for visitors without a session; after the middleware that add Vary headers
    # on the way out (sessions, CSRF), before those that answer the same for every request.
    "plattform.page_cache.UpdatePageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The optional second factor (sicherheit/zweiter_faktor.py).
    "django_otp.middleware.OTPMiddleware",
    "sicherheit.zweiter_faktor.ZweiterFaktorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out login into the lockout page (sicherheit/anmeldung.py).
    "axes.middleware.AxesMiddleware",
    # Last: a cached page skips only the view (plattform/page_cache.py).
    "plattform.page_cache.FetchFromPageCacheMiddleware",
]

# Axes first: it refuses a locked-out name before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "plattform.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "plattform.context_processors.wagtail_site_name",
            ],
        },
    },
]

WSGI_APPLICATION = "plattform.wsgi.application"

# SQLite is the embedded default; production and CI set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection kept from before a database restart is dead: test it before each
        # request reuses it, or that request fails although the database is back.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Server, task worker and commands write at the same time. WAL lets readers go on beside
    # the writer; a writer waits up to `timeout` seconds for the lock instead of failing with
    # "database is locked"; IMMEDIATE takes the write lock at BEGIN, so a transaction never
    # fails halfway when it would have to upgrade a read lock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Draftail with an accessible name for its text box (plattform/rich_text.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "plattform.rich_text.LabelledDraftailRichTextArea"},
}

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# With MEDIA_S3_BUCKET, uploads go to S3-compatible object storage (django-storages) instead of
# MEDIA_ROOT. Visitors still load them from the site's own host: MEDIA_S3_CUSTOM_DOMAIN names
# the host whose /media/ the proxy passes to the bucket (docs/betrieb.md; checks.py warns
# without it, as pages would then load images from another host).
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = s3_storage(
        MEDIA_S3_BUCKET,
        endpoint_url=os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("MEDIA_S3_REGION") or None,
        access_key=os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        secret_key=os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        custom_domain=os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
    )
# Documents always through Django's view, which checks collection privacy, also from S3.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Praxisnetz Integration"

# The reverse proxies (addresses or networks) whose X-Forwarded-Proto and X-Forwarded-For are
# believed (sicherheit/proxy.py); from any other address those headers are dropped.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXIES else None

# Content-Security-Policy (django-csp, sicherheit/csp.py): nothing from another host anywhere;
# on public pages and the API docs no inline script or style either. Uploaded images may be
# shown as data: URLs by the admin's upload preview, so the admin also allows data: and blob:.
_NOWHERE_ELSE = {
    "default-src": [SELF],
    "img-src": [SELF, "data:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_NOWHERE_ELSE, "script-src": [SELF], "style-src": [SELF]},
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_NOWHERE_ELSE,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    },
}

# Login lockout (django-axes, sicherheit/anmeldung.py): LOGIN_FAILURE_LIMIT failed logins with
# one user name lock that name for LOGIN_LOCKOUT_MINUTES. Only failures are stored (name,
# address, time), and only until the lockout period has passed; successful logins are not logged.
AXES_FAILURE_LIMIT = env_whole_number("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_whole_number("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "sicherheit.anmeldung.login_name"
AXES_LOCKOUT_CALLABLE = "sicherheit.anmeldung.lockout_page"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# The second factor's authenticator apps show this name beside the code.
OTP_TOTP_ISSUER = "Praxisnetz Integration"
# axes.W006 asks for the address among the lockout keys, so that rotating user agents or cookies
# cannot dodge a lockout keyed on them; a lockout keyed on the user name cannot be dodged so.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Mail: EMAIL_URL, e.g. submission://user:password@mail.example.org (SMTP with STARTTLS on 587;
# dj-email-url); unset, the console backend prints every mail (invitations, review notices,
# contact requests). Mail goes out through tasks, so a server that does not answer within
# EMAIL_TIMEOUT seconds delays a mail and the task is tried again.
_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
vars().update(_email)
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 10
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Praxisnetz Integration <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Review mails go to the reviewing group (pruefung/notifications.py), not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://localhost:8000")
# On PostgreSQL the database index uses this text search configuration (German with unaccent,
# created by search/migrations/0002); after changing it, rebuild with `update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "praxis_deutsch"),
    }
}
# Uploads: no SVG, HTML or script as an image or a document (either could carry a script
# served from the platform's own host); a document's first bytes must match its extension
# (sicherheit/uploads.py). 40 megapixels at most, also for Pillow itself (sicherheit/apps.py),
# so that a small file declaring a huge image (a decompression bomb) is refused and no
# rendition costs more than about 160 MB of memory.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "sicherheit.uploads.DokumentFormular"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "sicherheit.uploads.BildFormular"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin would send every editor's e-mail hash to another host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True

# Index sync runs as tasks stored in the database (worker: `python manage.py db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /health/ reports the task queue as limited once its oldest due task waits longer (seconds).
HEALTH_MAX_TASK_AGE = int(os.environ.get("HEALTH_MAX_TASK_AGE", "300"))
# A task RUNNING for longer than this (seconds) lost its worker; `requeue_abandoned_tasks` (cron)
# queues it again (plattform/task_recovery.py). Longer than any task may take.
TASK_LEASE = timedelta(seconds=env_whole_number("TASK_LEASE_SECONDS", 900, minimum=60))

# Search engine: SEARCH_URL set -> OpenSearch/Elasticsearch, empty -> database search.
# Several nodes of a cluster are listed comma-separated (docs/opensearch-cluster.md).
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "")  # "", "opensearch" or "elasticsearch"
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "praxisnetz")
# Copies of every shard on other nodes: 0 keeps a single node green, a cluster wants 1.
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "0"))
# Seconds: short for searches a page waits for, long for indexing and index management.
SEARCH_CONNECT_TIMEOUT = float(os.environ.get("SEARCH_CONNECT_TIMEOUT", "1"))
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "2"))
SEARCH_INDEX_TIMEOUT = float(os.environ.get("SEARCH_INDEX_TIMEOUT", "60"))
# After the engine failed, the database answers for this many seconds before it is tried again.
SEARCH_RETRY_AFTER = int(os.environ.get("SEARCH_RETRY_AFTER", "30"))

# Contact requests (kontakt app) are deleted this many days after they came in, by the command
# `kontaktanfragen_loeschen` (run it daily from cron).
_retention = os.environ.get("KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE", "180").strip()
if not (_retention.isascii() and _retention.isdigit() and int(_retention) >= 1):
    raise ImproperlyConfigured(
        "KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE must be a whole number of days (at least 1), "
        f"not {_retention!r}."
    )
KONTAKTANFRAGEN_AUFBEWAHRUNG_TAGE = int(_retention)

# "shared" holds state every process must see (the search engine's circuit breaker): a table in
# the database, created by `migrate` (search app, post_migrate), so no extra service is needed.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "plattform_cache",
    },
    # Whole public pages for visitors without a session (plattform/page_cache.py), in the
    # database too so every worker sees a purge; emptied whenever something public changes.
    "seiten": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "plattform_seitencache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
# PAGE_CACHE_SECONDS: how long a cached page is served at most (0: no page cache).
CACHE_MIDDLEWARE_ALIAS = "seiten"
CACHE_MIDDLEWARE_KEY_PREFIX = "seiten"
CACHE_MIDDLEWARE_SECONDS = env_whole_number("PAGE_CACHE_SECONDS", 0)

# LOG_FORMAT: "text" for people at a terminal, "json" (one object per line) for a log collector;
# production defaults to json.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "zeit", "levelname": "stufe", "name": "logger"},
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
