"""The panel's confirmation-mail task: carries a member id, retries a provider hiccup a few times.

Like automation/contacts/tasks.py: acting only on a pending member not yet mailed makes a
duplicated task harmless; a permanent refusal is not retried. Queued by name (joining.py).
"""

from __future__ import annotations

import logging

from celery import shared_task

from automation.channels.errors import PermanentError, RetryableError
from automation.panel.confirmation_mail import panel_confirmation_mail_send
from automation.panel.joining import SEND_PANEL_CONFIRMATION

logger = logging.getLogger(__name__)
MAX_RETRIES = 5


@shared_task(name=SEND_PANEL_CONFIRMATION, bind=True, acks_late=True, max_retries=MAX_RETRIES)
def send_panel_confirmation_mail(self, member_id: int) -> bool:
    try:
        return panel_confirmation_mail_send(member_id=member_id)
    except PermanentError:
        logger.warning("Panel confirmation mail %s refused permanently", member_id, exc_info=True)
        return False
    except RetryableError:
        if self.request.is_eager or self.request.retries >= MAX_RETRIES:
            logger.warning("Panel confirmation mail %s not sent", member_id, exc_info=True)
            return False
        raise self.retry(countdown=30 * 2**self.request.retries) from None
