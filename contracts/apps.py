from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = _("Contracten en zorgaanbieders")
    default_auto_field = "django.db.models.BigAutoField"
    rolrechten: dict[str, list[str]] = {}
    navigatie: list = []
