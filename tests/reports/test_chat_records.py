"""The chat's records outside the sockets: opening hours, the queue's figures and wait,
retention, the contact page's transcript and statistics."""

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from reports.helpline import retention
from reports.helpline.chat import assignment, conversations, hours, queue
from reports.models import ChatConversation, ChatMessage, ChatState, ContactChannel, CounsellorPresence

pytestmark = pytest.mark.django_db

START = {"age_band": "12-15", "role": "child", "nickname": "Kuba"}
PRAGUE = datetime.timezone(datetime.timedelta(hours=1))


def at(day, hour, minute=0):
    """A moment in December 2026 (the 7th is a Monday), Prague winter time."""
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=PRAGUE)


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (at(7, 7, 59), False),
        (at(7, 8), True),
        (at(11, 19, 59), True),
        (at(11, 20), False),
        (at(12, 9), False),
        (at(12, 10), True),
        (at(13, 17, 59), True),
        (at(13, 18), False),
    ],
)
def test_opening_hours_follow_the_schedule_in_the_sites_time_zone(settings, moment, is_open):
    settings.TIME_ZONE = "Europe/Prague"
    settings.HELPLINE_CHAT_HOURS = "mon-fri 08:00-20:00; sat-sun 10:00-18:00"
    assert hours.is_open(moment) is is_open


@pytest.mark.parametrize(
    "spec", ["mon-fri 8-20", "mon-xyz 08:00-20:00", "fri-mon 08:00-20:00", "mon 20:00-08:00", "mon 25:00-26:00"]
)
def test_a_schedule_that_cannot_be_read_is_a_clear_error(spec):
    with pytest.raises(ImproperlyConfigured, match="HELPLINE_CHAT_HOURS"):
        hours.schedule(spec)


def test_the_closed_page_lists_the_opening_times(client, settings):
    settings.HELPLINE_CHAT_HOURS = "mon-fri 08:00-20:00; sat 10:00-14:00"
    if hours.is_open():
        settings.HELPLINE_CHAT_HOURS = "sun 00:00-00:01" if timezone.localtime().weekday() != 6 else "mon 00:00-00:01"
    html = client.get("/en/help/chat/").content.decode()
    assert "The chat is closed now." in html


def test_the_wait_is_nothing_while_a_counsellor_has_room_and_grows_with_the_queue(django_user_model):
    counsellor = django_user_model.objects.create_user("c1")
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE, 2)
    started = [conversations.start(START, "cs")[0] for _visitor in range(5)]
    snapshot = queue.snapshot()
    assert snapshot.waiting == [chat.pk for chat in started] and snapshot.free_places == 2
    assert [snapshot.expected_minutes(snapshot.place(chat.pk)) for chat in started] == [0, 0, 15, 30, 45]
    assignment.take_next(counsellor)
    snapshot = queue.snapshot()
    assert snapshot.place(started[1].pk) == 1 and snapshot.free_places == 1 and snapshot.active == 1
    assert snapshot.figures()["today"] == {"started": 5, "answered": 1, "abandoned": 0}
    assert snapshot.place(started[0].pk) is None


def test_visitors_gone_from_the_queue_are_forgotten_after_the_grace_time(settings):
    settings.HELPLINE_CHAT_QUEUE_GRACE_SECONDS = 60
    gone, _token = conversations.start(START, "cs")
    here, _token = conversations.start(START, "cs")
    conversations.visitor_seen(here.pk, online=True)  # its page joined; the other's never did, or left
    conversations.visitor_seen(gone.pk, online=False)
    assert queue.expire_stale_queue(timezone.now() + timedelta(seconds=30)) == 0
    assert queue.expire_stale_queue(timezone.now() + timedelta(seconds=61)) == 1
    assert ChatConversation.objects.get(pk=gone.pk).state == ChatState.ABANDONED
    assert ChatConversation.objects.get(pk=here.pk).state == ChatState.QUEUED


def finished_chat(counsellor, ended_days_ago):
    conversation, token = conversations.start(START, "cs")
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE)
    assignment.take_next(counsellor)
    conversations.post(conversation.pk, "visitor", "Šikanují mě", "v1")
    assignment.reply(conversation.pk, counsellor, "Jsem tu s tebou.", "c1")
    conversations.visitor_ends(conversation.pk)
    assignment.close(conversation.pk, counsellor, ["cyberbullying"], "advice")
    conversations.answer_survey(conversation.pk, 4, "Díky")
    past = timezone.now() - timedelta(days=ended_days_ago)
    ChatConversation.objects.filter(pk=conversation.pk).update(ended_at=past)
    return conversation, token


