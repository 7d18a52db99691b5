"""Events: an event ends after it starts."""

import datetime

import pytest
from django.core.exceptions import ValidationError


def test_an_event_ending_before_it_starts_is_refused(tree):
    event = tree.event
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_an_event_ending_when_it_starts_is_refused(tree):
    event = tree.event
    event.end = event.start
    with pytest.raises(ValidationError):
        event.full_clean()


def test_an_event_without_end_is_accepted(tree):
    event = tree.event
    event.end = None
    event.full_clean()


def test_registration_link_shows_when_registration_is_required(client, tree):
    event = tree.event
    event.registration_required = True
    event.registration_url = "https://stad.gent/inschrijven"
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "Inschrijven is verplicht" in html
    assert "https://stad.gent/inschrijven" in html
