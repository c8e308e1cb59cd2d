"""Cached API answers show taxonomy labels and counts: a change to a term invalidates them."""

from cms.core.api.signals import invalidate_on_change

from .models import Audience, ResourceType, Topic


def connect():
    for model in (Audience, Topic, ResourceType):
        invalidate_on_change(model)
