"""Version 2 of the access log's hash chain: the hash also covers ``object_ids`` and ``clienten`` (the ids and
clients of a list read), and the trigger refuses a change to them.

Rows sealed before keep version 1 and verify under the field list they were sealed with (jens.toegangslog
.VELDEN_PER_VERSIE). They are deliberately not re-sealed: a new seal would vouch for whatever those rows hold now,
including a change made before this migration. Rows not yet sealed get version 2. The version is part of the row's
protected content (the trigger refuses changing it) and of the version-2 hash."""

import importlib

from django.db import migrations, models

OUD = importlib.import_module("jens.migrations.0004_toegangslog_trigger")

INHOUD = (
    "tijdstip, gebruikersnaam, rol, actie, object_type, object_id, client, omschrijving, ip_adres, werkplek, uitkomst, "
    "object_ids, clienten, ketenversie"
)


def _rij(prefix: str) -> str:
    return "ROW(" + ", ".join(f"{prefix}.{veld.strip()}" for veld in INHOUD.split(",")) + ")"


FUNCTIE = OUD.FUNCTIE.replace(OUD._rij("NEW"), _rij("NEW")).replace(OUD._rij("OLD"), _rij("OLD"))
if _rij("NEW") not in FUNCTIE or _rij("OLD") not in FUNCTIE:
    raise RuntimeError("De triggerfunctie van 0004 heeft niet de verwachte vorm")


def versie_en_trigger(apps, schema_editor):
    # Before the new trigger: the old one lets this through (it does not know the column).
    schema_editor.execute("UPDATE jens_toegangslog SET ketenversie = 1 WHERE hash <> ''")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE)


def oude_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OUD.FUNCTIE)


class Migration(migrations.Migration):
    dependencies = [("jens", "0007_authtoken_weg")]

    operations = [
        migrations.AddField(
            model_name="toegangslog",
            name="ketenversie",
            field=models.PositiveSmallIntegerField(default=2, editable=False, verbose_name="versie van de keten"),
        ),
        migrations.RunPython(versie_en_trigger, oude_trigger),
    ]
