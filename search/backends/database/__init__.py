"""The database fallback: Wagtail's database search for text, facets and ranking in Python."""

from datetime import datetime

from django.db.models import QuerySet

from kommunen.models import Kommune, KommunePage
from praxis.models import PraxisPage
from search.backends.database.facets import (
    Zeile,
    facetten_filter,
    facetten_zaehlen,
    gefiltert,
    zeilen_laden,
)
from search.backends.database.fulltext import relevanz as relevanz_berechnen
from search.backends.database.fulltext import treffende_ids
from search.backends.database.text import hervorheben
from search.query import SuchAnfrage, SuchErgebnis, Treffer
from search.ranking import KommuneMerkmale, kreis_ags, ranking_faktor, vergleichbarkeit
from search.similar import similar_entries


def oeffentliche_praxisbeispiele() -> QuerySet:
    """Only live, public entries are searchable."""
    return PraxisPage.objects.live().public()


def merkmale_aus_zeile(zeile: Zeile) -> KommuneMerkmale | None:
    """Comparability features of an entry's lead Kommune."""
    if not zeile.ags:
        return None
    return KommuneMerkmale(
        ags=zeile.ags,
        einwohner=zeile.einwohner or 0,
        groessenklasse=zeile.groessenklasse or "",
        verstaedterung=zeile.verstaedterung,
        kreis_ags=kreis_ags(zeile.ags),
        bundesland=zeile.bundesland or "",
    )


class DatenbankBackend:
    """Search answered by the database alone; same request and result types as the engine."""

    name = "datenbank"

    def suche(self, anfrage: SuchAnfrage) -> SuchErgebnis:
        basis, ids, relevanz = oeffentliche_praxisbeispiele(), None, {}
        if anfrage.q:
            ids = treffende_ids(basis, anfrage.q)
            relevanz = relevanz_berechnen(ids, anfrage.q)
        zeilen = zeilen_laden(basis, ids)
        filter_ = facetten_filter(anfrage)
        facetten = facetten_zaehlen(zeilen, filter_)
        treffer = self._rangfolge(gefiltert(zeilen, filter_), anfrage, relevanz)
        start = (anfrage.seite - 1) * anfrage.pro_seite
        seite = treffer[start : start + anfrage.pro_seite]
        self._hervorheben(seite, anfrage.q)
        return SuchErgebnis(
            anzahl=len(treffer), treffer=seite, facetten=facetten, backend=self.name
        )

    def _rangfolge(
        self, zeilen: list[Zeile], anfrage: SuchAnfrage, relevanz: dict
    ) -> list[Treffer]:
        referenz = _referenz(anfrage.vergleich)
        treffer, datum = [], {}
        for zeile in zeilen:
            score, gruende = relevanz.get(zeile.pk, 1.0), []
            merkmale = merkmale_aus_zeile(zeile)
            if referenz and merkmale:
                wert, gruende = vergleichbarkeit(referenz, merkmale)
                score *= ranking_faktor(wert)
            treffer.append(Treffer(page_id=zeile.pk, score=score, erklaerung=gruende))
            datum[zeile.pk] = (zeile.first_published_at or datetime.min).isoformat()
        if anfrage.sortierung == "neueste":
            treffer.sort(key=lambda t: (datum[t.page_id], t.page_id), reverse=True)
        else:
            treffer.sort(key=lambda t: (t.score, datum[t.page_id], t.page_id), reverse=True)
        return treffer

    def _hervorheben(self, treffer: list[Treffer], q: str) -> None:
        if not q or not treffer:
            return
        texte = PraxisPage.objects.filter(pk__in=[t.page_id for t in treffer]).values_list(
            "pk", "title", "kurzbeschreibung"
        )
        nach_id = {pk: {"title": titel, "kurzbeschreibung": kurz} for pk, titel, kurz in texte}
        for eintrag in treffer:
            for feld, text in nach_id.get(eintrag.page_id, {}).items():
                if fragment := hervorheben(text, q):
                    eintrag.hervorhebung[feld] = [fragment]

    def aehnliche(self, page: PraxisPage, anzahl: int = 5) -> list[Treffer]:
        """Entries sharing Handlungsfelder, Zielgruppen and words with this one."""
        return similar_entries(page, anzahl)

    def comparable_kommunen(
        self, kommune: Kommune, anzahl: int = 5
    ) -> list[tuple[Kommune, list[str]]]:
        """The most comparable Kommunen taking part in the platform, with reasons."""
        return vergleichbare_teilnehmende(kommune, anzahl)


def _referenz(ags: str | None) -> KommuneMerkmale | None:
    kommune = Kommune.objects.filter(ags=ags).first() if ags else None
    return KommuneMerkmale.aus_kommune(kommune) if kommune else None


def teilnehmende_kommunen() -> QuerySet:
    """Kommunen with a live profile or a live entry."""
    mit_profil = KommunePage.objects.live().public().values("kommune_id")
    mit_eintrag = oeffentliche_praxisbeispiele().values("kommune_id")
    return Kommune.objects.filter(pk__in=mit_profil) | Kommune.objects.filter(pk__in=mit_eintrag)


def vergleichbare_teilnehmende(kommune: Kommune, anzahl: int) -> list[tuple[Kommune, list[str]]]:
    """Rank the participating Kommunen by comparability to `kommune`, best first."""
    referenz = KommuneMerkmale.aus_kommune(kommune)
    bewertet = []
    for kandidat in teilnehmende_kommunen().exclude(pk=kommune.pk).distinct():
        wert, gruende = vergleichbarkeit(referenz, KommuneMerkmale.aus_kommune(kandidat))
        bewertet.append((wert, kandidat.anzeigename, kandidat, gruende))
    bewertet.sort(key=lambda b: (-b[0], b[1]))
    return [(kandidat, gruende) for _w, _n, kandidat, gruende in bewertet[:anzahl]]
