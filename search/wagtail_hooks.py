"""The search app renders the entry listing page (see praxis.models.pages.RENDER_LISTING_HOOK)."""

from wagtail import hooks

from praxis.models.pages import RENDER_LISTING_HOOK
from search.views import entry_listing

hooks.register(RENDER_LISTING_HOOK, entry_listing)
