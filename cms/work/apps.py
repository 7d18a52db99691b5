from django.apps import AppConfig


class WorkConfig(AppConfig):
    """No models: installed so that Celery's autodiscovery finds `cms/work/tasks.py` (the sweep)."""

    name = "cms.work"
    label = "work"
    verbose_name = "Background work"
