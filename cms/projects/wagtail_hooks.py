"""Admin wiring for projects: the "Inbreng" screens where a project's editors moderate reactions."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.projects.moderation import URL_NAMESPACE, ReactionPermissionPolicy, ReactionViewSet
from cms.projects.reactions import Reaction

register_permission_policy(Reaction, ReactionPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_reaction_viewset():
    return ReactionViewSet(URL_NAMESPACE)
