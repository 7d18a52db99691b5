"""Channels are found by kind through settings, so a city swaps a provider without code."""

import pytest

from automation.channels.email import EmailChannel
from automation.channels.letter import LetterChannel
from automation.channels.registry import UnknownChannel, channel_for
from automation.channels.sms import SmsChannel


def test_email_sms_and_letter_have_default_channels():
    assert isinstance(channel_for("email"), EmailChannel)
    assert isinstance(channel_for("sms"), SmsChannel)
    assert isinstance(channel_for("letter"), LetterChannel)


def test_a_setting_replaces_a_channel(settings):
    settings.AUTOMATION_CHANNELS = {"sms": "automation.channels.email.EmailChannel"}
    assert isinstance(channel_for("sms"), EmailChannel)


def test_a_kind_without_a_channel_says_which_setting_to_change(settings):
    settings.AUTOMATION_CHANNELS = {"letter": ""}  # a city that posts no letters
    with pytest.raises(UnknownChannel, match="AUTOMATION_CHANNELS"):
        channel_for("letter")


def test_a_dotted_path_that_is_no_channel_is_refused(settings):
    settings.AUTOMATION_CHANNELS = {"email": "automation.channels.sms_locmem.LocmemSmsBackend"}
    with pytest.raises(UnknownChannel):
        channel_for("email")
