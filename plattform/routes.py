"""Routes of content pages that another app serves, through a Wagtail hook.

Profiles and entries have a `kontakt/` route whose form lives in the kontakt app, which itself
builds on kommunen and praxis. The page classes call the hook instead of importing the app, so
the dependencies keep pointing one way.
"""

from django.http import Http404, HttpRequest, HttpResponse

from wagtail import hooks

# A function (page, request) -> HttpResponse; registered by kontakt/wagtail_hooks.py.
CONTACT_FORM_HOOK = "serve_contact_form"


def serve_through_hook(hook_name: str, page, request: HttpRequest) -> HttpResponse:
    """The response of the last function registered for the hook; 404 without one."""
    handlers = hooks.get_hooks(hook_name)
    if not handlers:
        raise Http404
    return handlers[-1](page, request)
