"""The citizen's rights over their data: see all of it (export), and have it forgotten (erasure).

Export gathers every row that is about the citizen into one JSON-ready dict. Erasure
deletes the contact (and with it consent, history of consent and subscriptions) and
anonymises what must stay for the city's own accounts: messages keep their channel,
status, journey and dates but lose address, words and headers; dossier events keep their
(source, event_id) so a repeat is still recognised, but lose who they were about.
Both are written to the access log, which outlives the erasure by keeping only a hash of
the citizen's reference.
"""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.db.models import Q

from automation.contacts.models import Citizen, CitizenAccessLog
from automation.dossiers.models import Dossier, DossierEvent
from automation.journeys.models import Enrolment
from automation.messages.models import Message
from automation.messages.selectors import message_log, message_log_entry
from automation.messages.transitions import messages_history_details_erase, messages_transition

ERASED = "erased"


def ref_hash(ref: str) -> str:
    return hashlib.sha256(ref.encode()).hexdigest()


def access_log_record(*, citizen: Citizen, actor: str, action: CitizenAccessLog.Action) -> None:
    CitizenAccessLog.objects.create(citizen=citizen, ref_sha256=ref_hash(citizen.ref), actor=actor[:200], action=action)


def _events_of(citizen: Citizen):
    return DossierEvent.objects.filter(Q(citizen=citizen) | Q(citizen_ref=citizen.ref))


def citizen_export(*, citizen: Citizen, actor: str) -> dict:
    access_log_record(citizen=citizen, actor=actor, action=CitizenAccessLog.Action.EXPORT)
    messages = []
    for message in message_log(citizen=citizen.ref):
        entry = message_log_entry(message)
        entry.update(recipient=message.recipient, body_text=message.body_text, body_html=message.body_html)
        messages.append(entry)
    return {
        "citizen": {
            "ref": citizen.ref,
            "email": citizen.email,
            "phone": citizen.phone,
            "postal_address": citizen.postal_address,
            "preferred_channel": citizen.preferred_channel,
            "language": citizen.language,
            "wijk": citizen.wijk.slug if citizen.wijk_id else None,
            "interests": list(citizen.interests.values_list("slug", flat=True)),
            "created_at": citizen.created_at.isoformat(),
            "updated_at": citizen.updated_at.isoformat(),
        },
        "consents": [
            {"channel": c.channel, "granted": c.granted, "recorded_at": c.recorded_at.isoformat(), "source": c.source}
            for c in citizen.consents.order_by("channel")
        ],
        "consent_history": [
            {"channel": c.channel, "granted": c.granted, "recorded_at": c.recorded_at.isoformat(), "source": c.source}
            for c in citizen.consent_changes.all()
        ],
        "subscriptions": [
            {
                "kind": s.kind,
                "wijk": s.wijk.slug if s.wijk_id else None,
                "theme": s.theme.slug if s.theme_id else None,
                "status": s.status,
                "source": s.source,
                "created_at": s.created_at.isoformat(),
            }
            for s in citizen.subscriptions.select_related("wijk", "theme")
        ],
        "confirmation_requests": [
            {
                "language": r.language,
                "phone": r.phone,
                "sms": r.sms,
                "created_at": r.created_at.isoformat(),
                "mailed_at": r.mailed_at.isoformat() if r.mailed_at else None,
                "confirmed_at": r.confirmed_at.isoformat() if r.confirmed_at else None,
            }
            for r in citizen.confirmation_requests.order_by("created_at", "pk")
        ],
        "dossiers": [
            {"source": d.source, "id": d.external_id, "type": d.type, "last_milestone": d.last_milestone}
            for d in citizen.dossiers.order_by("pk")
        ],
        "dossier_events": [
            {
                "source": e.source,
                "event_id": e.event_id,
                "dossier": e.dossier_ref,
                "milestone": e.milestone,
                "occurred_at": e.occurred_at.isoformat(),
                "status": e.status,
                "payload": e.payload,
            }
            for e in _events_of(citizen).order_by("received_at", "pk")
        ],
        "enrolments": [
            {"journey": e.journey.slug, "version": e.version.number, "status": e.status, "created_at": e.created_at.isoformat()}
            for e in citizen.enrolments.select_related("journey", "version").order_by("pk")
        ],
        "messages": messages,
        "access_log": [
            {"actor": a.actor, "action": a.action, "at": a.at.isoformat()}
            for a in CitizenAccessLog.objects.filter(ref_sha256=ref_hash(citizen.ref)).order_by("at", "pk")
        ],
    }


def citizen_erase(*, citizen: Citizen, actor: str) -> dict[str, int]:
    """Forget the citizen; returns how many rows of each kind were deleted or anonymised."""
    digest = ref_hash(citizen.ref)
    with transaction.atomic():
        access_log_record(citizen=citizen, actor=actor, action=CitizenAccessLog.Action.ERASE)
        message_ids = list(Message.objects.filter(citizen=citizen).values_list("pk", flat=True))
        messages_transition(
            messages=message_ids,
            from_status=Message.Status.CREATED,
            to_status=Message.Status.SUPPRESSED,
            detail="citizen erased",
        )
        messages_history_details_erase(message_ids=message_ids)
        messages = Message.objects.filter(pk__in=message_ids).update(
            citizen=None, recipient="", subject="", body_text="", body_html="", headers={}, last_error=""
        )
        events = 0
        for event in _events_of(citizen):
            event.payload = {**event.payload, "citizen": {"ref": ERASED}, "data": {}}
            event.citizen_ref, event.citizen = f"{ERASED}:{digest[:16]}", None
            event.save(update_fields=["payload", "citizen_ref", "citizen"])
            events += 1
        dossiers = Dossier.objects.filter(citizen=citizen).update(citizen=None)
        enrolments = Enrolment.objects.filter(
            citizen=citizen, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.WAITING]
        ).update(status=Enrolment.Status.EXITED, wake_at=None, detail="citizen erased")
        citizen.delete()
    return {"messages": messages, "dossier_events": events, "dossiers": dossiers, "enrolments_stopped": enrolments}
