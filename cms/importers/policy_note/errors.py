"""Why a policy note could not be imported, one exception per reason a user can act on.

All derive from `PolicyNoteError`, so the command turns every one of them into the same
kind of message (the path, then the reason) and nothing else escapes as a traceback.
"""

from __future__ import annotations

from pathlib import Path


class PolicyNoteError(Exception):
    """The note was not imported; nothing was stored."""


class PolicyNoteUnreadable(PolicyNoteError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot read the file ({reason})")
        self.path = path


class NoSectionsFound(PolicyNoteError):
    def __init__(self) -> None:
        super().__init__(
            "no numbered chapters found: expected the text of the policy note, "
            "with headings such as '1. Verloop van het traject'"
        )


class NoDutchHomePage(PolicyNoteError):
    def __init__(self) -> None:
        super().__init__("there is no Dutch home page to put the note under (run `manage.py seed_demo` first)")


class SlugTaken(PolicyNoteError):
    def __init__(self, url: str, kind: str) -> None:
        super().__init__(f"the page at {url} is a {kind}, not a page this import may update")
