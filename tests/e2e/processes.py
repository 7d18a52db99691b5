"""A server process for browser tests: start it, wait until it answers, stop it afterwards.

The backend (gunicorn) and the citizen front end (node) are started the same way, so a
server that dies or never answers fails the session with its log, whichever it is.
"""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

SERVER_START_TIMEOUT = 90
STOP_TIMEOUT = 20


def serve(command: list[str], *, cwd: Path, env: dict[str, str], log_path: Path, ready_url: str, base_url: str):
    """Generator for a session fixture: yields `base_url` once `ready_url` answers 200, stops the server after."""
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_answering(server, ready_url, log_path)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_answering(server: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"{server.args[0]} exited with {server.returncode}:\n{log_path.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as error:
            last_error = error
        time.sleep(0.3)
    pytest.fail(
        f"server did not answer {url} within {SERVER_START_TIMEOUT}s ({last_error}):\n{log_path.read_text()}",
        pytrace=False,
    )
