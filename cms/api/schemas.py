"""JSON Schema (2020-12) of what the content endpoint answers for each page type.

Derived from the same declarations the answers are built from (the body's StreamBlock, the
model's `api_fields` and Django field types), so the schema cannot drift from the model.
Used by `@types` and by the OpenAPI document.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import get_page_models

from cms.api.serializers.fields import SHARED
from cms.api.services.experiments.openapi import EXPERIMENT_SCHEMA
from cms.core.blocks import BodyBlock
from cms.readability.api_schema import LEVEL_SCHEMA

DATE_TIME = {"type": ["string", "null"], "format": "date-time"}
AT_ID = {"type": "string", "format": "uri"}
RENDITION = {
    "type": ["object", "null"],
    "properties": {"url": AT_ID, "width": {"type": "integer"}, "height": {"type": "integer"}, "alt": {"type": "string"}},
    "required": ["url", "width", "height", "alt"],
}
DOCUMENT = {
    "type": ["object", "null"],
    "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "url": AT_ID},
}
LINK = {"type": "object", "properties": {"@id": AT_ID, "slug": {"type": "string"}, "title": {"type": "string"}}}


def block_schema(block) -> dict:
    if isinstance(block, blocks.RichTextBlock):
        return {"type": "string", "contentMediaType": "text/html"}
    if isinstance(block, blocks.StructBlock):
        return {
            "type": "object",
            "properties": {name: block_schema(child) for name, child in block.child_blocks.items()},
        }
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block)
    if isinstance(block, ImageChooserBlock):
        return RENDITION
    if isinstance(block, DocumentChooserBlock):
        return DOCUMENT
    if isinstance(block, (EmbedBlock, blocks.URLBlock)):
        return {"type": ["string", "null"], "format": "uri"}
    if isinstance(block, blocks.IntegerBlock):
        return {"type": ["integer", "null"]}
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    return {"type": ["string", "null"]}


def stream_schema(stream_block) -> dict:
    return {
        "type": "array",
        "items": {
            "oneOf": [
                {
                    "type": "object",
                    "properties": {
                        "type": {"const": name},
                        "id": {"type": ["string", "null"]},
                        "value": block_schema(child),
                    },
                    "required": ["type", "value"],
                }
                for name, child in stream_block.child_blocks.items()
            ]
        },
    }


def field_schema(model, name: str) -> dict:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return dict(getattr(model, "api_schemas", {}).get(name, {}))  # a method the model describes itself
    if field.is_relation:
        if field.one_to_many or field.many_to_many:
            return {"type": "array", "items": {"type": "object"}}
        return {"type": ["object", "null"]}
    mapping = [
        (models.BooleanField, {"type": "boolean"}),
        ((models.IntegerField, models.AutoField), {"type": ["integer", "null"]}),
        ((models.FloatField, models.DecimalField), {"type": ["number", "null"]}),
        (models.DateTimeField, DATE_TIME),
        (models.DateField, {"type": ["string", "null"], "format": "date"}),
        (models.URLField, {"type": "string"}),
    ]
    for kinds, schema in mapping:
        if isinstance(field, kinds):
            return dict(schema)
    schema = {"type": ["string", "null"]}
    if field.choices:
        schema["enum"] = [value for value, _label in field.choices] + ([None] if field.null else [])
    return schema


def page_schema(model) -> dict:
    names = [getattr(f, "name", f) for f in getattr(model, "api_fields", [])]
    extra = {name: field_schema(model, name) for name in names if name not in SHARED}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": str(model._meta.verbose_name),
        "type": "object",
        "properties": {
            "@id": AT_ID,
            "@type": {"const": model._meta.label},
            "UID": {"type": "string", "description": "The page's translation_key: stable across edits and languages."},
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "language": {"type": "string"},
            "created": DATE_TIME,
            "modified": DATE_TIME,
            "published": DATE_TIME,
            "intro": {"type": "string"},
            "body": stream_schema(BodyBlock()),
            "themes": {"type": "array", "items": LINK},
            "wijken": {"type": "array", "items": LINK},
            "parent": {"type": ["object", "null"], "properties": {"@id": AT_ID, "title": {"type": "string"}}},
            "fields": {"type": "object", "properties": extra},
            "@components": {"type": "object"},
            "schema_org": {
                "type": "object",
                "description": "schema.org JSON-LD for the page (NewsArticle, Event, GovernmentService, ...).",
                "properties": {"@context": {"const": "https://schema.org"}, "@type": {"type": "string"}},
                "required": ["@context", "@type"],
            },
            "readability": LEVEL_SCHEMA,
            "experiment": EXPERIMENT_SCHEMA,
            "items_total": {"type": "integer"},
            "items": {"type": "array", "items": {"type": "object"}},
            "batching": {"type": "object"},
        },
        "required": ["@id", "@type", "UID", "title", "language", "body", "items", "items_total", "schema_org"],
    }


def page_types() -> dict[str, type]:
    return {model._meta.label: model for model in get_page_models() if model._meta.app_label != "wagtailcore"}
