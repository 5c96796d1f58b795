"""Editor panels that show derived facts which editors cannot change."""

from wagtail.admin.panels import Panel


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
