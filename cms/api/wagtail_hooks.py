"""Admin wiring of the content API: the front-end preview button and its token view."""

from django.urls import include, path
from wagtail import hooks

from cms.api.preview import admin as preview_admin


@hooks.register("register_admin_urls")
def preview_urls():
    return [path("api/", include(preview_admin.urlpatterns))]


hooks.register("register_page_header_buttons", preview_admin.header_buttons)
