"""The exchange format of Praxisbeispiele (JSON Lines, AUSTAUSCHFORMAT.md): read, write, import."""

from praxis.exchange.parse import FELDER, AustauschFehler, lies_zeile
from praxis.exchange.serialize import to_exchange_dict

__all__ = ["FELDER", "AustauschFehler", "lies_zeile", "to_exchange_dict"]
