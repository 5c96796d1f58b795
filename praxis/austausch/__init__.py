"""The exchange format of Praxisbeispiele (JSON Lines, AUSTAUSCHFORMAT.md): read, write, import."""

from praxis.austausch.lesen import FELDER, AustauschFehler, lies_zeile
from praxis.austausch.schreiben import praxis_als_austausch

__all__ = ["FELDER", "AustauschFehler", "lies_zeile", "praxis_als_austausch"]
