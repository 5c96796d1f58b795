"""The public JSON API at /api/v1/, assembled from one router per app.

kommunen/api.py: a Kommune of the register; praxis/api.py: an entry in the exchange format;
search/api.py: search, similar entries, comparable Kommunen. Each router declares its paths in
full (below /api/v1/), so a URL is found by searching for it.
"""

from django.http import HttpRequest, HttpResponse

from ninja import NinjaAPI
from ninja.errors import ValidationError

from kommunen.api import router as kommunen_router
from plattform.api_schemas import error_body
from praxis.api import router as praxis_router
from search.api import bad_parameter_messages
from search.api import router as search_router

api = NinjaAPI(
    urls_namespace="api_v1",
    title="Praxisnetz Integration API",
    version="1",
    description="Praxisbeispiele kommunaler Integrationsarbeit suchen und abrufen.",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("", search_router)
api.add_router("", praxis_router)
api.add_router("", kommunen_router)


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Bad parameters answer 400 with the search page's German messages."""
    return api.create_response(
        request, error_body(bad_parameter_messages(request, exc)), status=400
    )
