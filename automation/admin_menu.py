"""The one "Automatisering" menu in Wagtail admin, gathered from each automation area.

Each area (contacts, journeys, crisis, messages, dossiers) declares its own screens in its
`admin_viewsets.py` (or viewsets.py); this module only puts them in one menu, so an area
adds a screen without touching the others' files.
"""

from __future__ import annotations

from wagtail.admin.viewsets.base import ViewSetGroup


class AutomationViewSetGroup(ViewSetGroup):
    menu_label = "Automatisering"
    menu_icon = "mail"
    menu_order = 300

    def __init__(self):
        from automation.contacts.admin_viewsets import viewsets as contacts
        from automation.crisis.admin_viewsets import viewsets as crisis
        from automation.dossiers.viewsets import DossierEventViewSet
        from automation.experiments.admin_viewsets import viewsets as experiments
        from automation.journeys.admin_viewsets import viewsets as journeys
        from automation.messages.viewsets import MessageViewSet

        self.items = (
            *journeys(),
            *experiments(),
            *crisis(),
            *contacts(),
            MessageViewSet("automation_messages"),
            DossierEventViewSet("automation_events"),
        )
        super().__init__()
