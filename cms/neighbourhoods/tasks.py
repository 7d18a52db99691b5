"""Background work of the neighbourhood pages: making a print edition.

Queued by name (`print/services.edition_print_request`); nothing imports this module but Celery's autodiscovery.
"""

from __future__ import annotations

from celery import shared_task

from cms.neighbourhoods.print.services import MAKE_PRINT, edition_print_make


@shared_task(name=MAKE_PRINT, acks_late=True)
def make_print_edition(print_id: int) -> bool:
    """Safe to run twice: only a `queued` print version is taken."""
    return edition_print_make(print_id=print_id)
