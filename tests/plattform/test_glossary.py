"""docs/glossary.md points at files that exist, so "where is what" stays true after a rename."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
# A backticked path of the repository: `search/ranking.py`, `praxis/exchange/`, `docs/redaktion.md`
PATH = re.compile(r"`((?:kommunen|praxis|search|plattform|kontakt|templates|docs)/[\w/.]*)`")


def test_every_path_in_the_glossary_exists():
    paths = set(PATH.findall(GLOSSARY.read_text()))
    assert len(paths) > 20
    assert sorted(p for p in paths if not (ROOT / p).exists()) == []


def test_the_readme_links_the_glossary():
    assert "(docs/glossary.md)" in (ROOT / "README.md").read_text()
