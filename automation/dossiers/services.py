"""Storing a dossier event exactly once, and processing it exactly once.

Ingestion is all the HTTP request does: one INSERT ... ON CONFLICT DO NOTHING on the
unique constraint of (source, event_id). A repeat, sequential or concurrent, loses the
race at the database and gets the stored event back; nothing else happens for it.
Processing runs in a task after commit: it locks the event, acts only if it is still
`received`, updates the citizen (contact details, consent) and the dossier, lets the
journey runtime create its rows, sets the event's final status, and queues the new
messages' ids after commit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from automation.contacts.models import Citizen
from automation.contacts.services import ContactDetails, citizen_upsert, consent_record
from automation.dossiers.event_schema import postal_address_lines
from automation.dossiers.models import Dossier, DossierEvent
from automation.journeys.runtime import journeys_handle_event
from automation.messages.queueing import messages_queue
from automation.queues import EVENTS_QUEUE
from cms.work.enqueue import enqueue

logger = logging.getLogger(__name__)
PROCESS_EVENT = "automation.process_dossier_event"


@dataclass(frozen=True)
class IngestResult:
    event: DossierEvent
    created: bool


# What an INSERT writes; the rest of the row (status detail, processing) starts empty or null.
_INGEST_FIELDS = (
    "source", "event_id", "dossier_ref", "dossier_type", "milestone", "citizen_ref",
    "occurred_at", "received_at", "payload", "body_sha256", "status", "status_detail",
)  # fmt: skip


def dossier_event_ingest(*, data: dict, body_sha256: str) -> IngestResult:
    """Store a validated event once; a repeat of (source, event_id) returns the stored one."""
    key = {"source": data["source"], "event_id": data["event_id"]}
    event = DossierEvent(
        **key,
        dossier_ref=data["dossier"]["id"],
        dossier_type=data["dossier"]["type"],
        milestone=data["milestone"],
        citizen_ref=data["citizen"]["ref"],
        occurred_at=parse_datetime(data["occurred_at"]),
        payload=data,
        body_sha256=body_sha256,
    )
    for _attempt in range(2):  # a second time only if the stored event vanished in between
        if _insert_unless_stored(event):
            transaction.on_commit(partial(queue_event_processing, event.pk), robust=True)
            return IngestResult(event=event, created=True)
        existing = DossierEvent.objects.filter(**key).first()
        if existing is not None:
            if existing.body_sha256 != body_sha256:
                logger.warning("Event %s/%s repeated with a different body; kept the first", *key.values())
            return IngestResult(event=existing, created=False)
    raise RuntimeError(f"Event {key['source']}/{key['event_id']} neither stored nor found")


def _insert_unless_stored(event: DossierEvent) -> bool:
    """One `INSERT ... ON CONFLICT (source, event_id) DO NOTHING RETURNING id`: True if it stored `event`.

    The unique constraint decides, in the database, so a repeat sequential or concurrent
    never stores twice; a conflict is no error, so no savepoint is needed inside a caller's
    transaction and nothing is logged by the database. Values are prepared by the model's
    own fields (JSON, time zones); it is one statement, so no model signals are sent (none
    listen to events). Any other constraint that fails still raises IntegrityError.
    """
    meta, connection = DossierEvent._meta, transaction.get_connection()
    sql = _INSERT_SQL.get(connection.vendor) or _INSERT_SQL.setdefault(connection.vendor, _insert_sql(connection))
    fields = [meta.get_field(name) for name in _INGEST_FIELDS]
    params = [field.get_db_prep_save(field.pre_save(event, add=True), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    event.pk = row[0]
    event._state.adding, event._state.db = False, connection.alias
    return True


_INSERT_SQL: dict[str, str] = {}  # per database vendor, built once


def _insert_sql(connection) -> str:
    meta, quote = DossierEvent._meta, connection.ops.quote_name
    constraint = next(c for c in meta.constraints if c.name == "one_event_per_source_and_id")
    columns = [quote(meta.get_field(name).column) for name in _INGEST_FIELDS]
    conflict = [quote(meta.get_field(name).column) for name in constraint.fields]
    return (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING RETURNING {quote(meta.pk.column)}"
    )


def queue_event_processing(event_pk: int) -> None:
    """Queue the processing task, by name, for a stored event (after the INSERT committed)."""
    enqueue(PROCESS_EVENT, event_pk, queue=EVENTS_QUEUE)


def dossier_event_process(*, event_pk: int) -> list[int]:
    """Process a stored event if it is still `received`; return the ids of messages it created."""
    with transaction.atomic():
        event = DossierEvent.objects.select_for_update().filter(pk=event_pk).first()
        if event is None or event.status != DossierEvent.Status.RECEIVED:
            return []
        occurred_at = parse_datetime(event.payload["occurred_at"])
        citizen = _citizen_from_event(event=event, occurred_at=occurred_at)
        dossier = _dossier_upsert(event=event, citizen=citizen, occurred_at=occurred_at)
        outcome = journeys_handle_event(event=event, citizen=citizen, dossier=dossier)
        event.citizen, event.dossier = citizen, dossier
        event.status = DossierEvent.Status.PROCESSED if outcome.matched else DossierEvent.Status.UNMATCHED
        event.processed_at = timezone.now()
        event.save(update_fields=["citizen", "dossier", "status", "processed_at"])
        if outcome.message_ids:
            transaction.on_commit(partial(messages_queue, message_ids=outcome.message_ids), robust=True)
    return outcome.message_ids


def dossier_event_fail(*, event_pk: int, detail: str) -> None:
    """Give up on an event that could not be processed, saying why (shown in the admin)."""
    DossierEvent.objects.filter(pk=event_pk, status=DossierEvent.Status.RECEIVED).update(
        status=DossierEvent.Status.FAILED, status_detail=detail[:2000], processed_at=timezone.now()
    )


def _citizen_from_event(*, event: DossierEvent, occurred_at: datetime) -> Citizen:
    said = event.payload["citizen"]
    wijk_id = None
    if said.get("wijk"):
        from cms.core.models import Wijk

        wijk_id = Wijk.objects.filter(slug=said["wijk"]).values_list("pk", flat=True).first()
    details = ContactDetails(
        email=said.get("email"),
        phone=said.get("phone"),
        language=said.get("language"),
        postal_address=postal_address_lines(said["postal_address"]) if said.get("postal_address") else None,
        preferred_channel=said.get("preferred_channel"),
        **({"wijk_id": wijk_id} if "wijk" in said else {}),
    )
    citizen = citizen_upsert(ref=said["ref"], details=details, observed_at=occurred_at)
    for channel, granted in (said.get("consent") or {}).items():
        consent_record(
            citizen=citizen,
            channel=channel,
            granted=granted,
            source=f"dossier-event:{event.source}/{event.event_id}",
            recorded_at=occurred_at,
        )
    return citizen


def _dossier_upsert(*, event: DossierEvent, citizen: Citizen, occurred_at: datetime) -> Dossier:
    key = {"source": event.source, "external_id": event.dossier_ref}
    dossier = Dossier.objects.filter(**key).first()
    if dossier is None:
        try:
            with transaction.atomic():
                dossier = Dossier.objects.create(**key, type=event.dossier_type, citizen=citizen)
        except IntegrityError:
            dossier = Dossier.objects.get(**key)
    if dossier.last_event_at is None or occurred_at >= dossier.last_event_at:
        dossier.type, dossier.citizen = event.dossier_type, citizen
        dossier.last_milestone, dossier.last_event_at = event.milestone, occurred_at
        dossier.save(update_fields=["type", "citizen", "last_milestone", "last_event_at"])
    return dossier
