"""What a refused import must look like to its operator: a German message, not a traceback."""

import re

# Words every German refusal of the importers uses at least one of; none is English.
GERMAN_WORDS = re.compile(r"\b(ist|sind|die|der|das|enthält|nicht|nichts|keine?|Zeile|Datei)\b")
ENGLISH_FAULTS = re.compile(r"Traceback|Error\b|Exception|object|invalid|expected", re.IGNORECASE)
QUOTED = re.compile(r"„[^“]*“")  # the file's own values, shown as they stand


def assert_clear_german_refusal(message: str) -> None:
    """A non-empty, printable German message without a Python error's text."""
    assert message.strip()
    assert "\x00" not in message
    message.encode("utf-8")  # printable as it stands: no lone surrogate
    own_words = QUOTED.sub("", message)
    assert GERMAN_WORDS.search(own_words), message
    assert not ENGLISH_FAULTS.search(own_words), message
