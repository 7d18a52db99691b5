from django.apps import AppConfig


class LoginsConfig(AppConfig):
    """No models of its own (django-axes keeps the counts): the lockout answer and the unlock screen."""

    name = "cms.logins"
    label = "logins"
    verbose_name = "Aanmeldingen"
