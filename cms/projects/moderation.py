"""Moderating reactions in the admin ("Inbreng"): who may, and the screens.

The project's editors moderate its reactions: a user may see, moderate, export and delete
the reactions of exactly the project pages they may edit (Wagtail's page permissions on
the project or a section above it), nothing else; superusers see all. Nobody adds a
reaction in the admin (they come from citizens). The list filters on project, phase,
status and wijk, exports as CSV or XLSX for the project team (what the filters show; the
contact columns are filled only where the citizen consented, since nothing else is
stored), and links to the chart of reactions per wijk (reaction_chart.py).
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.projects.reactions import Reaction

MODERATION_ACTIONS = {"view", "change", "delete"}
URL_NAMESPACE = "inbreng"


def moderated_projects(user):
    """The project pages whose reactions `user` moderates: those they may edit."""
    from cms.projects.models import ProjectPage

    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return ProjectPage.objects.filter(pk__in=pages.values("pk"))


class ReactionPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(Reaction)

    def user_has_permission(self, user, action):
        if action not in MODERATION_ACTIONS or not user.is_active:
            return False
        return user.is_superuser or moderated_projects(user).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Reaction.objects.none()
        if user.is_superuser:
            return Reaction.objects.all()
        return Reaction.objects.filter(project__in=moderated_projects(user))

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()


class ReactionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view").select_related(
            "project", "phase", "wijk"
        )

    @property
    def header_buttons(self):
        chart = reverse(f"{URL_NAMESPACE}:chart")
        project = self.request.GET.get("project")
        if project:
            chart += f"?project={project}"
        return [HeaderButton("Grafiek per wijk", url=chart, icon_name="view")]


class OwnProjectsOnly:
    """Edit, inspect and delete open only reactions of projects the user moderates; others are 404."""

    object_action = "change"

    def get_object(self, queryset=None):
        from django.contrib.admin.utils import unquote
        from django.shortcuts import get_object_or_404

        allowed = self.permission_policy.instances_user_has_permission_for(self.request.user, self.object_action)
        return get_object_or_404(allowed, pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class ReactionInspectView(OwnProjectsOnly, generic.InspectView):
    object_action = "view"


class ReactionDeleteView(OwnProjectsOnly, generic.DeleteView):
    object_action = "delete"


class ReactionEditView(OwnProjectsOnly, generic.EditView):
    def save_instance(self):
        self.form.instance.moderated_at = timezone.now()
        self.form.instance.moderated_by = self.request.user
        return super().save_instance()


class ReactionViewSet(ModelViewSet):
    model = Reaction
    icon = "comment"
    menu_label = "Inbreng"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    add_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    index_view_class = ReactionIndexView
    edit_view_class = ReactionEditView
    inspect_view_class = ReactionInspectView
    delete_view_class = ReactionDeleteView
    list_display = [
        "text",
        "project",
        "phase",
        "status",
        "wijk",
        Column("created_at", label="Ontvangen", accessor="created_at"),
    ]
    list_filter = {"project": ["exact"], "phase": ["exact"], "status": ["exact"], "wijk": ["exact"]}
    list_export = [
        "created_at", "project", "phase", "text", "answer", "wijk", "language", "status",
        "contact_consent", "name", "email",
    ]  # fmt: skip
    export_headings = {
        "created_at": "Ontvangen",
        "project": "Project",
        "phase": "Fase",
        "text": "Reactie",
        "answer": "Antwoord op de vraag",
        "wijk": "Wijk",
        "language": "Taal",
        "status": "Status",
        "contact_consent": "Toestemming voor contact",
        "name": "Naam (alleen met toestemming)",
        "email": "E-mail (alleen met toestemming)",
    }
    export_filename = "inbreng"
    search_fields = ["text", "answer"]
    search_backend_name = None
    panels = [
        FieldPanel("project", read_only=True),
        FieldPanel("phase", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("answer", read_only=True),
        FieldPanel("wijk", read_only=True),
        FieldPanel("status"),
    ]
    inspect_view_fields = [
        "project", "phase", "text", "answer", "wijk", "language", "status", "created_at",
        "contact_consent", "name", "email", "moderated_at", "moderated_by",
    ]  # fmt: skip

    @property
    def permission_policy(self):
        return ReactionPermissionPolicy()

    def chart_view(self, request):
        from cms.projects.reaction_chart import ReactionChartView

        return ReactionChartView.as_view(policy=self.permission_policy)(request)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("grafiek/", self.chart_view, name="chart")]
