"""A read-only permission policy for admin screens that show records, never edit them.

Events and messages are facts: the admin may look, filter and inspect, but an edit would
rewrite history and a delete would hide it. Even superusers only get `view`.
"""

from wagtail.permission_policies import ModelPermissionPolicy

READ_ONLY_ACTIONS = {"view"}


class ReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action in READ_ONLY_ACTIONS and super().user_has_permission(user, action)
