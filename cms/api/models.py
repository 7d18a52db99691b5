"""The content generation: one row whose token changes whenever published content may have.

Cached API answers (cms/api/answer_cache.py) are keyed by this token, so changing it retires
every cached answer at once, in every process, without knowing which answers held a page.
It lives in the database, not in the cache, because the embedded default cache is per
process: a publish handled by one worker must retire the answers cached by all of them, and
the bump is written in the publishing transaction, so it commits (or rolls back) with it.
"""

from django.db import models


class ContentGeneration(models.Model):
    """A single row (pk 1); `token` is random, so a fresh database never reuses an old key."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "content generation"
