"""What a batch of page views from the citizen site's server must look like.

    {"batch": "<uuid>", "sealed_at": "2026-12-06T15:04:05Z",
     "views": {"/nl/themas/afval/": 3}, "referrers": {"google.com": 2}}

`views` maps the site path of a page rendered with 200 to how often; `referrers` maps a
referring domain to how often (a full URL is reduced to its domain here too). The day the
views count for is `sealed_at`'s day in the site's time zone; a batch older than a day, or
from the future, is refused, so a batch whose id was forgotten cannot count twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from rest_framework import serializers

from cms.pageviews.batches import BATCH_MAX_AGE

MAX_ENTRIES = 500
MAX_PATH = 400
MAX_COUNT = 1_000_000
CLOCK_SKEW = timedelta(minutes=5)


def _counts(value: dict, *, key_length: int, what: str) -> dict:
    if len(value) > MAX_ENTRIES:
        raise serializers.ValidationError(f"At most {MAX_ENTRIES} {what} per batch; send more batches.")
    for key in value:
        if not key or len(key) > key_length:
            raise serializers.ValidationError(f"A key is empty or longer than {key_length} characters.")
    return value


class PageViewBatchSerializer(serializers.Serializer):
    batch = serializers.UUIDField()
    sealed_at = serializers.DateTimeField()
    views = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=MAX_COUNT))
    referrers = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=MAX_COUNT), required=False)

    def validate_sealed_at(self, value):
        now = timezone.now()
        if value > now + CLOCK_SKEW:
            raise serializers.ValidationError("Lies in the future: check the clock of the site's server.")
        if value < now - BATCH_MAX_AGE:
            raise serializers.ValidationError(f"Older than {BATCH_MAX_AGE.days} day: too late to count.")
        return value

    def validate_views(self, value):
        _counts(value, key_length=MAX_PATH, what="paths")
        if any(not key.startswith("/") for key in value):
            raise serializers.ValidationError("Every path starts with '/', as the site served it.")
        return value

    def validate_referrers(self, value):
        return _counts(value, key_length=2000, what="referrers")
