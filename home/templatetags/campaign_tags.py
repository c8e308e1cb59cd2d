"""A campaign's approved activities with their totals, and its "get involved" form."""

from django import template

from ..campaigns.site import activity_form_context
from ..models.campaigns import approved_activities

register = template.Library()


@register.simple_tag
def campaign_activities(campaign):
    holder = campaign.activity_holder()
    return {"activities": approved_activities(holder), "totals": campaign.activity_totals()}


@register.inclusion_tag("home/campaigns/form.html")
def campaign_activity_form(campaign):
    return activity_form_context(campaign)
