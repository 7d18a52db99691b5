"""Joining the test panel with double opt-in, confirming it, and leaving it in one click.

The same machinery as subscribing (automation/contacts/subscribing.py), not a copy of it:
the citizen is found or made by address the same way, a confirmation mail counts against
the same hourly ceiling of the city, one mail per address per ten minutes, and the consent
is recorded through `consent_record` (ChannelConsent plus its append-only history) when the
mailbox's owner follows the link. Until then the member is `pending` and is never sampled.

Asking again while active changes nothing (somebody else may be typing the address); the
caller answers the same either way, so the form cannot tell whether an address is in the
panel.

Leaving deletes the member row (wijk, language, consent proof of the panel) and withdraws
open invitations. A citizen who exists only because of the panel (made by the form, with
no subscription) is erased entirely, address included (`citizen_erase`), so nothing of
them stays; a citizen who also subscribes to news keeps that, and only the panel goes.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.contacts.models import Citizen, Subscription
from automation.contacts.privacy import citizen_erase
from automation.contacts.services import consent_record
from automation.contacts.subscribing import MAIL_INTERVAL, REF_PREFIX, citizen_for_address, confirmation_mail_slot_take
from automation.panel.models import Invitation, PanelMember
from cms.core.models import Wijk
from cms.work.enqueue import enqueue

SOURCE_FORM = "testpanel-formulier"
SOURCE_CONFIRMED = "testpanel:double-opt-in"
SEND_PANEL_CONFIRMATION = "automation.panel.send_confirmation_mail"
LEAVE_ACTOR = "testpanel: uitstappen"


def panel_join_request(*, email: str, wijk: Wijk, language: str, consent_version: str) -> PanelMember | None:
    """Store the wish as a pending member and queue the confirmation mail; None when nothing is due.

    Raises `ConfirmationMailsExhausted` (storing nothing) past the city's hourly ceiling.
    """
    address = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        citizen = citizen_for_address(address=address, language=language)
        citizen = Citizen.objects.select_for_update().get(pk=citizen.pk)
        member = PanelMember.objects.filter(citizen=citizen).first()
        if member is not None and member.status == PanelMember.Status.ACTIVE:
            return None
        if member is not None and member.asked_at >= now - MAIL_INTERVAL:
            return None
        confirmation_mail_slot_take()  # raises inside the transaction: nothing above is kept
        member = member or PanelMember(citizen=citizen)
        member.wijk, member.language, member.consent_version = wijk, language, consent_version
        member.consent_source, member.asked_at, member.mailed_at = SOURCE_FORM, now, None
        member.save()
        member_id = member.pk
        transaction.on_commit(lambda: enqueue(SEND_PANEL_CONFIRMATION, member_id))
    return member


def panel_member_confirm(*, member: PanelMember) -> PanelMember:
    """Follow the link: the member becomes active and the consent is recorded. Repeating it changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        updated = PanelMember.objects.filter(pk=member.pk, status=PanelMember.Status.PENDING).update(
            status=PanelMember.Status.ACTIVE, confirmed_at=now, consent_source=f"{SOURCE_FORM}, {SOURCE_CONFIRMED}"
        )
        if updated:
            consent_record(
                citizen=member.citizen, channel=ChannelKind.EMAIL, granted=True, source=SOURCE_CONFIRMED, recorded_at=now
            )
    member.refresh_from_db()
    return member


def panel_member_leave(*, member: PanelMember) -> dict[str, int]:
    """Out of the panel: open invitations withdrawn, the member deleted, a panel-only citizen erased."""
    with transaction.atomic():
        citizen = Citizen.objects.select_for_update().get(pk=member.citizen_id)
        withdrawn = Invitation.objects.filter(member=member, status=Invitation.Status.INVITED).update(
            status=Invitation.Status.WITHDRAWN, member=None
        )
        Invitation.objects.filter(member=member).update(member=None)
        PanelMember.objects.filter(pk=member.pk).delete()
        panel_only = citizen.ref.startswith(REF_PREFIX) and not Subscription.objects.filter(
            citizen=citizen, status__in=[Subscription.Status.ACTIVE, Subscription.Status.PENDING]
        ).exists()
        if panel_only:
            citizen_erase(citizen=citizen, actor=LEAVE_ACTOR)
    return {"withdrawn": withdrawn, "citizen_erased": int(panel_only)}
