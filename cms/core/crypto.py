"""Encryption of personal data at rest, with a key ring that allows rotation.

``FIELD_ENCRYPTION_KEY`` holds one or more Fernet keys separated by commas: the first
encrypts, all of them decrypt. To rotate, put a new key first, deploy, then run
``manage.py rotate_encryption_key``, which re-encrypts every value with the new key;
the old key can then be removed. Fernet is AES-128-CBC with an HMAC-SHA256, from the
``cryptography`` package.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


def configured_keys():
    raw = getattr(settings, "FIELD_ENCRYPTION_KEY", "") or ""
    return tuple(key.strip() for key in raw.split(",") if key.strip())


@lru_cache(maxsize=4)
def _key_ring(keys):
    if not keys:
        raise ImproperlyConfigured(
            "Set FIELD_ENCRYPTION_KEY (a Fernet key; generate one with "
            "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)."
        )
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(f"FIELD_ENCRYPTION_KEY holds a key that is not a Fernet key: {error}") from error


def key_ring():
    return _key_ring(configured_keys())


def encrypt(text):
    return key_ring().encrypt(text.encode()).decode()


def decrypt(token):
    try:
        return key_ring().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured("A value cannot be decrypted with any key in FIELD_ENCRYPTION_KEY.") from error


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token: the column never holds the plain value.

    Empty values stay empty (nothing to protect, and "no e-mail" must stay queryable).
    Not searchable or orderable by its content, by design.
    """

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
