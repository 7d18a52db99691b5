"""URLs under /api/automation/, registered by `AutomationApiConfig.ready` (cms.http.routes).

The crisis banner (automation/crisis/urls.py), the SMS providers' callbacks and the ESP
tracking webhooks (integrations/) register their own routes below this prefix.
"""

from django.urls import path

from automation.api.events import DossierEventsView
from automation.api.openapi import openapi_view
from automation.api.preference_centre import PreferenceCentreView, UnsubscribeAllView
from automation.api.preferences import PreferencesView
from automation.api.stop_following import StopFollowingView
from automation.api.subscriptions import ConfirmView, OptionsView, SubscribeView
from automation.api.unsubscribe import UnsubscribeView

app_name = "automation"

urlpatterns = [
    path("events/", DossierEventsView.as_view(), name="events"),
    path("openapi.json", openapi_view, name="openapi"),
    path("unsubscribe/<str:token>/", UnsubscribeView.as_view(), name="unsubscribe"),
    path("preferences/<str:token>/", PreferencesView.as_view(), name="preferences"),
    path("subscriptions/", SubscribeView.as_view(), name="subscribe"),
    path("subscriptions/confirm/", ConfirmView.as_view(), name="subscription-confirm"),
    path("subscriptions/options/", OptionsView.as_view(), name="subscription-options"),
    path("subscriptions/preferences/<str:token>/", PreferenceCentreView.as_view(), name="preference-centre"),
    path("subscriptions/unsubscribe/<str:token>/", UnsubscribeAllView.as_view(), name="unsubscribe-all"),
    path("subscriptions/stop/<str:token>/", StopFollowingView.as_view(), name="stop-following"),
]
