"""Importers build hundreds of pages: Wagtail's one-line-per-page audit log stays out of a person's way.

Wagtail logs "Page created", "Page edited" and "Published" at INFO for every page, which is
the right audit trail when an editor works in the admin and noise when a command builds a
whole site: the progress bar, the warnings and the summary a command prints drown in it.
The commands quiet that logger for their own run only (unless asked for `--verbosity 2`);
what they change is still in Wagtail's history of each page.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

PAGE_LOGGER = "wagtail"


@contextmanager
def page_log_quieted(*, verbosity: int = 1):
    logger = logging.getLogger(PAGE_LOGGER)
    before = logger.level
    if verbosity < 2:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(before)
