"""Public crisis endpoints under /api/automation/crisis/ (the front end's crisis banner).

Mounted from automation/api/urls.py; the views live beside the crisis models they read.
"""

app_name = "crisis"

urlpatterns: list = []
