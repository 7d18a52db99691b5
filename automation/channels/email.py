"""E-mail through Django's mail API, so any django-anymail ESP (or SMTP, or a file) is a setting.

Every message goes out with a text and an HTML part and the headers the message row
carries (List-Unsubscribe, List-Unsubscribe-Post). Provider failures are translated into
the typed errors of `errors.py`: 429 is throttling, other 4xx are permanent, 5xx and
network trouble are retryable. The ESP's rate limit (`rate_limits.py`, by the backend's
name, e.g. "mailgun") is taken before it is asked.
"""

from __future__ import annotations

import smtplib

from anymail.exceptions import AnymailAPIError, AnymailError, AnymailInvalidAddress, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from automation.channels.base import Channel, Envelope, SendResult
from automation.channels.errors import PermanentError, RetryableError, ThrottledError
from automation.channels.kinds import ChannelKind
from automation.channels.rate_limits import rate_limit_acquire


def _provider_name() -> str:
    return settings.EMAIL_BACKEND.rsplit(".", 2)[-2] if "." in settings.EMAIL_BACKEND else settings.EMAIL_BACKEND


def _retry_after(error: AnymailAPIError) -> float | None:
    response = getattr(error, "response", None)
    value = getattr(response, "headers", {}).get("Retry-After") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class EmailChannel(Channel):
    kind = ChannelKind.EMAIL

    def send(self, envelope: Envelope) -> SendResult:
        provider = _provider_name()
        rate_limit_acquire(kind=self.kind.value, provider=provider)
        email = EmailMultiAlternatives(
            subject=envelope.subject,
            body=envelope.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[envelope.to],
            headers=envelope.headers,
            connection=get_connection(fail_silently=False),
        )
        if envelope.body_html:
            email.attach_alternative(envelope.body_html, "text/html")
        # Read by anymail ESPs: lets tracking webhooks name our message; ignored elsewhere.
        email.metadata = {"vrijhaven_reference": envelope.reference}
        try:
            accepted = email.send()
        except (AnymailRecipientsRefused, AnymailInvalidAddress, smtplib.SMTPRecipientsRefused) as error:
            raise PermanentError(f"recipient refused: {error}", provider=provider) from error
        except AnymailAPIError as error:
            raise _classify_api_error(error, provider) from error
        except AnymailError as error:
            raise RetryableError(f"ESP error: {error}", provider=provider) from error
        except (smtplib.SMTPException, OSError) as error:
            raise RetryableError(f"{type(error).__name__}: {error}", provider=provider) from error
        if not accepted:
            raise PermanentError("the mail backend accepted no recipient", provider=provider)
        status = getattr(email, "anymail_status", None)
        return SendResult(provider=provider, provider_message_id=(status.message_id or "") if status else "")


def _classify_api_error(error: AnymailAPIError, provider: str) -> Exception:
    code = error.status_code
    if code == 429:
        return ThrottledError(f"ESP throttled (429): {error}", provider=provider, retry_after=_retry_after(error))
    if code is not None and 400 <= code < 500:
        return PermanentError(f"ESP rejected the message ({code}): {error}", provider=provider)
    return RetryableError(f"ESP failed ({code or 'no response'}): {error}", provider=provider)
