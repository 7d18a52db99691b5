"""A real front end on 127.0.0.1: an http.server in a thread that checks each signature."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from cms.api.webhooks.models import WebhookEndpoint
from cms.api.webhooks.signing import SIGNATURE_HEADER, verify

SECRET = "front-end-shared-secret"


class Receiver:
    """Records every POST; answers with the scripted statuses in turn, then 200."""

    def __init__(self):
        self.requests = []
        self.script = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}/revalidate"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                signed = verify(SECRET, body, self.headers.get(SIGNATURE_HEADER))
                status = receiver.script.pop(0) if receiver.script else 200
                if not signed:
                    status = 401
                receiver.requests.append({"headers": dict(self.headers), "body": body, "signed": signed,
                                          "status": status, "json": json.loads(body)})
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        return Handler

    @property
    def delivered(self):
        return [r for r in self.requests if r["status"] == 200]


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def endpoint(db, receiver):
    return WebhookEndpoint.objects.create(name="Stadswebsite", url=receiver.url, secret=SECRET)
