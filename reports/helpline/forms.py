"""Forms of the counsellors' workspace. Each change carries the contact version it was built from."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    OFFLINE_CHANNELS,
    AgeBand,
    ContactChannel,
    ContactOutcome,
    ContactStatus,
    Gender,
    HelplineCategory,
    HelplineContact,
    Platform,
    ReferralService,
    Role,
    Subcategory,
)
from ..models.helpline import MAX_MESSAGE_LENGTH

TEXT = {"widget": forms.Textarea(attrs={"rows": 4}), "max_length": MAX_MESSAGE_LENGTH}


def counsellors():
    """Users who may work on contacts (by group or directly), for assigning."""
    allowed = Q(groups__permissions__codename="access_helpline") | Q(user_permissions__codename="access_helpline")
    return get_user_model().objects.filter(allowed | Q(is_superuser=True), is_active=True).distinct()


class ContactForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AssignForm(ContactForm):
    counsellor = forms.ModelChoiceField(
        label=_("Counsellor"), queryset=None, required=False, empty_label=_("me"), help_text=_("Empty: yourself.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellor"].queryset = counsellors()


class ReplyForm(ContactForm):
    text = forms.CharField(label=_("Reply"), **TEXT)


class NoteForm(ContactForm):
    text = forms.CharField(label=_("Internal note"), **TEXT)


class CategoriseForm(ContactForm):
    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *HelplineCategory.choices])
    subcategory = forms.ModelChoiceField(
        label=_("Subcategory"), queryset=Subcategory.objects.filter(active=True), required=False
    )

    def clean(self):
        data = super().clean()
        subcategory = data.get("subcategory")
        if subcategory and data.get("category") and subcategory.category != data["category"]:
            self.add_error("subcategory", _("This subcategory belongs to another category."))
        return data


class RemoveCategoryForm(ContactForm):
    item = forms.IntegerField(widget=forms.HiddenInput)


class UrgencyForm(ContactForm):
    urgent = forms.BooleanField(label=_("Urgent"), required=False)


class ReferForm(ContactForm):
    service = forms.ModelChoiceField(
        label=_("Refer to"),
        queryset=ReferralService.objects.filter(active=True).exclude(kind=ReferralService.Kind.HOTLINE),
    )


class FollowUpForm(ContactForm):
    day = forms.DateField(
        label=_("Follow up on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: none."),
    )


class CaseForm(ContactForm):
    case_reference = forms.CharField(
        label=_("Case"), max_length=20, required=False, help_text=_("A case reference (PK-…); empty: a new case.")
    )


class CloseForm(ContactForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *ContactOutcome.choices])


class ReopenForm(ContactForm):
    pass


class HotlineReferralForm(ContactForm):
    """Addresses from a contact filed with the hotline; checked by the hotline's own serializer."""

    urls = forms.CharField(label=_("Addresses (one per line)"), widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(label=_("What is it?"), choices=[])
    source_type = forms.ChoiceField(label=_("Where is it?"), choices=[])
    description = forms.CharField(
        label=_("For the analysts (no personal data)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, categories=(), source_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "—"), *categories]
        self.fields["source_type"].choices = [("", "—"), *source_types]


class OfflineContactForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=[(c.value, c.label) for c in OFFLINE_CHANNELS])
    received_at = forms.DateTimeField(
        label=_("When"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Empty: now."),
    )
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=0, max_value=600, required=False)
    age_band = forms.ChoiceField(label=_("Age"), choices=AgeBand.choices, initial=AgeBand.UNKNOWN)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.UNKNOWN)
    role = forms.ChoiceField(label=_("Who was asking"), choices=Role.choices)
    platform = forms.ChoiceField(label=_("Where it happened"), choices=Platform.choices, initial=Platform.UNKNOWN)
    categories = forms.MultipleChoiceField(
        label=_("Categories"), choices=HelplineCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    summary = forms.CharField(label=_("Summary (internal note)"), required=False, **TEXT)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("still open")), *ContactOutcome.choices],
        required=False,
        help_text=_("Given: the contact is logged as closed."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=[("cs", "čeština"), ("en", "English")])

    def clean_received_at(self):
        value = self.cleaned_data.get("received_at")
        if value and value > timezone.now():
            raise forms.ValidationError(_("This time is in the future."))
        return value


class QueueFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=ContactStatus.choices, widget=forms.CheckboxSelectMultiple
    )
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=ContactChannel.choices, empty_label=_("any"))
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=HelplineCategory.choices, empty_label=_("any"), method="filter_category"
    )
    urgent = django_filters.BooleanFilter(label=_("Urgent only"), method="filter_urgent", widget=forms.CheckboxInput)
    mine = django_filters.BooleanFilter(label=_("Assigned to me"), method="filter_mine", widget=forms.CheckboxInput)
    unassigned = django_filters.BooleanFilter(
        label=_("Not assigned"), method="filter_unassigned", widget=forms.CheckboxInput
    )
    follow_up_due = django_filters.BooleanFilter(
        label=_("Follow-up due"), method="filter_follow_up_due", widget=forms.CheckboxInput
    )

    class Meta:
        model = HelplineContact
        fields = ["status", "channel"]

    def filter_category(self, queryset, name, value):
        return queryset.filter(categories__category=value).distinct()

    def filter_urgent(self, queryset, name, value):
        return queryset.filter(urgent=True) if value else queryset

    def filter_mine(self, queryset, name, value):
        return queryset.filter(assigned_to=self.request.user) if value else queryset

    def filter_unassigned(self, queryset, name, value):
        return queryset.filter(assigned_to=None) if value else queryset

    def filter_follow_up_due(self, queryset, name, value):
        return queryset.filter(follow_up_on__lte=timezone.localdate()) if value else queryset


class SearchForm(forms.Form):
    """Past contacts: by reference or case, by codes and dates, and by words in what the
    person wrote (decrypted to compare, within the newest ``SEARCH_WINDOW`` matches)."""

    reference = forms.CharField(label=_("Reference"), max_length=20, required=False)
    case = forms.CharField(label=_("Case"), max_length=20, required=False)
    text = forms.CharField(label=_("Words in the messages or nickname"), max_length=100, required=False)
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("any")), *HelplineCategory.choices], required=False
    )
    age_band = forms.ChoiceField(label=_("Age"), choices=[("", _("any")), *AgeBand.choices], required=False)
    role = forms.ChoiceField(label=_("Who was asking"), choices=[("", _("any")), *Role.choices], required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("any")), *ContactChannel.choices], required=False)
    received_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    received_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if not any(value for value in data.values()):
            raise forms.ValidationError(_("Give at least one criterion."))
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", _("The end of the period is before its start."))
        return data
