from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from jens.roles import ROL_LABELS, heeft_rol, rollen_van


def navigatie(request) -> dict:
    """The navigation of the signed-in user: every app's ``navigatie`` items their roles may use."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"navigatie": [], "sso_aan": settings.JENS_OIDC_AAN}
    items = []
    configs = sorted(apps.get_app_configs(), key=lambda c: c.label == "jens")  # the core's items last
    for config in configs:
        for label, url_name, rollen in getattr(config, "navigatie", []):
            if rollen is not None and not heeft_rol(user, *rollen):
                continue
            try:
                items.append({"label": label, "url": reverse(url_name)})
            except NoReverseMatch:
                continue
    rol_namen = [str(ROL_LABELS.get(r, r)) for r in sorted(rollen_van(user))]
    return {"navigatie": items, "rol_namen": rol_namen}
