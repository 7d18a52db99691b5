"""The W3C Nu HTML checker (vnu-jar from npm, run on Java) as the browser tests call it.

`nu_errors({"name.html": "label"}, directory)` checks the files in one Java start and
returns the errors as "label line N: message". Errors only: warnings (such as the
trailing slash Astro writes on void elements) are the checker's advice, not faults.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[3] / "frontend" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# What the checker's CSS validator does not know yet, though every browser we support does:
# container queries (CSS Containment Level 3, in Chrome, Firefox and Safari since 2023),
# which let cards reflow by their own width. Only these exact messages are forgiven.
CHECKER_GAPS = [
    re.compile(r"^CSS: Unrecognized at-rule .@container.\.?$"),
    re.compile(r"^CSS: .container.: Property .container. doesn't exist\.?$"),
]


def nu_errors(files: dict[str, str], directory: Path) -> list[str]:
    java = shutil.which("java")
    assert java, "the Nu HTML checker needs Java (make test installs it)"
    assert VNU_JAR.is_file(), f"{VNU_JAR} missing: run make setup (npm ci installs vnu-jar)"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *[str(directory / name) for name in files]],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    return [
        f"{files.get(str(message.get('url', '')).rsplit('/', 1)[-1], message.get('url'))} line {message.get('lastLine')}: {message['message']}"
        for message in report["messages"]
        if message.get("type") == "error" and not any(gap.match(message["message"]) for gap in CHECKER_GAPS)
    ]
