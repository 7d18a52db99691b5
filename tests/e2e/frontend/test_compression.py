"""Compression over plain HTTP, against the running citizen site and the demo backend: a page
or JSON answer asked with gzip (or brotli) comes compressed, says so with Content-Encoding
and `Vary: Accept-Encoding`, and decodes to exactly the answer sent to a client that asked
for none. The backend's JSON API (what other front ends and apps read) compresses too."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.parse
import urllib.request

import brotli
import pytest

PAGES = ["/nl", "/nl/themas/grof-huisvuil-laten-ophalen", "/nl/zoeken?q=grof+huisvuil", "/nl/pers"]


def _get(url: str, encoding: str | None) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding or "identity"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read(), {name.lower(): value for name, value in response.getheaders()}


def _decode(body: bytes, headers: dict[str, str]) -> bytes:
    encoding = headers.get("content-encoding")
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        return brotli.decompress(body)
    raise AssertionError(f"not compressed: Content-Encoding {encoding!r}")


@pytest.mark.parametrize("path", PAGES)
def test_a_gzip_page_decodes_to_the_same_page(frontend_server, path):
    url = frontend_server + path
    _get(url, None)  # the first view fills the front end's answer cache; both views below read it
    plain, plain_headers = _get(url, None)
    packed, headers = _get(url, "gzip")

    assert "content-encoding" not in plain_headers
    assert headers["content-encoding"] == "gzip"
    assert "accept-encoding" in headers["vary"].lower()
    assert "accept-encoding" in plain_headers["vary"].lower()
    assert len(packed) < len(plain) / 3
    assert _decode(packed, headers) == plain
    assert b"<h1" in plain


def test_a_browser_that_takes_brotli_gets_brotli(frontend_server):
    url = frontend_server + "/nl/themas/grof-huisvuil-laten-ophalen"
    plain, _ = _get(url, None)
    packed, headers = _get(url, "gzip, deflate, br, zstd")  # what Chromium sends

    assert headers["content-encoding"] == "br"
    assert _decode(packed, headers) == plain


def test_json_answers_of_the_site_are_compressed(frontend_server):
    url = frontend_server + "/api/suggest?" + urllib.parse.urlencode({"q": "afval", "lang": "nl"})
    plain, plain_headers = _get(url, None)
    packed, headers = _get(url, "gzip")

    assert plain_headers["content-type"].startswith("application/json")
    assert headers["content-encoding"] == "gzip"
    assert json.loads(_decode(packed, headers)) == json.loads(plain)
    assert len(json.loads(plain)) > 0


@pytest.mark.parametrize("path", ["/api/content/nl/themas/grof-huisvuil-laten-ophalen", "/api/v2/pages/?type=themes.ThemePage&limit=20"])
def test_the_backend_json_api_is_compressed(demo_server, path):
    url = demo_server + path
    plain, plain_headers = _get(url, None)
    packed, headers = _get(url, "gzip")

    assert "content-encoding" not in plain_headers
    assert headers["content-encoding"] == "gzip"
    assert "accept-encoding" in headers["vary"].lower()
    assert json.loads(_decode(packed, headers)) == json.loads(plain)
    assert len(packed) < len(plain) / 2


def test_the_backend_answers_304_to_the_etag_of_its_compressed_answer(demo_server):
    """Compression must not break revalidation: the front end's cache sends the ETag back."""
    url = demo_server + "/api/content/nl/themas/grof-huisvuil-laten-ophalen"
    _, headers = _get(url, "gzip")
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "If-None-Match": headers["etag"]})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=60)
    assert answer.value.code == 304
