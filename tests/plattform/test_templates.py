"""Template source rules that rendering alone does not catch."""

from pathlib import Path

from django.template import engines

TEMPLATE_DIRS = [Path(d) for engine in engines.all() for d in engine.dirs]


def test_every_short_comment_closes_on_its_own_line():
    """Django's {# … #} spans one line only; an unclosed one is printed into the page."""
    unclosed = [
        f"{path}:{number}"
        for directory in TEMPLATE_DIRS
        for path in directory.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert unclosed == []
