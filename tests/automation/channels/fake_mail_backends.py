"""Mail backends that fail the way ESPs and SMTP servers do, for the e-mail channel's error mapping."""

from __future__ import annotations

import smtplib

import requests
from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused, AnymailRequestsAPIError
from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    error: Exception | None = None

    def send_messages(self, email_messages):
        raise FailingBackend.error


def api_error(status: int, **headers) -> AnymailRequestsAPIError:
    response = requests.Response()
    response.status_code, response.reason, response._content = status, "Reason", b'{"error": "x"}'
    response.headers.update(headers)
    return AnymailRequestsAPIError(f"ESP answered {status}", status_code=status, response=response)


ERRORS = {
    "esp-500": api_error(500),
    "esp-429": api_error(429, **{"Retry-After": "90"}),
    "esp-400": api_error(400),
    "esp-unreachable": AnymailAPIError("connection reset"),
    "recipients-refused": AnymailRecipientsRefused(),
    "smtp-refused": smtplib.SMTPRecipientsRefused({"an@example.be": (550, b"no such user")}),
    "smtp-disconnected": smtplib.SMTPServerDisconnected("gone"),
    "network": ConnectionRefusedError("refused"),
}
