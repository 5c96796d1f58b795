"""Sets of kept rows as bitmasks (search.backends.database.bitmask)."""

from search.backends.database.bitmask import all_of, mask_of, mask_of_keys, positions


def test_a_mask_holds_exactly_its_positions():
    mask = mask_of([0, 7, 8, 9_999], 10_000)
    assert positions(mask) == [0, 7, 8, 9_999]
    assert mask.bit_count() == 4


def test_masks_combine_as_sets_do():
    first, second = mask_of(range(0, 100, 2), 100), mask_of(range(0, 100, 3), 100)
    assert positions(first & second) == list(range(0, 100, 6))
    assert (first | second).bit_count() == len(set(range(0, 100, 2)) | set(range(0, 100, 3)))


def test_the_empty_and_the_full_mask():
    assert positions(mask_of([], 10)) == []
    assert positions(0) == []
    assert positions(all_of(10)) == list(range(10))
    assert all_of(0) == 0


def test_a_mask_of_keys_leaves_out_the_keys_without_a_row():
    position = {101: 0, 205: 3, 307: 9}
    assert positions(mask_of_keys([307, 101, 999, 205, 101], position, 10)) == [0, 3, 9]
    assert mask_of_keys([999], position, 10) == 0
    assert mask_of_keys([], {}, 0) == 0