def test_retention_deletes_a_chats_messages_and_keeps_its_figures(counsellor, settings):
    settings.HELPLINE_RETENTION_DAYS = 30
    old, old_token = finished_chat(counsellor, ended_days_ago=31)
    recent, _token = finished_chat(counsellor, ended_days_ago=2)
    result = retention.apply_retention()
    assert (result.chats, result.chat_messages) == (1, 2)
    old.refresh_from_db()
    assert old.nickname == "" and old.survey_comment == "" and old.anonymised_at is not None
    assert old.survey_rating == 4 and old.state == ChatState.CLOSED  # what statistics count stays
    assert not ChatMessage.objects.filter(conversation=old).exists()
    assert ChatMessage.objects.filter(conversation=recent).count() == 2
    assert conversations.find(old_token) is None
    assert retention.apply_retention().chats == 0  # once


def test_retention_command_reports_chats(counsellor, settings):
    import io

    from cms.core import retention

    settings.HELPLINE_RETENTION_DAYS = 30
    finished_chat(counsellor, ended_days_ago=40)
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    # The chats' line, before the lines of the other apps' retention jobs.
    assert "1" in out.getvalue().splitlines()[-1 - len(retention.registered())]
    call_command("apply_retention", stdout=out)
    assert not ChatMessage.objects.exists()


def test_the_contact_page_shows_the_chat_transcript_defanged(client, counsellor):
    conversation, _token = finished_chat(counsellor, ended_days_ago=0)
    ChatMessage.objects.create(
        conversation=conversation, seq=3, sender="visitor", client_id="v9", text="see https://bad.example/x"
    )
    client.force_login(counsellor)
    contact = ChatConversation.objects.get(pk=conversation.pk).contact
    html = client.get(f"/admin/helpline/{contact.pk}/").content.decode()
    assert "Šikanují mě" in html and "Jsem tu s tebou." in html
    assert "hxxps://bad[.]example/x" in html and 'href="https://bad.example' not in html
    assert contact.channel == ContactChannel.CHAT


def test_chats_count_in_the_helpline_statistics(client, counsellor, supervisor):
    finished_chat(counsellor, ended_days_ago=0)
    conversations.visitor_ends(conversations.start(START, "en")[0].pk)  # left the queue
    client.force_login(supervisor)
    response = client.get("/admin/helpline/statistics/export.json?period=month")
    figures = response.json()
    assert figures["contacts"]["by_channel"] == {"chat": 1}
    assert figures["categories"]["by_category"] == {"cyberbullying": 1}
    chats = figures["chats"]
    assert (chats["started"], chats["answered"], chats["left_in_queue"], chats["blocked"]) == (2, 1, 1, 0)
    assert chats["survey_answers"] == 1 and chats["survey_average"] == 4
    assert chats["wait_minutes"]["median_minutes"] is not None
    csv = client.get("/admin/helpline/statistics/export.csv?period=month").content.decode()
    assert "chats,started,,2" in csv and "contacts,by_channel,chat,1" in csv
    page = client.get("/admin/helpline/statistics/?period=month").content.decode()
    assert "Chaty zahájené" in page or "Chats started" in page


def test_a_visitor_in_crisis_is_taken_first_and_the_contact_is_urgent(django_user_model):
    counsellor = django_user_model.objects.create_user("c2")
    assignment.set_presence(counsellor, CounsellorPresence.Status.AVAILABLE, 3)
    earlier, _token = conversations.start({**START, "topic": "gaming"}, "cs")
    crisis, _token = conversations.start({**START, "topic": "self-harm"}, "cs")
    snapshot = queue.snapshot()
    assert (snapshot.place(crisis.pk), snapshot.place(earlier.pk)) == (1, 2)
    assert snapshot.longest_wait_seconds >= 0
    taken = assignment.take_next(counsellor)
    assert taken.pk == crisis.pk and taken.contact.urgent
    assert not assignment.take_next(counsellor).contact.urgent
