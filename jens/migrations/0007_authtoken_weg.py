"""The API tokens moved from DRF's ``rest_framework.authtoken`` (plain text, no expiry) to django-rest-knox (a
digest only, with an expiry). The old tokens are revoked, not converted: they have been stored readable, so they may
be in a backup. This drops their table (when it exists), their content types and permissions, and the app's
migration records, so the app could be installed afresh later."""

from django.db import migrations

TABEL = "authtoken_token"


def ruim_op(apps, schema_editor):
    verbinding = schema_editor.connection
    if TABEL in verbinding.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(TABEL)}")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="authtoken").delete()
    ContentType.objects.filter(app_label="authtoken").delete()
    schema_editor.execute("DELETE FROM django_migrations WHERE app = %s", ["authtoken"])


class Migration(migrations.Migration):
    dependencies = [
        ("jens", "0006_toegangslog_clienten_trigram"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [migrations.RunPython(ruim_op, migrations.RunPython.noop)]
