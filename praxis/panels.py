"""Editor panels that show derived facts which editors cannot change."""

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel

from praxis.completeness import completeness


class LeadKommunePanel(Panel):
    """Shows the lead Kommune (given by the entry's place in the page tree) and its Größenklasse."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "praxis/admin/lead_kommune_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["kommune"] = self.instance.kommune or self._kommune_of_parent()
            return context

        def _kommune_of_parent(self):
            parent = getattr(self.form, "parent_page", None)
            return getattr(parent.specific, "kommune", None) if parent else None


class CompletenessPanel(Panel):
    """Lists the transfer-relevant fields still empty (praxis.completeness), with links that
    open the tab of each field; computed from the saved draft, so it is current after saving."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "praxis/admin/completeness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["completeness"] = completeness(self.instance)
            context["image_edit_url"] = self._image_edit_url()
            return context

        def _image_edit_url(self) -> str | None:
            """Where the preview image's description (its alt text) is edited, if allowed."""
            image = self.instance.bild if self.instance.bild_id else None
            if image is None or self.request is None:
                return None
            return AdminURLFinder(self.request.user).get_edit_url(image)
