"""The Kommune chooser searches the register (~11,000 rows) by name prefix or AGS in the database,
so choosing a partner needs no search index of the register."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)


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
        if query.isdigit():
            return objects.filter(ags__startswith=query)
        return objects.filter(Q(anzeigename__istartswith=query) | Q(name__icontains=query))


class KommuneChooseView(ChooseView):
    filter_form_class = KommuneSearchForm


class KommuneChooseResultsView(ChooseResultsView):
    filter_form_class = KommuneSearchForm


class KommuneChooserViewSet(SnippetChooserViewSet):
    choose_view_class = KommuneChooseView
    choose_results_view_class = KommuneChooseResultsView
