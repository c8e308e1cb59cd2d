"""The Academy's staff inbox in the admin: inquiries by status, each with its lecturer,
notes, agreed date and the event it became; and the programmes' registrations, where a
cancellation hands its seats to the waiting list. The rules are ``inbox``'s."""

from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from ..models.academy_cases import ProgrammeRegistration, WorkshopInquiry
from . import inbox
from .calendar import inquiry_calendar

ACADEMY_GROUP = "Academy"


class InquiryForm(WagtailAdminModelForm):
    message_to_school = forms.CharField(
        label=_("Message to the school"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Sent by e-mail in the school's language when you save, signed with your name; kept with the inquiry."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_status = self.instance.status
        if "lecturer" in self.fields:
            self.fields["lecturer"].queryset = (
                get_user_model().objects.filter(is_active=True, groups__name=ACADEMY_GROUP).order_by("last_name")
            )

    def clean(self):
        cleaned = super().clean()
        for field, message in inbox.inquiry_errors(self.instance_with(cleaned), self.previous_status).items():
            self.add_error(field if field in self.fields else None, message)
        return cleaned

    def instance_with(self, cleaned):
        """The inquiry as it would be saved, to check the move to its new status."""
        inquiry = WorkshopInquiry(pk=self.instance.pk, status=cleaned.get("status", self.previous_status))
        for name in ("scheduled_start", "scheduled_end", "venue", "lecturer", "participants"):
            setattr(inquiry, name, cleaned.get(name, getattr(self.instance, name)))
        inquiry.venue = inquiry.venue or ""
        return inquiry


class InquiryEditView(EditView):
    def save_instance(self):
        inquiry = self.form.save(commit=False)
        message = self.form.cleaned_data.get("message_to_school", "")
        inbox.save_inquiry(inquiry, self.form.previous_status, self.request.user, message)
        self.form.save_m2m()
        return inquiry


def _event_links(inquiry):
    links = []
    if inquiry.event_id is not None:
        links.append((reverse("wagtailadmin_pages:edit", args=[inquiry.event_id]), _("Edit the event"), False))
    if inquiry.scheduled_start and inquiry.scheduled_end:
        links.append((reverse("academy_inquiries:calendar", args=[inquiry.pk]), _("Calendar file (.ics)"), True))
    if not links:
        return _("Once scheduled, the workshop becomes a draft event you can publish.")
    return format_html_join(
        " · ",
        '<a href="{}"{}>{}</a>',
        ((url, " download" if download else "", label) for url, label, download in links),
    )


class EmailsPanel(Panel):
    """What the Academy sent the school: each e-mail, its state, and staff's messages."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/academy/emails_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["emails"] = self.instance.emails.select_related("sent_by") if self.instance.pk else []
            return context


class EventLinksPanel(Panel):
    """The event a scheduled workshop became: its editor and its calendar file."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/academy/event_links_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["links"] = _event_links(self.instance)
            return context


class InquiryViewSet(ModelViewSet):
    """New inquiries first; filter by status and region."""

    model = WorkshopInquiry
    icon = "group"
    menu_label = _("Workshop inquiries")
    menu_order = 1
    list_display = ["reference", "organisation", "region", "group_size", "received_at", "status", "lecturer"]
    list_filter = ["status", "region", "language"]
    search_fields = ["reference", "organisation"]
    search_backend_name = None
    ordering = ["status", "-received_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["reference", "received_at", "organisation", "ico", "region", "group_size", "status"]
    edit_view_class = InquiryEditView
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("reference", read_only=True),
                            FieldPanel("received_at", read_only=True),
                            FieldPanel("language", read_only=True),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("organisation", read_only=True), FieldPanel("ico", read_only=True)]),
                    FieldRowPanel([FieldPanel("region", read_only=True), FieldPanel("group_size", read_only=True)]),
                    FieldRowPanel(
                        [
                            FieldPanel("contact_name", read_only=True),
                            FieldPanel("email", read_only=True),
                            FieldPanel("phone", read_only=True),
                        ]
                    ),
                    FieldPanel("audiences", read_only=True),
                    FieldPanel("topics", read_only=True),
                    FieldRowPanel([FieldPanel("workshop", read_only=True), FieldPanel("programme", read_only=True)]),
                    FieldPanel("preferred_dates", read_only=True),
                    FieldPanel("message", read_only=True),
                ],
                heading=_("What the school sent"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("lecturer"),
                    FieldRowPanel([FieldPanel("scheduled_start"), FieldPanel("scheduled_end")]),
                    FieldPanel("venue"),
                    FieldPanel("participants"),
                    FieldPanel("notes"),
                    EventLinksPanel(heading=_("Event")),
                    FieldPanel("message_to_school"),
                    EmailsPanel(heading=_("E-mails to the school")),
                ],
                heading=_("The Academy's handling"),
            ),
        ],
        base_form_class=InquiryForm,
    )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/calendar.ics", self.calendar_view, name="calendar")]

    def calendar_view(self, request, pk):
        """The scheduled workshop's calendar file, for the lecturer and the school (a draft
        event too: the school gets it before anything is published)."""
        if not self.permission_policy.user_has_permission(request.user, "view"):
            return HttpResponse(status=403)
        inquiry = get_object_or_404(WorkshopInquiry.objects.select_related("workshop"), pk=pk)
        ics = inquiry_calendar(inquiry)
        if ics is None:
            return HttpResponse(status=404)
        response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{inquiry.reference}.ics"'
        return response


class RegistrationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_status = self.instance.status

    def clean(self):
        cleaned = super().clean()
        registration = ProgrammeRegistration(
            pk=self.instance.pk,
            programme=self.instance.programme,
            seats=self.instance.seats,
            status=cleaned.get("status", self.previous_status),
        )
        for field, message in inbox.registration_errors(registration, self.previous_status).items():
            self.add_error(field, message)
        return cleaned


class RegistrationEditView(EditView):
    def save_instance(self):
        registration = self.form.save(commit=False)
        return inbox.save_registration(registration, self.form.previous_status)


class RegistrationViewSet(ModelViewSet):
    """Registrations by programme, in the order they came: confirmed, waiting, cancelled."""

    model = ProgrammeRegistration
    icon = "list-ul"
    menu_label = _("Programme registrations")
    menu_order = 2
    list_display = ["reference", "programme", "organisation", "seats", "status", "received_at"]
    list_filter = ["status", "programme"]
    search_fields = ["reference", "organisation"]
    search_backend_name = None
    ordering = ["programme", "received_at"]
    edit_view_class = RegistrationEditView
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [
                    FieldPanel("reference", read_only=True),
                    FieldPanel("received_at", read_only=True),
                    FieldPanel("programme", read_only=True),
                ]
            ),
            FieldRowPanel(
                [
                    FieldPanel("organisation", read_only=True),
                    FieldPanel("contact_name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("seats", read_only=True),
                ]
            ),
            FieldPanel("status"),
        ],
        base_form_class=RegistrationForm,
    )
