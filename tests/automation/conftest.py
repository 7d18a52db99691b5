"""Shared fixtures for the automation tests: an in-memory SMS outbox, wijken, a signed client."""

from __future__ import annotations

import pytest

from automation.channels import sms_locmem


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Every automation test texts into memory, never into var/."""
    settings.AUTOMATION_SMS_BACKEND = "automation.channels.sms_locmem.LocmemSmsBackend"
    sms_locmem.outbox.clear()
    yield sms_locmem.outbox
    sms_locmem.outbox.clear()


@pytest.fixture
def rabot(db):
    """The wijk of the contract's example (the core migration seeds it; transactional tests flush it)."""
    from cms.core.models import Wijk

    wijk, _ = Wijk.objects.get_or_create(slug="rabot-blaisantvest", defaults={"name": "Rabot - Blaisantvest"})
    return wijk
