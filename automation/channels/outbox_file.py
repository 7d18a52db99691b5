"""A day's outbox file of JSON lines: where the file backends (SMS, voice) put what they would send.

One shared way to write it, like Django's file mail backend: each record is one line,
written with a single append of less than a pipe buffer, so concurrent workers never
interleave lines. A folder or file that cannot be written is a retryable error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.utils import timezone

from automation.channels.errors import RetryableError


def outbox_append(*, folder: str | os.PathLike, prefix: str, record: dict, provider: str) -> None:
    """Append `record` (with the time it was written) to `folder`/`prefix`-YYYY-MM-DD.jsonl."""
    line = json.dumps({**record, "at": timezone.now().isoformat()}, ensure_ascii=False)
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        path = Path(folder) / f"{prefix}-{timezone.localdate().isoformat()}.jsonl"
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, (line + "\n").encode())
        finally:
            os.close(fd)
    except OSError as error:
        raise RetryableError(f"cannot write the {prefix} outbox: {error}", provider=provider) from error
