from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Klachten")
    default_auto_field = "django.db.models.BigAutoField"
    rolrechten: dict[str, list[str]] = {}
    navigatie: list = []
