"""Admin wiring for the automation plugin: one "Automatisering" menu, read-only record screens."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy

from automation.admin_permissions import ReadOnlyPolicy
from automation.dossiers.models import DossierEvent
from automation.dossiers.viewsets import DossierEventViewSet
from automation.messages.models import Message
from automation.messages.viewsets import MessageViewSet

register_permission_policy(DossierEvent, ReadOnlyPolicy(DossierEvent))
register_permission_policy(Message, ReadOnlyPolicy(Message))


class AutomationViewSetGroup(ViewSetGroup):
    menu_label = "Automatisering"
    menu_icon = "mail"
    menu_order = 300
    items = (MessageViewSet("automation_messages"), DossierEventViewSet("automation_events"))


@hooks.register("register_admin_viewset")
def register_automation_viewsets():
    return AutomationViewSetGroup()
