"""The Pretests screens in the admin: the list, a new pretest, sending it, and its results beside the draft.

Results show counts, the clarity scale as a chart with its table beside it (cms/core/
charts), each free answer without any name (answers have no link to a person), and the
cloze score: the mean share filled in right and which gaps were missed most.

Seeing results needs `panel.view_pretest`; making and sending one `panel.add_pretest`.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.widgets import Button

from automation.panel.drafts import NoDraftText
from automation.panel.invitations import pretest_send
from automation.panel.models import PanelMember, Pretest
from automation.panel.admin_forms import PretestForm
from automation.panel.pretests import pretest_create
from automation.panel.results import pretest_results
from automation.panel.sampling import panel_eligible
from cms.core.charts.bar_chart import bar_chart_svg
from cms.readability.cloze import Cloze

VIEW_PERMISSION = "panel.view_pretest"
ADD_PERMISSION = "panel.add_pretest"


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def pretest_index_view(request):
    _require(request, VIEW_PERMISSION)
    pretests = Pretest.objects.select_related("page", "message_template")
    page_id = request.GET.get("page")
    if page_id and page_id.isdigit():
        pretests = pretests.filter(page_id=int(page_id))
    rows = [{"pretest": pretest, "results": pretest_results(pretest=pretest)} for pretest in pretests[:100]]
    return TemplateResponse(request, "panel/admin/index.html", {
        "rows": rows, "can_add": request.user.has_perm(ADD_PERMISSION),
        "members": PanelMember.objects.filter(status=PanelMember.Status.ACTIVE).count(),
    })  # fmt: skip


@require_http_methods(["GET", "POST"])
def pretest_create_view(request):
    _require(request, ADD_PERMISSION)
    initial = {}
    if (request.GET.get("page") or "").isdigit():
        initial["page"] = int(request.GET["page"])
    form = PretestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pretest = pretest_create(
                name=data["name"], page=data["page"], message_template=data["message_template"],
                language=data["language"], questions=form.questions(), sample_size=data["sample_size"],
                wijken=data["wijken"], created_by=request.user, every=data["every"],
            )  # fmt: skip
        except NoDraftText:
            form.add_error(None, "Deze pagina of dit sjabloon heeft geen tekst om te testen.")
        else:
            messages.success(request, "De pretest is klaar. Kijk de tekst en de cloze-test na en verstuur hem.")
            return redirect("panel_admin:detail", pretest_id=pretest.pk)
    return TemplateResponse(request, "panel/admin/create.html", {"form": form})


@require_POST
def pretest_send_view(request, pretest_id: int):
    _require(request, ADD_PERMISSION)
    pretest = get_object_or_404(Pretest, pk=pretest_id)
    invited = pretest_send(pretest_id=pretest.pk)
    if invited:
        messages.success(request, f"{invited} panelleden uitgenodigd.")
    else:
        messages.warning(request, "Niemand uitgenodigd: de pretest was al verstuurd.")
    return redirect("panel_admin:detail", pretest_id=pretest.pk)


def _clarity_charts(results) -> list[dict]:
    charts = []
    for index, scale in enumerate(results.scales):
        chart_id = f"clarity-{index}"
        groups = [(f"{value} – {label}", [("antwoorden", count)]) for value, label, count in scale.counts]
        charts.append({"scale": scale, "chart": bar_chart_svg(
            chart_id=chart_id, title=scale.question["text"], groups=groups, empty="Nog geen antwoorden.")})
    return charts


def pretest_detail_view(request, pretest_id: int):
    _require(request, VIEW_PERMISSION)
    pretest = get_object_or_404(Pretest.objects.select_related("page", "message_template"), pk=pretest_id)
    results = pretest_results(pretest=pretest)
    eligible = None
    if pretest.status == Pretest.Status.DRAFT:
        wijk_ids = list(pretest.wijken.values_list("pk", flat=True))
        eligible = panel_eligible(language=pretest.language, wijk_ids=wijk_ids).count()
    return TemplateResponse(request, "panel/admin/detail.html", {
        "pretest": pretest,
        "results": results,
        "charts": _clarity_charts(results),
        "cloze": Cloze.from_json(pretest.cloze) if pretest.cloze else None,
        "eligible": eligible,
        "can_send": request.user.has_perm(ADD_PERMISSION) and pretest.status == Pretest.Status.DRAFT,
        "wijken": list(pretest.wijken.order_by("name").values_list("name", flat=True)),
    })  # fmt: skip


def header_buttons(page, user, view_name, next_url=None):
    """On a page's edit view: start a pretest of this draft; see its pretests' results."""
    if user.has_perm(ADD_PERMISSION) and page.permissions_for_user(user).can_edit():
        yield Button("Pretest met burgers", reverse("panel_admin:create") + f"?page={page.pk}", icon_name="group",
                     priority=60)  # fmt: skip
    if user.has_perm(VIEW_PERMISSION) and Pretest.objects.filter(page_id=page.pk).exists():
        yield Button("Pretestresultaten", reverse("panel_admin:index") + f"?page={page.pk}", icon_name="table",
                     priority=61)  # fmt: skip


urlpatterns = [
    path("", pretest_index_view, name="index"),
    path("nieuw/", pretest_create_view, name="create"),
    path("<int:pretest_id>/", pretest_detail_view, name="detail"),
    path("<int:pretest_id>/versturen/", pretest_send_view, name="send"),
]
