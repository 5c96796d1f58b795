"""The rich-text editor with an accessible name for the box screen readers reach (the setting
WAGTAILADMIN_RICH_TEXT_EDITORS loads it; importing it with the models would be too early).

Wagtail 8.0 points the field's <label for> at the hidden input Draftail replaces, so the
contenteditable `role=textbox` has no name (axe `aria-input-field-name`, wagtail/wagtail#14205).
Draftail takes `ariaLabelledBy` and `ariaLabel` options and puts them on that box.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder

from wagtail.admin.rich_text import DraftailRichTextArea


class LabelledDraftailRichTextArea(DraftailRichTextArea):
    """Draftail named by its FieldPanel's label, which Wagtail gives the id "<field id>-label"."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        if "ariaLabel" not in self.options and widget_attrs.get("id"):
            options = {**self.options, "ariaLabelledBy": f"{widget_attrs['id']}-label"}
            widget_attrs["data-w-init-detail-value"] = json.dumps(options, cls=DjangoJSONEncoder)
        return context
