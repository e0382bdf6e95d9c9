import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    # Separate from 0009: on PostgreSQL the fill leaves deferred foreign-key checks pending, and a table with
    # pending trigger events cannot be altered in the same transaction.
    dependencies = [
        ("cases", "0009_zorginzet_kopieen"),
    ]

    operations = [
        migrations.AlterField(
            model_name="zorginzet",
            name="jeugdige",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="cases.jeugdige",
                verbose_name="jeugdige",
            ),
        ),
        migrations.AlterField(
            model_name="zorginzet",
            name="gemeente",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="jens.gemeente",
                verbose_name="gemeente van de jeugdige",
            ),
        ),
    ]
