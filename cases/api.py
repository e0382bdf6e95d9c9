"""The casework API. Thin viewsets: scope in the querysets (cases.selectors.in_scope), every write
through cases.services, every read of a person's detail and every search to the access log.
An object outside the user's scope (or a user without access) gets 404, and the attempt is logged."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from django.http import Http404
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import selectors, services
from cases.models import (
    Evaluatie,
    Hulpvraag,
    Jeugdige,
    MeldcodeAfwijking,
    MeldcodeStap,
    MeldcodeTraject,
    Onderzoek,
    VeiligThuisMelding,
    Zorginzet,
)
from jens.api_fouten import als_drf_fout as fout_400
from jens.audit import log_lijst_inzage, log_toegang, regels_van_client
from jens.models import Gebied, Gemeente, Toegangslog
from jens.roles import heeft_rol
from jens.scope import gebieden_voor

NIET_LOGGEN = {"page", "page_size", "format"}
# The longest free text (signals, notes, a report's description, findings): 5,000 characters, as on the web forms.
MAX_TEKST = 5000


def mag_bsn_zien(user) -> bool:
    return heeft_rol(user, "gedragswetenschapper")


class VeldenPerRol:
    """Leaves out the fields that the user's role does not need (selectors.VERBORGEN_VOOR_MANAGEMENT)."""

    veld_object_type = ""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for veld in selectors.verborgen_velden(self.context["request"].user, self.veld_object_type):
            data.pop(veld, None)
        return data


