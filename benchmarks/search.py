"""Search benchmark: 1,000 and 10,000 entries across the real register, both backends.

    SEARCH_URL=http://127.0.0.1:9200 python benchmarks/search.py [--groessen 1000 10000]

Uses a throwaway SQLite database (or DATABASE_URL) and the index prefix "bench". Measures the
engine rebuild (indexing throughput), then p50/p95 latency of a query mix through the JSON API
(`/api/v1/praxis/`) on the engine and the database backend, with Wagtail's plain `.search()` on
the same data as the baseline, and prints a table. Goals: engine p95 ≤ 50 ms at 10,000 entries,
database p95 ≤ 150 ms at 1,000, rebuild of 10,000 ≤ 60 s.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[0] = str(REPO)  # "search" must be the app, not this file
REGISTER = REPO.parent / "shared/data/gemeindeverzeichnis-gv-auszug.csv"

ABFRAGEN = [
    "q=Sprachkurs",
    "q=Gefluechtete+Wohnung",
    "q=Sprachkurs+f%C3%BCr+M%C3%BCtter&vergleich=01062001",
    "q=Dolmetscher&status=laufend",
    "q=Integrationslosten",
    "q=Elterncaf%C3%A9&groessenklasse=landgemeinde&groessenklasse=kleinstadt",
    "handlungsfeld=sprache&bundesland=BY",
    "vergleich=09162000&handlungsfeld=wohnen",
    "q=Interkulturelle+%C3%96ffnung&sortierung=neueste",
    "groessenklasse=landgemeinde&status=verstetigt&seite=2",
]


def einrichten(datenbank: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plattform.settings.test")
    os.environ["DATABASE_URL"] = datenbank
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The test settings switch the engine off; the benchmark opts in like the engine tests.
    settings.SEARCH_URL = os.environ.get("SEARCH_URL", "")
    settings.SEARCH_INDEX_PREFIX = "bench"
    call_command("migrate", verbosity=0)


def register_laden() -> None:
    from kommunen.importer import import_kommunen
    from kommunen.models import Kommune

    if Kommune.objects.count() < 1000:
        import_kommunen(REGISTER)


def auffuellen(ziel: int) -> float:
    """Grow the live entries to `ziel`; index the new ones for Wagtail's database search."""
    from wagtail.search.backends import get_search_backend

    from benchmarks.search_daten import erzeugen
    from praxis.models import PraxisPage

    beginn, vorher = time.perf_counter(), PraxisPage.objects.count()
    erzeugen(max(ziel - vorher, 0))
    neu = (
        PraxisPage.objects.filter(pk__gt=PraxisPage.objects.order_by("pk")[vorher - 1].pk)
        if (vorher)
        else PraxisPage.objects.all()
    )
    backend = get_search_backend()
    for start in range(0, neu.count(), 1000):
        backend.add_bulk(PraxisPage, list(neu.order_by("pk")[start : start + 1000]))
    return time.perf_counter() - beginn


def zeiten(messen, wiederholungen: int) -> list[float]:
    """Milliseconds of each call after one warm-up round."""
    for abfrage in ABFRAGEN:
        messen(abfrage)
    werte = []
    for _ in range(wiederholungen):
        for abfrage in ABFRAGEN:
            beginn = time.perf_counter()
            messen(abfrage)
            werte.append((time.perf_counter() - beginn) * 1000)
    return werte


def api_messer(engine: bool):
    from django.test import Client
    from django.test.utils import override_settings

    client = Client(HTTP_HOST="localhost")
    url = os.environ.get("SEARCH_URL", "") if engine else ""

    def messen(abfrage: str) -> None:
        with override_settings(SEARCH_URL=url):
            antwort = client.get(f"/api/v1/praxis/?{abfrage}")
        if antwort.status_code != 200:
            raise RuntimeError(f"{abfrage}: HTTP {antwort.status_code} {antwort.content[:200]}")

    return messen


def backend_messer(engine: bool):
    """The backend alone (`suche()`), without the API's rendering."""
    from django.http import QueryDict

    from search.backends.database import DatenbankBackend
    from search.backends.engine import EngineBackend
    from search.query import parse_anfrage

    backend = EngineBackend() if engine else DatenbankBackend()
    return lambda abfrage: backend.suche(parse_anfrage(QueryDict(abfrage)))


def wagtail_messer(abfrage: str) -> None:
    """Baseline: Wagtail's plain database `.search()` for the text, first 20 results."""
    from urllib.parse import parse_qs

    from praxis.models import PraxisPage

    q = parse_qs(abfrage).get("q", [""])[0]
    basis = PraxisPage.objects.live().public()
    list(basis.search(q)[:20] if q else basis.order_by("-first_published_at")[:20])


def perzentile(werte: list[float]) -> tuple[float, float]:
    geordnet = sorted(werte)
    return statistics.median(geordnet), geordnet[max(int(len(geordnet) * 0.95) - 1, 0)]


def messreihe(groesse: int, wiederholungen: int) -> list[tuple]:
    from search.indices import neu_aufbauen

    erzeugt = auffuellen(groesse)
    zeilen = [(groesse, "Erzeugen + Wagtail-Index", f"{erzeugt:.1f} s", "", "")]
    if os.environ.get("SEARCH_URL"):
        aufbau = neu_aufbauen()
        rate = aufbau["anzahl"] / aufbau["sekunden"]
        zeilen.append(
            (groesse, "Engine: Neuaufbau", f"{aufbau['sekunden']:.1f} s", f"{rate:.0f} Dok./s", "")
        )
        zeilen.append((groesse, "API, Engine", *_ms(zeiten(api_messer(True), wiederholungen))))
        zeilen.append(
            (groesse, "suche(), Engine", *_ms(zeiten(backend_messer(True), wiederholungen)))
        )
    zeilen.append((groesse, "API, Datenbank", *_ms(zeiten(api_messer(False), wiederholungen))))
    zeilen.append(
        (groesse, "suche(), Datenbank", *_ms(zeiten(backend_messer(False), wiederholungen)))
    )
    zeilen.append((groesse, "Wagtail .search()", *_ms(zeiten(wagtail_messer, wiederholungen))))
    return zeilen


def _ms(werte: list[float]) -> tuple[str, str, str]:
    p50, p95 = perzentile(werte)
    return f"{len(werte)} Abfragen", f"p50 {p50:.1f} ms", f"p95 {p95:.1f} ms"


def tabelle(zeilen: list[tuple]) -> str:
    kopf = ("Einträge", "Messung", "Wert", "", "")
    breiten = [max(len(str(z[i])) for z in [kopf, *zeilen]) for i in range(5)]
    linien = [" | ".join(str(z[i]).ljust(breiten[i]) for i in range(5)) for z in [kopf, *zeilen]]
    linien.insert(1, "-+-".join("-" * b for b in breiten))
    return "\n".join(linien)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groessen", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--wiederholungen", type=int, default=5)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    ordner = tempfile.mkdtemp(prefix="praxisnetz-bench-")
    einrichten(args.database_url or f"sqlite:///{ordner}/bench.sqlite3")
    register_laden()
    zeilen = []
    for groesse in sorted(args.groessen):
        zeilen += messreihe(groesse, args.wiederholungen)
        print(tabelle(zeilen), flush=True)
        print()
    if os.environ.get("SEARCH_URL"):
        from search.client import get_client
        from search.indices import versionen

        for index in versionen():
            get_client().indices.delete(index=index)


if __name__ == "__main__":
    main()
