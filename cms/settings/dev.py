"""Local development: DEBUG on, a fixed development secret key, a local encryption key."""

from cms.core.local_key import read_local_key

from .base import *  # noqa: F403
from .base import channel_layers, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Without FIELD_ENCRYPTION_KEY, the key `make demo` generated for this checkout.
FIELD_ENCRYPTION_KEY = FIELD_ENCRYPTION_KEY or read_local_key(BASE_DIR)  # noqa: F405
CHANNEL_LAYERS = channel_layers(REDIS_URL, FIELD_ENCRYPTION_KEY.split(",")[0].strip())  # noqa: F405
HELPLINE_CHAT_HOURS = "mon-sun 00:00-24:00"  # the chat is always open here (tests of closing set hours)
# `make demo` serves with DEBUG off (the site's own 404 and 500 pages, as visitors see them):
# static files straight from the apps, uploads from MEDIA_ROOT, no collectstatic needed.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
