"""Wagtail's page editor and workflow action view with the review loop's notices.

Registered for every page type through a PageViewSet (Wagtail's own way to swap page views,
pruefung/wagtail_hooks.py): the editor shows the reviewer's change request at the top, and both
ways of reviewing (the editor's action menu, the dashboard's queue) confirm what happened.
"""

from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, WorkflowState

from .comments import queue_comment_notifications


def change_request(page: Page) -> TaskState | None:
    """The rejected step while the page's workflow waits for changes, else None."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = workflow_state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state.specific


def confirm_review(request, task_state: TaskState | None) -> bool:
    """A success message saying what the review step just did; False if it did nothing."""
    if task_state is None:
        return False
    task_state.refresh_from_db()
    workflow_state = task_state.workflow_state
    page = Page.objects.get(pk=workflow_state.object_id).specific
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_REJECTED:
        author = workflow_state.requested_by
        messages.success(
            request,
            _("Ihr Änderungswunsch zu „%(titel)s“ ist an %(person)s gegangen.")
            % {
                "titel": title,
                "person": author.get_full_name() or author.get_username() if author else "—",
            },
        )
        return True
    if task_state.status != TaskState.STATUS_APPROVED:
        return False
    messages.success(
        request, approval_message(page, title, workflow_state), buttons=_view(page, request)
    )
    return True


def approval_message(page: Page, title: str, workflow_state: WorkflowState) -> str:
    workflow_state.refresh_from_db()
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("„%(titel)s“ ist freigegeben und geht zum nächsten Prüfschritt: %(task)s.") % {
            "titel": title,
            "task": workflow_state.current_task_state.task.name,
        }
    if page.live:
        return _("„%(titel)s“ ist freigegeben und jetzt öffentlich.") % {"titel": title}
    return _("„%(titel)s“ ist freigegeben und wird zum geplanten Zeitpunkt veröffentlicht.") % {
        "titel": title
    }


def _view(page: Page, request) -> list:
    url = page.get_url(request) if page.live else None
    return [messages.button(url, _("Ansehen"))] if url else []


class ReviewEditView(EditView):
    """The page editor: the change request on top, a confirmation after a review action,
    comment notifications through the mail task."""

    reviewed_task_state: TaskState | None = None

    def get_template_names(self):
        names = super().get_template_names()
        return ["pruefung/page_edit.html"] if names == ["wagtailadmin/pages/edit.html"] else names

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["change_request"] = change_request(self.page)
        return context

    def perform_workflow_action(self):
        self.reviewed_task_state = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        if self.action_name == "perform_workflow_action" and confirm_review(
            self.request, self.reviewed_task_state
        ):
            return
        super().add_save_confirmation_message()

    def send_commenting_notifications(self, changes):
        queue_comment_notifications(self.page, self.request.user, changes)


class ReviewActionView(WorkflowActionView):
    """Approve or request changes from the dashboard's queue, with the same confirmation."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        confirm_review(request, self.task_state)
        return response


class ReviewPageViewSet(PageViewSet):
    """Wagtail's page views with the two above; registered for Page, so for every page type."""

    edit_view_class = ReviewEditView
    workflow_action_view_class = ReviewActionView
