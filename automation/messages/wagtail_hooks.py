"""Admin wiring for the automation plugin: the "Automatisering" menu (automation/admin_menu.py), read-only record screens."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from automation.admin_menu import AutomationViewSetGroup
from automation.admin_permissions import ReadOnlyPolicy
from automation.dossiers.models import DossierEvent
from automation.messages.models import Message

register_permission_policy(DossierEvent, ReadOnlyPolicy(DossierEvent))
register_permission_policy(Message, ReadOnlyPolicy(Message))


@hooks.register("register_admin_viewset")
def register_automation_viewsets():
    return AutomationViewSetGroup()
