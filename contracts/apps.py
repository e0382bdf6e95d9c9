from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

MODELLEN = (
    "zorgaanbieder",
    "anderenaam",
    "relatie",
    "contract",
    "contractregel",
    "personeelsomvang",
    "opdracht",
    "uitgave",
    "transformatieafspraak",
    "gesprek",
    "actiepunt",
    "jaarrekeningbeoordeling",
)
LEZEN_EN_SCHRIJVEN = [f"{actie}_{model}" for model in MODELLEN for actie in ("view", "add", "change", "delete")]

# Roles that may read the report figures (the gemeente role sees figures only, no register).
RAPPORT_ROLLEN = ("inkoper", "management", "functioneel_beheerder", "gemeente")
# Who sees provider names and spending per provider in the reports. The gemeente sees counts per kind and totals
# only (the README: "aanbieders als aantallen per soort zonder namen").
NAMEN_IN_RAPPORT_ROLLEN = ("inkoper", "management", "functioneel_beheerder")
# Every role may read provider names (id + naam) to pick a provider elsewhere.
NAMEN_ROLLEN = (
    "inkoper",
    "management",
    "functioneel_beheerder",
    "klachtenfunctionaris",
    "gebiedsmanager",
    "gedragswetenschapper",
    "gemeente",
)


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = _("Contracten en zorgaanbieders")
    default_auto_field = "django.db.models.BigAutoField"
    # inkoper, management and functioneel beheerder read and write the register; other roles only read
    # provider names through /api/v1/zorgaanbieders/namen/ (role check there), the gemeente role only report figures.
    rolrechten: dict[str, list[str]] = {
        "inkoper": LEZEN_EN_SCHRIJVEN,
        "management": LEZEN_EN_SCHRIJVEN,
        "functioneel_beheerder": LEZEN_EN_SCHRIJVEN,
    }
    navigatie: list = [("Zorgaanbieders en 4%-regel", "contracts-rapportage", RAPPORT_ROLLEN)]

    def ready(self) -> None:
        from jens.signaleringen import registreer_soorten

        from .signaleringen import SOORTEN

        registreer_soorten(SOORTEN)
