"""What a case filed by the public has, hotline report or helpline contact: a status token
the person keeps (only its hash is stored) and a version that guards against lost updates.
(Their Idempotency-Key receipts are ``cms.core.models.IdempotencyReceipt``s.)"""

import hashlib
import hmac
import secrets

from django.db import models


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
