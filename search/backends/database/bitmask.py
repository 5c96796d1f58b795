"""Sets of kept rows as bitmasks: bit i stands for the i-th row of the process's rows.

A Python int does AND, OR and counting (`int.bit_count`) over 10,000 rows in C, in microseconds,
where a loop over the rows takes milliseconds; and an int is no object the cyclic garbage
collector walks, so masks kept per facet value cost it nothing.
"""

from collections.abc import Iterable


def mask_of(positions: Iterable[int], size: int) -> int:
    """The mask with the bits at `positions` set (each below `size`)."""
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


def positions(mask: int) -> list[int]:
    """The positions of the set bits, ascending."""
    lowest_first = bin(mask)[:1:-1]  # "0b" cut off, least significant bit first
    return [position for position, bit in enumerate(lowest_first) if bit == "1"]


def all_of(size: int) -> int:
    """The mask of all `size` rows."""
    return (1 << size) - 1
