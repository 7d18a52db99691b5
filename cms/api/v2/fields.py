"""Extra v2 page fields: the page's schema.org JSON-LD as `meta.schema_org` on the detail, and
its reading level as `meta.readability` (cms/readability).

Same data the traversal answer carries under `schema_org` (cms/core/schema_org.py), so a
stock v2 client gets it without a second call. Detail only: on a listing it would cost an
image rendition and taxonomy queries per item.
"""

from __future__ import annotations

from rest_framework.fields import Field
from wagtail.api import APIField

from cms.core.schema_org import structured_data
from cms.readability.services import page_level_answer


class SchemaOrgField(Field):
    """Read-only: the whole page in, its JSON-LD dict out."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return structured_data(page, self.context["request"])


SCHEMA_ORG = APIField("schema_org", serializer=SchemaOrgField())


class ReadabilityField(Field):
    """Read-only: the page's reading level, as the content answer's `readability`."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return page_level_answer(page.specific)


READABILITY = APIField("readability", serializer=ReadabilityField())
