"""The v2 router: the same endpoint names stock Wagtail uses, so client URLs do not change."""

from wagtail.api.v2.router import WagtailAPIRouter

from cms.api.v2.views import DocumentsViewSet, ImagesViewSet, PagesViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesViewSet)
api_router.register_endpoint("images", ImagesViewSet)
api_router.register_endpoint("documents", DocumentsViewSet)
