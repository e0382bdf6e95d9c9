from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

KLACHT_LEZEN = ["view_klacht", "view_klachtstap", "view_aard"]


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Klachten")
    default_auto_field = "django.db.models.BigAutoField"

    # Complaints (with the complainant's contact details) only for the klachtenfunctionaris and
    # management; the gemeente role gets report figures through the report views (role check there);
    # the functioneel beheerder maintains the categories.
    rolrechten = {
        "klachtenfunctionaris": [
            *KLACHT_LEZEN,
            "add_klacht",
            "change_klacht",
            "add_aard",
            "change_aard",
        ],
        "management": KLACHT_LEZEN,
        "functioneel_beheerder": ["view_aard", "add_aard", "change_aard"],
    }
    navigatie = [
        ("Klachten", "klachten-lijst", ("klachtenfunctionaris", "management")),
        ("Klachtenrapportage", "klachten-rapportage", ("klachtenfunctionaris", "management", "gemeente")),
    ]

    def ready(self) -> None:
        from jens.signaleringen import registreer_soorten

        from .signaleringen import SOORTEN

        registreer_soorten(SOORTEN)
