"""The test suite: fast hashing, in-memory media, plain static storage."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
# A second connection to the same test database, for the read-replica router's tests
# (tests/test_read_replica.py); nothing is routed to it unless API_READ_DATABASE names it.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
API_READ_DATABASE = ""
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="sic-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = tempfile.mkdtemp(prefix="sic-test-static-")
WHITENOISE_USE_FINDERS = True
FIELD_ENCRYPTION_KEY = "aZ6RVyw3BKGJ6_5QsXaWdyfz1cOF9nK4rzEFAE0VOQk="  # a test-only Fernet key
HOTLINE_RATE_LIMIT = "10/hour"
OUTBOUND_ALLOW_LOOPBACK = True  # the monitor tests run their servers on 127.0.0.1
# Off: a request that takes a new lease of the window runs extra cache queries, which
# would upset the tests that count queries. The limiter's tests set their own limits.
API_RATE_LIMIT_ANONYMOUS = ""
# Sign-in checks are switched on by the tests that exercise them (tests/security/test_sign_in.py);
# elsewhere force_login stands for a full sign-in.
TWO_FACTOR_REQUIRED = False
AXES_ENABLED = False
# Tasks run at once, in the test's process; tests/security/test_worker.py runs the real
# worker process against the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("TEST_TASKS_BACKEND") == "database":  # the worker process that test starts
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
HELPLINE_CHAT_HOURS = "mon-sun 00:00-24:00"  # the chat is always open here (tests of closing set hours)
# The consumers' database work runs on the test's thread, in its transaction (tests/reports/chat_clients.py).
HELPLINE_CHAT_PARALLEL_DATABASE = False
