"""The shared limiter's counters (``cms.core.limits``); the table was the partners app's
and kept its name when the model moved here."""

from django.db import models


class RateCounter(models.Model):
    """A limiter's counter when Redis is not there (or not answering): one row per window.

    Incremented with one atomic upsert, so concurrent requests in several workers are
    counted exactly (Django's database cache reads and writes in two steps).
    """

    key = models.CharField(max_length=200, unique=True)
    value = models.BigIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "sic_rate_counter"

    def __str__(self):
        return f"{self.key}: {self.value}"
