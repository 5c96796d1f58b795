"""Admin hooks of the network features: the partner confirmation (URLs, dashboard panel) and
the chooser of the entry an entry adapted (`uebernommen_von`)."""

from django.urls import path

from wagtail import hooks
from wagtail.admin.ui.components import Component

from praxis import partnerschaft
from praxis.partner_views import decide, partner_requests

PANEL_LIMIT = 5


@hooks.register("register_admin_urls")
def partner_request_urls() -> list:
    return [
        path("partneranfragen/", partner_requests, name="praxis_partner_requests"),
        path(
            "partneranfragen/<int:pk>/<str:decision>/",
            decide,
            name="praxis_partner_decide",
        ),
    ]


class PartnerRequestsPanel(Component):
    """On the dashboard of a partner Kommune's editors: the open requests, with the buttons."""

    name = "partner_requests"
    template_name = "praxis/admin/partner_requests_panel.html"
    order = 90  # above Wagtail's own panels (workflow 100+): a request waits for an answer

    def __init__(self, user) -> None:
        # One more than shown tells whether to link to the full listing.
        self.requests = list(partnerschaft.open_requests_for(user)[: PANEL_LIMIT + 1])

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            {
                "partner_requests": self.requests[:PANEL_LIMIT],
                "more": len(self.requests) > PANEL_LIMIT,
                "request": parent_context["request"],
                "csrf_token": parent_context["csrf_token"],
            }
        )
        return context

    def render_html(self, parent_context=None) -> str:
        return super().render_html(parent_context) if self.requests else ""


@hooks.register("construct_homepage_panels")
def add_partner_requests_panel(request, panels: list) -> None:
    panels.append(PartnerRequestsPanel(request.user))


# The page type the chooser of `uebernommen_von` asks for (FieldPanel on a PraxisPage key).
ENTRY_CHOOSER_TYPE = "praxis.praxispage"


@hooks.register("construct_page_chooser_queryset")
def only_published_entries_to_adapt(pages, request):
    """An entry adapts a published one: other Kommunen's drafts are neither offered nor shown."""
    if request.GET.get("page_type", "").lower() == ENTRY_CHOOSER_TYPE:
        return pages.live()
    return pages
