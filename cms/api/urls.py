"""The content API's URL map, registered at /api/ by `ApiConfig.ready` (cms.http.routes).

Any other address under /api/ is the HTTP kernel's problem+json 404, which follows every
registered route.
"""

from django.urls import include, path, re_path

from cms.api.brand import brand_view
from cms.api.openapi.views import docs_view, schema_view
from cms.api.preview.get import preview_view
from cms.api.services.experiments.click import experiment_click_view
from cms.api.services.participation.post import ReactionView
from cms.api.services.search.click import click_view
from cms.api.services.search.get import search_view
from cms.api.services.search.suggest import suggest_view
from cms.api.traversal import content_view
from cms.api.v2.router import api_router

# No app namespace: Wagtail's router reverses its own "wagtailapi:..." names from the root.
urlpatterns = [
    path("v2/", api_router.urls),
    re_path(r"^content/(?P<path>.*)$", content_view, name="api-content"),
    path("search/", search_view, name="api-search"),
    path("search/suggest/", suggest_view, name="api-search-suggest"),
    path("search/click/", click_view, name="api-search-click"),
    path("experiments/click/", experiment_click_view, name="api-experiments-click"),
    path("preview/", preview_view, name="api-preview"),
    path("projects/<int:page_id>/reactions/", ReactionView.as_view(), name="api-project-reactions"),
    path("schema/", schema_view, name="api-schema"),
    path("docs/", docs_view, name="api-docs"),
    path("feeds/", include("cms.api.feeds.urls")),
    path("signage/", include("cms.api.signage.urls")),
    path("brand/", brand_view, name="api-brand"),
]
