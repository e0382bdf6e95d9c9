"""Sign-in pieces around Django's own views: password reset by e-mail through the outbox, and the API token that
only a user with a confirmed second factor gets (password plus the current TOTP code)."""

from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django_otp import match_token
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response
from rest_framework.settings import api_settings

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


class TokenAanvragen(ObtainAuthToken):
    """POST username, password and the current TOTP code; returns the user's API token."""

    serializer_class = TokenAanvraagSerializer
    throttle_classes = api_settings.DEFAULT_THROTTLE_CLASSES  # DRF's own view has none

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token, _nieuw = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key}, status=status.HTTP_200_OK)


token_aanvragen = TokenAanvragen.as_view()
