from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Wagtail's workflow notifiers (wagtail/admin/signal_handlers.py), by their dispatch_uid.
WAGTAIL_NOTIFIERS = (
    ("task_submitted", "TaskState", "group_approval_task_submitted_email_notification"),
    ("workflow_submitted", "WorkflowState", "workflow_state_submitted_email_notification"),
    ("workflow_rejected", "WorkflowState", "workflow_state_rejected_email_notification"),
    ("workflow_approved", "WorkflowState", "workflow_state_approved_email_notification"),
)


class PruefungConfig(AppConfig):
    """Listed after wagtail.admin in INSTALLED_APPS, so that its ready() runs after Wagtail's
    has connected the notifiers it disconnects."""

    name = "pruefung"
    verbose_name = _("Prüfung")

    def ready(self) -> None:
        """Wagtail's notifiers send in the request and swallow failures (a mail server that is
        down loses the mail); pruefung.notifications queues the same notices through the mail
        task instead, so each is sent once and none is lost."""
        from wagtail import models, signals

        from pruefung import notifications

        for signal_name, sender_name, dispatch_uid in WAGTAIL_NOTIFIERS:
            getattr(signals, signal_name).disconnect(
                sender=getattr(models, sender_name), dispatch_uid=dispatch_uid
            )
        # No sender filter: a task may use its own TaskState subclass as the sender.
        signals.task_submitted.connect(
            notifications.on_task_submitted, dispatch_uid="pruefung.task_submitted"
        )
        signals.workflow_approved.connect(
            notifications.on_workflow_approved, dispatch_uid="pruefung.workflow_approved"
        )
        signals.workflow_rejected.connect(
            notifications.on_workflow_rejected, dispatch_uid="pruefung.workflow_rejected"
        )
