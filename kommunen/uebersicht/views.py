"""The overview's page and CSV downloads, served by the routes of LandkreisPage."""

from django.http import HttpRequest, HttpResponse

from .build import build_overview
from .chart import bar_chart
from .export import csv_filename, csv_text, entries_table, structures_table

TEMPLATE = "kommunen/kreis_uebersicht.html"


def overview_page(page, request: HttpRequest) -> HttpResponse:
    """The page: the Landkreis profile's context plus the overview and its chart."""
    overview = build_overview(page.kommune, request)
    return page.render(
        request,
        template=TEMPLATE,
        context_overrides={"uebersicht": overview, "diagramm": bar_chart(overview)},
    )


def structures_csv(page, request: HttpRequest) -> HttpResponse:
    overview = build_overview(page.kommune, request)
    return _csv_response(
        csv_text(structures_table(overview)), csv_filename(page.kommune, "strukturen")
    )


def entries_csv(page, request: HttpRequest) -> HttpResponse:
    overview = build_overview(page.kommune, request)
    return _csv_response(csv_text(entries_table(overview)), csv_filename(page.kommune, "praxis"))


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
