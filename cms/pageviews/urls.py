from django.urls import path

from cms.pageviews.endpoint import PageViewsView

app_name = "pageviews"
urlpatterns = [path("", PageViewsView.as_view(), name="add")]
