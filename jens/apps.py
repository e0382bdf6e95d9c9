from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

ALLE_ROLLEN = (
    "inkoper",
    "klachtenfunctionaris",
    "gebiedsmanager",
    "gedragswetenschapper",
    "management",
    "gemeente",
    "functioneel_beheerder",
)


class JensConfig(AppConfig):
    name = "jens"
    verbose_name = _("JENS kern")
    default_auto_field = "django.db.models.BigAutoField"

    # Model permissions per role for the core models (see jens.roles).
    rolrechten = {
        **{rol: ["view_gemeente", "view_gebied"] for rol in ALLE_ROLLEN},
        "functioneel_beheerder": [
            "view_gemeente",
            "change_gemeente",
            "view_gebied",
            "change_gebied",
            "add_sluitingsdag",
            "change_sluitingsdag",
            "delete_sluitingsdag",
            "view_sluitingsdag",
            "view_signalering",
            "view_emailbericht",
            "view_toegangslog",
            "view_toegangslogketting",
            "auth.view_user",
            "auth.add_user",
            "auth.change_user",
            "auth.view_group",
            # lift a sign-in lockout (django-axes): delete the failed attempts in the admin
            "axes.view_accessattempt",
            "axes.delete_accessattempt",
            "axes.view_accessfailurelog",
            # the second factor of a user who lost their phone: remove the device so they enrol again
            "otp_totp.view_totpdevice",
            "otp_totp.delete_totpdevice",
            # revoke a lost or leaked API token (tokens are only issued through /api/v1/token/, with the second factor)
            "knox.view_authtoken",
            "knox.delete_authtoken",
            # the satisfaction scores JENS reports each year: entered and corrected here (with history)
            "view_tevredenheidsmeting",
            "add_tevredenheidsmeting",
            "change_tevredenheidsmeting",
        ],
        "management": [
            "view_gemeente",
            "view_gebied",
            "view_signalering",
            "view_sluitingsdag",
            "view_tevredenheidsmeting",
        ],
    }
    navigatie = [
        ("Dashboard", "dashboard:dashboard", ("management", "functioneel_beheerder", "gemeente", "inkoper")),
        ("Halfjaarrapportage", "dashboard:rapportage", ("management", "functioneel_beheerder", "gemeente")),
        ("Beheer", "admin:index", ("functioneel_beheerder", "inkoper", "klachtenfunctionaris")),
        ("API", "api-docs", None),
    ]

    def ready(self) -> None:
        from jens import beveiliging  # noqa: F401 - registers the session start on login
        from jens.mail import SIGNALERING_SOORT as MAIL_SOORT
        from jens.roles import sync_rolrechten
        from jens.signaleringen import registreer_soorten
        from jens.toegangslog import SIGNALERING_SOORT

        registreer_soorten({SIGNALERING_SOORT: "Toegangslog mogelijk gewijzigd (keten gebroken)"})
        registreer_soorten({MAIL_SOORT: "E-mail wordt niet verzonden (outbox loopt vast)"})

        post_migrate.connect(sync_rolrechten, dispatch_uid="jens.sync_rolrechten")
