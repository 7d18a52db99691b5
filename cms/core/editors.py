"""The editorial network in the Wagtail admin: who may write where, and who approves.

Ghent's policy note describes a network: web editors in each department write about their
own subjects, wijk editors write for the neighbourhoods, the press office writes press
releases, and a small group of reviewers checks everything before it goes out. This module
turns that into Wagtail groups, page permissions on the right subtrees, and one moderation
workflow (draft -> review -> published) on the whole page tree.

`editorial_network_ensure()` is idempotent: run it after every seed or deploy; it adds what
is missing and re-points permissions to pages created since (new locales included), and
never removes a permission an administrator granted by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.core.models import PressContact, Theme, Wijk

# A handful of real Ghent departments (diensten) whose web editors write theme pages.
DEPARTMENTS: list[tuple[str, str]] = [
    ("milieu", "Milieu en Klimaat"),
    ("mobiliteit", "Mobiliteit"),
    ("wonen", "Wonen"),
    ("cultuur", "Cultuur"),
    ("burgerzaken", "Burgerzaken"),
    ("welzijn", "Welzijn en Gelijke Kansen"),
    ("economie", "Economie"),
]

WORKFLOW_NAME = "Redactie en review"
REVIEW_TASK_NAME = "Review door de reviewers"


class EditorGroup(models.TextChoices):
    WIJKREDACTEURS = "Wijkredacteurs", "Wijkredacteurs"
    PERSDIENST = "Persdienst", "Persdienst"
    REVIEWERS = "Reviewers", "Reviewers"
    CAMPAGNETEAM = "Campagneteam", "Campagneteam"


# The communication team builds journeys and writes the texts citizens receive; it reads the
# message log (statuses, no bodies beyond the retention period) but holds no right to export
# or erase a citizen: those stay with the data protection officer's accounts.
CAMPAIGN_MODEL_PERMISSIONS = {
    "journeys.Journey": ["add", "change", "view"],
    "automation_messages.MessageTemplate": ["add", "change", "view"],
    "automation_messages.TemplateContent": ["add", "change", "view"],
    "automation_messages.Message": ["view"],
}


def department_group_name(department_name: str) -> str:
    return f"Webredacteurs {department_name}"


# Writers may add and edit pages and lock what they work on, but not publish: publishing
# goes through review. Reviewers may also publish and unlock anyone's lock.
WRITER_PAGE_PERMISSIONS = ["add", "change", "lock"]
REVIEWER_PAGE_PERMISSIONS = ["add", "change", "lock", "publish", "unlock"]
MEDIA_PERMISSIONS = {
    "wagtailimages.image": ["add_image", "change_image", "choose_image"],
    "wagtaildocs.document": ["add_document", "change_document", "choose_document"],
}

# The sections (page types) each kind of writer owns, in every locale.
WEB_EDITOR_SECTIONS = ["themes.ThemeIndexPage", "projects.ProjectIndexPage", "events.EventIndexPage"]
SECTIONS_BY_GROUP = {
    EditorGroup.WIJKREDACTEURS: ["neighbourhoods.WijkIndexPage"],
    EditorGroup.PERSDIENST: ["pressroom.PressRoomPage"],
}


@dataclass
class EditorialNetwork:
    groups: dict[str, Group] = field(default_factory=dict)
    workflow: Workflow | None = None


def _model_permissions(model, actions) -> list[Permission]:
    content_type = ContentType.objects.get_for_model(model)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def _page_permission(action: str) -> Permission:
    return Permission.objects.get(content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page")


def _section_pages(model_labels: list[str]) -> list[Page]:
    """Every page of these section types, in every locale (translations included)."""
    pages = []
    for label in model_labels:
        app_label, model_name = label.split(".")
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name.lower())
        pages.extend(Page.objects.filter(content_type=content_type))
    return pages


def _grant_pages(group: Group, pages: list[Page], actions: list[str]) -> None:
    for page in pages:
        for action in actions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(action))


def _grant_admin_and_media(group: Group) -> None:
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    root_collection = Collection.get_first_root_node()
    for model_label, codenames in MEDIA_PERMISSIONS.items():
        app_label, model_name = model_label.split(".")
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    # Snippet choosers (wijk, theme, press contact) need at least "view".
    for model in (Theme, Wijk, PressContact):
        group.permissions.add(*_model_permissions(model, ["view"]))
    # The report "Zoekvragen": what citizens search for and do not find (search/querylog/).
    group.permissions.add(*Permission.objects.filter(content_type__app_label="search_querylog", codename="view_search_report"))
    # The report "Bezoeken": page views without cookies, per page, section, theme and wijk (cms/pageviews/).
    group.permissions.add(*Permission.objects.filter(content_type__app_label="pageviews", codename="view_pageviews_report"))
    # Pretests with the citizens' test panel (automation/panel/): an editor sends a draft to a
    # sample of the panel and reads the answers beside it (never who gave them).
    group.permissions.add(*Permission.objects.filter(content_type__app_label="panel", codename__in=["add_pretest", "view_pretest"]))


def editor_groups_ensure() -> dict[str, Group]:
    """Create the groups of the network and point their permissions at today's page tree."""
    groups: dict[str, Group] = {}
    web_sections = _section_pages(WEB_EDITOR_SECTIONS)
    for _key, department_name in DEPARTMENTS:
        group, _ = Group.objects.get_or_create(name=department_group_name(department_name))
        _grant_admin_and_media(group)
        _grant_pages(group, web_sections, WRITER_PAGE_PERMISSIONS)
        groups[group.name] = group
    for group_name, sections in SECTIONS_BY_GROUP.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        _grant_admin_and_media(group)
        _grant_pages(group, _section_pages(sections), WRITER_PAGE_PERMISSIONS)
        groups[group.name] = group
    groups[EditorGroup.PERSDIENST].permissions.add(*_model_permissions(PressContact, ["add", "change", "delete"]))

    campaign, _ = Group.objects.get_or_create(name=EditorGroup.CAMPAGNETEAM)
    campaign.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for model_label, actions in CAMPAIGN_MODEL_PERMISSIONS.items():
        campaign.permissions.add(*_model_permissions(apps.get_model(model_label), actions))
    groups[campaign.name] = campaign

    reviewers, _ = Group.objects.get_or_create(name=EditorGroup.REVIEWERS)
    _grant_admin_and_media(reviewers)
    # The tree root, not one home page: the English and French home pages are siblings of
    # the Dutch one, and reviewers publish in every language.
    _grant_pages(reviewers, [Page.get_first_root_node()], REVIEWER_PAGE_PERMISSIONS)
    reviewers.permissions.add(*_model_permissions(Theme, ["add", "change"]))
    # Page experiments (cms/experiments/pages/) show texts to the public without a review of
    # their own, so only those who may publish start, change and stop them.
    reviewers.permissions.add(*Permission.objects.filter(
        content_type__app_label="experiments", codename__in=["add_pageexperiment", "change_pageexperiment",
                                                             "view_pageexperiment"]))
    groups[reviewers.name] = reviewers
    return groups


def review_workflow_ensure(reviewers: Group) -> Workflow:
    """One workflow for the whole tree: a draft is submitted, a reviewer approves or sends it back.

    Assigned to the tree root, so it covers every locale's home page and replaces the
    "Moderators approval" workflow Wagtail installs by default.
    """
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task, _ = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK_NAME, defaults={"active": True})
    task.groups.set([reviewers])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def editorial_network_ensure() -> EditorialNetwork:
    groups = editor_groups_ensure()
    workflow = review_workflow_ensure(groups[EditorGroup.REVIEWERS])
    return EditorialNetwork(groups=groups, workflow=workflow)
