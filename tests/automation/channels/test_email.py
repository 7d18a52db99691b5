"""The e-mail channel: both parts and our headers go out; provider failures become typed errors."""

from __future__ import annotations

import pytest
from django.core import mail

from automation.channels.base import Envelope
from automation.channels.email import EmailChannel
from automation.channels.errors import PermanentError, RetryableError, ThrottledError
from tests.automation.channels import fake_mail_backends

ENVELOPE = Envelope(
    reference="7f1c",
    to="an@example.be",
    subject="Je aanvraag is ontvangen",
    body_text="Dag An",
    body_html="<p>Dag An</p>",
    headers={"List-Unsubscribe": "<https://example.test/u/>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
)


def test_an_email_carries_text_html_and_the_unsubscribe_headers(settings):
    settings.DEFAULT_FROM_EMAIL = "Stad Gent <noreply@stad.gent.example>"
    result = EmailChannel().send(ENVELOPE)
    [email] = mail.outbox
    message = email.message()
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.get_payload()] == ["text/plain", "text/html"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["From"] == "Stad Gent <noreply@stad.gent.example>"
    assert result.provider == "locmem"


@pytest.mark.parametrize(
    "failure, expected",
    [
        ("esp-500", RetryableError),
        ("esp-unreachable", RetryableError),
        ("smtp-disconnected", RetryableError),
        ("network", RetryableError),
        ("esp-429", ThrottledError),
        ("esp-400", PermanentError),
        ("recipients-refused", PermanentError),
        ("smtp-refused", PermanentError),
    ],
)
def test_provider_failures_become_typed_errors(settings, failure, expected):
    settings.EMAIL_BACKEND = "tests.automation.channels.fake_mail_backends.FailingBackend"
    fake_mail_backends.FailingBackend.error = fake_mail_backends.ERRORS[failure]
    with pytest.raises(expected) as raised:
        EmailChannel().send(ENVELOPE)
    assert type(raised.value) is expected  # a throttle is not reported as a plain retry, nor vice versa


def test_a_throttled_esp_passes_on_its_retry_after(settings):
    settings.EMAIL_BACKEND = "tests.automation.channels.fake_mail_backends.FailingBackend"
    fake_mail_backends.FailingBackend.error = fake_mail_backends.ERRORS["esp-429"]
    with pytest.raises(ThrottledError) as raised:
        EmailChannel().send(ENVELOPE)
    assert raised.value.retry_after == 90.0
