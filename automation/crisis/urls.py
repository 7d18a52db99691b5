"""Public crisis endpoints under /api/automation/crisis/ (the front end's crisis banner, the CAP 1.2 feed).

Registered by `CrisisConfig.ready` (cms.http.routes); the views live beside the crisis
models they read.
"""

from django.urls import path

from automation.crisis.active import active_alerts_view
from automation.crisis.cap.feed import cap_feed_view
from automation.crisis.cap.message import cap_message_view

app_name = "crisis"

urlpatterns = [
    path("active/", active_alerts_view, name="active"),
    path("cap/feed.atom", cap_feed_view, name="cap-feed"),
    path("cap/<int:pk>.xml", cap_message_view, name="cap-message"),
]
