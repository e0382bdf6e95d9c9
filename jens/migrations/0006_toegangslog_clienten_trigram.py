"""A trigram index on the access log's list field ``clienten``, on PostgreSQL only.

Looking up a client (``jens.audit.regels_van_client``) reads ``client = 'C…'`` (btree) OR
``clienten LIKE '% C… %'``; on millions of rows the second needs a GIN index with ``gin_trgm_ops``.
SQLite has neither: there the migration does nothing (the index is not part of the model state).
"""

from django.db import migrations

INDEX = "toegangslog_clienten_trgm_idx"


def maak_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON jens_toegangslog USING gin (clienten gin_trgm_ops)")


def verwijder_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("jens", "0005_toegangslog_lijst")]

    operations = [migrations.RunPython(maak_index, verwijder_index)]
