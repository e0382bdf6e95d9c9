from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

MODELLEN = ("begrotingsregel", "kostenregel")
LEZEN_EN_SCHRIJVEN = [f"{actie}_{model}" for model in MODELLEN for actie in ("view", "add", "change", "delete")]
ALLEEN_LEZEN = [f"view_{model}" for model in MODELLEN]

# Who reads the finance statement: the gemeente only its own municipality (enforced in the querysets).
RAPPORT_ROLLEN = ("inkoper", "management", "functioneel_beheerder", "gemeente")


class FinancienConfig(AppConfig):
    name = "financien"
    verbose_name = _("Financiën: begroting en realisatie")
    default_auto_field = "django.db.models.BigAutoField"
    # the inkoper (also controller), management and functioneel beheerder keep the budget and the booked costs;
    # the gemeente reads them (own municipality only: every queryset is scoped), never writes
    rolrechten: dict[str, list[str]] = {
        "inkoper": LEZEN_EN_SCHRIJVEN,
        "management": LEZEN_EN_SCHRIJVEN,
        "functioneel_beheerder": LEZEN_EN_SCHRIJVEN,
        "gemeente": ALLEEN_LEZEN,
    }

    def ready(self) -> None:
        from jens.signaleringen import registreer_soorten

        from .signaleringen import SOORTEN

        registreer_soorten(SOORTEN)
