"""URLs under /api/automation/ (included from cms/urls.py).

ESP tracking webhooks (django-anymail) are routed only when ANYMAIL_WEBHOOK_SECRET is set:
an unauthenticated endpoint would let anyone suppress any address with a fake bounce.
"""

from django.conf import settings
from django.urls import include, path

from automation.api.events import DossierEventsView
from automation.api.openapi import openapi_view
from automation.api.preference_centre import PreferenceCentreView, UnsubscribeAllView
from automation.api.preferences import PreferencesView
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
    path("crisis/", include("automation.crisis.urls")),
    # SMS providers' delivery receipts and inbound STOP (integrations/, one folder per provider)
    path("sms/twilio/", include("integrations.twilio.urls")),
    path("sms/sinch/", include("integrations.sinch.urls")),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    urlpatterns.append(path("esp/", include("anymail.urls")))
