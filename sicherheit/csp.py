"""Content-Security-Policy: two policies, both allowing nothing from another host.

The public site and the API docs (`CONTENT_SECURITY_POLICY`) allow scripts and styles only
from the platform's own static files: no inline script, no inline style, no `eval`. The
Wagtail admin (`CONTENT_SECURITY_POLICY_ADMIN`, every address below /admin/, previews
included) also allows inline scripts and styles, because Wagtail 8 itself still writes them
(inline panels, date pickers, choosers loaded into modals); it stays limited to this host, so
an injected script can load nothing from elsewhere and send nothing elsewhere.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

from csp.middleware import CSPMiddleware, PolicyParts


class PolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for addresses below the admin."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


def is_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))
