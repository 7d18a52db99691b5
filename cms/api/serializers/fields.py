"""The fields a page type adds to the shared shape (an event's start, a release's date...).

Read from the model's own `api_fields`, the list it already declares for Wagtail API v2, so
a new field appears in both APIs at once. Plain values are sent as they are (dates as ISO
8601); images become renditions, documents their URL, inline child objects (press
contacts, project phases, wijk services) a list of their own api_fields.

An inline list is read once and kept on the page (a prefetch: the page's own methods, such as
a project's participation, read the same phases again), in one query with what its items
point to (documents, contacts, images), not one query per item.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage

from cms.api.serializers.images import rendition
from cms.api.serializers.prefetch import prefetch_on

# Shown in their own way by the content service (body as blocks, taxonomies with @id).
SHARED = {"intro", "body", "themes", "wijken", "wijk"}


def field_value(obj, name: str, request):
    try:
        field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    value = getattr(obj, name, None)
    if field is not None and field.is_relation:
        if field.one_to_many or field.many_to_many:
            model = field.related_model
            prefetch_on([obj], Prefetch(name, queryset=model._default_manager.select_related(*pointed_to(model))))
            related = list(getattr(obj, name).all())
            _prefetch_pointed_to(related)  # items held in memory (a preview) were not read with them
            return [api_fields_of(item, request) for item in related]
        if value is None:
            return None
        if isinstance(value, AbstractImage):
            return rendition(value, alt=getattr(obj, "alt", None) or None, request=request)
        if isinstance(value, AbstractDocument):
            return {"id": value.pk, "title": value.title, "url": request.build_absolute_uri(value.url)}
        if hasattr(value, "api_fields"):
            return api_fields_of(value, request)
        return plain_fields_of(value)
    return value() if callable(value) else value


def pointed_to(model) -> list[str]:
    """The model's api_fields that point to one other row (a document, a contact, a wijk, an image)."""
    names = []
    for name in (getattr(field, "name", field) for field in getattr(model, "api_fields", [])):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one and field.concrete:
            names.append(name)
    return names


def _prefetch_pointed_to(items: list) -> None:
    """Read what the items' api_fields point to, one query per field not read yet."""
    if items:
        names = pointed_to(type(items[0]))
        if names:
            prefetch_on(items, *names)


def plain_fields_of(obj) -> dict:
    """A related object without api_fields (a press contact snippet): its own plain columns."""
    return {
        field.name: getattr(obj, field.name)
        for field in obj._meta.concrete_fields
        if not field.is_relation and not field.primary_key
    }


def api_fields_of(obj, request, skip=frozenset()) -> dict:
    names = [getattr(field, "name", field) for field in getattr(obj, "api_fields", [])]
    return {name: field_value(obj, name, request) for name in names if name not in skip}


def extra_fields(page, request) -> dict:
    return api_fields_of(page, request, skip=SHARED)
