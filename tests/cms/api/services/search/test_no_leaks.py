"""A page hidden after it was indexed (the index syncs by tasks after commit, so it can lag)
is never shown by the public search or its suggestions, and leaves the total."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction


def hide(page, how: str):
    if how == "unpublished":
        page.unpublish()
    elif how == "restricted":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif how == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save(update_fields=["expire_at"])
    elif how == "under_a_hidden_section":
        page.get_parent().specific.unpublish()


@pytest.mark.parametrize("how", ["unpublished", "restricted", "expired", "under_a_hidden_section"])
def test_a_page_hidden_after_indexing_is_not_found(client, indexed, how):
    before = client.get("/api/search/", {"q": "grofvuil", "mode": "keyword"}).json()
    assert "Grofvuil" in [item["title"] for item in before["items"]]
    hide(indexed.theme_page, how)
    after = client.get("/api/search/", {"q": "grofvuil", "mode": "keyword"}).json()
    titles = [item["title"] for item in after["items"]]
    assert "Grofvuil" not in titles
    assert after["items_total"] == before["items_total"] - 1
    suggested = client.get("/api/search/suggest/", {"q": "grofv", "lang": "nl"}).json()
    assert suggested["items"] == []
    scoped = client.get("/api/content/nl/@search", {"q": "grofvuil", "mode": "keyword"}).json()
    assert "Grofvuil" not in [item["title"] for item in scoped["items"]]
