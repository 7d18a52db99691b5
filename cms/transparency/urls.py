from django.urls import path

from cms.transparency.api import register_view

urlpatterns = [path("", register_view, name="transparency_register")]
