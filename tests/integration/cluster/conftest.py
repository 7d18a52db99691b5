"""The cluster run (`make test-cluster`): faults injected into services of its own.

`make test-cluster` starts a second set of test services (tests/services/start.sh with
VRIJHAVEN_ES_NODES=3 and Redis with an append-only file, under var/test-cluster) and runs
only the tests marked `cluster` (every module here sets `pytestmark`); the normal integration run leaves them out, because they
kill and restart the services they run on. `faults` drives tests/services/control.sh.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
CONTROL = REPO_ROOT / "tests" / "services" / "control.sh"
NODES = 3


class Faults:
    """Kill and restart one Elasticsearch node or Redis of the cluster run's services."""

    def __init__(self, state_dir: str):
        self.env = {**os.environ, "VRIJHAVEN_TEST_SERVICES_STATE": state_dir}

    def _run(self, *arguments: str) -> float:
        started = time.monotonic()
        subprocess.run(["bash", str(CONTROL), *arguments], env=self.env, check=True, timeout=240)
        return time.monotonic() - started

    def es_kill(self, node: int) -> float:
        return self._run("es-stop", str(node), "KILL")

    def es_shutdown(self, node: int) -> float:
        return self._run("es-stop", str(node), "TERM")

    def es_start(self, node: int) -> float:
        return self._run("es-start", str(node))

    def redis_shutdown(self) -> float:
        return self._run("redis-stop", "TERM")

    def redis_start(self) -> float:
        return self._run("redis-start")


@pytest.fixture(scope="session")
def faults() -> Faults:
    state_dir = os.environ.get("VRIJHAVEN_TEST_SERVICES_STATE", "")
    nodes = [url for url in os.environ.get("ELASTICSEARCH_URL", "").split(",") if url.strip()]
    if not state_dir or len(nodes) != NODES:
        pytest.fail(
            f"the cluster tests need the {NODES}-node services of `make test-cluster` "
            f"(VRIJHAVEN_TEST_SERVICES_STATE set, ELASTICSEARCH_URL naming {NODES} nodes; got {len(nodes)})"
        )
    return Faults(state_dir)


def node_number(name: str) -> int:
    """vrijhaven-test-2 -> 2 (start.sh names the nodes of a cluster so)."""
    return int(name.rsplit("-", 1)[1])
