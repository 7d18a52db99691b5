"""Signage URLs, included at /api/signage/."""

from django.urls import path

from cms.api.signage.get import signage_city_playlist, signage_playlist

urlpatterns = [
    path("", signage_city_playlist, name="signage-city-playlist"),
    path("<slug:slug>/", signage_playlist, name="signage-playlist"),
]
