"""The search engine backend (OpenSearch or Elasticsearch 8) behind the SuchBackend protocol."""

from django.utils.translation import gettext as _

from kommunen.models import Kommune
from praxis.models import PraxisPage
from search.backends.engine_query import aehnliche_koerper, such_koerper
from search.client import engine_name, get_client
from search.documents import body_text
from search.indices import alias_name
from search.query import (
    FACETTEN,
    Facettenwert,
    SuchAnfrage,
    SuchErgebnis,
    Treffer,
    erlaubte_werte,
)
from search.ranking import KommuneMerkmale, vergleichbarkeit


def merkmale_aus_quelle(quelle: dict) -> KommuneMerkmale | None:
    """Comparability features of the lead Kommune denormalised into a document."""
    if not quelle.get("kommune_ags"):
        return None
    return KommuneMerkmale(
        ags=quelle["kommune_ags"],
        einwohner=quelle.get("einwohner") or 0,
        groessenklasse=quelle.get("groessenklasse") or "",
        verstaedterung=quelle.get("verstaedterung"),
        kreis_ags=quelle.get("kreis_ags") or "",
        bundesland=quelle.get("bundesland") or "",
    )


def _referenz(ags: str | None) -> KommuneMerkmale | None:
    kommune = Kommune.objects.filter(ags=ags).first() if ags else None
    return KommuneMerkmale.aus_kommune(kommune) if kommune else None


class EngineBackend:
    """Search answered by the engine through the alias `<prefix>-praxis`."""

    def __init__(self) -> None:
        self.name = engine_name()

    def _suchen(self, koerper: dict) -> dict:
        return get_client().search(index=alias_name(), body=koerper)

    def suche(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        referenz = _referenz(anfrage.vergleich)
        antwort = self._suchen(such_koerper(anfrage, referenz))
        treffer = [self._treffer(hit, referenz) for hit in antwort["hits"]["hits"]]
        return SuchErgebnis(
            anzahl=antwort["hits"]["total"]["value"],
            treffer=treffer,
            facetten=self._facetten(antwort["aggregations"]),
            backend=self.name,
        )

    def _treffer(self, hit: dict, referenz: KommuneMerkmale | None) -> Treffer:
        quelle, gruende = hit["_source"], []
        merkmale = merkmale_aus_quelle(quelle)
        if referenz and merkmale:
            gruende = vergleichbarkeit(referenz, merkmale)[1]
        return Treffer(
            page_id=int(hit["_id"]),
            score=float(hit.get("_score") or 0.0),
            erklaerung=gruende,
            hervorhebung={feld: list(teile) for feld, teile in hit.get("highlight", {}).items()},
        )

    def _facetten(self, aggregationen: dict) -> dict[str, list[Facettenwert]]:
        erlaubt = erlaubte_werte()
        facetten = {}
        for name in FACETTEN:
            eimer = aggregationen[name]["werte"]["buckets"]
            anzahlen = {b["key"]: b["doc_count"] for b in eimer}
            facetten[name] = [
                Facettenwert(wert=wert, label=label, anzahl=anzahlen.get(wert, 0))
                for wert, label in erlaubt[name]
            ]
        return facetten

    def aehnliche(self, page: PraxisPage, anzahl: int = 5) -> list[Treffer]:
        """more_like_this plus shared Handlungsfelder, never the entry itself."""
        felder = dict(page.handlungsfelder.values_list("slug", "name"))
        zielgruppen = dict(page.zielgruppen.values_list("slug", "name"))
        text = " ".join([page.title, page.kurzbeschreibung, body_text(page)])
        antwort = self._suchen(aehnliche_koerper(page.pk, text, list(felder), anzahl))
        eigene = KommuneMerkmale.aus_kommune(page.kommune) if page.kommune else None
        return [self._aehnlich(hit, felder, zielgruppen, eigene) for hit in antwort["hits"]["hits"]]

    def _aehnlich(self, hit: dict, felder: dict, zielgruppen: dict, eigene) -> Treffer:
        quelle = hit["_source"]
        gruende = [
            _("gleiches Handlungsfeld: %(name)s") % {"name": felder[s]}
            for s in quelle.get("handlungsfelder", [])
            if s in felder
        ]
        gruende += [
            _("gleiche Zielgruppe: %(name)s") % {"name": zielgruppen[s]}
            for s in quelle.get("zielgruppen", [])
            if s in zielgruppen
        ]
        merkmale = merkmale_aus_quelle(quelle)
        if eigene and merkmale:
            gruende += vergleichbarkeit(eigene, merkmale)[1]
        return Treffer(page_id=int(hit["_id"]), score=float(hit["_score"] or 0), erklaerung=gruende)

    def comparable_kommunen(
        self, kommune: Kommune, anzahl: int = 5
    ) -> list[tuple[Kommune, list[str]]]:
        """Comparable participating Kommunen: a database question, answered in Python."""
        from search.backends.database import vergleichbare_teilnehmende

        return vergleichbare_teilnehmende(kommune, anzahl)
