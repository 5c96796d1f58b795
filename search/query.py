"""A search request and its result, and the parsing of GET parameters with German errors.

The fields of these dataclasses mirror the API's parameter names and JSON keys (`seite`,
`pro_seite`, `anzahl`, `treffer`, `facetten`, …), which are part of the public contract.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kommunen.groessenklasse import Groessenklasse
from kommunen.models import AGS_PATTERN, KREIS_PATTERN, Bundesland, Kommune
from praxis.models import Evidenz, Foerderprogramm, Handlungsfeld, PraxisStatus, Zielgruppe
from search.kosten import Kostenrahmen

SORT_ORDERS = ("relevanz", "neueste")
# The facets in the order the search page shows them.
FACETS = (
    "handlungsfeld",
    "zielgruppe",
    "groessenklasse",
    "bundesland",
    "kreis",
    "status",
    "kosten",
    "foerderprogramm",
    "evidenz",
)
# The facets of a known list of values, each value listed (count 0 too) in the list's order.
# The Kreis facet lists only the Kreise with hits and the selected ones (there are 401).
LISTED_FACETS = tuple(name for name in FACETS if name != "kreis")
# Every parameter that may be repeated.
MULTI_VALUE_PARAMS = FACETS
MAX_PER_PAGE = 100
MAX_PAGE = 10_000
MAX_QUERY_LENGTH = 200
# A request's size is bounded before any work is done: every value costs a filter term, a chip
# and a checkbox. 50 values per parameter is far more than a person selects.
MAX_VALUES_PER_PARAMETER = 50
MAX_PARAMETERS = 200
MAX_INTEGER_DIGITS = 9


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    handlungsfeld: tuple[str, ...] = ()
    zielgruppe: tuple[str, ...] = ()
    groessenklasse: tuple[str, ...] = ()
    bundesland: tuple[str, ...] = ()
    kreis: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    kosten: tuple[str, ...] = ()
    foerderprogramm: tuple[str, ...] = ()
    evidenz: tuple[str, ...] = ()
    vergleich: str | None = None
    sortierung: str = "relevanz"
    seite: int = 1
    pro_seite: int = 20

    @property
    def has_filters(self) -> bool:
        return any(getattr(self, name) for name in MULTI_VALUE_PARAMS)

    def as_params(self) -> list[tuple[str, str]]:
        """The request as GET parameters (defaults left out), for links and shared URLs."""
        pairs: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        for name in MULTI_VALUE_PARAMS:
            pairs += [(name, value) for value in getattr(self, name)]
        if self.vergleich:
            pairs.append(("vergleich", self.vergleich))
        if self.sortierung != "relevanz":
            pairs.append(("sortierung", self.sortierung))
        if self.pro_seite != 20:
            pairs.append(("pro_seite", str(self.pro_seite)))
        if self.seite != 1:
            pairs.append(("seite", str(self.seite)))
        return pairs


@dataclass
class FacetValue:
    wert: str
    label: str
    anzahl: int


@dataclass
class Hit:
    page_id: int
    score: float
    erklaerung: list[str] = field(default_factory=list)
    hervorhebung: dict[str, list[str]] = field(default_factory=dict)
    uebernahmen: int = 0  # live, public entries that adapted this one


@dataclass
class SearchResult:
    anzahl: int
    treffer: list[Hit]
    facetten: dict[str, list[FacetValue]]
    backend: str


class QueryError(ValueError):
    """Invalid search parameters; the messages are German and meant for the user."""

    def __init__(self, messages: list[str]):
        super().__init__(" ".join(messages))
        self.messages = messages


def allowed_values() -> dict[str, list[tuple[str, str]]]:
    """The values of every listed facet as (value, label) in display order."""
    return {
        "handlungsfeld": list(Handlungsfeld.objects.values_list("slug", "name")),
        "zielgruppe": list(Zielgruppe.objects.values_list("slug", "name")),
        "groessenklasse": [(k.value, str(k.label)) for k in Groessenklasse],
        "bundesland": [(b.value, str(b.label)) for b in Bundesland],
        "status": [(s.value, str(s.label)) for s in PraxisStatus],
        "kosten": [(k.value, str(k.label)) for k in Kostenrahmen],
        "foerderprogramm": [(p.slug, programme_label(p)) for p in Foerderprogramm.objects.all()],
        "evidenz": [(e.value, str(e.label)) for e in Evidenz],
    }


def programme_label(programme: Foerderprogramm) -> str:
    """A programme's name, marked when its funding period is over."""
    if programme.beendet():
        return _("%(name)s (beendet)") % {"name": programme.name}
    return programme.name


