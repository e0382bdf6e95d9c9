from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Personeel")
    default_auto_field = "django.db.models.BigAutoField"
    rolrechten: dict[str, list[str]] = {}
    navigatie: list = []
