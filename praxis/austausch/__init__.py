"""The exchange format of Praxisbeispiele (JSON Lines, AUSTAUSCHFORMAT.md): read, write, import."""
