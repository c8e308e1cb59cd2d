from django import forms
from django.utils.translation import gettext_lazy as _

from cms.core import page_kinds
from cms.core.scopes import Scope


class IssueKeyForm(forms.Form):
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple, initial=[Scope.CONTENT_READ]
    )


class RevokeKeyForm(forms.Form):
    prefix = forms.CharField(widget=forms.HiddenInput)


class SubscribeForm(forms.Form):
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=page_kinds.webhook_event_choices, widget=forms.CheckboxSelectMultiple
    )


class SubscriptionForm(forms.Form):
    subscription = forms.IntegerField(widget=forms.HiddenInput)
