"""The Academy's forms where a page shows them (a workshop, a programme, the Academy's own
page), and a programme's free seats."""

from django import template

from ..academy.intake import seats_taken
from ..academy.site import inquiry_form_context, registration_form_context

register = template.Library()


@register.inclusion_tag("home/academy/inquiry_form.html")
def academy_inquiry_form(workshop=None, programme=None):
    return inquiry_form_context(workshop, programme)


@register.inclusion_tag("home/academy/registration_form.html")
def academy_registration_form(programme):
    return registration_form_context(programme)


@register.simple_tag
def seats_left(programme):
    holder = programme.seat_holder()
    return max(0, holder.capacity - seats_taken(holder))
