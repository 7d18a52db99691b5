"""Admin wiring: front-end endpoints are edited as a snippet (Instellingen > Webhooks)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.api.webhooks.models import WebhookEndpoint


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Webhooks"
    list_display = ["name", "url", "active"]


register_snippet(WebhookEndpointViewSet)
