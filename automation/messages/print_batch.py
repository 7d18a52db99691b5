"""The print batch: every letter waiting to be posted, rendered to PDF and handed off as one zip.

1. Claim: letters still `created` move to `sending` in one transaction (`transitions.py`,
   `SKIP LOCKED`), and each is stamped with the batch's name (`provider_message_id`), so
   a run that dies half-way can be recognised later.
2. Consent and address are checked again (`refusals.py`: a citizen who said "no letters"
   meanwhile, or has no address any more, is `suppressed`).
3. Each letter becomes a PDF (`channels/letter.py`) in the city's brand (`cms.core`'s
   brand settings: name, colour, typeface, how to reach Gentinfo), written into
   `<output>/<batch>.zip.part` with `manifest.json` (per letter: file, reference,
   language, pages; no personal data beyond what the PDFs must carry).
4. Hand-off: the zip is renamed to `<batch>.zip` (atomic), then the letters are `sent`.
A letter found `in_doubt` (the sweep released it after a lost run) whose batch zip
exists was handed off already: it is recorded as sent, not printed twice.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from automation.channels.kinds import ChannelKind
from automation.channels.letter import SENDER, Letter, letter_pdf
from automation.messages.layout import why_line
from automation.messages.models import Message
from automation.messages.refusals import messages_refusals
from automation.messages.transitions import message_transition, messages_transition
from cms.core.models import Brand, brand

Status = Message.Status
PROVIDER = "print-batch"


@dataclass(frozen=True)
class PrintBatch:
    name: str
    path: Path | None  # None when there was nothing to print
    letters: int
    suppressed: int
    recovered: int  # found in an earlier batch after a lost run


def default_output_dir() -> Path:
    return Path(settings.AUTOMATION_LETTER_BATCH_DIR)


def print_batch_create(*, output_dir: Path | None = None, limit: int | None = None, progress=None) -> PrintBatch:
    """Collect waiting letters into one batch; `progress(iterable, total)` wraps the rendering loop (tqdm)."""
    output_dir = Path(output_dir or default_output_dir())
    output_dir.mkdir(parents=True, exist_ok=True)
    name = f"brieven-{timezone.localtime():%Y%m%d-%H%M%S}-{os.getpid()}"
    recovered = _recover_handed_off(output_dir)
    claimed = _claim(name, limit)
    letters = list(Message.objects.filter(pk__in=claimed).select_related("citizen", "dossier").order_by("pk"))
    refusals = messages_refusals(letters)
    messages_transition(messages=list(refusals), from_status=Status.SENDING, to_status=Status.SUPPRESSED, detail=refusals)
    letters = [m for m in letters if m.pk not in refusals]
    if not letters:
        return PrintBatch(name=name, path=None, letters=0, suppressed=len(refusals), recovered=recovered)

    part = output_dir / f"{name}.zip.part"
    manifest = {"batch": name, "created_at": timezone.now().isoformat(), "letters": []}
    house = brand()  # read once per batch: every letter in it carries the same brand
    rows = progress(letters, len(letters)) if progress else letters
    with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, message in enumerate(rows, start=1):
            pdf, pages = letter_pdf(_letter(message, house))
            filename = f"{number:05d}-{message.reference}.pdf"
            archive.writestr(filename, pdf)
            manifest["letters"].append(
                {"file": filename, "reference": str(message.reference), "language": message.language, "pages": pages}
            )
        manifest["count"] = len(manifest["letters"])
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    final = output_dir / f"{name}.zip"
    os.replace(part, final)  # the hand-off: the batch exists whole or not at all
    _mark_sent([m.pk for m in letters], detail=f"handed off in print batch {name}")
    return PrintBatch(name=name, path=final, letters=len(letters), suppressed=len(refusals), recovered=recovered)


def _letter(message: Message, house: Brand) -> Letter:
    dossier = ""
    if message.dossier_id:
        dossier = message.dossier.external_id
    return Letter(
        reference=str(message.reference),
        address=message.recipient,
        subject=message.subject,
        body_text=message.body_text,
        body_html="",  # a letter is the text; e-mail HTML frames do not belong on paper
        language=message.language,
        why=why_line(purpose=message.purpose, language=message.language, dossier=dossier),
        dated=timezone.localdate(),
        sender=(house.name, *SENDER[1:]),
        contact=tuple(house.gentinfo_lines),
        colour=house.primary_colour,
        typeface=house.typeface,
    )


def _claim(name: str, limit: int | None) -> list[int]:
    return messages_transition(
        messages=Message.objects.filter(channel=ChannelKind.LETTER),
        from_status=Status.CREATED,
        to_status=Status.SENDING,
        detail=f"in print batch {name}",
        skip_locked=True,
        limit=limit,
        provider=PROVIDER,
        provider_message_id=name,
    )


def _recover_handed_off(output_dir: Path) -> int:
    """Letters released after a lost run whose batch zip was written: sent, not printed again."""
    found = 0
    doubtful = Message.objects.filter(
        channel=ChannelKind.LETTER, status=Status.CREATED, in_doubt=True, provider=PROVIDER
    ).values_list("pk", "provider_message_id")
    for pk, batch in doubtful:
        if batch and (output_dir / f"{batch}.zip").exists():
            if message_transition(message_id=pk, from_status=Status.CREATED, to_status=Status.SENDING):
                _mark_sent([pk], detail=f"found in print batch {batch} after a lost run: not printed again")
                found += 1
    return found


def _mark_sent(ids: list[int], *, detail: str) -> None:
    messages_transition(
        messages=ids,
        from_status=Status.SENDING,
        to_status=Status.SENT,
        detail=detail,
        sent_at=timezone.now(),
        in_doubt=False,
        last_error="",
    )
