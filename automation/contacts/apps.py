from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "automation.contacts"
    label = "contacts"
    verbose_name = "Citizens, consent and subscriptions"
