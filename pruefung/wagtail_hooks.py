"""The review loop in Wagtail's admin: page views with its notices, the dashboard panels, the
reviewers' mail when an officer withdraws an entry, and the panels' stylesheet."""

from functools import partial

from django.db import transaction
from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from praxis.models import PraxisPage

from .dashboard import EditorialPanel, ReviewQueuePanel
from .notifications import notify_withdrawal
from .views import ReviewPageViewSet


@hooks.register("register_admin_viewset")
def register_review_page_viewset():
    """Registered for Page after Wagtail's own base viewset (order -1), so it replaces it."""
    return ReviewPageViewSet()


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels: list) -> None:
    """The editorial panel on top; Wagtail's review queue with the platform's columns."""
    panels[:] = [
        ReviewQueuePanel() if panel.name == ReviewQueuePanel.name else panel for panel in panels
    ]
    panels.append(EditorialPanel(request))


@hooks.register("after_unpublish_page")
def tell_reviewers_of_withdrawal(request, page) -> None:
    """An officer withdrew an entry without the right to publish it: its reviewers hear of it."""
    if isinstance(page, PraxisPage) and not page.permissions_for_user(request.user).can_publish():
        transaction.on_commit(partial(notify_withdrawal, page, request.user))


@hooks.register("insert_global_admin_css")
def review_styles() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("pruefung/pruefung.css"))
