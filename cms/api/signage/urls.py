"""Signage URLs, included at /api/signage/."""

urlpatterns = []
