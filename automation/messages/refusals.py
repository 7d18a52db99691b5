"""Why a claimed message may not go out now: asked at the last moment, for one message or a whole chunk.

The citizen may have withdrawn consent, lost an address or landed on the suppression list
since the message was made (`contacts.selectors.recipients_refusals`, the one copy of
that rule), and a newsletter may be over the frequency cap (`frequency_caps.py`). A single
send asks with a list of one; a broadcast chunk and a print batch ask for all their
messages at once, in a handful of queries.
"""

from __future__ import annotations

from automation.contacts.selectors import Recipient, recipients_refusals
from automation.messages.frequency_caps import over_cap
from automation.messages.models import Message


def messages_refusals(messages: list[Message]) -> dict[int, str]:
    """The reason per message id that may not be sent; the others are absent (select `citizen` with them)."""
    refusals = recipients_refusals(
        [Recipient(key=m.pk, citizen=m.citizen, channel=m.channel, address=m.recipient) for m in messages]
    )
    refusals.update(over_cap([m for m in messages if m.pk not in refusals]))
    return refusals
