"""Facts asked once per answer: the hidden subtrees, the home page of each locale.

Building one answer asks the same tree-wide questions many times: a traversal answer from
the lookup, the fingerprint and each listing it embeds; a feed or a sitemap from every
address it writes. Inside `one_answer()` the first reply is kept and reused; outside it
(tasks, the admin) every call asks again. An answer is built in milliseconds and is a
snapshot anyway, so nothing goes stale in between. The page kernel (cms/core/publishing.py)
is what remembers; the views that build answers open the scope.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

_scope: ContextVar[dict | None] = ContextVar("answer_scope", default=None)


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
