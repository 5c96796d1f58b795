"""The bar chart of entries per Handlungsfeld, laid out here and drawn as SVG by a template.

Each bar has its label above it, so long names ("Interkulturelle Öffnung der Verwaltung") need no
side margin and the chart stays readable when a phone scales it down.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kommunen.grammar import genitive

from .data import KreisOverview

# The SVG is drawn at its natural size and only shrinks on narrow screens (to ~95 % on a
# 375 px phone, so the 15 px labels stay readable); labels must fit into WIDTH at that size.
WIDTH = 360
ROW_HEIGHT = 46
LABEL_BASELINE = 17  # label text baseline within a row
BAR_TOP = 24
BAR_HEIGHT = 14
DIGIT_WIDTH = 9  # room per digit of the largest count, right of the longest bar
MIN_BAR = 2  # a zero still shows as a sliver at the axis


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    label_y: int
    bar_y: int
    bar_width: int
    count_x: int
    count_y: int


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_height: int
    bars: list[Bar]
    title: str
    description: str


def bar_chart(overview: KreisOverview) -> BarChart:
    """Entries of the whole Kreis per Handlungsfeld as horizontal bars, longest = most."""
    counts = [(column.name, overview.totals[column.slug]) for column in overview.handlungsfelder]
    most = max((count for _name, count in counts), default=0)
    count_space = 8 + DIGIT_WIDTH * len(number_format(most, force_grouping=True))
    scale = (WIDTH - count_space) / most if most else 0
    bars = []
    for position, (name, count) in enumerate(counts):
        top = position * ROW_HEIGHT
        width = max(MIN_BAR, round(count * scale))
        bars.append(
            Bar(
                label=name,
                count=count,
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                bar_width=width,
                count_x=width + 6,
                count_y=top + BAR_TOP + BAR_HEIGHT - 2,
            )
        )
    return BarChart(
        width=WIDTH,
        height=max(ROW_HEIGHT, len(bars) * ROW_HEIGHT),
        bar_height=BAR_HEIGHT,
        bars=bars,
        title=_("Praxisbeispiele %(kreis)s je Handlungsfeld") % {"kreis": genitive(overview.kreis)},
        description=_chart_description(counts),
    )


def _chart_description(counts: list[tuple[str, int]]) -> str:
    values = "; ".join(
        f"{name}: {number_format(count, force_grouping=True)}" for name, count in counts
    )
    return _(
        "Balkendiagramm, ein Balken je Handlungsfeld. %(werte)s. Dieselben Zahlen stehen in der "
        "Tabelle nach dem Diagramm."
    ) % {"werte": values}
