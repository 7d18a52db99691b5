"""The contacts screens in the admin's "Automatisering" menu (collected by automation/admin_menu.py).

Citizens are records from case systems and the subscribe form, not content: the admin
may look (read-only, see automation/contacts/wagtail_hooks.py), export and erase, never
edit, so what the city holds stays what the citizen and the case systems said.
"""

from __future__ import annotations

from django.urls import path
from wagtail.admin.viewsets.model import ModelViewSet

from automation.contacts.admin_views import URL_NAMESPACE, CitizenEraseView, CitizenInspectView, citizen_export_view
from automation.contacts.models import Citizen


class CitizenViewSet(ModelViewSet):
    model = Citizen
    icon = "user"
    menu_label = "Burgers"
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False
    form_fields = []  # read-only: no edit form is ever shown
    inspect_view_enabled = True
    inspect_view_class = CitizenInspectView
    list_display = ["ref", "language", "wijk", "created_at"]
    list_filter = {"language": ["exact"], "wijk": ["exact"]}
    search_fields = ["ref", "email"]
    search_backend_name = None
    inspect_view_fields = ["ref", "email", "phone", "postal_address", "language", "wijk", "consents",
                           "consent_history", "subscriptions", "created_at", "updated_at"]  # fmt: skip

    def erase_view(self, request, pk):
        view = CitizenEraseView.as_view(
            index_url_name=self.get_url_name("index"), inspect_url_name=self.get_url_name("inspect")
        )
        return view(request, pk=pk)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("export/<str:pk>/", citizen_export_view, name="export"),
            path("erase/<str:pk>/", self.erase_view, name="erase"),
        ]


def viewsets() -> list:
    """Viewsets (or viewset groups) this area adds to the "Automatisering" menu, in menu order."""
    return [CitizenViewSet(URL_NAMESPACE)]
