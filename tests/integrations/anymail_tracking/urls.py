"""The site's URLs with the ESP webhooks routed, as they are when ANYMAIL_WEBHOOK_SECRET is set."""

from django.urls import include, path

from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("api/automation/esp/", include("anymail.urls")), *site_urlpatterns]
