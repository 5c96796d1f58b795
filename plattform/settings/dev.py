"""Local development: debug on, a throwaway secret unless one is given."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]  # noqa: F405
# The German 404 page instead of Django's English technical one (plattform/middleware.py).
MIDDLEWARE = [*MIDDLEWARE, "plattform.middleware.NotFoundPageMiddleware"]  # noqa: F405
