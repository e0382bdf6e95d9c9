from django.db import migrations

# The five categories of the published complaint tables (code, name, order).
AARDEN = [
    ("verwijzing", "Verwijzing en de daarbij behorende procedures", 10),
    ("behandeling", "Aangeboden behandeling en/of begeleiding (bejegening, communicatie)", 20),
    ("bereikbaarheid", "Bereikbaarheid (secretariaat)", 30),
    ("algemene_vragen", "Algemene vragen over procedures of wetgeving", 40),
    ("privacy", "Privacy (dossiers en communicatie)", 50),
]


def aarden_aanmaken(apps, schema_editor):
    Aard = apps.get_model("complaints", "Aard")
    for code, naam, volgorde in AARDEN:
        Aard.objects.update_or_create(code=code, defaults={"naam": naam, "volgorde": volgorde})


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [migrations.RunPython(aarden_aanmaken, migrations.RunPython.noop)]
