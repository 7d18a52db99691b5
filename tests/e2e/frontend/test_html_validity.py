"""Every page of the citizen site is valid HTML, as the W3C Nu HTML checker (vnu-jar) judges it.

An outside judge: the checker the W3C runs at validator.w3.org/nu (tests/e2e/frontend/nu_checker.py).
Invalid markup is what screen readers and old phone browsers stumble over first (duplicate
ids, a label pointing nowhere, a list item outside a list). The pages behind a token (the
preference centre with "Bel mij") are checked in their own tests.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from tests.e2e.frontend.nu_checker import nu_errors
from tests.e2e.frontend.site_pages import SITE_PAGES


def fetched(url: str) -> bytes:
    """The page as a browser gets it; an error page (the 404) is checked too."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()


def test_every_page_passes_the_nu_html_checker(frontend_server, tmp_path):
    files = {}
    for index, path in enumerate(SITE_PAGES):
        name = f"page-{index:02d}.html"
        (tmp_path / name).write_bytes(fetched(frontend_server + path))
        files[name] = path
    errors = nu_errors(files, tmp_path)
    assert len(files) == len(SITE_PAGES)
    assert errors == [], "\n".join(errors)
