"""A local fake of Twilio's Messages and Calls APIs, counting every text and call it accepts, with scripted failures.

Runs in a thread of the test process on 127.0.0.1; workers reach it through TWILIO_API_BASE.
`script` answers the next sends in order (e.g. [500, 500] then 201s); `delay` slows
every send down, to have work in flight when a worker is killed. GET lists the texts
accepted, filtered by `To`, like Twilio's message list; GET on Calls.json lists the calls
placed, filtered by `To` (and `StartTime>`, a date), like Twilio's call list.

A call placed (POST Calls.json: To, From, Twiml, StatusCallback) is kept with its form;
`call_back(call, status)` gives the form and the signature Twilio would send to the
call's StatusCallback when it ends (completed, busy, no-answer, failed, canceled), signed
with the auth token as Twilio signs it.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from email.utils import format_datetime
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit


class FakeTwilio:
    def __init__(self):
        self.lock = threading.Lock()
        self.script: list[int] = []
        self.delay = 0.0
        self.requests = 0
        self.accepted: list[dict] = []
        self.calls: list[dict] = []
        self.lookups: list[str] = []  # the address of every GET (list) request, query included
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def per_recipient(self) -> Counter:
        with self.lock:
            return Counter(text["To"] for text in self.accepted)

    def calls_per_recipient(self) -> Counter:
        with self.lock:
            return Counter(placed["To"] for placed in self.calls)

    def call_back(self, placed: dict, status: str, *, token: str, duration: int = 31) -> tuple[str, dict, str]:
        """(url, form, X-Twilio-Signature) of Twilio's status callback when the call ends in `status`."""
        from integrations.twilio.signature import twilio_signature

        form = {
            "AccountSid": placed["AccountSid"], "CallSid": placed["sid"], "CallStatus": status,
            "From": placed["From"], "To": placed["To"], "Direction": "outbound-api", "ApiVersion": "2010-04-01",
            "CallDuration": str(duration if status == "completed" else 0),
        }  # fmt: skip
        url = placed["StatusCallback"]
        return url, form, twilio_signature(url=url, params=form, token=token)

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
                is_call = urlsplit(self.path).path.endswith("/Calls.json")
                with fake.lock:
                    fake.requests += 1
                    status = fake.script.pop(0) if fake.script else 201
                    sid = f"{'CA' if is_call else 'SM'}{uuid.uuid4().hex}"
                    if status == 201:
                        now = datetime.now(timezone.utc)
                        held = {**form, "sid": sid, "date_created": format_datetime(now), "at": time.monotonic()}
                        if is_call:
                            held["AccountSid"] = self.path.split("/Accounts/")[1].split("/")[0]
                            held["start_time"] = format_datetime(now)
                            held["start_date"] = now.date().isoformat()
                        (fake.calls if is_call else fake.accepted).append(held)
                if fake.delay:  # accepted, but the answer is slow: a worker killed now never hears it
                    time.sleep(fake.delay)
                body = {"sid": sid} if status == 201 else {"code": 20500, "message": "scripted"}
                self._answer(status, body)

            def do_GET(self):  # the message list, filtered by To, as Twilio's API offers it
                query = parse_qs(urlsplit(self.path).query)
                to = query.get("To", [None])[0]
                with fake.lock:
                    fake.lookups.append(self.path)
                if urlsplit(self.path).path.endswith("/Calls.json"):  # the call list: To, StartTime> (a date)
                    after = query.get("StartTime>", [""])[0]
                    with fake.lock:
                        held = [
                            {"sid": c["sid"], "to": c["To"], "from": c["From"], "status": "completed",
                             "date_created": c["date_created"], "start_time": c["start_time"]}
                            for c in fake.calls
                            if (to is None or c["To"] == to) and c["start_date"] >= after
                        ]  # fmt: skip
                    self._answer(200, {"calls": held})
                    return
                with fake.lock:
                    held = [
                        {"sid": m["sid"], "to": m["To"], "body": m["Body"], "status": "sent", "date_created": m["date_created"]}
                        for m in fake.accepted
                        if to is None or m["To"] == to
                    ]
                self._answer(200, {"messages": held})

            def _answer(self, status, body):
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler
