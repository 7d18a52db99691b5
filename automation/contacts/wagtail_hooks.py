"""Admin wiring for contacts: citizens are shown read-only (export and erasure have their own views and permissions)."""

from wagtail.permissions import register_permission_policy

from automation.admin_permissions import ReadOnlyPolicy
from automation.contacts.models import Citizen

register_permission_policy(Citizen, ReadOnlyPolicy(Citizen))