@extend_schema_field(OpenApiTypes.INT)
class MedewerkerVeld(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        from staff.models import Medewerker

        return Medewerker.objects.all()


@extend_schema_field(OpenApiTypes.INT)
class AanbiederVeld(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        from contracts.models import Zorgaanbieder

        return Zorgaanbieder.objects.all()


@extend_schema_field(OpenApiTypes.INT)
class ContractVeld(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        from contracts.models import Contract

        return Contract.objects.all()


class _ScopedVeld(serializers.PrimaryKeyRelatedField):
    """An object the user may see (others: 'does not exist', so nothing leaks). An attempt to link an
    existing object outside the user's scope is written to the access log as refused."""

    model = None
    client_pad = "jeugdige__clientnummer"

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError:
            try:
                rij = self.model.objects.filter(pk=int(data)).values_list(self.client_pad, flat=True)
                bestaat, client = rij.exists(), rij.first()
            except (TypeError, ValueError, OverflowError):
                bestaat, client = False, None
            if bestaat:
                log_toegang(
                    self.context["request"],
                    actie=Toegangslog.Actie.WIJZIGEN,
                    object_type=self.model._meta.model_name,
                    object_id=data,
                    client=client or "",
                    omschrijving="Geen toegang (koppelen)",
                    toegestaan=False,
                )
            raise


@extend_schema_field(OpenApiTypes.INT)
class ScopedJeugdigeVeld(_ScopedVeld):
    model = Jeugdige
    client_pad = "clientnummer"

    def get_queryset(self):
        return selectors.jeugdigen_voor(self.context["request"].user)


@extend_schema_field(OpenApiTypes.INT)
class ScopedHulpvraagVeld(_ScopedVeld):
    model = Hulpvraag

    def get_queryset(self):
        return selectors.in_scope(Hulpvraag.objects.all(), self.context["request"].user)


@extend_schema_field(OpenApiTypes.INT)
class ScopedVeiligThuisMeldingVeld(_ScopedVeld):
    model = VeiligThuisMelding

    def get_queryset(self):
        return selectors.in_scope(VeiligThuisMelding.objects.all(), self.context["request"].user)


@extend_schema_field(OpenApiTypes.INT)
class ScopedMeldcodeTrajectVeld(_ScopedVeld):
    model = MeldcodeTraject

    def get_queryset(self):
        return selectors.in_scope(MeldcodeTraject.objects.all(), self.context["request"].user)


@extend_schema_field(OpenApiTypes.INT)
class ScopedMeldcodeAfwijkingVeld(_ScopedVeld):
    model = MeldcodeAfwijking

    def get_queryset(self):
        return selectors.in_scope(MeldcodeAfwijking.objects.all(), self.context["request"].user)


# --- Base viewset ----------------------------------------------------------------------------------


class CasusViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Scope, 404 for what is out of scope (logged as geweigerd) and access logging."""

    scope_pad = "jeugdige"
    client_pad = "jeugdige__clientnummer"
    object_type = ""
    lezen_loggen = True
    # A list page that shows case content is a read of every row on it: one log row per page with the
    # ids and clients of all rows. Only the list of young people (initials and year of birth) is not logged.
    lijst_loggen = True

    def basis_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return selectors.in_scope(self.basis_queryset(), self.request.user, pad=self.scope_pad)

    def _client_van(self, pk) -> str:
        try:
            waarde = self.basis_queryset().model.objects.filter(pk=pk).values_list(self.client_pad, flat=True).first()
        except (ValueError, TypeError):
            return ""
        return waarde or ""

    def _geweigerd(self, pk) -> None:
        log_toegang(
            self.request,
            actie=Toegangslog.Actie.INZIEN if self.request.method == "GET" else Toegangslog.Actie.WIJZIGEN,
            object_type=self.object_type,
            object_id=pk,
            client=self._client_van(pk),
            omschrijving=f"Geen toegang ({self.action})",
            toegestaan=False,
        )

    def permission_denied(self, request, message=None, code=None):
        if request.user and request.user.is_authenticated and self.kwargs.get("pk") is not None:
            self._geweigerd(self.kwargs["pk"])
            raise exceptions.NotFound()
        if request.user and request.user.is_authenticated and self.action == "list" and self._filters():
            log_toegang(
                request,
                actie=Toegangslog.Actie.ZOEKEN,
                object_type=self.object_type,
                omschrijving=self._zoekomschrijving(),
                toegestaan=False,
            )
        super().permission_denied(request, message=message, code=code)

    def get_object(self):
        pk = self.kwargs["pk"]
        try:
            obj = self.get_queryset().get(pk=pk)
        except (self.basis_queryset().model.DoesNotExist, ValueError, TypeError):
            self._geweigerd(pk)
            raise Http404 from None
        self.check_object_permissions(self.request, obj)
        return obj

    def _client(self, obj) -> str:
        client = obj
        for deel in self.client_pad.split("__"):
            client = getattr(client, deel)
        return client or ""

    def _log_lijst(self, objs) -> None:
        """A list page read: one access-log row with the ids and clients of every row on it."""
        log_lijst_inzage(
            self.request, object_type=self.object_type, rijen=[(obj.pk, self._client(obj)) for obj in objs]
        )

    def paginate_queryset(self, queryset):
        pagina = super().paginate_queryset(queryset)
        if self.lijst_loggen and pagina is not None:
            self._log_lijst(pagina)
        return pagina

    def _log(self, obj, actie: str, omschrijving: str = "") -> None:
        client = self._client(obj)
        log_toegang(
            self.request,
            actie=actie,
            object_type=self.object_type,
            object_id=obj.pk,
            client=client,
            omschrijving=omschrijving,
        )

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        if self.lezen_loggen:
            self._log(obj, Toegangslog.Actie.INZIEN)
        return Response(self.get_serializer(obj).data)

    def _filters(self) -> dict:
        return {k: v for k, v in self.request.query_params.items() if k not in NIET_LOGGEN and v}

    def _zoekomschrijving(self) -> str:
        delen = []
        for k, v in self._filters().items():
            v = v.replace("\x00", "")  # PostgreSQL refuses NUL in text
            if k == "zoek" and v.strip().isdigit() and len(v.strip()) == 9:
                v = "<BSN>"  # the BSN itself does not go into the log
            delen.append(f"{k}={v}")
        return "Zoeken: " + ", ".join(delen)

    def list(self, request, *args, **kwargs):
        filters_ = self._filters()
        if filters_:
            client = filters_.get("jeugdige__clientnummer") or ""
            if not client and "jeugdige" in filters_:
                client = self._client_van_jeugdige(filters_["jeugdige"])
            log_toegang(
                request,
                actie=Toegangslog.Actie.ZOEKEN,
                object_type=self.object_type,
                client=client,
                omschrijving=self._zoekomschrijving(),
            )
        return super().list(request, *args, **kwargs)

    def _client_van_jeugdige(self, jeugdige_id) -> str:
        try:
            return Jeugdige.objects.filter(pk=int(jeugdige_id)).values_list("clientnummer", flat=True).first() or ""
        except ValueError:
            return ""

    def invoer(self, serializer_class, **context):
        serializer = serializer_class(data=self.request.data, context={"request": self.request, **context})
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def uitvoeren(self, functie, **kwargs):
        try:
            return functie(**kwargs)
        except DjangoValidationError as exc:
            raise fout_400(exc) from exc

    def antwoord(self, obj, actie: str, omschrijving: str = "", status_code=status.HTTP_200_OK):
        obj = self.get_queryset().get(pk=obj.pk)
        self._log(obj, actie, omschrijving)
        return Response(self.get_serializer(obj).data, status=status_code)


# --- Jeugdigen -----------------------------------------------------------------------------------


class JeugdigeLijstSerializer(VeldenPerRol, serializers.ModelSerializer):
    """A list shows initials and year of birth, never the BSN (management: the year of birth only)."""

    veld_object_type = "jeugdige"

    initialen = serializers.CharField(read_only=True)
    geboortejaar = serializers.IntegerField(source="geboortedatum.year", read_only=True)
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    gebied = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Jeugdige
        fields = ["id", "clientnummer", "initialen", "geboortejaar", "gemeente", "gebied"]


class JeugdigeDetailSerializer(JeugdigeLijstSerializer):
    class Meta:
        model = Jeugdige
        fields = [
            *JeugdigeLijstSerializer.Meta.fields,
            "bsn",
            "reden_geen_bsn",
            "achternaam",
            "voornamen",
            "geboortedatum",
            "postcode",
            "huisnummer",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not mag_bsn_zien(self.context["request"].user):
            data.pop("bsn", None)
        return data


class JeugdigeInvoerSerializer(serializers.Serializer):
    bsn = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20)
    reden_geen_bsn = serializers.ChoiceField(choices=Jeugdige.RedenGeenBsn.choices, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=150)
    voornamen = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    postcode = serializers.CharField(max_length=7, required=False, allow_blank=True)
    huisnummer = serializers.CharField(max_length=10, required=False, allow_blank=True)
    gemeente = serializers.SlugRelatedField(slug_field="code", queryset=Gemeente.objects.all())
    gebied = serializers.SlugRelatedField(slug_field="code", queryset=Gebied.objects.all())

    def validate_gebied(self, gebied):
        if not gebieden_voor(self.context["request"].user).filter(pk=gebied.pk).exists():
            raise serializers.ValidationError("U werkt niet in dit gebied.")
        return gebied


class JeugdigeFilter(filters.FilterSet):
    zoek = filters.CharFilter(method="filter_zoek", label="Zoeken (cliëntnummer, BSN, achternaam, geboortedatum)")
    gemeente = filters.CharFilter(field_name="gemeente__code")
    gebied = filters.CharFilter(field_name="gebied__code")

    class Meta:
        model = Jeugdige
        fields = ["zoek", "gemeente", "gebied"]

    def filter_zoek(self, qs, name, value):
        # Who may not see the BSN, a name or a birth date, may not search on it either.
        return selectors.zoek_jeugdigen(
            qs,
            value,
            op_bsn=mag_bsn_zien(self.request.user),
            op_persoonsgegevens=selectors.mag_persoonsgegevens_zien(self.request.user),
        )


class JeugdigeViewSet(mixins.UpdateModelMixin, CasusViewSet):
    object_type = "jeugdige"
    lijst_loggen = False  # initials and year of birth only; the detail is logged
    scope_pad = ""
    client_pad = "clientnummer"
    filterset_class = JeugdigeFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def basis_queryset(self):
        return Jeugdige.objects.select_related("gemeente", "gebied").order_by("clientnummer")

    def get_serializer_class(self):
        return JeugdigeLijstSerializer if self.action == "list" else JeugdigeDetailSerializer

    @extend_schema(request=JeugdigeInvoerSerializer)
    def create(self, request, *args, **kwargs):
        data = self.invoer(JeugdigeInvoerSerializer)
        jeugdige = self.uitvoeren(services.maak_jeugdige, **data)
        return self.antwoord(jeugdige, Toegangslog.Actie.AANMAKEN, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=JeugdigeInvoerSerializer)
    def partial_update(self, request, *args, **kwargs):
        jeugdige = self.get_object()
        serializer = JeugdigeInvoerSerializer(data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        jeugdige = self.uitvoeren(services.wijzig_jeugdige, jeugdige=jeugdige, **serializer.validated_data)
        return self.antwoord(jeugdige, Toegangslog.Actie.WIJZIGEN)


# --- Hulpvragen -----------------------------------------------------------------------------------


class EvaluatieSerializer(VeldenPerRol, serializers.ModelSerializer):
    veld_object_type = "evaluatie"

    class Meta:
        model = Evaluatie
        fields = ["id", "datum", "uitkomst", "toelichting"]


class HulpvraagSerializer(serializers.ModelSerializer):
    clientnummer = serializers.CharField(source="jeugdige.clientnummer", read_only=True)
    evaluaties = EvaluatieSerializer(many=True, read_only=True)

    class Meta:
        model = Hulpvraag
        fields = [
            "id",
            "jeugdige",
            "clientnummer",
            "ontvangen_op",
            "verwijzer",
            "soort",
            "triage",
            "regie",
            "regisseur",
            "dossier_aangemaakt_op",
            "dossier_uiterlijk",
            "kernteam_op",
            "kernteam_uiterlijk",
            "gezinsplan_op",
            "gezinsplan_uiterlijk",
            "evaluatie_uiterlijk",
            "status",
            "afgesloten_op",
            "einde_reden",
            "evaluaties",
        ]
        read_only_fields = fields


class HulpvraagInvoerSerializer(serializers.Serializer):
    jeugdige = ScopedJeugdigeVeld()
    ontvangen_op = serializers.DateField()
    verwijzer = serializers.ChoiceField(choices=Hulpvraag.Verwijzer.choices)
    soort = serializers.ChoiceField(choices=Hulpvraag.Soort.choices)
    regisseur = MedewerkerVeld(required=False, allow_null=True)


class DatumSerializer(serializers.Serializer):
    op = serializers.DateField()


class KernteamSerializer(DatumSerializer):
    triage = serializers.ChoiceField(choices=Hulpvraag.Triage.choices)
    regie = serializers.ChoiceField(choices=Hulpvraag.Regie.choices, required=False, allow_blank=True)
    regisseur = MedewerkerVeld(required=False, allow_null=True)


class RegisseurSerializer(serializers.Serializer):
    regisseur = MedewerkerVeld(allow_null=True)


class EvaluatieInvoerSerializer(serializers.Serializer):
    datum = serializers.DateField()
    uitkomst = serializers.ChoiceField(choices=Evaluatie.Uitkomst.choices)
    toelichting = serializers.CharField(max_length=MAX_TEKST, required=False, allow_blank=True)


class AfsluitenSerializer(DatumSerializer):
    einde_reden = serializers.ChoiceField(choices=Hulpvraag.EindeReden.choices)


class HulpvraagFilter(filters.FilterSet):
    ontvangen_vanaf = filters.DateFilter(field_name="ontvangen_op", lookup_expr="gte")
    ontvangen_tot_en_met = filters.DateFilter(field_name="ontvangen_op", lookup_expr="lte")
    gebied = filters.CharFilter(field_name="jeugdige__gebied__code")

    class Meta:
        model = Hulpvraag
        fields = ["jeugdige", "status", "triage", "soort", "gebied"]


class HulpvraagViewSet(CasusViewSet):
    object_type = "hulpvraag"
    serializer_class = HulpvraagSerializer
    filterset_class = HulpvraagFilter

    def basis_queryset(self):
        return (
            Hulpvraag.objects.select_related("jeugdige").prefetch_related("evaluaties").order_by("-ontvangen_op", "pk")
        )

    @extend_schema(request=HulpvraagInvoerSerializer)
    def create(self, request, *args, **kwargs):
        data = self.invoer(HulpvraagInvoerSerializer)
        hulpvraag = self.uitvoeren(services.registreer_hulpvraag, **data)
        return self.antwoord(hulpvraag, Toegangslog.Actie.AANMAKEN, status_code=status.HTTP_201_CREATED)

    def _actie(self, serializer_class, functie, omschrijving, **vertaling):
        hulpvraag = self.get_object()
        data = self.invoer(serializer_class)
        for van, naar in vertaling.items():
            data[naar] = data.pop(van)
        self.uitvoeren(functie, hulpvraag=hulpvraag, **data)
        return self.antwoord(hulpvraag, Toegangslog.Actie.WIJZIGEN, omschrijving)

    @extend_schema(request=DatumSerializer)
    @action(detail=True, methods=["post"])
    def dossier(self, request, pk=None):
        return self._actie(DatumSerializer, services.maak_dossier, "Dossier aangemaakt")

    @extend_schema(request=KernteamSerializer)
    @action(detail=True, methods=["post"])
    def kernteam(self, request, pk=None):
        return self._actie(KernteamSerializer, services.houd_kernteam, "Kernteam gehouden")

    @extend_schema(request=DatumSerializer)
    @action(detail=True, methods=["post"])
    def gezinsplan(self, request, pk=None):
        return self._actie(DatumSerializer, services.stel_gezinsplan_vast, "Gezinsplan vastgesteld")

    @extend_schema(request=RegisseurSerializer)
    @action(detail=True, methods=["post"])
    def regisseur(self, request, pk=None):
        return self._actie(RegisseurSerializer, services.wijs_regisseur_toe, "Regisseur toegewezen")

    @extend_schema(request=EvaluatieInvoerSerializer)
    @action(detail=True, methods=["post"])
    def evaluaties(self, request, pk=None):
        return self._actie(EvaluatieInvoerSerializer, services.registreer_evaluatie, "Doelenevaluatie vastgelegd")

    @extend_schema(request=AfsluitenSerializer)
    @action(detail=True, methods=["post"])
    def afsluiten(self, request, pk=None):
        return self._actie(AfsluitenSerializer, services.sluit_hulpvraag, "Hulpvraag afgesloten")


# --- Zorginzet ------------------------------------------------------------------------------------


class ZorginzetSerializer(serializers.ModelSerializer):
    clientnummer = serializers.CharField(source="jeugdige.clientnummer", read_only=True)
    gebied = serializers.SlugRelatedField(slug_field="code", read_only=True)
    zorgaanbieder_naam = serializers.CharField(source="zorgaanbieder.naam", read_only=True, default=None)
    wachtend = serializers.SerializerMethodField()

    class Meta:
        model = Zorginzet
        fields = [
            "id",
            "hulpvraag",
            "clientnummer",
            "gebied",
            "zorgaanbieder",
            "zorgaanbieder_naam",
            "contract",
            "vorm",
            "aangemeld_op",
            "gestart_op",
            "beeindigd_op",
            "overbrugging",
            "wachtend",
        ]
        read_only_fields = fields

    def get_wachtend(self, obj) -> bool:
        return obj.gestart_op is None


class ZorginzetInvoerSerializer(serializers.Serializer):
    hulpvraag = ScopedHulpvraagVeld()
    vorm = serializers.ChoiceField(choices=Zorginzet.Vorm.choices)
    aangemeld_op = serializers.DateField()
    gebied = serializers.SlugRelatedField(slug_field="code", queryset=Gebied.objects.all(), required=False)
    zorgaanbieder = AanbiederVeld(required=False)
    contract = ContractVeld(required=False)
    overbrugging = serializers.BooleanField(required=False, default=False)


class ZorginzetFilter(filters.FilterSet):
    wachtend = filters.BooleanFilter(field_name="gestart_op", lookup_expr="isnull")
    gebied = filters.CharFilter(field_name="gebied__code")

    class Meta:
        model = Zorginzet
        fields = ["hulpvraag", "vorm", "zorgaanbieder", "gebied", "overbrugging", "wachtend"]


class ZorginzetViewSet(CasusViewSet):
    object_type = "zorginzet"
    # the care row's own copy of its young person (cases.zorgperiodes keeps it in step): no join of the requests
    scope_pad = "jeugdige"
    client_pad = "jeugdige__clientnummer"
    serializer_class = ZorginzetSerializer
    filterset_class = ZorginzetFilter

    def basis_queryset(self):
        return Zorginzet.objects.select_related("jeugdige", "gebied", "zorgaanbieder").order_by("-aangemeld_op", "pk")

    @extend_schema(request=ZorginzetInvoerSerializer)
    def create(self, request, *args, **kwargs):
        data = self.invoer(ZorginzetInvoerSerializer)
        zorginzet = self.uitvoeren(services.registreer_zorginzet, **data)
        return self.antwoord(zorginzet, Toegangslog.Actie.AANMAKEN, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=DatumSerializer)
    @action(detail=True, methods=["post"])
    def starten(self, request, pk=None):
        zorginzet = self.get_object()
        data = self.invoer(DatumSerializer)
        self.uitvoeren(services.start_zorginzet, zorginzet=zorginzet, op=data["op"])
        return self.antwoord(zorginzet, Toegangslog.Actie.WIJZIGEN, "Zorg gestart")

    @extend_schema(request=DatumSerializer)
    @action(detail=True, methods=["post"])
    def beeindigen(self, request, pk=None):
        zorginzet = self.get_object()
        data = self.invoer(DatumSerializer)
        self.uitvoeren(services.beeindig_zorginzet, zorginzet=zorginzet, op=data["op"])
        return self.antwoord(zorginzet, Toegangslog.Actie.WIJZIGEN, "Zorg beëindigd")


# --- Meldcode -------------------------------------------------------------------------------------


class MeldcodeStapSerializer(VeldenPerRol, serializers.ModelSerializer):
    veld_object_type = "meldcodestap"

    professional_naam = serializers.CharField(source="professional.naam", read_only=True)

    class Meta:
        model = MeldcodeStap
        fields = [
            "id",
            "stap",
            "datum",
            "professional",
            "professional_naam",
            "notitie",
            "veilig_thuis_geraadpleegd",
            *services.VRAGEN,
            "besluit",
        ]


class MeldcodeTrajectSerializer(VeldenPerRol, serializers.ModelSerializer):
    veld_object_type = "meldcodetraject"

    clientnummer = serializers.CharField(source="jeugdige.clientnummer", read_only=True)
    stappen = MeldcodeStapSerializer(many=True, read_only=True)

    class Meta:
        model = MeldcodeTraject
        fields = [
            "id",
            "jeugdige",
            "clientnummer",
            "gestart_op",
            "signalen",
            "besluit",
            "gemeld_op",
            "terugkoppeling_uiterlijk",
            "terugkoppeling_op",
            "terugkoppeling",
            "herbeoordeling_op",
            "stappen",
        ]
        read_only_fields = fields


class MeldcodeLijstSerializer(MeldcodeTrajectSerializer):
    """The list leaves out the signals and the notes (those are read, and logged, on the detail)."""

    class Meta(MeldcodeTrajectSerializer.Meta):
        fields = ["id", "jeugdige", "clientnummer", "gestart_op", "besluit", "gemeld_op", "terugkoppeling_op"]
        read_only_fields = fields


class MeldcodeInvoerSerializer(serializers.Serializer):
    jeugdige = ScopedJeugdigeVeld()
    gestart_op = serializers.DateField()
    signalen = serializers.CharField(max_length=MAX_TEKST)


class MeldcodeStapInvoerSerializer(serializers.Serializer):
    stap = serializers.IntegerField(min_value=1, max_value=5)
    datum = serializers.DateField()
    professional = MedewerkerVeld()
    notitie = serializers.CharField(max_length=MAX_TEKST, required=False, allow_blank=True)
    veilig_thuis_geraadpleegd = serializers.BooleanField(required=False, allow_null=True, default=None)
    vermoeden = serializers.BooleanField(required=False, allow_null=True, default=None)
    acute_of_structurele_onveiligheid = serializers.BooleanField(required=False, allow_null=True, default=None)
    effectieve_hulp_mogelijk = serializers.BooleanField(required=False, allow_null=True, default=None)
    hulp_geaccepteerd = serializers.BooleanField(required=False, allow_null=True, default=None)
    resultaat_binnen_termijn = serializers.BooleanField(required=False, allow_null=True, default=None)
    besluit = serializers.ChoiceField(choices=MeldcodeTraject.Besluit.choices, required=False, allow_blank=True)
    gemeld_op = serializers.DateField(required=False, allow_null=True)


class TerugkoppelingSerializer(DatumSerializer):
    terugkoppeling = serializers.CharField(max_length=MAX_TEKST)
    herbeoordeling_op = serializers.DateField(required=False, allow_null=True)


class MeldcodeTrajectViewSet(CasusViewSet):
    object_type = "meldcodetraject"
    filterset_fields = ["jeugdige", "besluit"]

    def basis_queryset(self):
        return (
            MeldcodeTraject.objects.select_related("jeugdige")
            .prefetch_related(Prefetch("stappen", MeldcodeStap.objects.select_related("professional")))
            .order_by("-gestart_op", "pk")
        )

    def get_serializer_class(self):
        return MeldcodeLijstSerializer if self.action == "list" else MeldcodeTrajectSerializer

    @extend_schema(request=MeldcodeInvoerSerializer)
    def create(self, request, *args, **kwargs):
        data = self.invoer(MeldcodeInvoerSerializer)
        traject = self.uitvoeren(services.start_meldcode, **data)
        return self.antwoord(traject, Toegangslog.Actie.AANMAKEN, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=MeldcodeStapInvoerSerializer)
    @action(detail=True, methods=["post"])
    def stappen(self, request, pk=None):
        traject = self.get_object()
        data = self.invoer(MeldcodeStapInvoerSerializer)
        antwoorden = {v: data.pop(v) for v in services.VRAGEN}
        self.uitvoeren(services.registreer_meldcode_stap, traject=traject, antwoorden=antwoorden, **data)
        return self.antwoord(traject, Toegangslog.Actie.WIJZIGEN, f"Meldcode stap {data['stap']} vastgelegd")

    @extend_schema(request=TerugkoppelingSerializer)
    @action(detail=True, methods=["post"])
    def terugkoppeling(self, request, pk=None):
        traject = self.get_object()
        data = self.invoer(TerugkoppelingSerializer)
        self.uitvoeren(services.registreer_terugkoppeling, traject=traject, **data)
        return self.antwoord(traject, Toegangslog.Actie.WIJZIGEN, "Terugkoppeling Veilig Thuis vastgelegd")


# --- Veilig Thuis and investigations --------------------------------------------------------------


class VeiligThuisMeldingSerializer(VeldenPerRol, serializers.ModelSerializer):
    veld_object_type = "veiligthuismelding"

    clientnummer = serializers.CharField(source="jeugdige.clientnummer", read_only=True)
    opgevolgd_door_naam = serializers.CharField(source="opgevolgd_door.naam", read_only=True, default=None)
    te_laat = serializers.SerializerMethodField()

    class Meta:
        model = VeiligThuisMelding
        fields = [
            "id",
            "jeugdige",
            "clientnummer",
            "ontvangen_op",
            "omschrijving",
            "opvolgen_uiterlijk",
            "opgevolgd_op",
            "opgevolgd_door",
            "opgevolgd_door_naam",
            "wijze",
            "overgedragen_aan",
            "notitie",
            "te_laat",
        ]
        read_only_fields = fields

    def get_te_laat(self, obj) -> bool:
        if obj.opgevolgd_op:
            return obj.opgevolgd_op > obj.opvolgen_uiterlijk
        return services.vandaag() > obj.opvolgen_uiterlijk


class VeiligThuisMeldingInvoerSerializer(serializers.Serializer):
    jeugdige = ScopedJeugdigeVeld()
    ontvangen_op = serializers.DateField()
    omschrijving = serializers.CharField(max_length=MAX_TEKST)


class OpvolgenSerializer(DatumSerializer):
    door = MedewerkerVeld()
    wijze = serializers.ChoiceField(choices=VeiligThuisMelding.Wijze.choices)
    overgedragen_aan = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    notitie = serializers.CharField(max_length=MAX_TEKST, required=False, allow_blank=True, default="")


class VeiligThuisMeldingFilter(filters.FilterSet):
    opgevolgd = filters.BooleanFilter(field_name="opgevolgd_op", lookup_expr="isnull", exclude=True)

    class Meta:
        model = VeiligThuisMelding
        fields = ["jeugdige", "opgevolgd"]


class VeiligThuisMeldingViewSet(CasusViewSet):
    object_type = "veiligthuismelding"
    serializer_class = VeiligThuisMeldingSerializer
    filterset_class = VeiligThuisMeldingFilter

    def basis_queryset(self):
        return VeiligThuisMelding.objects.select_related("jeugdige", "opgevolgd_door").order_by("-ontvangen_op", "pk")

    @extend_schema(request=VeiligThuisMeldingInvoerSerializer)
    def create(self, request, *args, **kwargs):
        data = self.invoer(VeiligThuisMeldingInvoerSerializer)
        melding = self.uitvoeren(services.registreer_vt_melding, **data)
        return self.antwoord(melding, Toegangslog.Actie.AANMAKEN, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=OpvolgenSerializer)
    @action(detail=True, methods=["post"])
    def opvolgen(self, request, pk=None):
        melding = self.get_object()
        data = self.invoer(OpvolgenSerializer)
        self.uitvoeren(services.volg_vt_melding_op, melding=melding, **data)
        return self.antwoord(melding, Toegangslog.Actie.WIJZIGEN, "Veilig Thuis-melding opgevolgd")


class OnderzoekSerializer(VeldenPerRol, serializers.ModelSerializer):
    veld_object_type = "onderzoek"

    clientnummer = serializers.CharField(source="jeugdige.clientnummer", read_only=True)

    class Meta:
        model = Onderzoek
        fields = [
            "id",
            "jeugdige",
            "clientnummer",
            "reden",
            "veilig_thuis_melding",
            "gestart_op",
            "bevindingen",
            "maatregelen",
            "afgerond_op",
        ]
        read_only_fields = fields


class OnderzoekInvoerSerializer(serializers.Serializer):
    jeugdige = ScopedJeugdigeVeld()
    reden = serializers.ChoiceField(choices=Onderzoek.Reden.choices)
    gestart_op = serializers.DateField()
    veilig_thuis_melding = ScopedVeiligThuisMeldingVeld(required=False, allow_null=True)
    afwijking = ScopedMeldcodeAfwijkingVeld(required=False, allow_null=True)


class MeldcodeAfwijkingSerializer(VeldenPerRol, serializers.ModelSerializer):
    veld_object_type = "meldcodeafwijking"

    clientnummer = serializers.CharField(source="jeugdige.clientnummer", read_only=True)

    class Meta:
        model = MeldcodeAfwijking
        fields = [
            "id",
            "jeugdige",
            "clientnummer",
            "soort",
            "traject",
            "stap",
            "vastgesteld_op",
            "toelichting",
            "onderzoek",
        ]
        read_only_fields = fields


class MeldcodeAfwijkingInvoerSerializer(serializers.Serializer):
    jeugdige = ScopedJeugdigeVeld()
    soort = serializers.ChoiceField(
        choices=[
            (s.value, s.label)
            for s in (MeldcodeAfwijking.Soort.NIET_GESTART, MeldcodeAfwijking.Soort.STAP_OVERGESLAGEN)
        ]
    )
    vastgesteld_op = serializers.DateField()
    traject = ScopedMeldcodeTrajectVeld(required=False, allow_null=True)
    stap = serializers.IntegerField(required=False, allow_null=True)
    toelichting = serializers.CharField(max_length=MAX_TEKST)


class MeldcodeAfwijkingViewSet(CasusViewSet):
    """Deviations from the Meldcode: recorded by the gedragswetenschapper, read by management (without
    the explanation), nothing for other roles."""

    object_type = "meldcodeafwijking"
    serializer_class = MeldcodeAfwijkingSerializer
    filterset_fields = ["jeugdige", "soort"]

    def basis_queryset(self):
        return MeldcodeAfwijking.objects.select_related("jeugdige").order_by("-vastgesteld_op", "pk")

    @extend_schema(request=MeldcodeAfwijkingInvoerSerializer)
    def create(self, request, *args, **kwargs):
        data = self.invoer(MeldcodeAfwijkingInvoerSerializer)
        afwijking = self.uitvoeren(services.registreer_meldcode_afwijking, **data)
        return self.antwoord(afwijking, Toegangslog.Actie.AANMAKEN, status_code=status.HTTP_201_CREATED)


class AfrondenSerializer(DatumSerializer):
    bevindingen = serializers.CharField(max_length=MAX_TEKST)
    maatregelen = serializers.CharField(max_length=MAX_TEKST, required=False, allow_blank=True, default="")


class OnderzoekViewSet(CasusViewSet):
    object_type = "onderzoek"
    serializer_class = OnderzoekSerializer
    filterset_fields = ["jeugdige", "reden"]

    def basis_queryset(self):
        return Onderzoek.objects.select_related("jeugdige").order_by("-gestart_op", "pk")

    @extend_schema(request=OnderzoekInvoerSerializer)
    def create(self, request, *args, **kwargs):
        data = self.invoer(OnderzoekInvoerSerializer)
        onderzoek = self.uitvoeren(services.start_onderzoek, **data)
        return self.antwoord(onderzoek, Toegangslog.Actie.AANMAKEN, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=AfrondenSerializer)
    @action(detail=True, methods=["post"])
    def afronden(self, request, pk=None):
        onderzoek = self.get_object()
        data = self.invoer(AfrondenSerializer)
        self.uitvoeren(services.rond_onderzoek_af, onderzoek=onderzoek, **data)
        return self.antwoord(onderzoek, Toegangslog.Actie.WIJZIGEN, "Onderzoek afgerond")


# --- Access log per client (functioneel beheerder) ------------------------------------------------


class ToegangslogSerializer(serializers.ModelSerializer):
    class Meta:
        model = Toegangslog
        fields = [
            "id",
            "tijdstip",
            "gebruikersnaam",
            "rol",
            "actie",
            "object_type",
            "object_id",
            "client",
            "object_ids",
            "clienten",
            "omschrijving",
            "ip_adres",
            "werkplek",
            "uitkomst",
        ]


class ToegangslogFilter(filters.FilterSet):
    client = filters.CharFilter(method="filter_client", label="Cliënt (ook in lijsten waarin de cliënt stond)")

    class Meta:
        model = Toegangslog
        fields = ["client", "uitkomst", "actie", "object_type"]

    def filter_client(self, qs, name, value):
        value = value.replace("\x00", "").strip()
        return qs.filter(pk__in=regels_van_client(value).values("pk")) if value else qs


class ToegangslogViewSet(viewsets.ReadOnlyModelViewSet):
    """The access log, filtered per client (``?client=C0000001``): for the functioneel beheerder."""

    serializer_class = ToegangslogSerializer
    filterset_class = ToegangslogFilter
    rollen = ("functioneel_beheerder",)
    queryset = Toegangslog.objects.order_by("-tijdstip", "-pk")

    def _log(self, *, object_id="", client="", omschrijving="") -> None:
        log_toegang(
            self.request,
            actie=Toegangslog.Actie.INZIEN,
            object_type="toegangslog",
            object_id=object_id,
            client=client[:64],
            omschrijving=omschrijving,
        )

    def list(self, request, *args, **kwargs):
        antwoord = super().list(request, *args, **kwargs)
        filters_ = {k: v.replace("\x00", "") for k, v in request.query_params.items()}
        self._log(
            client=filters_.get("client", ""),
            omschrijving="Toegangslog: " + ", ".join(f"{k}={v}" for k, v in filters_.items()),
        )
        return antwoord

    def retrieve(self, request, *args, **kwargs):
        regel = self.get_object()
        self._log(object_id=regel.pk, client=regel.client, omschrijving="Toegangslogregel")
        return Response(self.get_serializer(regel).data)


# --- Reports ----------------------------------------------------------------------------------------


class RapportBasis(APIView):
    """Aggregates only. Management: all municipalities (or ``?gemeente=code``); a gemeente user: their
    own municipality, with counts under 5 shown as "<5"."""

    rollen = selectors.RAPPORT_ROLLEN

    def parameters(self, request):
        try:
            periode = selectors.rapportperiode(request.query_params.get("periode", ""))
        except ValueError as exc:
            raise exceptions.ValidationError({"periode": [str(exc)]}) from exc
        gevraagd = None
        if code := request.query_params.get("gemeente", "").replace("\x00", ""):
            gevraagd = Gemeente.objects.filter(code=code).first()
            if gevraagd is None:
                raise exceptions.ValidationError({"gemeente": ["Onbekende gemeente."]})
        gemeente = selectors.gemeente_voor_rapport(request.user, gevraagd)
        if gemeente is None and not heeft_rol(request.user, *selectors.RAPPORT_ONBEPERKT):
            raise exceptions.NotFound()
        return periode, gemeente

    def uitvoer(self, request, data):
        if heeft_rol(request.user, *selectors.RAPPORT_ONBEPERKT):
            return Response(data)
        return Response(selectors.maskeer(data))


RAPPORT_PARAMETERS = [
    OpenApiParameter("periode", str, required=True, description="2023H1, 2023 of 2023-01-01..2023-06-30"),
    OpenApiParameter("gemeente", str, required=False, description="gemeentecode (alleen management)"),
]


class ClientenRapportView(RapportBasis):
    @extend_schema(parameters=RAPPORT_PARAMETERS, responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        periode, gemeente = self.parameters(request)
        data = selectors.clienten_rapport(periode, gemeente=gemeente)
        data["per_maand"] = selectors.clienten_per_maand(periode, gemeente=gemeente)
        return self.uitvoer(request, data)


class CasuistiekRapportView(RapportBasis):
    @extend_schema(parameters=RAPPORT_PARAMETERS, responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        periode, gemeente = self.parameters(request)
        data = {
            "periode": periode.label,
            "normen": selectors.norm_cijfers(periode, gemeente=gemeente),
            "veilig_thuis": selectors.veilig_thuis_cijfers(periode, gemeente=gemeente),
            "meldcode": selectors.meldcode_cijfers(periode, gemeente=gemeente),
            "meldcode_afwijkingen": selectors.meldcode_afwijking_cijfers(periode, gemeente=gemeente),
            "aandeel_gebiedsteam": selectors.aandeel_gebiedsteam(periode, gemeente=gemeente),
            "wachtlijst_per_gebied": selectors.wachtlijst(op=periode.tot, per="gebied", gemeente=gemeente),
            "wachtlijst_per_aanbieder": selectors.wachtlijst(op=periode.tot, per="zorgaanbieder", gemeente=gemeente),
            "wachtlijst_per_vorm": selectors.wachtlijst(op=periode.tot, per="vorm", gemeente=gemeente),
            "top_aanbieders": selectors.top_aanbieders(periode, gemeente=gemeente),
            "einde_redenen": selectors.einde_redenen(periode, gemeente=gemeente),
            "klantreis": selectors.klantreis_cijfers(periode, gemeente=gemeente),
            "wachtlijst_per_kwartaal": selectors.wachtlijst_per_kwartaal(periode, gemeente=gemeente),
        }
        einde = selectors.einde_redenen_rapport(periode, gemeente=gemeente)
        hulpvragen = selectors.hulpvragen_per_maand(periode, gemeente=gemeente)
        if not heeft_rol(request.user, *selectors.RAPPORT_ONBEPERKT):
            # parts of a total that is shown: their own rule on top of the small-count rule
            einde, hulpvragen = (
                selectors.maskeer_einde_redenen(einde),
                selectors.maskeer_hulpvragen_per_maand(hulpvragen),
            )
        response = self.uitvoer(request, data)
        response.data.update({"einde_redenen_rapport": einde, "hulpvragen_per_maand": hulpvragen})
        return response
