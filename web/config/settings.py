"""Settings of the portal, read from the environment (12-factor).

=====================  ==========================================================  =========================
variable               meaning                                                     default
=====================  ==========================================================  =========================
``DATABASE_URL``       ``sqlite:///path`` or ``postgres://user:pw@host:port/db``     ``sqlite:///<web>/portal.sqlite3``
``SECRET_KEY``         Django secret; always required (also with ``DEBUG``)          (none: refuses to start)
``DEBUG``              ``1``/``true`` turns debug on                                 off
``ALLOWED_HOSTS``      comma-separated host names                                  ``localhost,127.0.0.1``
``MONITOREO_CACHE_DIR``  where rendered PDFs are cached (by content hash)          ``<web>/.cache``
``STATIC_ROOT``        target of ``collectstatic``                                 ``<web>/staticfiles``
``SECURE_PROXY_SSL``   ``1`` behind a TLS proxy: secure cookies, HTTPS redirect, HSTS  off
``SECURE_HSTS_SECONDS``  HSTS max-age when ``SECURE_PROXY_SSL`` is on                ``31536000``
``TRUSTED_PROXIES``    proxies whose ``X-Forwarded-For`` is believed (IPs/networks)  (none)
``LOGIN_MAX_FAILURES``  failed logins of one user name from one address that lock  ``5``
``LOGIN_MAX_FAILURES_PER_ACCOUNT``  … of one user name from any addresses          ``20``
``LOGIN_MAX_FAILURES_PER_ADDRESS``  … from one address for any user names          ``20``
``LOGIN_WINDOW_MINUTES``  length of the lock window                                 ``15``
=====================  ==========================================================  =========================
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.dburl import parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on", "si", "sí"}


DEBUG = _flag("DEBUG")
# Never a default key, not even with DEBUG on: a key in the source signs sessions anyone can forge.
# `monitoreo serve --demo`, the tests and the benchmarks set a random one.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Falta la variable de entorno SECRET_KEY (obligatoria, también con DEBUG); "
        "genere una con: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves Swagger UI from its bundled static files, never from a CDN
    "programs",
    "portal",
    "api",
    # the monitoring cycle (docs/monitoring-cycle.md)
    "accounts",
    "audit",
    "cycles",
    "submissions",
    "reviews",
]

MIDDLEWARE = [
    "config.middleware.BodyLimitMiddleware",  # first: refuses an oversized body before anything reads it
    "config.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.BusyDatabaseMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csrf",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": parse_database_url(os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'portal.sqlite3'}"))
}
# Concurrent writers on SQLite: WAL, a busy timeout and BEGIN IMMEDIATE (see config.dburl); a write that
# still cannot get the lock answers 409 (config.middleware.BusyDatabaseMiddleware), never 500.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}
}
# The documentation site built by `make docs` (MkDocs, static HTML); the portal serves it under /docs/sitio/.
MONITOREO_DOCS_SITE = Path(os.environ.get("MONITOREO_DOCS_SITE", BASE_DIR.parent / "site"))
MONITOREO_CACHE_DIR = Path(os.environ.get("MONITOREO_CACHE_DIR", BASE_DIR / ".cache"))

LANGUAGE_CODE = "es-cl"
TIME_ZONE = "America/Santiago"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
try:  # whitenoise warns (an error under our pytest settings) when STATIC_ROOT does not exist yet
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
except OSError:
    pass
# Without collectstatic (demo, tests) whitenoise finds the files in the apps directly.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if _flag("SECURE_PROXY_SSL"):
    # Behind a TLS-terminating proxy (docs/web-portal.md, «Production recipe»): HTTPS only, cookies only
    # over HTTPS, and browsers told to keep using HTTPS (HSTS, a year unless SECURE_HSTS_SECONDS says less).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", True)

# Request bodies (config.middleware.BodyLimitMiddleware): a declared Content-Length above this is refused
# with 413 before the body is read. Large enough for the biggest Excel upload plus the form around it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
MONITOREO_UPLOAD_MAX_BYTES = int(os.environ.get("MONITOREO_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))
MONITOREO_REQUEST_MAX_BYTES = max(MONITOREO_UPLOAD_MAX_BYTES, DATA_UPLOAD_MAX_MEMORY_SIZE) + 256 * 1024
# Pages behind the login: `Cache-Control: private, no-store` (config.middleware.SecurityHeadersMiddleware).
MONITOREO_PRIVATE_PREFIXES = ("/gestion/", "/cuentas/")
MONITOREO_DOCS_SITE_PREFIX = "/docs/sitio/"
# Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or networks, e.g.
# «127.0.0.1,10.0.0.0/8»); empty: the client address is REMOTE_ADDR (accounts.throttle.client_ip).
MONITOREO_TRUSTED_PROXIES = [p.strip() for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()]

# Monitoring cycle (accounts, submissions): login, e-mail, upload limits, login throttling.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "gestion:home"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "monitoreo@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
LOGIN_MAX_FAILURES = int(os.environ.get("LOGIN_MAX_FAILURES", "5"))
LOGIN_WINDOW_MINUTES = int(os.environ.get("LOGIN_WINDOW_MINUTES", "15"))
# Beyond the pair (one user name from one address, LOGIN_MAX_FAILURES): failures for one user name from
# any addresses, and from one address for any user names, lock it for the same window (accounts.throttle).
LOGIN_MAX_FAILURES_PER_ACCOUNT = int(os.environ.get("LOGIN_MAX_FAILURES_PER_ACCOUNT", "20"))
LOGIN_MAX_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_MAX_FAILURES_PER_ADDRESS", "20"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
