"""Feed URLs, included at /api/feeds/ (the sitemap is routed at the site root in cms/urls.py)."""

from django.urls import path, re_path

from cms.api.feeds import calendar, news

urlpatterns = [
    re_path(r"^press/(?P<fmt>rss|atom)/$", news.press_feed, name="feeds-press"),
    re_path(r"^wijk/(?P<slug>[-\w]+)/(?P<fmt>rss|atom)/$", news.wijk_feed, name="feeds-wijk"),
    re_path(r"^theme/(?P<slug>[-\w]+)/(?P<fmt>rss|atom)/$", news.theme_feed, name="feeds-theme"),
    path("events.ics", calendar.events_calendar, name="feeds-events"),
    path("wijk/<slug:slug>/events.ics", calendar.wijk_events_calendar, name="feeds-wijk-events"),
]
