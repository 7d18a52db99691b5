"""URL map: admin, documents, the routes apps register (the APIs), then Wagtail's page tree per locale.

Each app mounts its endpoints from its own `AppConfig.ready` (cms.http.routes): the content
API at /api/, automation at /api/automation/, the crisis banner and each SMS provider below
it. They are followed by the HTTP kernel's problem+json 404 for any other /api/ address.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.feeds.sitemap import sitemap
from cms.http.routes import registered_urlpatterns

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *registered_urlpatterns(),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
