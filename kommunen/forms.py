"""Admin form of the profile pages: checks that a profile stands where its Kommune belongs."""

from wagtail.admin.forms import WagtailAdminPageForm

from kommunen.rules import tree_rule_violation


class KommunePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        kommune = cleaned_data.get("kommune")
        parent = self.parent_page.specific if self.parent_page else None
        if kommune and parent:
            message = tree_rule_violation(kommune, parent, type(self.instance))
            if message:
                self.add_error("kommune", message)
        return cleaned_data
