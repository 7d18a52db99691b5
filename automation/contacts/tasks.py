"""The confirmation-mail task: carries a request id, retries a provider hiccup a few times.

Queued after the request's transaction commits. Acting only on a request not yet mailed
makes a duplicated task harmless. A permanent refusal (a bad address) is not retried.
Without a broker (eager mode, the embedded demo) there is no queue to retry from: the
failure is logged and the citizen can ask again, rather than the form answering 500.

Queued by name (`subscribing.py`); nothing imports this module but Celery's autodiscovery.
"""

from __future__ import annotations

import logging

from celery import shared_task

from automation.channels.errors import PermanentError, RetryableError
from automation.contacts.confirmation_mail import confirmation_mail_send
from automation.contacts.subscribing import SEND_CONFIRMATION_MAIL
from automation.contacts.unconfirmed import unconfirmed_purge

logger = logging.getLogger(__name__)
MAX_RETRIES = 5


@shared_task(name=SEND_CONFIRMATION_MAIL, bind=True, acks_late=True, max_retries=MAX_RETRIES)
def send_confirmation_mail(self, request_id: int) -> bool:
    try:
        return confirmation_mail_send(request_id=request_id)
    except PermanentError:
        logger.warning("Confirmation mail %s refused permanently", request_id, exc_info=True)
        return False
    except RetryableError:
        if self.request.is_eager or self.request.retries >= MAX_RETRIES:
            logger.warning("Confirmation mail %s not sent", request_id, exc_info=True)
            return False
        raise self.retry(countdown=30 * 2**self.request.retries) from None


@shared_task(name="automation.contacts.purge_unconfirmed", acks_late=True)
def purge_unconfirmed() -> dict[str, int]:
    """Periodic (Celery beat, daily): forget requests whose confirmation link expired unconfirmed."""
    return unconfirmed_purge()
