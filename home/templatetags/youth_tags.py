"""The youth panel's contribution form where the panel's page shows it."""

from django import template

from ..youth.site import contribution_form_context

register = template.Library()


@register.inclusion_tag("home/youth/form.html")
def youth_contribution_form():
    return contribution_form_context()
