"""Sets of kept rows as bitmasks: bit i stands for the i-th row of the process's rows.

A Python int does AND, OR and counting (`int.bit_count`) over 10,000 rows in C, in microseconds,
where a loop over the rows takes milliseconds; and an int is no object the cyclic garbage
collector walks, so masks kept per facet value cost it nothing.

Converting between positions and masks goes through one byte per row (0 or 1) and the int's
binary digits, with `map` and `compress` doing the loop in C: a per-position Python loop over
10,000 rows took several milliseconds a conversion.
"""

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from itertools import compress, repeat

_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_AS_FLAGS = bytes.maketrans(b"01", b"\x00\x01")


def _from_flags(flags: bytearray) -> int:
    """The mask of a byte per row, 1 for the rows in it (row 0 first)."""
    if not flags:
        return 0
    flags.reverse()  # the most significant digit first
    return int(flags.translate(_AS_DIGITS), 2)


def mask_of(positions: Iterable[int], size: int) -> int:
    """The mask with the bits at `positions` set (each below `size`)."""
    flags = bytearray(size)
    deque(map(flags.__setitem__, positions, repeat(1)), maxlen=0)
    return _from_flags(flags)


def mask_of_keys(keys: Iterable[Hashable], position: Mapping, size: int) -> int:
    """The mask of the rows at `position[key]` for the `keys` that have one."""
    flags = bytearray(size + 1)  # a key without a position marks the spare last byte
    marked = map(position.get, keys, repeat(size))
    deque(map(flags.__setitem__, marked, repeat(1)), maxlen=0)
    del flags[size]
    return _from_flags(flags)


def positions(mask: int) -> list[int]:
    """The positions of the set bits, ascending."""
    lowest_first = bin(mask)[:1:-1].encode()  # "0b" cut off, least significant bit first
    return list(compress(range(len(lowest_first)), lowest_first.translate(_AS_FLAGS)))


def all_of(size: int) -> int:
    """The mask of all `size` rows."""
    return (1 << size) - 1
