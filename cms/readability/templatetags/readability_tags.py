"""`{% readability_live_url %}`: where the Checks panel posts the draft, beside the page's own edit or create address."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def readability_live_url(context) -> str:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    kwargs = match.kwargs
    try:
        if "page_id" in kwargs:
            return reverse("readability:live_edit", args=[kwargs["page_id"]])
        if "parent_page_id" in kwargs:
            return reverse(
                "readability:live_create",
                args=[kwargs["content_type_app_name"], kwargs["content_type_model_name"], kwargs["parent_page_id"]],
            )
    except NoReverseMatch:
        return ""
    return ""
