"""Synthetic Praxisbeispiele across the real municipality register, inserted in bulk.

Creating 10,000 pages through Wagtail's `add_child` takes far too long on a 2-core machine, so
the page rows are bulk-inserted with their tree paths computed here; the result is the same
tree (KommunenIndexPage → KommunePage → PraxisPage) that editors would build.
"""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from kommunen.models import Kommune, KommunenIndexPage, KommunePage, KommuneTyp
from praxis.models import Handlungsfeld, PraxisPage, PraxisStatus, Zielgruppe

THEMEN = [
    ("Sprachcafé", "sprache"),
    ("Sprachkurs für Mütter", "sprache"),
    ("Integrationslotsen", "engagement-ehrenamt"),
    ("Wohnungsbörse für Geflüchtete", "wohnen"),
    ("Elterncafé", "fruehe-bildung"),
    ("Dolmetscherpool", "sprache"),
    ("Interkulturelle Öffnung der Verwaltung", "interkulturelle-oeffnung"),
    ("Ausbildungspatenschaften", "arbeit-ausbildung"),
    ("Fußball für alle", "kultur-sport"),
    ("Gesundheitslotsen", "gesundheit"),
    ("Hausaufgabenhilfe", "bildung"),
    ("Willkommensfest", "kultur-sport"),
    ("Beratung zur Anerkennung", "arbeit-ausbildung"),
]
ZUSAETZE = [
    "im Dorf",
    "in der Kleinstadt",
    "im Quartier",
    "im Landkreis",
    "am Abend",
    "mit Kinderbetreuung",
    "für Neuzugewanderte",
    "mit Ehrenamtlichen",
    "digital",
]
SAETZE = [
    "Ehrenamtliche treffen sich wöchentlich mit Geflüchteten.",
    "Die Gemeinde stellt Räume und eine Koordinationsstelle.",
    "Sprachmittler begleiten Familien zu Ämtern und Ärzten.",
    "Das Angebot wird über Landesmittel gefördert.",
    "Die Volkshochschule organisiert Kurse für Mütter mit Kleinkindern.",
    "Ein runder Tisch bündelt die Akteure vor Ort.",
    "Schutzsuchende finden mit Unterstützung der Lotsen eine Wohnung.",
]


def _kinder_pfade(eltern: Page, anzahl: int) -> list[str]:
    letzte = eltern.get_last_child()
    start = Page._str2int(letzte.path[-Page.steplen :]) + 1 if letzte else 1
    return [Page._get_path(eltern.path, eltern.depth + 1, start + i) for i in range(anzahl)]


def _seiten_anlegen(eltern: Page, modell, daten: list[dict]) -> list:
    """Bulk-insert `modell` pages below `eltern`; `daten` are the page's own field values."""
    jetzt, locale = timezone.now(), Locale.get_default()
    art = ContentType.objects.get_for_model(modell)
    basis = [
        Page(
            title=d["title"],
            draft_title=d["title"],
            slug=d["slug"],
            content_type=art,
            path=pfad,
            depth=eltern.depth + 1,
            numchild=0,
            live=True,
            locale=locale,
            url_path=f"{eltern.url_path}{d['slug']}/",
            first_published_at=d.pop("datum", jetzt),
            last_published_at=jetzt,
            translation_key=uuid.uuid4(),
        )
        for d, pfad in zip(daten, _kinder_pfade(eltern, len(daten)), strict=True)
    ]
    Page.objects.bulk_create(basis, batch_size=500)
    seiten = []
    for page, d in zip(basis, daten, strict=True):
        felder = {k: v for k, v in d.items() if k not in ("title", "slug")}
        seite = modell(page_ptr_id=page.pk, **felder)
        seite.save_base(raw=True, force_insert=True)
        seite.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.fields})
        seiten.append(seite)
    Page.objects.filter(pk=eltern.pk).update(numchild=eltern.numchild + len(daten))
    eltern.refresh_from_db()
    return seiten


def _profile(kommunen: list[Kommune]) -> dict[int, KommunePage]:
    vorhanden = {p.kommune_id: p for p in KommunePage.objects.filter(kommune__in=kommunen)}
    neu = [k for k in kommunen if k.pk not in vorhanden]
    index = KommunenIndexPage.objects.get()
    daten = [{"title": k.anzeigename, "slug": f"bench-{k.ags}", "kommune": k} for k in neu]
    for seite in _seiten_anlegen(index, KommunePage, daten):
        vorhanden[seite.kommune_id] = seite
    return vorhanden


def _eintrag(zufall: random.Random, nummer: int, kommune: Kommune) -> dict:
    thema, feld = zufall.choice(THEMEN)
    titel = f"{thema} {zufall.choice(ZUSAETZE)}"
    text = " ".join(zufall.sample(SAETZE, 3))
    return {
        "title": titel,
        "slug": f"bench-{nummer}",
        "austausch_id": f"bench-{nummer}",
        "kommune": kommune,
        "kurzbeschreibung": text[:480],
        "body": [("absatz", RichText(f"<p>{' '.join(zufall.sample(SAETZE, 4))}</p>"))],
        "status": zufall.choice(PraxisStatus.values),
        "feld": feld,
        "datum": timezone.now() - timezone.timedelta(days=zufall.randint(0, 2000)),
    }


@transaction.atomic
def erzeugen(anzahl: int, saat: int = 1) -> int:
    """Add `anzahl` live entries led by random Gemeinden/Städte of the register."""
    zufall = random.Random(saat + PraxisPage.objects.count())
    kandidaten = list(Kommune.objects.exclude(typ=KommuneTyp.LANDKREIS).filter(einwohner__gt=0))
    felder = {h.slug: h for h in Handlungsfeld.objects.all()}
    gruppen = list(Zielgruppe.objects.all())
    erste = PraxisPage.objects.count()
    eintraege = [_eintrag(zufall, erste + i, zufall.choice(kandidaten)) for i in range(anzahl)]
    profile = _profile(list({e["kommune"].pk: e["kommune"] for e in eintraege}.values()))
    nach_profil: dict[int, list[dict]] = {}
    for e in eintraege:
        nach_profil.setdefault(e["kommune"].pk, []).append(e)
    hf, zg = PraxisPage.handlungsfelder.through, PraxisPage.zielgruppen.through
    zuordnungen, gruppen_zu = [], []
    for kommune_pk, liste in nach_profil.items():
        slugs = [e.pop("feld") for e in liste]
        for seite, slug in zip(
            _seiten_anlegen(profile[kommune_pk], PraxisPage, liste), slugs, strict=True
        ):
            zuordnungen.append(hf(praxispage_id=seite.pk, handlungsfeld_id=felder[slug].pk))
            gruppen_zu.append(zg(praxispage_id=seite.pk, zielgruppe_id=zufall.choice(gruppen).pk))
    hf.objects.bulk_create(zuordnungen, batch_size=1000)
    zg.objects.bulk_create(gruppen_zu, batch_size=1000)
    return len(eintraege)
