"""Relation periods of one provider never overlap: an exclusion constraint with btree_gist.

Only on PostgreSQL; on SQLite the same rule is checked in ``contracts.services`` (which also checks it
on PostgreSQL, so users get a clear message before the database refuses)."""

from django.db import migrations

SQL_AAN = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "ALTER TABLE contracts_relatie ADD CONSTRAINT relatie_geen_overlap EXCLUDE USING gist "
    "(zorgaanbieder_id WITH =, daterange(geldig_van, geldig_tot, '[)') WITH &&)",
]
SQL_UIT = ["ALTER TABLE contracts_relatie DROP CONSTRAINT IF EXISTS relatie_geen_overlap"]


def _alleen_postgresql(statements):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("contracts", "0003_registers")]

    operations = [migrations.RunPython(_alleen_postgresql(SQL_AAN), _alleen_postgresql(SQL_UIT), elidable=False)]
