"""URLs under /api/automation/panel/, registered by `PanelConfig.ready` (cms.http.routes)."""

from django.urls import path

from automation.panel.api_views import ConfirmView, ConsentView, JoinView, PretestView
from automation.panel.leave_view import LeaveView

app_name = "panel"

urlpatterns = [
    path("consent/", ConsentView.as_view(), name="consent"),
    path("join/", JoinView.as_view(), name="join"),
    path("confirm/", ConfirmView.as_view(), name="confirm"),
    path("leave/<str:token>/", LeaveView.as_view(), name="leave"),
    path("pretests/<str:token>/", PretestView.as_view(), name="pretest"),
]
