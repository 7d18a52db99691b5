from django.apps import AppConfig


class WorkConfig(AppConfig):
    """No models: installed so that Celery's autodiscovery finds `cms/work/tasks.py` (the sweep),
    and so that workers keep their database connections (`worker_connections.py`)."""

    name = "cms.work"
    label = "work"
    verbose_name = "Background work"

    def ready(self):
        from cms.work.worker_connections import worker_connections_connect

        worker_connections_connect()
