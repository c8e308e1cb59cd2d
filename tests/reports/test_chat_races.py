"""A chat is never held by two counsellors: counsellors taking the last waiting visitor at
the same moment, on real concurrent connections (PostgreSQL); and the database's own rule."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from reports.helpline.chat import assignment, conversations
from reports.models import ChatConversation, ChatEvent, ChatState, CounsellorPresence, HelplineContact

START = {"age_band": "12-15", "role": "child"}


@pytest.mark.django_db
def test_the_database_refuses_an_active_chat_without_a_counsellor():
    conversation, _token = conversations.start(START, "cs")
    with pytest.raises(IntegrityError), transaction.atomic():
        ChatConversation.objects.filter(pk=conversation.pk).update(state=ChatState.ACTIVE)


def at_once(functions):
    """Run each function in its own thread (own database connection), released together."""
    barrier, results = threading.Barrier(len(functions)), [None] * len(functions)

    def run(index):
        try:
            barrier.wait()
            results[index] = functions[index]()
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(functions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_counsellors_racing_for_the_last_visitor_never_both_get_it(django_user_model, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs real concurrent connections (PostgreSQL)")
    counsellors = [django_user_model.objects.create_user(f"c{number}") for number in range(4)]
    for user in counsellors:
        assignment.set_presence(user, CounsellorPresence.Status.AVAILABLE, 3)
    conversation, _token = conversations.start(START, "cs")
    # Every counsellor has seen the visitor waiting before any of them claims it.
    all_looked, real_claim = threading.Barrier(len(counsellors), timeout=20), assignment._claim

    def claim_after_everyone_looked(conversation_id, user):
        all_looked.wait()
        return real_claim(conversation_id, user)

    monkeypatch.setattr(assignment, "_claim", claim_after_everyone_looked)
    results = at_once([lambda user=user: assignment.take_next(user) for user in counsellors])

    winners = [result for result in results if isinstance(result, ChatConversation)]
    assert len(winners) == 1 and results.count(None) == len(counsellors) - 1, results
    conversation.refresh_from_db()
    assert conversation.state == ChatState.ACTIVE and conversation.counsellor == winners[0].counsellor
    assert HelplineContact.objects.count() == 1
    assert ChatEvent.objects.filter(kind=ChatEvent.Kind.TAKEN).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_consoles_of_one_counsellor_never_exceed_the_capacity(django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("needs real concurrent connections (PostgreSQL)")
    user = django_user_model.objects.create_user("busy")
    assignment.set_presence(user, CounsellorPresence.Status.AVAILABLE, 1)
    for _visitor in range(2):
        conversations.start(START, "cs")

    def take():
        try:
            return assignment.take_next(user)
        except assignment.ChatRefused as refused:
            return refused

    results = at_once([take, take])
    assert sum(isinstance(result, ChatConversation) for result in results) == 1
    assert ChatConversation.objects.filter(counsellor=user).count() == 1


@pytest.mark.django_db(transaction=True)
def test_messages_sent_at_once_are_numbered_without_gaps_or_duplicates(django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("needs real concurrent connections (PostgreSQL)")
    conversation, _token = conversations.start(START, "cs")
    sends = [
        lambda number=number: conversations.post(conversation.pk, "visitor", f"m{number}", f"id{number % 6}")
        for number in range(12)
    ]
    results = at_once(sends)
    assert not [result for result in results if isinstance(result, Exception)], results
    numbers = sorted(conversation.messages.values_list("seq", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]  # six distinct client ids, each stored once, numbered 1…6
