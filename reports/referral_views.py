"""A counsellor refers the addresses a person gave to the hotline (``handoff.to_hotline``):
the addresses are checked by the hotline's own serializer, the report is filed with channel
``helpline``, and the contact shows the referral with the report's coarse status."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.core.api.errors import field_messages
from cms.core.form_errors import form_errors_message

from . import handoff
from .api.serializers import HotlineReportSerializer
from .helpline import workflow
from .helpline.admin_views import helpline_access
from .helpline.forms import HotlineReferralForm
from .models import Category, HelplineContact, SourceType


@helpline_access
@require_POST
def refer_to_hotline(request, pk):
    contact = get_object_or_404(HelplineContact, pk=pk)
    form = HotlineReferralForm(request.POST, categories=Category.choices, source_types=SourceType.choices)
    if not form.is_valid():
        messages.error(request, form_errors_message(form))
        return redirect("helpline_contact", pk=contact.pk)
    data = form.cleaned_data
    serializer = HotlineReportSerializer(
        data={
            "urls": [line.strip() for line in data["urls"].splitlines() if line.strip()],
            "category": data["category"],
            "source_type": data["source_type"],
            "description": data["description"],
        }
    )
    if not serializer.is_valid():
        errors = field_messages(serializer.errors)
        text = "; ".join(f"{form.fields[name].label}: {' '.join(found)}" for name, found in errors.items())
        messages.error(request, text)
        return redirect("helpline_contact", pk=contact.pk)
    try:
        referral = handoff.to_hotline(contact, request.user, data["version"], serializer.validated_data)
    except (workflow.StaleContact, workflow.ClosedContact) as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, _("Filed with the hotline as %(reference)s.") % {"reference": referral.hotline_report.reference}
        )
    return redirect("helpline_contact", pk=contact.pk)
