"""The providers' HTTP session honours the city's outgoing proxy, read from the environment once per host.

A city hall's servers often reach the internet only through a proxy (HTTP_PROXY,
HTTPS_PROXY, NO_PROXY). The session reads those settings once per host instead of on every
text (`integrations/http.py`), so these tests send through a real proxy on loopback: a small
HTTP server that answers the absolute URLs a client sends to a proxy.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from integrations.http import ProviderSession


class _Proxy(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append(self.path)
        self.send_response(201)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    _Proxy.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Proxy.seen
    server.shutdown()
    server.server_close()


def test_texts_go_through_the_proxy_named_in_the_environment(proxy, monkeypatch):
    url, seen = proxy
    monkeypatch.setenv("HTTP_PROXY", url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    session = ProviderSession()
    for number in range(3):
        assert session.post("http://sms.provider.invalid/Messages.json", data={"To": str(number)}, timeout=5).status_code == 201
    assert seen == ["http://sms.provider.invalid/Messages.json"] * 3  # absolute URLs: the proxy forwarded them


def test_the_environment_is_read_once_per_host_and_no_proxy_is_honoured(proxy, monkeypatch):
    url, seen = proxy
    monkeypatch.setenv("HTTP_PROXY", url)
    monkeypatch.setenv("NO_PROXY", "direct.invalid")
    session = ProviderSession()
    session.post("http://sms.provider.invalid/a", timeout=5)
    monkeypatch.delenv("HTTP_PROXY")  # a running worker keeps what it read at its first text to this host
    session.post("http://sms.provider.invalid/b", timeout=5)
    with pytest.raises(requests.ConnectionError):  # not through the proxy: the host does not exist
        session.post("http://direct.invalid/c", timeout=5)
    assert seen == ["http://sms.provider.invalid/a", "http://sms.provider.invalid/b"]


def test_a_request_naming_its_own_proxies_is_not_served_from_the_remembered_settings(proxy, monkeypatch):
    url, seen = proxy
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    monkeypatch.delenv("http_proxy", raising=False)
    session = ProviderSession()
    with pytest.raises(requests.ConnectionError):
        session.post("http://sms.provider.invalid/direct", timeout=5)
    session.post("http://sms.provider.invalid/proxied", proxies={"http": url}, timeout=5)
    assert seen == ["http://sms.provider.invalid/proxied"]
