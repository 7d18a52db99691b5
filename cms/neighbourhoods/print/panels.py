"""A read-only panel on an edition's edit screen: its print versions, their progress and the button.

The editor sees, where they work on the edition, whether a PDF is being made (with its
progress), ready (with its size), out of date after an article was published again, or
failed, and reaches "Drukversie maken" from there. Reads the rows through the edition's
`prints` relation, so the page model needs no import of the print package's models.
"""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel


class EditionPrintPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "neighbourhoods/admin/edition_print_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            edition = self.instance
            context["prints"] = list(edition.prints.select_related("document").order_by("variant")) if edition.pk else []
            context["make_url"] = reverse("neighbourhoods_edition_print", args=[edition.pk]) if edition.pk else ""
            return context
