"""Facts asked once per answer: the hidden subtrees, the home page of each locale.

Building one traversal answer asks the same tree-wide questions from the lookup, the
fingerprint and each listing it embeds. Inside `one_answer()` the first answer is kept and
reused; outside it (tasks, the admin) every call asks the database as before. An answer is
built in milliseconds and is a snapshot anyway, so nothing goes stale in between.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

_scope: ContextVar[dict | None] = ContextVar("content_api_answer_scope", default=None)


@contextmanager
def one_answer():
    token = _scope.set({})
    try:
        yield
    finally:
        _scope.reset(token)


def remembered(key, compute):
    """`compute()`, asked once per answer (and every time outside one)."""
    scope = _scope.get()
    if scope is None:
        return compute()
    if key not in scope:
        scope[key] = compute()
    return scope[key]
