"""Placing voice calls with Twilio's Programmable Voice API.

POST {TWILIO_API_BASE}/2010-04-01/Accounts/{sid}/Calls.json, HTTP basic auth with the
account SID and auth token, form fields To, From (TWILIO_VOICE_FROM), Twiml (the script
as `<Say>`s in the citizen's locale, `automation/channels/voice_script.py`),
StatusCallback and StatusCallbackMethod; Twilio answers 201 with the call's `sid`. The
TwiML travels with the request, so no endpoint of ours serves a message's words to
whoever asks; Twilio takes at most 4000 characters of it, and a longer script is a
permanent failure (say less).

The status callback URL carries our reference (`?ref=<message reference>`): Twilio signs
the URL with it, so the outcome (completed, busy, no-answer, failed, canceled) finds its
message by our reference, not only by Twilio's sid. Twilio keeps no reference of ours on
the call itself, so after a worker was lost mid-call, `find_placed` lists the calls Twilio
holds for the number since the day before the message was made (To, StartTime>) and
takes one created since the message was as ours: it is not called twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from automation.channels.base import SendResult
from automation.channels.errors import PermanentError
from automation.channels.voice import VoiceBackend
from automation.channels.voice_script import TWIML_MAX_CHARS, twiml, voice_locale
from integrations.http import call

#: Calls Twilio could not place; any other call to the number since our message was made is ours.
NOT_PLACED = ("failed", "canceled")


def voices() -> dict[str, str]:
    """TWILIO_VOICE_VOICES ["nl-BE:Google.nl-BE-Standard-A", ...] -> {"nl-BE": "Google.nl-BE-Standard-A"}."""
    pairs = (entry.partition(":") for entry in settings.TWILIO_VOICE_VOICES)
    return {locale.strip(): voice.strip() for locale, _sep, voice in pairs if locale.strip() and voice.strip()}


class TwilioVoiceBackend(VoiceBackend):
    name = "twilio"

    def __init__(self):
        self.sid = settings.TWILIO_ACCOUNT_SID
        self.token = settings.TWILIO_AUTH_TOKEN
        self.base = settings.TWILIO_API_BASE.rstrip("/")

    def _calls_url(self) -> str:
        return f"{self.base}/2010-04-01/Accounts/{self.sid}/Calls.json"

    def call(self, *, to: str, script: str, language: str, reference: str) -> SendResult:
        if not (self.sid and self.token):
            raise PermanentError("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not set", provider=self.name)
        if not settings.TWILIO_VOICE_FROM:
            raise PermanentError("TWILIO_VOICE_FROM (the number that calls) is not set", provider=self.name)
        spoken = twiml(script=script, language=language, voice=voices().get(voice_locale(language), ""))
        if len(spoken) > TWIML_MAX_CHARS:
            raise PermanentError(
                f"the call's TwiML is {len(spoken)} characters; Twilio takes at most {TWIML_MAX_CHARS}", provider=self.name
            )
        response = call(
            "POST",
            self._calls_url(),
            provider=self.name,
            auth=(self.sid, self.token),
            data={
                "To": to,
                "From": settings.TWILIO_VOICE_FROM,
                "Twiml": spoken,
                "StatusCallback": self.status_callback_url(reference),
                "StatusCallbackMethod": "POST",
            },
        )
        return SendResult(provider=self.name, provider_message_id=response.json()["sid"])

    def find_placed(self, *, to: str, reference: str, since: datetime) -> SendResult | None:
        if not (self.sid and self.token):
            return None
        response = call(
            "GET",
            self._calls_url(),
            provider=self.name,
            auth=(self.sid, self.token),
            params={"To": to, "StartTime>": (since - timedelta(days=1)).date().isoformat(), "PageSize": 100},
        )
        for held in response.json().get("calls", []):
            created = parsedate_to_datetime(held["date_created"]) if held.get("date_created") else None
            if (
                held.get("to") == to
                and held.get("status") not in NOT_PLACED
                and (created is None or created >= since - timedelta(minutes=1))
            ):
                return SendResult(provider=self.name, provider_message_id=held["sid"])
        return None

    @staticmethod
    def status_callback_url(reference: str) -> str:
        return settings.AUTOMATION_PUBLIC_BASE_URL.rstrip("/") + _status_path() + "?" + urlencode({"ref": reference})


@cache
def _status_path() -> str:
    """Resolved once per process: a broadcast asks for it on every call."""
    return reverse("twilio_voice:status")
