"""Synthetic Praxisbeispiele across the real municipality register, inserted in bulk.

Creating 10,000 pages through Wagtail's `add_child` takes far too long on a 2-core machine, so
the page rows are bulk-inserted with their tree paths computed here; the result is the same
tree (KommunenIndexPage → KommunePage → PraxisPage) that editors would build.
"""

import random
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from kommunen.models import Kommune, KommunenIndexPage, KommunePage, KommuneTyp
from praxis.models import Handlungsfeld, PraxisPage, PraxisStatus, Zielgruppe

TOPICS = [
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
SUFFIXES = [
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
SENTENCES = [
    "Ehrenamtliche treffen sich wöchentlich mit Geflüchteten.",
    "Die Gemeinde stellt Räume und eine Koordinationsstelle.",
    "Sprachmittler begleiten Familien zu Ämtern und Ärzten.",
    "Das Angebot wird über Landesmittel gefördert.",
    "Die Volkshochschule organisiert Kurse für Mütter mit Kleinkindern.",
    "Ein runder Tisch bündelt die Akteure vor Ort.",
    "Schutzsuchende finden mit Unterstützung der Lotsen eine Wohnung.",
]


def _child_paths(parent: Page, count: int) -> list[str]:
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    return [Page._get_path(parent.path, parent.depth + 1, start + i) for i in range(count)]


def _create_pages(parent: Page, model, data: list[dict]) -> list:
    """Bulk-insert `model` pages below `parent`; `data` are the page's own field values."""
    now, locale = timezone.now(), Locale.get_default()
    content_type = ContentType.objects.get_for_model(model)
    base = [
        Page(
            title=d["title"],
            draft_title=d["title"],
            slug=d["slug"],
            content_type=content_type,
            path=path,
            depth=parent.depth + 1,
            numchild=0,
            live=True,
            locale=locale,
            url_path=f"{parent.url_path}{d['slug']}/",
            first_published_at=d.pop("date", now),
            last_published_at=now,
            translation_key=uuid.uuid4(),
        )
        for d, path in zip(data, _child_paths(parent, len(data)), strict=True)
    ]
    Page.objects.bulk_create(base, batch_size=500)
    pages = []
    for page, d in zip(base, data, strict=True):
        fields = {k: v for k, v in d.items() if k not in ("title", "slug")}
        specific = model(page_ptr_id=page.pk, **fields)
        specific.save_base(raw=True, force_insert=True)
        specific.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.fields})
        pages.append(specific)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(data))
    parent.refresh_from_db()
    return pages


def _profiles(kommunen: list[Kommune]) -> dict[int, KommunePage]:
    existing = {p.kommune_id: p for p in KommunePage.objects.filter(kommune__in=kommunen)}
    new = [k for k in kommunen if k.pk not in existing]
    index = KommunenIndexPage.objects.get()
    data = [{"title": k.anzeigename, "slug": f"bench-{k.ags}", "kommune": k} for k in new]
    for profile in _create_pages(index, KommunePage, data):
        existing[profile.kommune_id] = profile
    return existing


def _entry(rng: random.Random, number: int, kommune: Kommune) -> dict:
    topic, handlungsfeld = rng.choice(TOPICS)
    title = f"{topic} {rng.choice(SUFFIXES)}"
    text = " ".join(rng.sample(SENTENCES, 3))
    return {
        "title": title,
        "slug": f"bench-{number}",
        "austausch_id": f"bench-{number}",
        "kommune": kommune,
        "kurzbeschreibung": text[:480],
        "body": [("absatz", RichText(f"<p>{' '.join(rng.sample(SENTENCES, 4))}</p>"))],
        "status": rng.choice(PraxisStatus.values),
        "handlungsfeld": handlungsfeld,
        "date": timezone.now() - timedelta(days=rng.randint(0, 2000)),
    }


@transaction.atomic
def create_entries(count: int, seed: int = 1) -> int:
    """Add `count` live entries led by random Gemeinden/Städte of the register."""
    rng = random.Random(seed + PraxisPage.objects.count())
    candidates = list(Kommune.objects.exclude(typ=KommuneTyp.LANDKREIS).filter(einwohner__gt=0))
    handlungsfelder = {h.slug: h for h in Handlungsfeld.objects.all()}
    zielgruppen = list(Zielgruppe.objects.all())
    first = PraxisPage.objects.count()
    entries = [_entry(rng, first + i, rng.choice(candidates)) for i in range(count)]
    profiles = _profiles(list({e["kommune"].pk: e["kommune"] for e in entries}.values()))
    by_profile: dict[int, list[dict]] = {}
    for e in entries:
        by_profile.setdefault(e["kommune"].pk, []).append(e)
    hf, zg = PraxisPage.handlungsfelder.through, PraxisPage.zielgruppen.through
    hf_links, zg_links = [], []
    for kommune_pk, group in by_profile.items():
        slugs = [e.pop("handlungsfeld") for e in group]
        for page, slug in zip(
            _create_pages(profiles[kommune_pk], PraxisPage, group), slugs, strict=True
        ):
            hf_links.append(hf(praxispage_id=page.pk, handlungsfeld_id=handlungsfelder[slug].pk))
            zg_links.append(zg(praxispage_id=page.pk, zielgruppe_id=rng.choice(zielgruppen).pk))
    hf.objects.bulk_create(hf_links, batch_size=1000)
    zg.objects.bulk_create(zg_links, batch_size=1000)
    return len(entries)
