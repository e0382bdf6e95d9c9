import django.db.models.deletion
from django.db import migrations, models


def vul(apps, schema_editor):
    # The copies on the care rows already there (the same set-based statement as the nightly rebuild).
    from cases.zorgperiodes import ZORGINZET, herbouw

    herbouw(delen=(ZORGINZET,))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_klantreisdelen"),
        ("jens", "0010_tevredenheidsmeting"),
    ]

    operations = [
        migrations.AddField(
            model_name="zorginzet",
            name="jeugdige",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="cases.jeugdige",
                verbose_name="jeugdige",
            ),
        ),
        migrations.AddField(
            model_name="zorginzet",
            name="gemeente",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="jens.gemeente",
                verbose_name="gemeente van de jeugdige",
            ),
        ),
        migrations.AddField(
            model_name="zorginzet",
            name="hulpvraag_afgesloten_op",
            field=models.DateField(editable=False, null=True, verbose_name="hulpvraag afgesloten op"),
        ),
        migrations.RunPython(vul, migrations.RunPython.noop),
    ]
