"""The JSON API against its own served OpenAPI schema, with every check schemathesis has:
no 5xx, every status, content type, header and body as documented, invalid input refused and
valid input accepted. Runs on the database search and on the engine.

The schema is read from /api/v1/openapi.json through the WSGI application; the calls run in the
test's own database transaction, so the search tests' Kommunen and entries are there. Path
parameters are drawn partly from real AGS and entry ids, so 200 answers are checked too.
"""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.query import allowed_values

# Ids of tests/search/content.py (its AGS and the austausch_id derived from Kommune and title).
KNOWN_PATH_VALUES = {
    "ags": ["01062", "01062001", "09162000"],
    "austausch_id": [
        "nachbarsdorf-sprachcafe-fur-mutter",
        "koln-interkulturelle-offnung-im-burgeramt",
    ],
}
# Bounded for CI: each operation runs its coverage cases plus at most this many generated ones.
EXAMPLES_PER_OPERATION = 40

# Loaded at import: serving the schema needs no database (schemathesis's fixture-based lazy
# loading does not run under pytest 9, which dropped Node._nodeid).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.hook
def before_generate_path_parameters(context, strategy):
    """Draw the path parameters from generated values or from the known ones."""
    names = [parameter.name for parameter in context.operation.path_parameters]
    if not names or not all(name in KNOWN_PATH_VALUES for name in names):
        return strategy
    known = st.fixed_dictionaries(
        {name: st.sampled_from(KNOWN_PATH_VALUES[name]) for name in names}
    )
    return st.one_of(strategy, known)


# Filters whose valid values are data (managed taxonomies, the register): no pattern can say
# which slug exists, so a schema-valid case gets one that does (seeded by the migrations), as a
# client would send. Hooks run at collection too, without a database: the values are fixed.
KNOWN_FILTER_VALUES = {
    "handlungsfeld": ["sprache", "wohnen", "engagement-ehrenamt"],
    "zielgruppe": ["familien", "gefluechtete"],
    "foerderprogramm": ["amif"],
}


@schema.hook
def map_case(context, case):
    """Give a schema-valid search case existing taxonomy values and an existing AGS."""
    if case.operation.path != "/api/v1/praxis/" or not _is_positive(case) or not case.query:
        return case
    for name, known in KNOWN_FILTER_VALUES.items():
        if name in case.query:
            case.query[name] = [
                known[len(value) % len(known)] for value in _listed(case.query[name])
            ]
    if case.query.get("vergleich"):
        ags = KNOWN_PATH_VALUES["ags"]
        case.query["vergleich"] = ags[len(case.query["vergleich"]) % len(ags)]
    return case


def _is_positive(case) -> bool:
    return case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE


def _listed(value) -> list:
    return value if isinstance(value, list) else [value]


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """Keep the test's database connection across the WSGI calls, as Django's test client does:
    its request signals would close a connection inside a transaction (PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def known_ids_exist(entries) -> None:
    """The known values name real data, or the 200 answers would go unchecked."""
    assert set(KNOWN_PATH_VALUES["ags"]) <= set(Kommune.objects.values_list("ags", flat=True))
    live = PraxisPage.objects.live().values_list("austausch_id", flat=True)
    assert set(KNOWN_PATH_VALUES["austausch_id"]) <= set(live)
    for name, known in KNOWN_FILTER_VALUES.items():
        assert set(known) <= {slug for slug, _label in allowed_values()[name]}


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@schema.parametrize()
@FUZZ_SETTINGS
def test_the_api_keeps_its_schema_on_the_database_search(case, known_ids_exist):
    case.call_and_validate()


@schema.parametrize()
@FUZZ_SETTINGS
def test_the_api_keeps_its_schema_on_the_engine(case, indexed_entries, known_ids_exist):
    case.call_and_validate()
