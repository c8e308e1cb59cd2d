"""``intake.submit``: the one entry point of the API and the form, its rules in their order."""

import pytest

from cms.core.scopes import Scope
from reports.api.serializers import HotlineReportSerializer
from reports.hotline import intake
from reports.models import Channel, HotlineReport


def validated(data):
    serializer = HotlineReportSerializer(data=data)
    assert serializer.is_valid(), serializer.errors
    return serializer.validated_data


class Key:
    """A partner key with the scopes given."""

    def __init__(self, *scopes):
        self.scopes, self.partner = scopes, None

    def allows(self, scope):
        return scope in self.scopes


class Quota:
    def __init__(self, wait=None):
        self.calls, self.wait = 0, wait

    def __call__(self):
        self.calls += 1
        if self.wait is not None:
            raise intake.OverQuota(self.wait)


def test_out_of_remit_stores_nothing_and_counts_nothing_whoever_files(db, report_data):
    quota = Quota(wait=30)
    data = validated({**report_data, "category": "cyberbullying"})
    submission = intake.submit(data, Channel.API, partner_key=Key(), quota=quota)
    assert submission.outcome is intake.Outcome.OUT_OF_REMIT and submission.receipt is None
    assert quota.calls == 0 and not HotlineReport.objects.exists()


def test_a_key_without_the_scope_is_refused_before_the_quota_is_counted(db, report_data):
    quota = Quota()
    with pytest.raises(intake.ScopeMissing):
        intake.submit(validated(report_data), Channel.API, partner_key=Key(Scope.CONTENT_READ), quota=quota)
    assert quota.calls == 0 and not HotlineReport.objects.exists()


def test_the_quota_is_counted_before_the_honeypot_so_bots_are_limited_too(db, report_data):
    quota = Quota(wait=30)
    with pytest.raises(intake.OverQuota) as over:
        intake.submit(validated({**report_data, "homepage": "http://spam"}), Channel.API, quota=quota)
    assert over.value.wait == 30 and quota.calls == 1
    decoy = intake.submit(validated({**report_data, "homepage": "http://spam"}), Channel.API, quota=Quota())
    assert decoy.outcome is intake.Outcome.DECOY and decoy.decoy["reference"].startswith("HL-")
    assert not HotlineReport.objects.exists()


def test_a_reused_key_is_a_conflict_on_the_api_and_a_new_report_from_the_form(db, report_data):
    first = intake.submit(validated(report_data), Channel.API, idempotency_key="k1")
    assert first.outcome is intake.Outcome.STORED and first.receipt.created
    other = validated({**report_data, "description": "something else"})
    with pytest.raises(intake.IdempotencyConflict):
        intake.submit(other, Channel.API, idempotency_key="k1")
    intake.submit(validated(report_data), Channel.WEB, idempotency_key="k2")
    again = intake.submit(other, Channel.WEB, idempotency_key="k2")
    assert again.outcome is intake.Outcome.STORED and again.receipt.created
    assert HotlineReport.objects.count() == 3


def test_the_language_defaults_to_the_sites(db, report_data, settings):
    data = validated({key: value for key, value in report_data.items() if key != "language"})
    receipt = intake.submit(data, Channel.API).receipt
    assert receipt.record.language == settings.LANGUAGE_CODE


def test_without_an_idempotency_key_every_submission_is_a_report_of_its_own(db, report_data):
    first = intake.submit(validated(report_data), Channel.API)
    second = intake.submit(validated(report_data), Channel.API)
    assert first.receipt.created and second.receipt.created
    assert first.receipt.record.pk != second.receipt.record.pk
