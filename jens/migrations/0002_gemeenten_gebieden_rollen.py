"""Seed the three municipalities and six area teams (data from JENS's reports) and the role groups."""

from django.db import migrations

GEMEENTEN = [("Heerlen", "heerlen"), ("Landgraaf", "landgraaf"), ("Voerendaal", "voerendaal")]
GEBIEDEN = [
    ("heerlen", "Heerlen gebied 1", "heerlen-1", ""),
    ("heerlen", "Heerlen gebied 2", "heerlen-2", ""),
    ("heerlen", "Heerlen gebied 3", "heerlen-3", "Heerlen-Zuid"),
    ("heerlen", "Heerlen gebied 4", "heerlen-4", "Heerlen-Zuid"),
    ("landgraaf", "Landgraaf", "landgraaf", ""),
    ("voerendaal", "Voerendaal", "voerendaal", ""),
]
ROLLEN = [
    "inkoper",
    "klachtenfunctionaris",
    "gebiedsmanager",
    "gedragswetenschapper",
    "management",
    "gemeente",
    "functioneel_beheerder",
]


def seed(apps, schema_editor):
    Gemeente = apps.get_model("jens", "Gemeente")
    Gebied = apps.get_model("jens", "Gebied")
    Group = apps.get_model("auth", "Group")
    gemeenten = {}
    for naam, code in GEMEENTEN:
        gemeenten[code], _ = Gemeente.objects.get_or_create(code=code, defaults={"naam": naam})
    for gemeente, naam, code, toelichting in GEBIEDEN:
        Gebied.objects.get_or_create(
            code=code, defaults={"naam": naam, "gemeente": gemeenten[gemeente], "toelichting": toelichting}
        )
    for rol in ROLLEN:
        Group.objects.get_or_create(name=rol)


class Migration(migrations.Migration):
    dependencies = [("jens", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
