from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_MODELLEN = (
    "jeugdige",
    "hulpvraag",
    "evaluatie",
    "meldcodetraject",
    "meldcodestap",
    "veiligthuismelding",
    "onderzoek",
    "meldcodeafwijking",
    "zorginzet",
)


def _rechten(*acties: str) -> list[str]:
    return [f"{actie}_{model}" for model in _MODELLEN for actie in acties]


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Casuïstiek")
    default_auto_field = "django.db.models.BigAutoField"
    # Only the people who work on cases see them: the gedragswetenschapper (own areas, see jens.scope)
    # edits, management reads. The gemeente sees aggregates through the report endpoints (by role),
    # every other role nothing (inkoper and klachtenfunctionaris are unrestricted in scope, so the
    # missing permissions are what keeps them out).
    rolrechten = {
        "gedragswetenschapper": _rechten("view", "add", "change"),
        "management": _rechten("view"),
    }
    navigatie = [
        ("Jeugdigen", "cases-jeugdigen", ("gedragswetenschapper", "management")),
        ("Veilig Thuis", "cases-vt-meldingen", ("gedragswetenschapper", "management")),
        ("Cliëntenrapportage", "cases-rapportage", ("management", "functioneel_beheerder", "gemeente")),
        ("Toegangslog cliënt", "cases-toegangslog", ("functioneel_beheerder",)),
    ]

    def ready(self) -> None:
        import cases.zorgperiodes  # noqa: F401  (the signals that keep the care periods in step)
        from cases.signaleringen import SOORTEN
        from jens.signaleringen import registreer_soorten

        registreer_soorten(SOORTEN)
