"""PostgreSQL: the text search configuration `praxis_deutsch` for Wagtail's database index.

The German configuration with `unaccent` before the stemmer, so that "Gefluechtete",
"Geflüchtete" and "Strasse"/"Straße" meet as on SQLite (whose FTS5 folds diacritics) and in
the engine. `SEARCH_CONFIG` (README) names it for Wagtail; a no-op on other databases.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'praxis_deutsch') THEN
        CREATE TEXT SEARCH CONFIGURATION praxis_deutsch (COPY = german);
        ALTER TEXT SEARCH CONFIGURATION praxis_deutsch
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS praxis_deutsch;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
