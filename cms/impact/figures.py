"""A quarter's impact figures, computed from the records (never kept twice): workshops
held by region and audience, their participants, inquiries by outcome, programme seats,
campaign activities and their reach, embed views and downloads per partner, and youth
contributions. Each table is what the dashboard charts and the CSV exports."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.partners.models import ContentReach, Partner
from cms.partners.reach import flush_reach
from home.models import (
    CampaignActivity,
    InquiryStatus,
    ProgrammePage,
    ProgrammeRegistration,
    Region,
    RegistrationStatus,
    WorkshopInquiry,
    YouthContribution,
)
from home.models.campaigns import ActivityStatus
from home.models.youth import AgeBand, ContributionKind, ContributionStatus
from resources.models import Audience

HELD = (InquiryStatus.HELD, InquiryStatus.CLOSED)


@dataclass
class Table:
    key: str
    title: str
    columns: list  # the first names the rows; the others are numbers
    rows: list = field(default_factory=list)  # [label, number, …]
    received: int = 0  # the youth table only: contributions received (its rows count them three ways)

    @property
    def chart(self):
        """Rows with the share of the largest first number, for a bar chart."""
        largest = max((row[1] for row in self.rows), default=0) or 1
        return [(row, round(100 * row[1] / largest)) for row in self.rows]


def _held(quarter):
    start, end = quarter.datetimes()
    return WorkshopInquiry.objects.filter(status__in=HELD, scheduled_start__gte=start, scheduled_start__lt=end)


def workshops_by_region(quarter):
    counts = {
        row["region"]: row
        for row in _held(quarter).values("region").annotate(workshops=Count("pk"), participants=Sum("participants"))
    }
    rows = [
        [str(label), counts[value]["workshops"], counts[value]["participants"] or 0]
        for value, label in Region.choices
        if value in counts
    ]
    return Table(
        "workshops-by-region",
        _("Workshops held, by region"),
        [_("Region"), _("Workshops"), _("Participants")],
        rows,
    )


def workshops_by_audience(quarter):
    # A workshop for pupils and their teachers counts once under each.
    counts = dict(_held(quarter).values_list("audiences").annotate(count=Count("pk", distinct=True)))
    rows = [[audience.name, counts[audience.pk]] for audience in Audience.objects.all() if counts.get(audience.pk)]
    return Table("workshops-by-audience", _("Workshops held, by audience"), [_("Audience"), _("Workshops")], rows)


def inquiries_by_outcome(quarter):
    start, end = quarter.datetimes()
    received = WorkshopInquiry.objects.filter(received_at__gte=start, received_at__lt=end)
    counts = dict(received.values_list("status").annotate(count=Count("pk")))
    rows = [[str(label), counts[value]] for value, label in InquiryStatus.choices if counts.get(value)]
    return Table(
        "inquiries-by-outcome", _("Workshop inquiries received, by outcome"), [_("Status"), _("Inquiries")], rows
    )


def programme_seats(quarter):
    programmes = ProgrammePage.objects.filter(start__range=(quarter.first_day, quarter.last_day))
    registrations = ProgrammeRegistration.objects.filter(programme__in=programmes)
    seats = {
        row["programme__region"]: row
        for row in registrations.values("programme__region").annotate(
            confirmed=Sum("seats", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Sum("seats", filter=Q(status=RegistrationStatus.WAITING)),
        )
    }
    # A programme and its translations are one programme.
    per_region = dict(programmes.values_list("region").annotate(count=Count("translation_key", distinct=True)))
    rows = [
        [str(label), per_region[value], (seats.get(value) or {}).get("confirmed") or 0,
         (seats.get(value) or {}).get("waiting") or 0]
        for value, label in Region.choices
        if per_region.get(value)
    ]  # fmt: skip
    return Table(
        "programme-seats",
        _("Programmes starting, by region"),
        [_("Region"), _("Programmes"), _("Seats confirmed"), _("Seats on the waiting list")],
        rows,
    )


def campaign_activities(quarter):
    approved = CampaignActivity.objects.filter(
        status=ActivityStatus.APPROVED, date__range=(quarter.first_day, quarter.last_day)
    )
    rows = [
        [row["campaign__title"], row["activities"], row["reach"] or 0]
        for row in approved.values("campaign__title")
        .annotate(activities=Count("pk"), reach=Sum("reach"))
        .order_by("campaign__title")
    ]
    return Table(
        "campaign-activities",
        _("Campaign activities (approved), by campaign"),
        [_("Campaign"), _("Activities"), _("People reached")],
        rows,
    )


def reach_by_partner(quarter):
    flush_reach()
    reach = ContentReach.objects.filter(day__range=(quarter.first_day, quarter.last_day))
    totals = {}
    for partner_id, kind, count in reach.values_list("partner", "kind").annotate(total=Sum("count")):
        totals.setdefault(partner_id, {})[kind] = count
    names = dict(Partner.objects.filter(pk__in=[pk for pk in totals if pk]).values_list("pk", "name"))
    rows = [
        [names.get(partner_id) or _("The centre's site and other sites"), kinds.get("embed-view", 0),
         kinds.get("download", 0)]
        for partner_id, kinds in totals.items()
    ]  # fmt: skip
    rows.sort(key=lambda row: (-row[1] - row[2], row[0]))
    return Table(
        "reach-by-partner",
        _("Embedded views and downloads, by partner"),
        [_("Partner"), _("Embed views"), _("Downloads")],
        rows,
    )


def youth_contributions(quarter):
    start, end = quarter.datetimes()
    received = YouthContribution.objects.filter(received_at__gte=start, received_at__lt=end)
    by_kind = dict(received.values_list("kind").annotate(count=Count("pk")))
    by_status = dict(received.values_list("status").annotate(count=Count("pk")))
    by_age = dict(received.values_list("age_band").annotate(count=Count("pk")))
    rows = [[_("Received: %(what)s") % {"what": label}, by_kind[value]] for value, label in ContributionKind.choices
            if by_kind.get(value)]  # fmt: skip
    rows += [[str(label).capitalize(), by_status[value]] for value, label in ContributionStatus.choices
             if by_status.get(value)]  # fmt: skip
    rows += [[_("Age %(band)s") % {"band": label}, by_age[value]] for value, label in AgeBand.choices
             if by_age.get(value)]  # fmt: skip
    return Table(
        "youth-contributions",
        _("Youth panel contributions"),
        [_("Contributions"), _("Number")],
        rows,
        received=sum(by_kind.values()),
    )


SECTIONS = (
    workshops_by_region,
    workshops_by_audience,
    inquiries_by_outcome,
    programme_seats,
    campaign_activities,
    reach_by_partner,
    youth_contributions,
)
TOTAL_LABELS = {
    "workshops": gettext_lazy("Workshops held"),
    "participants": gettext_lazy("Participants"),
    "inquiries": gettext_lazy("Inquiries received"),
    "activities": gettext_lazy("Campaign activities"),
    "reach": gettext_lazy("People reached by campaigns"),
    "embed_views": gettext_lazy("Embed views"),
    "downloads": gettext_lazy("Downloads"),
    "contributions": gettext_lazy("Youth contributions"),
}


def quarter_figures(quarter):
    """``(totals, tables)`` of ``quarter``: the headline numbers and every table."""
    tables = [section(quarter) for section in SECTIONS]
    by_key = {table.key: table for table in tables}

    def total(key, column):
        return sum(row[column] for row in by_key[key].rows)

    totals = {
        "workshops": total("workshops-by-region", 1),
        "participants": total("workshops-by-region", 2),
        "inquiries": total("inquiries-by-outcome", 1),
        "activities": total("campaign-activities", 1),
        "reach": total("campaign-activities", 2),
        "embed_views": total("reach-by-partner", 1),
        "downloads": total("reach-by-partner", 2),
        "contributions": by_key["youth-contributions"].received,
    }
    return totals, tables