def parse_query(params, allowed: dict | None = None) -> SearchQuery:
    """Build a SearchQuery from a QueryDict (or dict of lists); raise QueryError if invalid.

    The search page and the API both parse through here, so a parameter means the same on both.
    """
    check_size(params)
    allowed = allowed if allowed is not None else allowed_values()
    errors: list[str] = []
    values: dict = {"q": _query_text(params, errors)}
    for name in LISTED_FACETS:
        values[name] = _selection(params, name, {v for v, _label in allowed[name]}, errors)
    values["kreis"] = _kreis_keys(params, errors)
    values["vergleich"] = _comparison(params, errors)
    values["sortierung"] = _sort_order(params, errors)
    values["seite"] = _integer(params, "seite", 1, 1, MAX_PAGE, errors)
    values["pro_seite"] = _integer(params, "pro_seite", 20, 1, MAX_PER_PAGE, errors)
    if errors:
        raise QueryError(errors)
    return SearchQuery(**values)


def _raw_values(params, name: str) -> list[str]:
    getlist: Callable = getattr(params, "getlist", None) or (lambda n: params.get(n, []))
    values = getlist(name)
    return [values] if isinstance(values, str) else list(values)


def _values(params, name: str) -> list[str]:
    return [v.strip() for v in _raw_values(params, name) if v is not None and v.strip()]


def check_size(params) -> None:
    """Refuse oversized requests at once, before any lookup (QueryError with one message)."""
    counts = {name: len(_raw_values(params, name)) for name in params}
    for name, count in counts.items():
        if count > MAX_VALUES_PER_PARAMETER:
            raise QueryError(
                [
                    _("Zu viele Werte für „%(name)s“: höchstens %(n)d.")
                    % {"name": name[:50], "n": MAX_VALUES_PER_PARAMETER}
                ]
            )
    if sum(counts.values()) > MAX_PARAMETERS:
        raise QueryError(
            [_("Zu viele Parameter: höchstens %(n)d Werte je Suchanfrage.") % {"n": MAX_PARAMETERS}]
        )


def _single(params, name: str) -> str:
    values = _values(params, name)
    return values[-1] if values else ""


def _query_text(params, errors: list[str]) -> str:
    q = " ".join(_single(params, "q").split())
    if len(q) > MAX_QUERY_LENGTH:
        errors.append(
            _("Der Suchbegriff ist zu lang (höchstens %(n)d Zeichen).") % {"n": MAX_QUERY_LENGTH}
        )
    return q


def _selection(params, name: str, allowed: set[str], errors: list[str]) -> tuple[str, ...]:
    selected = tuple(dict.fromkeys(_values(params, name)))
    for value in selected:
        if value not in allowed:
            errors.append(
                _("Unbekannter Wert „%(wert)s“ für den Filter „%(name)s“.")
                % {"wert": value, "name": name}
            )
    return selected


def _kreis_keys(params, errors: list[str]) -> tuple[str, ...]:
    keys = tuple(dict.fromkeys(_values(params, "kreis")))
    for value in keys:
        if not KREIS_PATTERN.match(value):
            errors.append(
                _("„%(wert)s“ ist kein Kreisschlüssel: erwartet werden 5 Ziffern.")
                % {"wert": value}
            )
    return keys  # a well-formed but unknown Kreis key simply matches nothing


def _comparison(params, errors: list[str]) -> str | None:
    ags = _single(params, "vergleich")
    if not ags:
        return None
    if not AGS_PATTERN.match(ags):
        errors.append(
            _(
                "„%(wert)s“ ist kein Amtlicher Gemeindeschlüssel: erwartet werden 8 Ziffern "
                "(Gemeinde) oder 5 Ziffern (Kreis)."
            )
            % {"wert": ags}
        )
    elif not Kommune.objects.filter(ags=ags).exists():
        errors.append(_("Zum Gemeindeschlüssel „%(wert)s“ gibt es keine Kommune.") % {"wert": ags})
    return ags


def _sort_order(params, errors: list[str]) -> str:
    order = _single(params, "sortierung") or "relevanz"
    if order not in SORT_ORDERS:
        errors.append(
            _("Unbekannte Sortierung „%(wert)s“; möglich sind „relevanz“ und „neueste“.")
            % {"wert": order}
        )
    return order


def _integer(params, name: str, default: int, min_: int, max_: int, errors: list[str]) -> int:
    """An empty value means the default; otherwise ASCII digits only, and not thousands of them
    (Python's int() also takes Arabic-Indic digits, "1_0" or "+1", which a URL should not mean)."""
    text = _single(params, name)
    if not text:
        return default
    plain = text.isascii() and text.isdigit() and len(text) <= MAX_INTEGER_DIGITS
    number = int(text) if plain else None
    if number is None or not min_ <= number <= max_:
        errors.append(
            _("„%(name)s“ muss eine ganze Zahl von %(min)d bis %(max)d sein.")
            % {"name": name, "min": min_, "max": max_}
        )
        return default
    return number
