"""Choosing who is asked: a random sample of active members, in the language and wijken asked for.

Only members who confirmed (double opt-in) and can be mailed now (an e-mail consent, an
address, not suppressed: the one consent rule, `citizens_reachable_on`) are drawn, and
never a member already invited to this pretest. The draw is a plain random sample (the
system's random source): with a handful of wijken and a sample of twenty, stratifying
would promise a balance the panel's size cannot keep.
"""

from __future__ import annotations

import random

from django.db.models import QuerySet

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen
from automation.contacts.selectors import citizens_reachable_on
from automation.panel.models import Invitation, PanelMember


def panel_eligible(*, language: str, wijk_ids: list[int], exclude_pretest_id: int | None = None) -> QuerySet[PanelMember]:
    """Active members in `language` (and one of `wijk_ids`, when any) who may be mailed."""
    reachable = citizens_reachable_on(Citizen.objects.all(), channel=ChannelKind.EMAIL).values("pk")
    members = PanelMember.objects.filter(status=PanelMember.Status.ACTIVE, language=language, citizen_id__in=reachable)
    if wijk_ids:
        members = members.filter(wijk_id__in=wijk_ids)
    if exclude_pretest_id is not None:
        invited = Invitation.objects.filter(pretest_id=exclude_pretest_id, member__isnull=False).values("member_id")
        members = members.exclude(pk__in=invited)
    return members


def panel_sample(
    *, size: int, language: str, wijk_ids: list[int], exclude_pretest_id: int | None = None, rng: random.Random | None = None
) -> list[PanelMember]:
    """At most `size` eligible members, drawn at random (all of them when there are fewer)."""
    ids = sorted(panel_eligible(language=language, wijk_ids=wijk_ids, exclude_pretest_id=exclude_pretest_id).values_list("pk", flat=True))
    chosen = (rng or random.SystemRandom()).sample(ids, min(size, len(ids)))
    return list(PanelMember.objects.filter(pk__in=chosen).select_related("citizen").order_by("pk"))
