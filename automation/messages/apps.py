from django.apps import AppConfig


class AutomationMessagesConfig(AppConfig):
    name = "automation.messages"
    label = "automation_messages"
    verbose_name = "Messages"
