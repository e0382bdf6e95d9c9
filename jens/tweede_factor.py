"""The second factor (TOTP through django-otp): enrolment with a QR code the application draws itself (SVG, the
``qrcode`` package, no outside service), verification after the password, and the rule for API tokens."""

from base64 import b32encode
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from jens.beveiliging import is_geverifieerd

TOESTEL_NAAM = "authenticator-app"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw authenticator-app",
        min_length=6,
        max_length=6,
        error_messages={
            "required": "Vul de code van zes cijfers in.",
            "min_length": "De code heeft zes cijfers.",
            "max_length": "De code heeft zes cijfers.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError("De code bestaat alleen uit cijfers.")
        return code


def mag_token_krijgen(user) -> bool:
    """API tokens only for a user with a confirmed second factor."""
    return bool(getattr(user, "is_authenticated", False)) and user_has_device(user, confirmed=True)


def qr_svg(tekst: str) -> str:
    """The QR code of ``tekst`` as inline SVG (paths only: no script, no style)."""
    afbeelding = qrcode.make(tekst, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    uitvoer = BytesIO()
    afbeelding.save(uitvoer)
    svg = uitvoer.getvalue().decode("utf-8")
    return svg[svg.index("<svg") :]


def _volgende(request: HttpRequest) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if doel and url_has_allowed_host_and_scheme(doel, allowed_hosts={request.get_host()}, require_https=False):
        return doel
    return "/"


def _bevestigd_toestel(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


@never_cache
@login_required
def bevestigen(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the app. A user without a confirmed device is sent to enrolment."""
    toestel = _bevestigd_toestel(request.user)
    if toestel is None:
        return redirect(f"{reverse('tweede-factor-instellen')}?{urlencode({'next': _volgende(request)})}")
    if is_geverifieerd(request.user):
        return redirect(_volgende(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegestaan, _wacht = toestel.verify_is_allowed()
        if not toegestaan:
            form.add_error("code", "Te veel foute codes achter elkaar. Wacht even en probeer het opnieuw.")
        elif toestel.verify_token(form.cleaned_data["code"]):
            otp_login(request, toestel)
            return redirect(_volgende(request))
        else:
            form.add_error("code", "Deze code klopt niet of is verlopen. Vul de code in die de app nu toont.")
    return render(request, "registration/tweede_factor.html", {"form": form, "next": _volgende(request)})


@never_cache
@login_required
def instellen(request: HttpRequest) -> HttpResponse:
    """Enrolment: a new TOTP secret shown as QR code and as text; confirmed by the first correct code.

    A user who already has a confirmed device must verify it first (in this session) before adding another."""
    if _bevestigd_toestel(request.user) is not None and not is_geverifieerd(request.user):
        return redirect(f"{reverse('tweede-factor')}?{urlencode({'next': _volgende(request)})}")
    toestel = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("pk").first()
    if toestel is None:
        toestel = TOTPDevice.objects.create(user=request.user, name=TOESTEL_NAAM, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if toestel.verify_token(form.cleaned_data["code"]):
            toestel.confirmed = True
            toestel.save(update_fields=["confirmed"])
            otp_login(request, toestel)
            return redirect(_volgende(request))
        form.add_error("code", "Deze code klopt niet. Controleer de tijd op uw telefoon en vul de nieuwe code in.")
    geheim = b32encode(toestel.bin_key).decode("ascii").rstrip("=")
    return render(
        request,
        "registration/tweede_factor_instellen.html",
        {
            "form": form,
            "next": _volgende(request),
            "qr": mark_safe(qr_svg(toestel.config_url)),  # noqa: S308 - SVG made by the qrcode package
            "geheim": " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4)),
        },
    )
