"""A trigram index for the surname search (``achternaam__icontains``), on PostgreSQL only.

Django writes ``icontains`` as ``UPPER("achternaam"::text) LIKE UPPER('%…%')``; a GIN index with
``gin_trgm_ops`` on exactly that expression lets PostgreSQL find the rows without reading the table.
SQLite has neither GIN nor pg_trgm: there the migration does nothing (and the index is not part of the
model state, so ``makemigrations`` stays quiet on both).
"""

from django.db import migrations

INDEX = "jeugdige_achternaam_trgm_idx"


def maak_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_jeugdige USING gin ((UPPER(achternaam::text)) gin_trgm_ops)"
    )


def verwijder_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_lijstindexen")]

    operations = [migrations.RunPython(maak_index, verwijder_index)]
