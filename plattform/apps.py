from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlattformConfig(AppConfig):
    name = "plattform"
    verbose_name = _("Plattform")

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from plattform import checks, page_cache  # noqa: F401  (page_cache: its receivers)
        from plattform.forms import register_number_fields
        from plattform.task_retry import retry_transient_failure

        register_number_fields()
        task_finished.connect(retry_transient_failure, dispatch_uid="plattform.task_retry")
