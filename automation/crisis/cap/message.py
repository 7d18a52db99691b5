"""GET /api/automation/crisis/cap/<id>.xml: one CAP 1.2 message (an alert, an update or a cancel).

Public: it says what the alert already said to everyone. A message never changes its
words, but its areas may get more exact (a boundary loaded), so it is cacheable like the
other feeds: the ETag is the hash of the document, Last-Modified when it was sent.
"""

from __future__ import annotations

from django.http import HttpResponse

from automation.crisis.cap.document import CONTENT_TYPE, cap_document, message_for_document
from automation.crisis.cap.models import CapMessage
from cms.api import caching
from cms.api.feeds.handling import read_only_api_view
from cms.http.problems import not_found


BIGGEST_ID = 2**63 - 1  # a bigger number is no id, and the database would refuse to compare it


@read_only_api_view
def cap_message_view(request, pk: int):
    try:
        if pk > BIGGEST_ID:
            raise CapMessage.DoesNotExist
        message = message_for_document(pk)
    except CapMessage.DoesNotExist:
        raise not_found(f"No CAP message {pk}.") from None
    document = cap_document(message)
    etag = caching.body_etag(document)
    cached = caching.not_modified(request, etag=etag, last_modified=message.sent)
    if cached is not None:
        return cached
    return caching.decorate(HttpResponse(document, content_type=CONTENT_TYPE), etag=etag, last_modified=message.sent)
