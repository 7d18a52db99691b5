"""Admin wiring of the neighbourhood pages: the print edition's button and views."""

from django.urls import include, path
from wagtail import hooks

from cms.neighbourhoods.print import admin_views


@hooks.register("register_admin_urls")
def print_urls():
    return [path("drukversie/", include(admin_views.urlpatterns))]


hooks.register("register_page_header_buttons", admin_views.header_buttons)
