"""Every page of the citizen site is valid HTML, as the W3C Nu HTML checker (vnu-jar) judges it.

An outside judge: the checker the W3C runs at validator.w3.org/nu, from npm (vnu-jar, a
dev dependency of the front end), run on Java. Invalid markup is what screen readers and
old phone browsers stumble over first (duplicate ids, a label pointing nowhere, a list
item outside a list). Errors fail the test; warnings (such as the trailing slash Astro
writes on void elements) are the checker's advice, not faults.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from tests.e2e.frontend.site_pages import SITE_PAGES

# What the checker's CSS validator does not know yet, though every browser we support does:
# container queries (CSS Containment Level 3, in Chrome, Firefox and Safari since 2023),
# which let cards reflow by their own width. Only these exact messages are forgiven.
CHECKER_GAPS = [
    re.compile(r"^CSS: Unrecognized at-rule .@container.\.?$"),
    re.compile(r"^CSS: .container.: Property .container. doesn't exist\.?$"),
]
VNU_JAR = Path(__file__).resolve().parents[3] / "frontend" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def fetched(url: str) -> bytes:
    """The page as a browser gets it; an error page (the 404) is checked too."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()


def test_every_page_passes_the_nu_html_checker(frontend_server, tmp_path):
    java = shutil.which("java")
    assert java, "the Nu HTML checker needs Java (make test installs it)"
    assert VNU_JAR.is_file(), f"{VNU_JAR} missing: run make setup (npm ci installs vnu-jar)"
    files = {}
    for index, path in enumerate(SITE_PAGES):
        file = tmp_path / f"page-{index:02d}.html"
        file.write_bytes(fetched(frontend_server + path))
        files[file.name] = path
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *[str(tmp_path / name) for name in files]],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{files.get(str(message.get('url', '')).rsplit('/', 1)[-1], message.get('url'))} line {message.get('lastLine')}: {message['message']}"
        for message in report["messages"]
        if message.get("type") == "error" and not any(gap.match(message["message"]) for gap in CHECKER_GAPS)
    ]
    assert len(files) == len(SITE_PAGES)
    assert errors == [], "\n".join(errors)
