"""A local fake of Twilio's Messages API, counting every text it accepts, with scripted failures.

Runs in a thread of the test process on 127.0.0.1; workers reach it through TWILIO_API_BASE.
`script` answers the next sends in order (e.g. [500, 500] then 201s); `delay` slows
every send down, to have work in flight when a worker is killed. GET lists the texts
accepted, filtered by `To`, like Twilio's message list.
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

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
                with fake.lock:
                    fake.requests += 1
                    status = fake.script.pop(0) if fake.script else 201
                    sid = f"SM{uuid.uuid4().hex}"
                    if status == 201:
                        fake.accepted.append(
                            {**form, "sid": sid, "date_created": format_datetime(datetime.now(timezone.utc)), "at": time.monotonic()}
                        )
                if fake.delay:  # accepted, but the answer is slow: a worker killed now never hears it
                    time.sleep(fake.delay)
                body = {"sid": sid} if status == 201 else {"code": 20500, "message": "scripted"}
                self._answer(status, body)

            def do_GET(self):  # the message list, filtered by To, as Twilio's API offers it
                query = parse_qs(urlsplit(self.path).query)
                to = query.get("To", [None])[0]
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
