"""Signage URLs, included at /api/signage/."""

from django.urls import path

from cms.api.signage.get import signage_playlist

urlpatterns = [path("<slug:slug>/", signage_playlist, name="signage-playlist")]
