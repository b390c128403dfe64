"""The one settings module: everything comes from the environment, with safe defaults for a fresh clone."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from config.env import env_bool, env_int, env_list, env_str, env_tuple

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("MINSHENG_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

# SECRET_KEY: from the environment, else from a file that `bin/serve` and `make test` generate once per machine.
# A development server (DEBUG on) may run on a throw-away key; production mode (DEBUG off) refuses to start without one.
SECRET_KEY = env_str("SECRET_KEY")
_secret_key_file = Path(env_str("SECRET_KEY_FILE", str(VAR_DIR / "secret_key")))
if not SECRET_KEY and _secret_key_file.is_file():
    SECRET_KEY = _secret_key_file.read_text(encoding="utf-8").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set and DEBUG is off: set SECRET_KEY (or SECRET_KEY_FILE), or DEBUG=1 for development."
        )
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] + (["*"] if DEBUG else []))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "ninja",
    "simple_history",
    "axes",
    "corsheaders",
    "csp",
    "articles",
    "policies",
    "stats",
]

MIDDLEWARE = [
    "config.middleware.ReplicaReadMiddleware",  # first: decides which database this request's reads may use
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.middleware.ControlCharacterMiddleware",
    "config.api_http.ApiMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised by its authentication backend into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
            ],
        },
    },
]

# PostgreSQL only. DATABASE_URL selects a server; without it an embedded server (pgserver) runs in var/pgdata.
DATABASE_URL = env_str("DATABASE_URL")
EMBEDDED_PGDATA = env_str("EMBEDDED_PGDATA", str(VAR_DIR / "pgdata"))
EMBEDDED_PGDATABASE = env_str("EMBEDDED_PGDATABASE", "minsheng")
if DATABASE_URL:
    _database = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))
    if _database["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(f"DATABASE_URL must point to PostgreSQL (postgres://…), not {_database['ENGINE']}.")
else:
    _database = {
        "ENGINE": "config.embedded_postgres",
        "NAME": EMBEDDED_PGDATABASE,
        "USER": "postgres",
        "CONN_MAX_AGE": env_int("CONN_MAX_AGE", 60),
    }
DATABASES = {"default": _database}
# Read replicas (streaming replicas of the primary): public read requests read from one of them, writes and editors'
# pages use the primary (config/db_router.py). Tests run every alias against the test database.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=env_int("CONN_MAX_AGE", 60))
    if _replica["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS must list PostgreSQL URLs (postgres://…), not {_replica['ENGINE']}.")
    DATABASES[f"replica_{_number}"] = {**_replica, "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["config.db_router.PrimaryReplicaRouter"]

# Django's cache (the archive's cached aggregates, articles/summaries.py): Redis when REDIS_URL is set, so every web
# node shares one cache and one archive generation; files in var/cache otherwise (one machine, `make run`).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL={REDIS_URL!r} must start with redis://, rediss:// or unix://.")
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "minsheng"),
            "TIMEOUT": 24 * 3600,
        }
    }
else:
    # Files under var/cache: shared by every process of this machine (gunicorn's workers, `manage.py ingest`, a
    # Celery worker), so a correction made through any of them moves the one archive generation all of them read.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("CACHE_DIR", str(VAR_DIR / "cache")),
            "TIMEOUT": 24 * 3600,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Tests render templates without running collectstatic first.
WHITENOISE_MANIFEST_STRICT = False

# --- Security behind a TLS proxy (docs/deployment.md). The defaults suit `make run` on plain http://127.0.0.1;
# production sets SECURE_SSL_REDIRECT=1, SECURE_COOKIES=1, SECURE_HSTS_SECONDS and, behind a proxy that
# terminates TLS, SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^api/v1/health$"]  # the proxy's or orchestrator's liveness probe may speak plain http
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Trust the proxy's scheme header only when told to: a client could otherwise claim https itself.
SECURE_PROXY_SSL_HEADER = env_tuple("SECURE_PROXY_SSL_HEADER", 2)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Django's defaults already give X-Frame-Options DENY, nosniff, Referrer-Policy same-origin, HttpOnly sessions.

# Content-Security-Policy (django-csp): every script, style, font and image comes from this site, except the data:
# images Swagger UI's stylesheet draws its icons with. No inline script or style anywhere (tests hold templates to
# it; tests/browser/test_security_policy.py loads the pages, the admin and the API docs under it).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Login throttling (django-axes): AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that
# pair out for AXES_COOLOFF_MINUTES; the lockout page says so in Chinese (config/lockout.py).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"

# The article review page posts every record of an article as inline forms: well over Django's default 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 20000)

# JSON API: origins whose pages may read it from the browser (CORS, read-only GETs; "*" for any), and how long
# clients may cache its answers before revalidating with ETag / Last-Modified.
# (django-cors-headers, on /api/ only; the answers' validators and paging links are readable cross-origin.)
_cors_origins = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_ALLOW_ALL_ORIGINS = "*" in _cors_origins
CORS_ALLOWED_ORIGINS = [origin for origin in _cors_origins if origin != "*"]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "Content-Disposition"]
CORS_PREFLIGHT_MAX_AGE = 86400
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)

# Largest page file accepted by ingest and upload (bytes).
MAX_PAGE_BYTES = env_int("MAX_PAGE_BYTES", 5 * 1024 * 1024)

# Celery (config/celery.py, `celery -A config worker`): tasks travel through Redis, results come back the same way.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
