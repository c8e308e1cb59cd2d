"""Settings shared by every environment.

Everything that differs between installs comes from environment variables with an
embedded default, so a fresh clone runs with none set: SQLite in the project folder,
Wagtail's database search, and a database cache shared by all worker processes.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
import dj_email_url

from cms.core.preview_settings import client_urls_from_environment

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "cms.core",
    "home",
    "resources",
    "search",
    "reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "corsheaders",
    "rest_framework_api_key",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "cms.partners",
    "cms.impact",
    "rest_framework",
    "wagtail_headless_preview",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # NUL bytes and chunked bodies without a length are refused before anything reads them.
    "cms.core.request_guard.RequestGuardMiddleware",
    # CORS first, so its headers reach every answer, rate limits included (docs/partners.md).
    "corsheaders.middleware.CorsMiddleware",
    "cms.partners.access.PartnerAccessMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.core.read_replica.ReadReplicaMiddleware",
    "cms.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.core.two_factor.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.core.security_headers.AdminFramingMiddleware",
    "cms.core.security_headers.SiteCSPMiddleware",
    "cms.core.security_headers.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],  # templates live in the apps (cms/core/templates first, by INSTALLED_APPS)
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"  # HTTP and the helpline chat's WebSockets

# Database: DATABASE_URL (e.g. postgres://user@host/db) or a SQLite file in the project.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share the file: wait for locks instead of failing. The file is
    # in write-ahead-log mode (cms/core/sqlite_journal.py), where a commit needs no flush to
    # disk of its own (synchronous=NORMAL: a power cut may lose the last commits, never corrupt).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA synchronous=NORMAL;",
        }
    )

# A read replica for read-only API traffic (cms/core/read_replica.py, docs/deployment.md).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
API_READ_DATABASE = "replica" if "replica" in DATABASES else ""
DATABASE_ROUTERS = ["cms.core.read_replica.ReadReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, else Django's database cache. Never a
# per-process memory cache: rate limits and invalidation must hold across workers.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "sic")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis away: the cache fails open (a miss, a write dropped) instead of a 500,
                # and a dead server costs at most half a second (docs/security.md).
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cms_cache",
        }
    }

# Staff sign-in (docs/security.md): lockout after failed passwords, per user name and per
# client address, and a second factor for the roles that see case data.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one: a user name, or a client
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.core.two_factor.lockout.lockout_response"
AXES_VERBOSE = False  # its log lines name the user and the address
# The client's address as the rate limits read it: X-Forwarded-For only behind TRUSTED_PROXIES.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXIES", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
TWO_FACTOR_REQUIRED_GROUPS = ["Hotline analysts", "Helpline counsellors", "Administrators"]
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Safer Internet CMS")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Czech is the default, English the second. The same list drives the
# site's URL prefixes, Wagtail's content locales and modeltranslation's fields.
LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", "Čeština"), ("en", "English")]
FORMAT_MODULE_PATH = ["cms.core.formats"]  # English dates written the European way
WAGTAIL_I18N_ENABLED = True
# "Translate this page" makes a draft: a translation goes live when its editor publishes it
# (cms.core.page_translation keeps converted placeholders unpublished too).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's catalogues, then its Czech for the Wagtail strings that Wagtail's own Czech
# catalogues lack (they win over the apps' catalogues: docs/translations.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cms" / "core" / "locale_wagtail"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "cs"
MODELTRANSLATION_LANGUAGES = ("cs", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("cs",), "cs": ("en",)}
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Prague")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = []  # static files live in the apps (cms/core/static)
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Django serves MEDIA_ROOT itself when DEBUG is on or SERVE_MEDIA is set: a one-machine
# install without a proxy in front. A proxy (or object storage) serves it otherwise.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise serves static files itself, with DEBUG off too.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Safer Internet CMS"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The database engine indexes text analysed in Python (search/analysis.py), so PostgreSQL
# must not stem it again: the "simple" configuration only lower-cases.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.database_backend", "SEARCH_CONFIG": "simple"}}
# Search: Elasticsearch answers when this is set (the database engine otherwise, and as
# the fallback when Elasticsearch cannot be reached). See docs/search.md.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "sic-pages")
SEARCH_MAX_HITS = 1000
# Search insights (search/insights.py): counts kept this many days, and never shown to
# editors below this many searches (people type names and e-mail addresses into boxes).
SEARCH_INSIGHTS_RETENTION_DAYS = int(os.environ.get("SEARCH_INSIGHTS_RETENTION_DAYS", "180"))
SEARCH_INSIGHTS_MIN_COUNT = 3
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "odp", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Background work: django-tasks with its database backend (django-tasks-db). A task is a row
# written in the transaction that queues it, and `manage.py db_worker` runs it: nothing that
# waits on the network (DNS, mail, webhooks) runs inside a request, and no broker is needed.
# `make demo` starts the worker beside the server; production runs it as a service.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["cms.core.api.parsers.DepthLimitedJSONParser"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "cms.core.api.errors.api_exception_handler",
    # Rate limits count clients by address: the peer's own unless the site runs behind this
    # many reverse proxies, whose X-Forwarded-For is then trusted (a client cannot forge it).
    "NUM_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
}

# Headless preview: an external frontend per site (cms/core/preview.py); empty = the site's own templates.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": client_urls_from_environment(os.environ.get("HEADLESS_PREVIEW_URLS", "")),
    "ENFORCE_TRAILING_SLASH": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Safer Internet CMS content API",
    "DESCRIPTION": "Resources, toolkits, news, events and taxonomy of a Safer Internet Centre, in Czech and English.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Wagtail's API v2 views produce dozens of schema errors; document only /api/v1/.
    "PREPROCESSING_HOOKS": ["cms.core.api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "cms.core.api.schema.document_errors"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Two services have a "status": name each set of values after its service.
    "ENUM_NAME_OVERRIDES": {
        "HotlineStatusEnum": "reports.models.hotline.Status",
        "HelplineStatusEnum": "reports.models.helpline.ContactStatus",
        "HelplineCategoryEnum": "reports.models.helpline.HelplineCategory",
        "HelplineAgeBandEnum": "reports.models.helpline.AgeBand",
        "YouthAgeBandEnum": "home.models.youth.AgeBand",
        # Youth contributions and campaign activities share one moderation status set.
        "ModerationStatusEnum": "home.models.youth.ContributionStatus",
        "EventKindEnum": "home.models.events.EventKind",
        "InquiryStatusEnum": "home.models.academy_cases.InquiryStatus",
        "RegistrationStatusEnum": "home.models.academy_cases.RegistrationStatus",
    },
}

# Query parameters the content API ignores instead of answering 400 (it refuses every one its
# endpoint does not document): e.g. a proxy's own tracking parameter. Comma-separated.
API_IGNORED_QUERY_PARAMETERS = env_list("API_IGNORED_QUERY_PARAMETERS")


# Errors no view handled: the API's envelope under /api/, a page in both languages elsewhere,
# and 503 with this Retry-After (seconds) while the database is unreachable (cms/core/error_views.py).
# The channel layer that carries the chat's events between server processes: Redis when
# REDIS_URL is set (several app servers), else in memory (one process: the embedded default).
# Over Redis every event is encrypted (Fernet, with a key derived from ``secret``): the
# chat's messages are never readable there.
def channel_layers(redis_url, secret):
    if not redis_url:
        return {"default": {"BACKEND": "cms.core.channel_layers.ProcessChannelLayer", "CONFIG": {"capacity": 1000}}}
    # Publish/subscribe: a group event is one PUBLISH whatever the group's size, and an event
    # for a client that is not connected is simply not kept (the database has the message).
    config = {"hosts": [redis_url], "prefix": f"{CACHE_KEY_PREFIX}-chat"}
    if secret:
        config["symmetric_encryption_keys"] = [secret]
    return {"default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer", "CONFIG": config}}


CHANNEL_LAYERS = channel_layers(REDIS_URL, os.environ.get("FIELD_ENCRYPTION_KEY", "").split(",")[0].strip())
DATABASE_OUTAGE_RETRY_AFTER = int(os.environ.get("DATABASE_OUTAGE_RETRY_AFTER", "10"))
CSRF_FAILURE_VIEW = "cms.core.error_views.csrf_failure"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"  # the admin (its previews) and embeds frame as cms/core/security_headers.py says
# Content-Security-Policy (django-csp): nothing from other origins, no inline script on the
# public site; the admin's additions are in cms/core/security_headers.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # the stylesheet's small SVG icons
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to another site from the admin
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nor a release check: the admin talks to this site only
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Background task and publish chatter; the admin keeps its own audit log of publishing.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint narrates every step of every PDF at INFO; fontTools subsets fonts aloud.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# Reports (hotline, later helpline). Personal data in case records is encrypted with
# FIELD_ENCRYPTION_KEY: Fernet keys separated by commas, the first one encrypts (see
# cms/core/crypto.py and docs/hotline.md for rotation).
FIELD_ENCRYPTION_KEY = os.environ.get("FIELD_ENCRYPTION_KEY", "")
HOTLINE_RATE_LIMIT = os.environ.get("HOTLINE_RATE_LIMIT", "10/hour")  # valid reports per client
# Every submission, refused ones included: looser, so typos do not use up the report quota.
HOTLINE_ATTEMPT_RATE_LIMIT = os.environ.get("HOTLINE_ATTEMPT_RATE_LIMIT", "30/hour")
HOTLINE_STATUS_RATE_LIMIT = os.environ.get("HOTLINE_STATUS_RATE_LIMIT", "60/hour")  # status reads per client
# Where out-of-remit reports (cyberbullying, sexting…) are sent when the person does not pass
# them to the helpline: empty = this site's own helpline form (/cs/pomoc/, /en/help/).
HELPLINE_URL = os.environ.get("HELPLINE_URL", "")
HOTLINE_RETENTION_DAYS = int(os.environ.get("HOTLINE_RETENTION_DAYS", "365"))
HOTLINE_FROM_EMAIL = os.environ.get("HOTLINE_FROM_EMAIL", "hotline@localhost")

# Helpline (docs/helpline.md): contacts, replies, statistics, retention.
HELPLINE_RATE_LIMIT = os.environ.get("HELPLINE_RATE_LIMIT", "10/hour")  # contacts per client
HELPLINE_ATTEMPT_RATE_LIMIT = os.environ.get("HELPLINE_ATTEMPT_RATE_LIMIT", "30/hour")  # every submission
# Status-page reads and the person's answers, per client.
HELPLINE_STATUS_RATE_LIMIT = os.environ.get("HELPLINE_STATUS_RATE_LIMIT", "120/hour")
HELPLINE_PARTNER_RATE_LIMIT = os.environ.get("HELPLINE_PARTNER_RATE_LIMIT", "600/hour")  # contacts per platform
HELPLINE_PARTNER_ATTEMPT_RATE_LIMIT = os.environ.get("HELPLINE_PARTNER_ATTEMPT_RATE_LIMIT", "1800/hour")
HELPLINE_RETENTION_DAYS = int(os.environ.get("HELPLINE_RETENTION_DAYS", "365"))
# The youth panel's contributions (docs/youth.md): per client, and per platform with a key.
YOUTH_RATE_LIMIT = os.environ.get("YOUTH_RATE_LIMIT", "10/hour")  # contributions stored
YOUTH_ATTEMPT_RATE_LIMIT = os.environ.get("YOUTH_ATTEMPT_RATE_LIMIT", "30/hour")  # every submission
YOUTH_PARTNER_RATE_LIMIT = os.environ.get("YOUTH_PARTNER_RATE_LIMIT", "600/hour")
YOUTH_PARTNER_ATTEMPT_RATE_LIMIT = os.environ.get("YOUTH_PARTNER_ATTEMPT_RATE_LIMIT", "1800/hour")
HELPLINE_FROM_EMAIL = os.environ.get("HELPLINE_FROM_EMAIL", "helpline@localhost")
# The Academy's inquiries and registrations (docs/academy.md): per client, and per platform.
ACADEMY_RATE_LIMIT = os.environ.get("ACADEMY_RATE_LIMIT", "10/hour")  # inquiries and registrations stored
ACADEMY_ATTEMPT_RATE_LIMIT = os.environ.get("ACADEMY_ATTEMPT_RATE_LIMIT", "30/hour")  # every submission
ACADEMY_PARTNER_RATE_LIMIT = os.environ.get("ACADEMY_PARTNER_RATE_LIMIT", "600/hour")
ACADEMY_PARTNER_ATTEMPT_RATE_LIMIT = os.environ.get("ACADEMY_PARTNER_ATTEMPT_RATE_LIMIT", "1800/hour")
# Contact details of finished inquiries and past programmes' registrations are blanked after this.
ACADEMY_RETENTION_DAYS = int(os.environ.get("ACADEMY_RETENTION_DAYS", "730"))
ACADEMY_FROM_EMAIL = os.environ.get("ACADEMY_FROM_EMAIL", "akademie@localhost")
# Campaign activities schools register (docs/campaigns.md): per client, and per platform.
CAMPAIGN_RATE_LIMIT = os.environ.get("CAMPAIGN_RATE_LIMIT", "10/hour")  # activities stored
CAMPAIGN_ATTEMPT_RATE_LIMIT = os.environ.get("CAMPAIGN_ATTEMPT_RATE_LIMIT", "30/hour")  # every submission
CAMPAIGN_PARTNER_RATE_LIMIT = os.environ.get("CAMPAIGN_PARTNER_RATE_LIMIT", "600/hour")
CAMPAIGN_PARTNER_ATTEMPT_RATE_LIMIT = os.environ.get("CAMPAIGN_PARTNER_ATTEMPT_RATE_LIMIT", "1800/hour")
# The contact e-mail of an activity is blanked this long after its campaign ends.
CAMPAIGN_RETENTION_DAYS = int(os.environ.get("CAMPAIGN_RETENTION_DAYS", "365"))
# The live chat (docs/helpline.md, "Chat"): opening hours in the site's time zone, how many
# chats a counsellor holds at once by default, and the limits of its public side.
HELPLINE_CHAT_HOURS = os.environ.get("HELPLINE_CHAT_HOURS", "mon-sun 08:00-22:00")
HELPLINE_CHAT_CAPACITY = int(os.environ.get("HELPLINE_CHAT_CAPACITY", "3"))
HELPLINE_CHAT_START_RATE_LIMIT = os.environ.get("HELPLINE_CHAT_START_RATE_LIMIT", "10/hour")  # chats per client
HELPLINE_CHAT_JOIN_RATE_LIMIT = os.environ.get("HELPLINE_CHAT_JOIN_RATE_LIMIT", "60/minute")  # (re)connections
HELPLINE_CHAT_MESSAGE_RATE_LIMIT = os.environ.get("HELPLINE_CHAT_MESSAGE_RATE_LIMIT", "30/minute")  # per chat
# The chat's database work runs in a pool of threads (off: in one thread per process).
HELPLINE_CHAT_PARALLEL_DATABASE = env_bool("HELPLINE_CHAT_PARALLEL_DATABASE", True)
# A queued visitor whose page has gone for this long has left the queue.
HELPLINE_CHAT_QUEUE_GRACE_SECONDS = int(os.environ.get("HELPLINE_CHAT_QUEUE_GRACE_SECONDS", "120"))
# The neutral page the quick-exit button (and Esc) of the helpline and hotline pages opens.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.google.com/")

# Hotline, after assessment (docs/hotline.md, "Tracing, forwarding, notices").
HOTLINE_COUNTRY = os.environ.get("HOTLINE_COUNTRY", "CZ")  # the centre's own country (ISO code)
HOTLINE_ORGANISATION = os.environ.get("HOTLINE_ORGANISATION", "Safer Internet Centre")  # signs notices
HOTLINE_POLICE = os.environ.get("HOTLINE_POLICE", "Policie ČR")  # who takes reports for the police
# Name servers for tracing and for the takedown monitor ("ip" or "ip:port", comma-separated);
# empty = the system's resolver.
HOTLINE_DNS_RESOLVERS = [
    item.strip() for item in os.environ.get("HOTLINE_DNS_RESOLVERS", "").split(",") if item.strip()
]
HOTLINE_DNS_TIMEOUT = float(os.environ.get("HOTLINE_DNS_TIMEOUT", "3"))
# MaxMind-format databases (GeoLite2 Country and ASN or compatible); a missing file = "unknown".
HOTLINE_GEOIP_COUNTRY_DB = os.environ.get("HOTLINE_GEOIP_COUNTRY_DB", str(BASE_DIR / "geoip" / "GeoLite2-Country.mmdb"))
HOTLINE_GEOIP_ASN_DB = os.environ.get("HOTLINE_GEOIP_ASN_DB", str(BASE_DIR / "geoip" / "GeoLite2-ASN.mmdb"))
# An RDAP service asked for the network's abuse contact ("{base}ip/{address}"); empty = not asked.
HOTLINE_RDAP_URL = os.environ.get("HOTLINE_RDAP_URL", "")
HOTLINE_RDAP_TIMEOUT = float(os.environ.get("HOTLINE_RDAP_TIMEOUT", "5"))
# Takedown monitor: how often an address is checked, when a notice is sent again while the
# content is still online, and the timeout of each check.
HOTLINE_MONITOR_INTERVAL_MINUTES = int(os.environ.get("HOTLINE_MONITOR_INTERVAL_MINUTES", "60"))
HOTLINE_NOTICE_RESEND_HOURS = int(os.environ.get("HOTLINE_NOTICE_RESEND_HOURS", "24"))
HOTLINE_MONITOR_TIMEOUT = float(os.environ.get("HOTLINE_MONITOR_TIMEOUT", "5"))
# Tests only: lets the takedown monitor and webhooks reach servers on 127.0.0.1. Private,
# link-local and reserved addresses stay refused whatever this says.
OUTBOUND_ALLOW_LOOPBACK = False

# Partner sites (docs/partners.md): API keys, rate limits, CORS, embeds, webhooks.
API_RATE_LIMIT_ANONYMOUS = os.environ.get("API_RATE_LIMIT_ANONYMOUS", "120/minute")  # per client address
API_RATE_LIMIT_PARTNER = os.environ.get("API_RATE_LIMIT_PARTNER", "1200/minute")  # per partner, all its keys
HOTLINE_PARTNER_RATE_LIMIT = os.environ.get("HOTLINE_PARTNER_RATE_LIMIT", "600/hour")  # reports per platform
HOTLINE_PARTNER_ATTEMPT_RATE_LIMIT = os.environ.get("HOTLINE_PARTNER_ATTEMPT_RATE_LIMIT", "1800/hour")
# Browsers may call /api/ and /embed/ only from active partners' origins, without credentials.
CORS_URLS_REGEX = r"^/(api|embed)/"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]  # all the API answers
CORS_ALLOW_HEADERS = ["accept", "accept-language", "authorization", "content-type", "idempotency-key", "if-none-match"]
CORS_EXPOSE_HEADERS = ["etag", "retry-after", "content-language"]
CORS_PREFLIGHT_MAX_AGE = 3600
# Who may frame /embed/ pages (a CSP frame-ancestors list); "*" = any site.
EMBED_FRAME_ANCESTORS = os.environ.get("EMBED_FRAME_ANCESTORS", "*")
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "8"))
WEBHOOK_RETRY_BASE_SECONDS = int(os.environ.get("WEBHOOK_RETRY_BASE_SECONDS", "60"))
WEBHOOK_DISABLE_AFTER = int(os.environ.get("WEBHOOK_DISABLE_AFTER", "20"))  # failed attempts in a row
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "centre@localhost")

# Outgoing mail: EMAIL_URL, e.g. submission://user:password@mail.example.cz:587 (STARTTLS)
# or smtp://user:password@mail.example.cz:465/?ssl=True (docs/deployment.md); unset = an SMTP
# server on localhost:25. Every message
# the centre sends is recorded with its state and retried with backoff (docs/security.md).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    globals().update(dj_email_url.parse(EMAIL_URL))
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))  # a worker never hangs on a dead server
OUTGOING_MAX_ATTEMPTS = int(os.environ.get("OUTGOING_MAX_ATTEMPTS", "6"))
OUTGOING_RETRY_BASE_SECONDS = int(os.environ.get("OUTGOING_RETRY_BASE_SECONDS", "300"))  # 5 min, 10, 20…
