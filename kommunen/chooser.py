"""The Kommune chooser searches the register (~11,000 rows) by name prefix or AGS in the database,
with the lookup of the public autocomplete (kommunen.lookup), so choosing a partner needs no
search index of the register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from kommunen.lookup import matching_kommunen

# Wagtail builds these texts from the verbose_name ("Anderes Kommune-Objekt auswählen",
# "Auswählen Kommune"); German needs the noun's gender, so they are written out.
CHOOSE_ONE = _("Kommune auswählen")
CHOOSE_ANOTHER = _("Andere Kommune auswählen")
EDIT_CHOSEN = _("Kommune bearbeiten")


class KommuneSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name oder AGS"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("z. B. Ahrensburg oder 01062001")}),
    )

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        self.is_searching, self.search_query = True, query
        return matching_kommunen(query, objects)


class KommuneChooseView(ChooseView):
    filter_form_class = KommuneSearchForm
    page_subtitle = None  # the title names the Kommune already


class KommuneChooseResultsView(ChooseResultsView):
    filter_form_class = KommuneSearchForm


class KommuneChooser(AdminSnippetChooser):
    """The chooser widget, with its German texts."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.choose_one_text = CHOOSE_ONE
        self.choose_another_text = CHOOSE_ANOTHER
        self.link_to_chosen_text = EDIT_CHOSEN


class KommuneChooserViewSet(SnippetChooserViewSet):
    choose_view_class = KommuneChooseView
    choose_results_view_class = KommuneChooseResultsView
    base_widget_class = KommuneChooser
    page_title = CHOOSE_ONE
    choose_one_text = CHOOSE_ONE
    choose_another_text = CHOOSE_ANOTHER
    edit_item_text = EDIT_CHOSEN
