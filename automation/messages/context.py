"""The placeholders a template may use, built from plain values only.

    citizen.ref, citizen.language, citizen.wijk      the citizen (no e-mail or phone: not needed in text)
    dossier.id, dossier.type, dossier.type_name      the dossier the event is about
    milestone.code, milestone.name                   the milestone that started the step
    event.date, event.time                           when it happened, in the citizen's language
    data.*                                           the case system's free-form `data`, as sent

Dates are written out in the citizen's language ("30 november 2026", "30 novembre 2026").
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.dateparse import parse_datetime

from automation.contacts.models import Citizen
from automation.dossiers.models import Dossier, DossierEvent, DossierType, Milestone


def message_context(*, citizen: Citizen, dossier: Dossier | None = None, event: DossierEvent | None = None) -> dict:
    context: dict = {
        "citizen": {
            "ref": citizen.ref,
            "language": citizen.language,
            "wijk": citizen.wijk.name if citizen.wijk_id else "",
        },
        "data": {},
    }
    if dossier is not None:
        type_name = DossierType.objects.filter(code=dossier.type).values_list("name", flat=True).first()
        context["dossier"] = {"id": dossier.external_id, "type": dossier.type, "type_name": type_name or dossier.type}
    if event is not None:
        occurred = timezone.localtime(parse_datetime(event.payload["occurred_at"]))
        with translation.override(citizen.language):
            context["event"] = {"date": date_format(occurred, "j F Y"), "time": date_format(occurred, "H:i")}
        name = (
            Milestone.objects.filter(code=event.milestone, dossier_type__code=event.dossier_type)
            .values_list("name", flat=True)
            .first()
        )
        context["milestone"] = {"code": event.milestone, "name": name or event.milestone}
        context["data"] = event.payload.get("data") or {}
    return context
