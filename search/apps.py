from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using: str = "default", **kwargs) -> None:
    """`migrate` also creates the database cache table (the search engine's circuit breaker
    lives there); createcachetable leaves an existing table alone."""
    call_command("createcachetable", database=using, verbosity=0)


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Suche")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401
        from .backends.database import row_cache  # noqa: F401  (its signal receivers)

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="search-cache-table")
