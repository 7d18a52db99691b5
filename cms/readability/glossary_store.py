"""The glossary as editors keep it (the `GlossaryEntry` snippet), read once per process.

A version stamp in the shared cache changes whenever an editor saves or deletes a term
(signals.py), so every web worker reads the terms again on its next score; between
changes a score costs no query for the glossary.
"""

from __future__ import annotations

import threading
import time

from django.core.cache import cache

from cms.readability.glossary import Glossary, Term

VERSION_KEY = "readability:glossary-version"
_lock = threading.Lock()
_loaded: tuple[object, Glossary] | None = None


def glossary_current() -> Glossary:
    """The editable glossary as it is now."""
    global _loaded
    version = cache.get(VERSION_KEY, 0)
    loaded = _loaded
    if loaded is not None and loaded[0] == version:
        return loaded[1]
    from cms.readability.models import GlossaryEntry

    with _lock:
        terms = [
            Term(official=entry.official, plain=entry.plain, language=entry.language, note=entry.note)
            for entry in GlossaryEntry.objects.all()
        ]
        glossary = Glossary(terms)
        _loaded = (version, glossary)
    return glossary


def glossary_changed(**kwargs) -> None:
    """Tell every process to read the glossary again."""
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)
