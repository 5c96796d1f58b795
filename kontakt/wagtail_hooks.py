from wagtail import hooks
from wagtail.permissions import register_permission_policy

from kontakt.models import Kontaktanfrage
from kontakt.permissions import KontaktanfragePermissionPolicy
from kontakt.views import contact_form
from kontakt.viewsets import KontaktanfrageViewSet
from plattform.routes import CONTACT_FORM_HOOK

# Before the viewset asks for a policy, or Wagtail would create its model-permission fallback.
register_permission_policy(Kontaktanfrage, KontaktanfragePermissionPolicy(Kontaktanfrage))

hooks.register(CONTACT_FORM_HOOK, contact_form)


@hooks.register("register_admin_viewset")
def register_kontaktanfrage_viewset():
    return KontaktanfrageViewSet()
