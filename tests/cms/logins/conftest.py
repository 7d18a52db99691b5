"""Login tests run with the lockout the city configures: 5 failures, 15 minutes' cool-off."""

from datetime import timedelta

import pytest


@pytest.fixture(autouse=True)
def lockout_settings(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
