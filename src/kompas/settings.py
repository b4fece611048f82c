# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 Kompas contributors
"""Django settings for Kompas, read from environment variables only (see ``kompas.config``)."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from kompas.config import DEFAULT_DATA_DIR, PROJECT_DIR, env, env_bool, env_list, env_networks

BASE_DIR = Path(__file__).resolve().parent
EMBEDDED = env_bool("KOMPAS_EMBEDDED")
DEBUG = env_bool("DEBUG")


def _secret_key() -> str:
    key = env("SECRET_KEY")
    if key:
        return key
    if EMBEDDED or DEBUG:
        # The embedded default runs on 127.0.0.1 only; a per-process key just ends sessions
        # on restart, which is acceptable there and never in production.
        return "embedded-" + secrets.token_urlsafe(48)
    raise ImproperlyConfigured("SECRET_KEY ontbreekt: zet deze omgevingsvariabele in productie.")


def _database() -> dict[str, object]:
    config: dict[str, object] = dict(dj_database_url.parse(env("DATABASE_URL"), conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        name = Path(str(config["NAME"]))
        if str(name) != ":memory:" and not name.is_absolute():
            name = PROJECT_DIR / name
            name.parent.mkdir(parents=True, exist_ok=True)
        config["NAME"] = str(name)
        config["CONN_MAX_AGE"] = 0
        # IMMEDIATE: a transaction takes the write lock when it starts, so two simultaneous edits
        # queue (up to ``timeout`` seconds) and the second reads the first's version, instead of
        # both reading and the second failing on "database is locked" when it writes.
        config["OPTIONS"] = {
            "init_command": "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "kompas.accounts",
    "kompas.areas",
    "kompas.sources",
    "kompas.observations",
    "kompas.presentation",
    "kompas.indicators",
    "kompas.alerts",
    "kompas.hotspots",
    "kompas.policy",
    "kompas.reports",
    "kompas.dashboard",
    "kompas.cooperation",
    "kompas.casework",
    "kompas.registry",
    "kompas.api",
    "kompas.site",
]

MIDDLEWARE = [
    "kompas.http_security.ContentSecurityPolicyMiddleware",
    "kompas.http_security.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kompas.accounts.middleware.RequestContextMiddleware",
    "kompas.accounts.middleware.TwoFactorMiddleware",
    "kompas.accounts.middleware.PasswordChangeMiddleware",
    "kompas.accounts.middleware.DatabaseBusyMiddleware",
    "kompas.accounts.middleware.OrganisationScopeMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kompas.site.urls"
WSGI_APPLICATION = "kompas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kompas.accounts.context.navigation",
            ],
        },
    },
]

DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        # Django 5.2's message for this rule has no Dutch translation; ours has.
        "NAME": "kompas.accounts.password_policy.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"

SESSION_COOKIE_AGE = int(env("SESSION_IDLE_SECONDS"))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if not EMBEDDED:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT"))
AXES_COOLOFF_TIME = int(env("LOGIN_LOCKOUT_MINUTES")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False
# Behind a reverse proxy the peer is the proxy: lockout and audit take the client from
# X-Forwarded-For, but only when the peer is one of these proxies (kompas.accounts.client_address).
KOMPAS_TRUSTED_PROXIES = env_networks("KOMPAS_TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "kompas.accounts.client_address.client_address"

OTP_TOTP_ISSUER = "Kompas"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = DEFAULT_DATA_DIR / "static"
if EMBEDDED:
    # WhiteNoise serves from the finders here but still expects the folder to exist.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = EMBEDDED or DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = DEFAULT_DATA_DIR / "media"

# Limits on what an import may cost (kompas.sources.reading.limits) and on request bodies
# (kompas.http_security); the upload limit also bounds the upload form.
KOMPAS_UPLOAD_MAX_BYTES = int(env("IMPORT_MAX_UPLOAD_MB")) * 1024 * 1024
KOMPAS_IMPORT_MAX_UNPACKED_BYTES = int(env("IMPORT_MAX_UNPACKED_MB")) * 1024 * 1024
KOMPAS_IMPORT_MAX_EXPANSION = int(env("IMPORT_MAX_EXPANSION"))
KOMPAS_IMPORT_MAX_LINE_BYTES = int(env("IMPORT_MAX_LINE_KB")) * 1024
KOMPAS_IMPORT_MAX_XLSX_CELLS = int(env("IMPORT_MAX_XLSX_CELLS"))
# Survey figures with fewer respondents are withheld (kompas.indicators.minimum_n).
KOMPAS_SURVEY_MIN_N = int(env("SURVEY_MIN_N"))

EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = int(env("EMAIL_PORT"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# Per server process: cached figures and page parts are keyed by the newest change
# (kompas.caching, kompas.accounts.queries.changes), so processes never serve each other stale
# parts. Room for the parts of many filters and areas (a dashboard part is tens of kilobytes).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if EMBEDDED
            else "django_tasks_db.DatabaseBackend"
        )
    },
    # Reports never run in the request: embedded, a small pool of low-priority processes
    # (kompas.reports.pool, ADR 0013); in production workers run `db_worker --backend reports`.
    "reports": {
        "BACKEND": (
            "kompas.reports.pool.ProcessPoolBackend" if EMBEDDED else "django_tasks_db.DatabaseBackend"
        ),
        "OPTIONS": {"MAX_WORKERS": int(env("REPORT_JOBS_TOTAL"))},
    },
}
REPORT_JOBS_PER_USER = int(env("REPORT_JOBS_PER_USER"))
REPORT_JOBS_TOTAL = int(env("REPORT_JOBS_TOTAL"))
REPORT_RETENTION_HOURS = int(env("REPORT_RETENTION_HOURS"))
# Casework (kompas.casework, docs/casework.md): identity keys, suppression and retention.
CASEWORK_KEYS = env_list("CASEWORK_KEYS")
CASEWORK_KEY_FILE = DEFAULT_DATA_DIR / "casework.keys"
CASEWORK_SUPPRESSION_THRESHOLD = int(env("CASEWORK_SUPPRESSION_THRESHOLD"))
CASEWORK_RETENTION_NO_ACTION_DAYS = int(env("CASEWORK_RETENTION_NO_ACTION_DAYS"))
CASEWORK_RETENTION_CLOSED_DAYS = int(env("CASEWORK_RETENTION_CLOSED_DAYS"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["kompas.api.permissions.HasRolePermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "kompas.api.pagination.Pages",
    "PAGE_SIZE": 100,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kompas API",
    "DESCRIPTION": "API van Kompas, informatiegestuurd veiligheidsbeleid.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["kompas.api.permissions.HasRolePermission"],
    # <id:…> in URLs: a database key of 1 to 18 digits (kompas.pathconverters).
    "PATH_CONVERTER_OVERRIDES": {"id": {"type": "integer", "minimum": 0, "maximum": 999_999_999_999_999_999}},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kompas.api.schema.add_error_responses",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"kompas": {"level": "INFO"}, "axes": {"level": "WARNING"}},
}
