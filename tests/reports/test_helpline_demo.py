"""``manage.py load_helpline_demo``: a queue for the demo's counsellors, in both languages."""

import io

import pytest
from django.core.management import call_command

from reports.models import ChatConversation, CounsellorPresence, HelplineContact

pytestmark = pytest.mark.django_db


def test_the_demo_gives_a_queue_in_both_languages_once(django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@centre.example", "pass")
    output = io.StringIO()
    call_command("load_helpline_demo", stdout=output)
    contacts = HelplineContact.objects.exclude(channel="chat")
    assert contacts.count() == 4 and set(contacts.values_list("language", flat=True)) == {"cs", "en"}
    assert contacts.filter(urgent=True).count() == 1 and contacts.filter(status="waiting").count() == 1
    assert contacts.filter(messages__kind="reply").count() == 1
    chats = ChatConversation.objects.all()
    assert chats.count() == 2 and set(chats.values_list("language", flat=True)) == {"cs", "en"}
    assert {chat.state for chat in chats} == {"closed"} and all(chat.messages.count() >= 4 for chat in chats)
    assert HelplineContact.objects.filter(channel="chat", status="closed").count() == 2
    assert not CounsellorPresence.objects.filter(status="available").exists()  # the admin is away again
    call_command("load_helpline_demo", stdout=output)
    assert HelplineContact.objects.count() == 6 and ChatConversation.objects.count() == 2
    assert output.getvalue().splitlines()[-1].endswith(": 0.")
