"""Errors from services in the API: a Django ValidationError becomes a 400 with a Dutch message per field."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler as drf_exception_handler


def als_drf_fout(exc: DjangoValidationError) -> ValidationError:
    """A service's ValidationError as a DRF 400: messages per field, model-wide ones under non_field_errors."""
    if hasattr(exc, "error_dict"):
        return ValidationError(
            {("non_field_errors" if veld == "__all__" else veld): fouten for veld, fouten in exc.message_dict.items()}
        )
    return ValidationError({"non_field_errors": exc.messages})


def exception_handler(exc, context):
    """DRF's handler, plus: a ValidationError a service raised and no view caught is a 400, never a 500."""
    if isinstance(exc, DjangoValidationError):
        exc = als_drf_fout(exc)
    return drf_exception_handler(exc, context)
