"""The automation apps install side by side with Django's own `messages` app."""

from django.apps import apps


def test_automation_messages_app_does_not_shadow_django_messages():
    # A label clash would make Django refuse to start, or silently swap the apps.
    assert apps.get_app_config("messages").name == "django.contrib.messages"
    assert apps.get_app_config("automation_messages").name == "automation.messages"


def test_each_automation_app_has_its_explicit_label():
    labels = {config.name: config.label for config in apps.get_app_configs()}
    assert labels["automation.contacts"] == "contacts"
    assert labels["automation.dossiers"] == "dossiers"
    assert labels["automation.journeys"] == "journeys"
    assert "automation.channels" not in labels  # a plain package: no tables, no app
