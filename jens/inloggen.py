"""Sign-in pieces around Django's own views: password reset by e-mail through the outbox, and the API token that
only a user with a confirmed second factor gets (password plus the current TOTP code).

API tokens are django-rest-knox tokens: the database keeps only a SHA-512 digest of each token (and its first
characters, to find it), never the token itself, and every token expires after ``JENS_API_TOKEN_UREN`` hours.
``POST /api/v1/token/intrekken/`` revokes the token it is sent with, ``/api/v1/token/alle-intrekken/`` every token
of its user."""

from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django_otp import match_token
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from drf_spectacular.utils import extend_schema, inline_serializer
from knox.models import get_token_model
from knox.settings import knox_settings
from knox.views import LogoutAllView, LogoutView
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings

from jens.api_tokens import ApiTokenAuthenticatie
from jens.mail import queue_email
from jens.tweede_factor import mag_token_krijgen


class WachtwoordHerstelForm(PasswordResetForm):
    """Django's reset form (the same answer whether or not the address is known), sent through the outbox so a
    mail server that is down delays the message instead of losing it."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        onderwerp = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        tekst = loader.render_to_string(email_template_name, context)
        queue_email(aan=[to_email], onderwerp=onderwerp, tekst=tekst)


class ApiTokenSchema(OpenApiAuthenticationExtension):
    """The OpenAPI description of the token: a header ``Authorization: Token <token>``."""

    target_class = "jens.api_tokens.ApiTokenAuthenticatie"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        schema = build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Token")
        schema["description"] = (
            "Een API-token uit POST /api/v1/token/ (wachtwoord plus de code van de tweede factor). "
            f"Het verloopt {knox_settings.TOKEN_TTL} na de aanvraag; de database bewaart alleen een hash."
        )
        return schema


class TokenAanvraagSerializer(serializers.Serializer):
    username = serializers.CharField(label="Gebruikersnaam", max_length=150)
    password = serializers.CharField(label="Wachtwoord", max_length=256, style={"input_type": "password"})
    code = serializers.CharField(label="Code uit de authenticator-app", max_length=6, min_length=6)

    def validate(self, attrs):
        user = authenticate(request=self.context.get("request"), username=attrs["username"], password=attrs["password"])
        if user is None or not user.is_active:
            raise serializers.ValidationError(
                {"non_field_errors": ["Gebruikersnaam en wachtwoord horen niet bij elkaar."]}, code="authorization"
            )
        if not mag_token_krijgen(user):
            raise serializers.ValidationError(
                {"code": ["Een API-token krijgt alleen wie een tweede factor heeft ingesteld (/tweede-factor/)."]}
            )
        if match_token(user, attrs["code"]) is None:
            raise serializers.ValidationError({"code": ["Deze code klopt niet of is verlopen."]})
        attrs["user"] = user
        return attrs


TokenAntwoord = inline_serializer(
    "ApiTokenAntwoord",
    {
        "token": serializers.CharField(help_text="Eenmalig getoond; meesturen als 'Authorization: Token <token>'."),
        "verloopt_op": serializers.DateTimeField(help_text="Na dit moment weigert de API het token (401)."),
    },
)


class TokenAanvragen(GenericAPIView):
    """POST username, password and the current TOTP code; returns a new API token and when it expires."""

    serializer_class = TokenAanvraagSerializer
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = api_settings.DEFAULT_THROTTLE_CLASSES

    @extend_schema(
        summary="API-token aanvragen",
        description="Met gebruikersnaam, wachtwoord en de code van nu uit de authenticator-app. Alleen voor wie "
        "een bevestigde tweede factor heeft. Het token verloopt na JENS_API_TOKEN_UREN uur.",
        responses={200: TokenAntwoord},
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instantie, token = get_token_model().objects.create(
            user=serializer.validated_data["user"], expiry=knox_settings.TOKEN_TTL
        )
        verloopt = serializers.DateTimeField().to_representation(instantie.expiry)
        return Response({"token": token, "verloopt_op": verloopt}, status=status.HTTP_200_OK)


class TokenIntrekken(LogoutView):
    """Revoke the token this request is sent with."""

    authentication_classes = (ApiTokenAuthenticatie,)
    throttle_classes = api_settings.DEFAULT_THROTTLE_CLASSES

    @extend_schema(summary="Dit API-token intrekken", request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format)


class AlleTokensIntrekken(LogoutAllView):
    """Revoke every token of the user this request's token belongs to."""

    authentication_classes = (ApiTokenAuthenticatie,)
    throttle_classes = api_settings.DEFAULT_THROTTLE_CLASSES

    @extend_schema(summary="Alle API-tokens van deze gebruiker intrekken", request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format)


token_aanvragen = TokenAanvragen.as_view()
token_intrekken = TokenIntrekken.as_view()
alle_tokens_intrekken = AlleTokensIntrekken.as_view()
