"""On PostgreSQL the access log refuses every change: an UPDATE may only seal a row (fill its empty chain fields)
or clear the user link when that user is deleted (ON DELETE SET NULL); a DELETE only when the retention job
(jens.toegangslog.opschonen) has set the transaction-local cut-off and the row is older than it. SQLite has no
such trigger; there the hash chain alone shows a change."""

from django.db import migrations

INHOUD = (
    "tijdstip, gebruikersnaam, rol, actie, object_type, object_id, client, omschrijving, ip_adres, werkplek, uitkomst"
)


def _rij(prefix: str) -> str:
    return "ROW(" + ", ".join(f"{prefix}.{veld.strip()}" for veld in INHOUD.split(",")) + ")"


FUNCTIE = f"""
CREATE OR REPLACE FUNCTION jens_toegangslog_bescherm() RETURNS trigger AS $$
DECLARE
    grens text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF {_rij("NEW")} IS NOT DISTINCT FROM {_rij("OLD")}
           AND (NEW.gebruiker_id IS NOT DISTINCT FROM OLD.gebruiker_id OR NEW.gebruiker_id IS NULL)
           AND (OLD.hash = '' OR ROW(NEW.volgnummer, NEW.vorige_hash, NEW.hash)
                                 IS NOT DISTINCT FROM ROW(OLD.volgnummer, OLD.vorige_hash, OLD.hash)) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'Het toegangslog kan niet worden gewijzigd (regel %%)', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    grens := current_setting('jens.toegangslog_opschonen_tot', true);
    IF grens IS NOT NULL AND grens <> '' AND OLD.tijdstip < grens::timestamptz THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Regels van het toegangslog worden alleen door de bewaartermijn verwijderd (regel %%)', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
DROP TRIGGER IF EXISTS jens_toegangslog_bescherm ON jens_toegangslog;
CREATE TRIGGER jens_toegangslog_bescherm BEFORE UPDATE OR DELETE ON jens_toegangslog
    FOR EACH ROW EXECUTE FUNCTION jens_toegangslog_bescherm();
"""
WEG = """
DROP TRIGGER IF EXISTS jens_toegangslog_bescherm ON jens_toegangslog;
DROP FUNCTION IF EXISTS jens_toegangslog_bescherm();
"""


def maak(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE)  # "%%": the driver turns it into one "%"
        schema_editor.execute(TRIGGER)


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(WEG)


class Migration(migrations.Migration):
    dependencies = [("jens", "0003_toegangslog_keten")]

    operations = [migrations.RunPython(maak, verwijder)]
