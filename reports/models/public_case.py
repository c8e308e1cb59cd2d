"""What a case filed by the public has, hotline report or helpline contact: a status token
the person keeps (only its hash is stored) and a version that guards against lost updates."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone

from cms.core.crypto import EncryptedTextField


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class PublicCase(models.Model):
    # Emptied by retention on the helpline: the token then opens nothing.
    status_token_hash = models.CharField(max_length=64, editable=False, blank=True)
    # Optimistic locking: every change of the case raises it; a form sends the version it
    # was built from, and a change built from an older one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def new_status_token(self):
        token = secrets.token_urlsafe(24)
        self.status_token_hash = hash_token(token)
        return token

    def token_matches(self, token):
        # An emptied hash (retention) never equals a token's.
        return bool(token) and hmac.compare_digest(self.status_token_hash, hash_token(token))


class IdempotencyReceipt(models.Model):
    """An ``Idempotency-Key`` already answered: a retry gets the same record back.

    The key is kept apart from whose key it is (``namespace``: the API's anonymous clients,
    the site's form, or one partner), so no key one submitter can send reaches another's
    receipt. ``request_hash`` fingerprints what was filed: the same key with another body
    is refused, never answered with this receipt. The status token is kept encrypted so the
    retry can repeat it; receipts are deleted after a day by the retention job.
    """

    namespace = models.CharField(max_length=40)
    key_hash = models.CharField(max_length=64)
    request_hash = models.CharField(max_length=64, blank=True)
    status_token = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        abstract = True

    # A retry comes within minutes; a day covers a client that was offline.
    LIFETIME = timedelta(days=1)

    @classmethod
    def delete_expired(cls, now):
        """Delete the receipts older than ``LIFETIME``; their number."""
        deleted, _by_model = cls.objects.filter(created_at__lt=now - cls.LIFETIME).delete()
        return deleted
