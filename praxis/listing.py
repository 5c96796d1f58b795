"""The public entry listing: a GET form of filters over live entries, paginated."""

from typing import TYPE_CHECKING, TypeVar

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kommunen.groessenklasse import Groessenklasse
from kommunen.models import Bundesland
from praxis.models.taxonomies import Handlungsfeld, PraxisStatus

if TYPE_CHECKING:  # praxis.models.pages imports this module
    from praxis.models.pages import PraxisPageQuerySet

PER_PAGE = 20
Entries = TypeVar("Entries", bound=QuerySet)


class PraxisFilterForm(forms.Form):
    """Filters named like the search API's parameters, so listing URLs can be shared."""

    handlungsfeld = forms.ModelMultipleChoiceField(
        Handlungsfeld.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Handlungsfeld"),
    )
    groessenklasse = forms.MultipleChoiceField(
        choices=Groessenklasse.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Größenklasse"),
    )
    bundesland = forms.MultipleChoiceField(
        choices=Bundesland.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Bundesland"),
    )
    status = forms.MultipleChoiceField(
        choices=PraxisStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Status"),
    )

    def filter(self, queryset: Entries) -> Entries:
        data = self.cleaned_data
        if data.get("handlungsfeld"):
            queryset = queryset.filter(handlungsfelder__in=data["handlungsfeld"]).distinct()
        if data.get("groessenklasse"):
            queryset = queryset.filter(kommune__groessenklasse__in=data["groessenklasse"])
        if data.get("bundesland"):
            queryset = queryset.filter(kommune__bundesland__in=data["bundesland"])
        if data.get("status"):
            queryset = queryset.filter(status__in=data["status"])
        return queryset


def listing_context(request: HttpRequest, entries: "PraxisPageQuerySet") -> dict:
    """The filter form and the requested page of `entries` (newest first) that pass it.

    The index page hands in the live entries, so this module needs only the taxonomies.
    """
    form = PraxisFilterForm(request.GET or None)
    entries = entries.for_cards().order_by("-first_published_at", "title")
    if form.is_bound and form.is_valid():
        entries = form.filter(entries)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("seite"))
    return {"filter_form": form, "page_obj": page, "entries": page.object_list}
