"""The exchange format of Praxisbeispiele (JSON Lines, AUSTAUSCHFORMAT.md): read, write, import."""

from praxis.exchange.parse import KEYS, ExchangeError, parse_line
from praxis.exchange.serialize import to_exchange_dict

__all__ = ["KEYS", "ExchangeError", "parse_line", "to_exchange_dict"]
