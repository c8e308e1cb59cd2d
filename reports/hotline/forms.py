"""Forms of the analysts' workspace. Each carries the case version it was built from."""

import django_filters
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    Category,
    Classification,
    CloseReason,
    Forward,
    HotlineReport,
    MediaKind,
    PartnerHotline,
    SiteType,
    Status,
    VictimAgeGroup,
    VictimGender,
)


class CaseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AssignForm(CaseForm):
    pass


class AssessForm(CaseForm):
    ASSESSMENT_FIELDS = ("classification", "content_type", "site_type", "victim_age_group", "victim_gender")

    reported_url = forms.IntegerField(widget=forms.HiddenInput)
    # No verdict comes preselected: the analyst chooses one (an empty choice is refused).
    classification = forms.ChoiceField(label=_("Classification"), choices=[("", "—"), *Classification.choices])
    content_type = forms.ChoiceField(label=_("Content type"), choices=[("", "—"), *MediaKind.choices])
    site_type = forms.ChoiceField(label=_("Site type"), choices=[("", "—"), *SiteType.choices])
    victim_age_group = forms.ChoiceField(
        label=_("Victim's age group"), choices=[("", "—"), *VictimAgeGroup.choices], required=False
    )
    victim_gender = forms.ChoiceField(
        label=_("Victim's gender"), choices=[("", "—"), *VictimGender.choices], required=False
    )


class NoteForm(CaseForm):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class CloseForm(CaseForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=CloseReason.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)


class AddressForm(CaseForm):
    reported_url = forms.IntegerField(widget=forms.HiddenInput)


class TraceForm(AddressForm):
    pass


class CheckForm(AddressForm):
    pass


class AbuseContactForm(AddressForm):
    abuse_contact = forms.EmailField(label=_("Abuse contact"), max_length=254)


class ForwardForm(AddressForm):
    recipient = forms.ChoiceField(label=_("Forward to"), choices=Forward.Recipient.choices)
    partner_hotline = forms.ModelChoiceField(
        label=_("Partner hotline"), queryset=PartnerHotline.objects.filter(active=True), required=False
    )
    recipient_name = forms.CharField(
        label=_("Recipient's name"), max_length=200, required=False, help_text=_("Empty: the partner hotline's name.")
    )
    their_reference = forms.CharField(label=_("Their reference"), max_length=100, required=False)

    def clean(self):
        data = super().clean()
        partner = data.get("partner_hotline")
        if data.get("recipient") == Forward.Recipient.PARTNER_HOTLINE:
            if partner is None:
                self.add_error("partner_hotline", _("Choose the partner hotline."))
            elif not data.get("recipient_name"):
                data["recipient_name"] = partner.organisation
        else:
            data["partner_hotline"] = None
            if data.get("recipient") == Forward.Recipient.POLICE and not data.get("recipient_name"):
                data["recipient_name"] = settings.HOTLINE_POLICE
        if not data.get("recipient_name") and "partner_hotline" not in self.errors:
            self.add_error("recipient_name", _("Name the recipient."))
        return data


class ForwardReferenceForm(CaseForm):
    forward = forms.IntegerField(widget=forms.HiddenInput)
    their_reference = forms.CharField(label=_("Their reference"), max_length=100)


class NoticeForm(CaseForm):
    reported_urls = forms.TypedMultipleChoiceField(
        label=_("Addresses"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    explanation = forms.CharField(
        label=_("Further explanation"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for other illegal content: name the legal provision."),
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_urls"].choices = choices


class QueueFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices, empty_label=_("any"))
    older_than = django_filters.ChoiceFilter(
        label=_("Waiting longer than"),
        choices=[("1", _("1 day")), ("3", _("3 days")), ("7", _("7 days")), ("30", _("30 days"))],
        empty_label=_("any time"),
        method="filter_older_than",
    )
    mine = django_filters.BooleanFilter(label=_("Assigned to me"), method="filter_mine", widget=forms.CheckboxInput)

    class Meta:
        model = HotlineReport
        fields = ["status", "category"]

    def filter_older_than(self, queryset, name, value):
        return queryset.filter(received_at__lt=timezone.now() - timezone.timedelta(days=int(value)))

    def filter_mine(self, queryset, name, value):
        return queryset.filter(assigned_to=self.request.user) if value else queryset
