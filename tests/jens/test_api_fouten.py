from django.core.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from jens.api_fouten import als_drf_fout


class DienstMetFout(APIView):
    permission_classes = [AllowAny]
    fout: ValidationError = ValidationError("")

    def post(self, request):
        raise self.fout


def test_servicefout_per_veld_wordt_400():
    view = DienstMetFout.as_view(fout=ValidationError({"kvk_nummer": "Vul precies 8 cijfers in."}))
    response = view(APIRequestFactory().post("/"))
    assert response.status_code == 400
    assert response.data == {"kvk_nummer": ["Vul precies 8 cijfers in."]}


def test_modelbrede_fout_onder_non_field_errors():
    assert als_drf_fout(ValidationError({"__all__": ["Periodes overlappen."]})).detail == {
        "non_field_errors": ["Periodes overlappen."]
    }
    assert als_drf_fout(ValidationError("Niet toegestaan.")).detail == {"non_field_errors": ["Niet toegestaan."]}
