"""A task for the Celery round-trip test only, loaded by the test's worker with `-I celery_probe`.

It reports which process ran it, so the test can tell a real worker from eager mode.
"""

import os

from cms.celery import app


@app.task(name="vrijhaven_tests.whoami")
def whoami(token: str) -> dict:
    return {"pid": os.getpid(), "token": token}
