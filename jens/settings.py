"""Settings of the JENS werkplaats.

Everything comes from environment variables (see the README for each one and its default).
With nothing set the project runs on SQLite and an embedded Celery broker (kombu's filesystem
transport), so it starts on a laptop without PostgreSQL or Redis. ``DJANGO_PROFILE=production``
switches to the production profile.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
PROFILE = env.str("DJANGO_PROFILE", default="development")
if PROFILE not in {"development", "production"}:
    raise ValueError("DJANGO_PROFILE moet 'development' of 'production' zijn")
PRODUCTION = PROFILE == "production"

DATA_DIR = Path(env.str("JENS_DATA_DIR", default=str(BASE_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

if PRODUCTION:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")
    DEBUG = env.bool("DJANGO_DEBUG", default=False)
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="development-only-key-not-for-production-use-0123456789abcdef")
    DEBUG = env.bool("DJANGO_DEBUG", default=True)
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])

CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# Number of reverse proxies in front of the application whose X-Forwarded-For we trust (0 = none).
JENS_VERTROUWDE_PROXIES = env.int("JENS_VERTROUWDE_PROXIES", default=0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "jens",
    "contracts",
    "staff",
    "complaints",
    "cases",
    "financien",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jens.middleware.GeenNulInQueryString",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "jens.middleware.GeenOpslagInCache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "jens.beveiliging.SessieVerloopMiddleware",
    "jens.beveiliging.TweedeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jens.urls"
WSGI_APPLICATION = "jens.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jens.context_processors.navigatie",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'jens.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # PostgreSQL's JIT compiles the report aggregates anew on every run (0.5-0.7 s at 1M requests, more than
    # the query itself); off unless DATABASE_JIT=True.
    if not env.bool("DATABASE_JIT", default=False):
        DATABASES["default"].setdefault("OPTIONS", {})
        DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
else:
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, cache and Celery ----------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(DATA_DIR / "celery" / "berichten"),
        "data_folder_out": str(DATA_DIR / "celery" / "berichten"),
        "processed_folder": str(DATA_DIR / "celery" / "verwerkt"),
        "control_folder": str(DATA_DIR / "celery" / "control"),
        "store_processed": False,
    }
    # The embedded broker needs its folders before the first message.
    for _folder in ("berichten", "verwerkt", "control"):
        (DATA_DIR / "celery" / _folder).mkdir(parents=True, exist_ok=True)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE_FILENAME = env.str("CELERY_BEAT_SCHEDULE_FILENAME", default=str(DATA_DIR / "celerybeat-schedule"))
JENS_HARTSLAG_SECONDEN = env.int("JENS_HARTSLAG_SECONDEN", default=60)

# --- Authentication -------------------------------------------------------------------------
# django-axes first: it refuses a locked-out user or IP address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
CSRF_FAILURE_VIEW = "jens.foutpaginas.csrf_fout"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = env.int("JENS_WACHTWOORD_HERSTEL_SECONDEN", default=60 * 60)

# Lockout (django-axes): after JENS_INLOG_MAX_POGINGEN failed sign-ins for one username, or from one IP address,
# that username or address is refused for JENS_INLOG_BLOKKADE_MINUTEN; the functioneel beheerder or a superuser
# lifts it earlier in the admin (Axes > Toegangspogingen: delete the attempts).
AXES_FAILURE_LIMIT = env.int("JENS_INLOG_MAX_POGINGEN", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("JENS_INLOG_BLOKKADE_MINUTEN", default=30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "jens.netwerk.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_VERBOSE = False

# Roles that see client data (or the admin): they need a second factor (TOTP) and their session ends after
# JENS_SESSIE_INACTIEF_MINUTEN without a request. Superusers always count.
JENS_ROLLEN_MET_TWEEDE_FACTOR = (
    "gedragswetenschapper",
    "management",
    "functioneel_beheerder",
    "klachtenfunctionaris",
)
# Optional single sign-on (OpenID Connect, mozilla-django-oidc; see jens/sso.py and the README).
JENS_OIDC_AAN = env.bool("JENS_OIDC_AAN", default=False)
JENS_OIDC_ROL_CLAIM = env.str("JENS_OIDC_ROL_CLAIM", default="groups")
JENS_OIDC_ROLLEN = env.json("JENS_OIDC_ROLLEN", default={})
if JENS_OIDC_AAN:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("jens.sso.JensOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("JENS_OIDC_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.str("JENS_OIDC_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env.str("JENS_OIDC_SIGN_ALGO", default="RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("JENS_OIDC_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("JENS_OIDC_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("JENS_OIDC_USERINFO_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.str("JENS_OIDC_JWKS_ENDPOINT")
    OIDC_RP_SCOPES = env.str("JENS_OIDC_SCOPES", default=f"openid email profile {JENS_OIDC_ROL_CLAIM}")
    LOGIN_REDIRECT_URL_FAILURE = "/inloggen/"

JENS_SESSIE_INACTIEF_MINUTEN = env.int("JENS_SESSIE_INACTIEF_MINUTEN", default=30)
OTP_TOTP_ISSUER = env.str("JENS_TOTP_UITGEVER", default="JENS werkplaats")
# The admin never shows a TOTP secret or its QR code (a beheerder could otherwise copy a second factor).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Numbers get their thousands separator from the formatting helper (jens.getallen via the |getal and |euro
# filters), never implicitly: a year (2021), an id in a link or an input's value must stay plain digits.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["jens.formats"]

# --- Static and uploaded files ----------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it; collectstatic fills it in production

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded documents (signed contracts) are private: stored outside any public URL and served
# only through views that check permissions.
PRIVATE_MEDIA_ROOT = Path(env.str("JENS_PRIVATE_MEDIA_ROOT", default=str(DATA_DIR / "bestanden")))
MEDIA_ROOT = PRIVATE_MEDIA_ROOT
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- E-mail -----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="JENS werkplaats <noreply@jens.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address of the site as users reach it, for links in e-mails (no request to build them from).
JENS_BASIS_URL = env.str("JENS_BASIS_URL", default="http://127.0.0.1:8000").rstrip("/")
EMAIL_TIMEOUT = 10
# The outbox (jens.mail) retries a failed message for ever, the wait doubling from 1 minute up to this cap; after
# this many failed attempts of one message, or this long unsent, the functioneel beheerder gets a signalering.
JENS_MAIL_WACHTTIJD_MAX_MINUTEN = env.int("JENS_MAIL_WACHTTIJD_MAX_MINUTEN", default=60)
JENS_MAIL_SIGNALERING_NA_POGINGEN = env.int("JENS_MAIL_SIGNALERING_NA_POGINGEN", default=5)
JENS_MAIL_SIGNALERING_NA_MINUTEN = env.int("JENS_MAIL_SIGNALERING_NA_MINUTEN", default=60)

# --- REST API -------------------------------------------------------------------------------
# A list page counts at most this many rows (jens.permissions.Paginering): above it the API says "more".
JENS_API_TELGRENS = env.int("JENS_API_TELGRENS", default=10_000)
REST_FRAMEWORK = {
    # The token first: a request without (valid) credentials then gets 401 with "WWW-Authenticate: Token".
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "jens.api_tokens.ApiTokenAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["jens.permissions.RolRechten"],
    "DEFAULT_PARSER_CLASSES": [
        "jens.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "jens.permissions.Paginering",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "jens.api_fouten.exception_handler",
    # Per signed-in user and per anonymous IP address, counted in the cache (Redis in production).
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("JENS_API_LIMIET_ANONIEM", default="60/minute"),
        "user": env.str("JENS_API_LIMIET_GEBRUIKER", default="600/minute"),
    },
    "NUM_PROXIES": JENS_VERTROUWDE_PROXIES,
    "COERCE_DECIMAL_TO_STRING": True,
    "DATE_INPUT_FORMATS": ["iso-8601", "%d-%m-%Y"],
}
# API tokens (django-rest-knox): stored as a SHA-512 digest only, valid JENS_API_TOKEN_UREN hours after the request
# (no sliding renewal: a stolen token stops working at its expiry at the latest).
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.int("JENS_API_TOKEN_UREN", default=10)),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "JENS werkplaats API",
    "DESCRIPTION": "API van de JENS werkplaats (Basishulp Jeugd Heerlen, Landgraaf, Voerendaal).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        # complaints
        "KlachtStatusEnum": "complaints.models.Status",
        "KlachtSoortEnum": "complaints.models.Soort",
        "KlachtUitkomstEnum": "complaints.models.Uitkomst",
        "KlachtKanaalEnum": "complaints.models.Kanaal",
        "KlachtIndienerRolEnum": "complaints.models.IndienerRol",
        # cases
        "HulpvraagSoortEnum": "cases.models.HulpvraagSoort",
        "EvaluatieUitkomstEnum": "cases.models.EvaluatieUitkomst",
        # contracts
        "RelatieSoortEnum": "contracts.models.Relatie.Soort",
        "ContractSoortEnum": "contracts.models.Contract.Soort",
        "ContractStatusEnum": "contracts.models.Contract.Status",
        "GesprekSoortEnum": "contracts.models.Gesprek.Soort",
        "AfspraakStatusEnum": "contracts.models.TransformatieAfspraak.Status",
    },
}

# --- Terms and norms (configuration, not literals in the code) --------------------------------
JENS_TERMIJNEN = {
    # complaints
    "KLACHT_OPPAKKEN_WERKDAGEN": env.int("JENS_KLACHT_OPPAKKEN_WERKDAGEN", default=5),
    "KLACHT_AFHANDELEN_WEKEN": env.int("JENS_KLACHT_AFHANDELEN_WEKEN", default=6),
    "KLACHT_VERLENGEN_MAX_WEKEN": env.int("JENS_KLACHT_VERLENGEN_MAX_WEKEN", default=4),
    "KLACHT_ANONIMISEREN_NA_JAREN": env.int("JENS_KLACHT_ANONIMISEREN_NA_JAREN", default=5),
    "KLACHT_RATE_LIMIT_PER_UUR": env.int("JENS_KLACHT_RATE_LIMIT_PER_UUR", default=5),
    # cases
    "CASES_DOSSIER_WERKDAGEN": env.int("JENS_CASES_DOSSIER_WERKDAGEN", default=5),
    "CASES_KERNTEAM_WERKDAGEN": env.int("JENS_CASES_KERNTEAM_WERKDAGEN", default=5),
    "CASES_EVALUATIE_MAANDEN": env.int("JENS_CASES_EVALUATIE_MAANDEN", default=3),
    "CASES_GEZINSPLAN_WEKEN": env.int("JENS_CASES_GEZINSPLAN_WEKEN", default=6),
    "CASES_VT_OPVOLGEN_WERKDAGEN": env.int("JENS_CASES_VT_OPVOLGEN_WERKDAGEN", default=5),
    "CASES_VT_TERUGKOPPELING_WERKDAGEN": env.int("JENS_CASES_VT_TERUGKOPPELING_WERKDAGEN", default=5),
    "CASES_KLANTREIS_AANSLUITING_DAGEN": env.int("JENS_CASES_KLANTREIS_AANSLUITING_DAGEN", default=30),
    # cases: norms (percent)
    "CASES_NORM_GEZINSPLAN_PCT": env.int("JENS_CASES_NORM_GEZINSPLAN_PCT", default=85),
    "CASES_NORM_VAST_AANSPREEKPUNT_PCT": env.int("JENS_CASES_NORM_VAST_AANSPREEKPUNT_PCT", default=95),
    "CASES_NORM_VT_OPGEVOLGD_PCT": env.int("JENS_CASES_NORM_VT_OPGEVOLGD_PCT", default=100),
    "CASES_NORM_ONDERZOCHT_PCT": env.int("JENS_CASES_NORM_ONDERZOCHT_PCT", default=100),
    "CASES_NORM_KLANTREIS_DAGEN": env.int("JENS_CASES_NORM_KLANTREIS_DAGEN", default=315),
    "CASES_NORM_EINDE_REGULIER_PCT": env.int("JENS_CASES_NORM_EINDE_REGULIER_PCT", default=85),
    "CASES_NORM_DOSSIER_TIJDIG_PCT": env.int("JENS_CASES_NORM_DOSSIER_TIJDIG_PCT", default=100),
    "CASES_NORM_KERNTEAM_TIJDIG_PCT": env.int("JENS_CASES_NORM_KERNTEAM_TIJDIG_PCT", default=100),
    "CASES_NORM_GEZINSPLAN_TIJDIG_PCT": env.int("JENS_CASES_NORM_GEZINSPLAN_TIJDIG_PCT", default=100),
    "KLACHT_MAATREGELEN_MAANDEN": env.int("JENS_KLACHT_MAATREGELEN_MAANDEN", default=1),
    "KLACHT_SIGNALEREN_VOORAF_WERKDAGEN": env.int("JENS_KLACHT_SIGNALEREN_VOORAF_WERKDAGEN", default=5),
    # staff
    "STAFF_MAX_FTE_PER_MEDEWERKER": env.str("JENS_STAFF_MAX_FTE_PER_MEDEWERKER", default="1.00"),
    "STAFF_MELDCODE_BASIS_WEKEN": env.int("JENS_STAFF_MELDCODE_BASIS_WEKEN", default=8),
    "STAFF_MELDCODE_OPFRIS_MAANDEN": env.int("JENS_STAFF_MELDCODE_OPFRIS_MAANDEN", default=12),
    "STAFF_PLAATSING_EINDIGT_DAGEN": env.int("JENS_STAFF_PLAATSING_EINDIGT_DAGEN", default=60),
    "STAFF_NORM_BASIS_PCT": env.int("JENS_STAFF_NORM_BASIS_PCT", default=100),
    "STAFF_NORM_OPFRIS_PCT": env.int("JENS_STAFF_NORM_OPFRIS_PCT", default=90),
    "STAFF_NORM_THEMABIJEENKOMSTEN": env.int("JENS_STAFF_NORM_THEMABIJEENKOMSTEN", default=4),
    "STAFF_NORM_OPKOMST_PCT": env.int("JENS_STAFF_NORM_OPKOMST_PCT", default=80),
    # dashboard and half-year report
    "DASHBOARD_NORM_CLIENTEN_PER_MAAND": env.int("JENS_DASHBOARD_NORM_CLIENTEN_PER_MAAND", default=2100),
    "DASHBOARD_NORM_KLACHT_TIJDIG_PCT": env.int("JENS_DASHBOARD_NORM_KLACHT_TIJDIG_PCT", default=100),
    "DASHBOARD_RAPPORT_SYNC_SECONDEN": env.float("JENS_DASHBOARD_RAPPORT_SYNC_SECONDEN", default=2.0),
    # contracts: small providers, meetings, annual accounts, contract end; targets per year (JSON)
    "CONTRACTS_KLEINE_AANBIEDER_GRENS": env.int("JENS_CONTRACTS_KLEINE_AANBIEDER_GRENS", default=10),
    "CONTRACTS_NORM_KLEINE_AANBIEDERS_PCT": env.str("JENS_CONTRACTS_NORM_KLEINE_AANBIEDERS_PCT", default="4.0"),
    "CONTRACTS_MONITORGESPREK_MAANDEN": env.int("JENS_CONTRACTS_MONITORGESPREK_MAANDEN", default=12),
    "CONTRACTS_JAARREKENING_UITERLIJK": env.str("JENS_CONTRACTS_JAARREKENING_UITERLIJK", default="10-01"),
    "CONTRACTS_CONTRACT_EINDE_DAGEN": env.int("JENS_CONTRACTS_CONTRACT_EINDE_DAGEN", default=90),
    "CONTRACTS_DOEL_TRANSFORMATIEAFSPRAKEN": env.json(
        "JENS_CONTRACTS_DOEL_TRANSFORMATIEAFSPRAKEN", default={"2023": ["2023-03-31", 10]}
    ),
    "CONTRACTS_DOEL_MONITORGESPREKKEN": env.json("JENS_CONTRACTS_DOEL_MONITORGESPREKKEN", default={"2023": 27}),
    # finances: signal a cost line more than this percentage above its budget pro rata; norm cost per client
    "FINANCIEN_MARGE_BOVEN_BEGROTING_PCT": env.str("JENS_FINANCIEN_MARGE_BOVEN_BEGROTING_PCT", default="5"),
    "DASHBOARD_NORM_KOSTEN_PER_CLIENT": env.int("JENS_DASHBOARD_NORM_KOSTEN_PER_CLIENT", default=1332),
}

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_AGE = 8 * 60 * 60

# The access log's hash chain is an HMAC with this key, kept outside the database (see jens/toegangslog.py).
# Set it separately in production and never change it: the chain written with the old key no longer verifies.
JENS_TOEGANGSLOG_SLEUTEL = env.str("JENS_TOEGANGSLOG_SLEUTEL", default=f"toegangslog:{SECRET_KEY}")
JENS_TOEGANGSLOG_BEWAAR_JAREN = env.int("JENS_TOEGANGSLOG_BEWAAR_JAREN", default=5)

# Content-Security-Policy (django-csp): everything from this site only, no inline script or style anywhere
# (the templates keep their styles in app.css and their scripts, if any, in static files).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy (django-permissions-policy): no browser feature is used by the application.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
