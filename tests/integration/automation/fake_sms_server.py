"""A fast local fake of Twilio's Messages API in its own process, for broadcasts of 100,000 texts.

`fake_twilio.py` (a thread of the test process, one connection per request) scripts
failures for the reliability tests; this one is built to be fast enough that it is not
what a benchmark measures: asyncio, HTTP/1.1 keep-alive, one process of its own (no
shared interpreter lock with the code under test). It counts every text it accepts per
recipient, so duplicates and losses are counted where they would be noticed: at the
provider: a duplicate is the same text (body) accepted twice for the same number.
`GET /__stats` answers the counts; GET on the Messages list answers the texts
held for a `To`, like Twilio's list (used after a lost worker). With a latency, every answer
waits that long first, as a provider across the internet does (each connection waits on
its own: many calls in flight are answered together).

Run: `python -m tests.integration.automation.fake_sms_server [latency_ms]` prints `port=<n>`
and serves until killed; `FakeSmsServer(latency_ms=...)` starts and stops it from a test.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid
from collections import Counter
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import requests

REPO_ROOT = Path(__file__).resolve().parents[3]


class _State:
    def __init__(self):
        self.requests = 0
        self.per_recipient: Counter = Counter()
        self.held: dict[str, list[dict]] = {}

    def accept(self, form: dict) -> dict:
        to = form.get("To", "")
        self.per_recipient[(to, form.get("Body", ""))] += 1
        text = {"sid": f"SM{uuid.uuid4().hex}", "to": to, "body": form.get("Body", ""), "status": "sent",
                "date_created": format_datetime(datetime.now(timezone.utc))}  # fmt: skip
        self.held.setdefault(to, []).append(text)
        return text

    def stats(self) -> dict:
        accepted = sum(self.per_recipient.values())
        return {
            "requests": self.requests,
            "accepted": accepted,
            "distinct": len(self.per_recipient),  # different (number, text) pairs
            "duplicates": accepted - len(self.per_recipient),
        }


async def _serve_connection(state: _State, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, latency: float):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, *header_lines = head.decode("latin-1").split("\r\n")
            method, target, _version = request_line.split(" ", 2)
            headers = {}
            for line in header_lines:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0") or 0)
            body = await reader.readexactly(length) if length else b""
            status, answer = _answer(state, method, target, body)
            if latency and not target.startswith("/__stats"):
                await asyncio.sleep(latency)
            payload = json.dumps(answer).encode()
            writer.write(
                f"HTTP/1.1 {status} {'Created' if status == 201 else 'OK'}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(payload)}\r\nConnection: keep-alive\r\n\r\n".encode() + payload
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


def _answer(state: _State, method: str, target: str, body: bytes) -> tuple[int, dict]:
    url = urlsplit(target)
    if url.path == "/__stats":
        return 200, state.stats()
    if method == "POST" and url.path.endswith("/Messages.json"):
        state.requests += 1
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        return 201, state.accept(form)
    if method == "GET" and url.path.endswith("/Messages.json"):
        to = parse_qs(url.query).get("To", [""])[0]
        return 200, {"messages": list(state.held.get(to, []))}
    return 404, {"code": 20404, "message": "not found"}


async def _main(latency: float):
    state = _State()
    server = await asyncio.start_server(
        lambda r, w: _serve_connection(state, r, w, latency), "127.0.0.1", 0, backlog=512
    )
    print(f"port={server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


class FakeSmsServer:
    """Start the fake in a child process; `url`, `stats()`, `pid`, `stop()`."""

    def __init__(self, *, latency_ms: int = 0):
        self.latency_ms = latency_ms

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.automation.fake_sms_server", str(self.latency_ms)],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline().strip()
        if not line.startswith("port="):
            self.stop()
            raise RuntimeError(f"the fake SMS server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{line.split('=', 1)[1]}"
        self.pid = self.process.pid
        return self

    def stats(self) -> dict:
        return requests.get(f"{self.url}/__stats", timeout=10).json()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


if __name__ == "__main__":
    try:
        asyncio.run(_main(int(sys.argv[1]) / 1000 if len(sys.argv) > 1 else 0.0))
    except KeyboardInterrupt:
        pass
