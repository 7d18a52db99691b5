"""Page views without cookies: the signed batch endpoint, referrers by domain, the daily counters, the admin."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.http.signed_body import body_signature
from cms.pageviews import figures
from cms.pageviews.models import PageViewBatch, PageViewDay, ReferrerDay
from cms.pageviews.referrers import referrer_domain

SECRET = "test-pageviews-secret"
URL = "/api/pageviews/"


@pytest.fixture(autouse=True)
def secret(settings):
    settings.PAGEVIEWS_SECRET = SECRET


def batch_body(views, referrers=None, *, batch=None, sealed_at=None) -> bytes:
    return json.dumps({
        "batch": str(batch or uuid.uuid4()),
        "sealed_at": (sealed_at or timezone.now()).isoformat(),
        "views": views,
        "referrers": referrers or {},
    }).encode()  # fmt: skip


def post(client, body: bytes, *, signature: str | None = "sign"):
    headers = {}
    if signature == "sign":
        headers["HTTP_X_SIGNATURE"] = body_signature(body, SECRET)
    elif signature is not None:
        headers["HTTP_X_SIGNATURE"] = signature
    return client.post(URL, body, content_type="application/json", **headers)


def views_of(page) -> int:
    return sum(PageViewDay.objects.filter(page=page).values_list("views", flat=True))


@pytest.mark.parametrize(
    "value, domain",
    [
        ("https://www.google.com/search?q=grofvuil+ophalen", "google.com"),
        ("https://user:pw@Nieuws.Example.BE:8443/artikel/1#top", "nieuws.example.be"),
        ("facebook.com", "facebook.com"),
        ("https://café.be/x", "xn--caf-dma.be"),
        ("http://192.168.1.10/admin", None),
        ("http://[2001:db8::1]/", None),
        ("android-app://com.google.android.gm/", None),
        ("localhost", None),
        ("", None),
        ("javascript:alert(1)", None),
    ],
)
def test_a_referrer_is_kept_as_its_domain_only(value, domain):
    assert referrer_domain(value) == domain


@pytest.mark.django_db
def test_a_signed_batch_is_counted_per_page_and_day_and_referrers_by_domain_only(client, tree):
    body = batch_body(
        {"/nl/themas/grofvuil/": 3, "/nl/wijken/ledeberg/": 2, "/nl/zoeken/": 5},
        {"https://www.google.com/search?q=grofvuil": 2, "http://10.0.0.1/": 1},
    )
    response = post(client, body)
    assert response.status_code == 200, response.content
    assert response.json() | {"batch": ""} == {
        "batch": "", "duplicate": False, "views": 5, "pages": 2, "unknown_paths": 1, "referrers": 1,
    }  # fmt: skip
    assert views_of(tree.theme_page) == 3 and views_of(tree.wijk_page) == 2
    assert list(ReferrerDay.objects.values_list("domain", "views")) == [("google.com", 2)]
    assert PageViewDay.objects.get(page=tree.theme_page).day == timezone.localdate()


@pytest.mark.django_db
def test_batches_add_up_and_a_batch_sent_again_counts_once(client, tree):
    first = uuid.uuid4()
    assert post(client, batch_body({"/nl/themas/grofvuil/": 3}, {"google.com": 1}, batch=first)).json()["duplicate"] is False
    again = post(client, batch_body({"/nl/themas/grofvuil/": 3}, {"google.com": 1}, batch=first))
    assert again.status_code == 200 and again.json()["duplicate"] is True
    post(client, batch_body({"/nl/themas/grofvuil/": 4}, {"www.google.com": 2}))
    assert views_of(tree.theme_page) == 7
    assert PageViewDay.objects.filter(page=tree.theme_page).count() == 1  # one row per page per day
    assert list(ReferrerDay.objects.values_list("domain", "views")) == [("google.com", 3)]


@pytest.mark.django_db
@pytest.mark.parametrize("signature", [None, "sha256=" + "0" * 64, "sha1=abc", "sha256=ü"])
def test_a_batch_without_the_right_signature_is_refused_and_counts_nothing(client, tree, signature):
    response = post(client, batch_body({"/nl/themas/grofvuil/": 3}), signature=signature)
    assert response.status_code == 401 and response.json()["title"] == "Signature missing or invalid"
    assert not PageViewDay.objects.exists() and not PageViewBatch.objects.exists()


@pytest.mark.django_db
def test_a_batch_signed_with_another_secret_is_refused(client, tree):
    body = batch_body({"/nl/themas/grofvuil/": 3})
    response = post(client, body, signature=body_signature(body, "another-secret"))
    assert response.status_code == 401 and views_of(tree.theme_page) == 0


@pytest.mark.django_db
def test_without_a_secret_every_batch_is_refused(client, tree, settings):
    settings.PAGEVIEWS_SECRET = ""
    body = batch_body({"/nl/themas/grofvuil/": 3})
    assert post(client, body, signature=body_signature(body, "")).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    "views, sealed_at, field",
    [
        ({"nl/themas/grofvuil/": 1}, None, "views"),
        ({"/nl/themas/grofvuil/": 0}, None, "views"),
        ({"/nl/themas/grofvuil/": 1}, timezone.now() - timedelta(days=2), "sealed_at"),
        ({"/nl/themas/grofvuil/": 1}, timezone.now() + timedelta(hours=1), "sealed_at"),
        ({f"/{n}/": 1 for n in range(501)}, None, "views"),
    ],
)
def test_a_bad_batch_is_refused_naming_the_field_and_counts_nothing(client, tree, views, sealed_at, field):
    response = post(client, batch_body(views, sealed_at=sealed_at))
    assert response.status_code == 400
    assert [name for name in response.json()["errors"] if name.split(".")[0] == field]
    assert not PageViewDay.objects.exists() and not PageViewBatch.objects.exists()


@pytest.mark.django_db
def test_views_of_a_page_no_longer_public_are_not_counted(client, tree):
    tree.theme_page.unpublish()
    response = post(client, batch_body({"/nl/themas/grofvuil/": 3}))
    assert response.json()["unknown_paths"] == 1 and not PageViewDay.objects.exists()


@pytest.mark.django_db
def test_figures_per_section_theme_and_wijk_in_the_same_queries_for_few_or_many_pages(client, tree):
    post(client, batch_body({"/nl/themas/grofvuil/": 3, "/nl/wijken/ledeberg/": 2}))
    days = figures.period(30, today=timezone.localdate())

    def everything():
        return [f(days) for f in (figures.views_per_section, figures.views_per_theme, figures.views_per_wijk,
                                  figures.views_per_page, figures.views_per_referrer)]  # fmt: skip

    with CaptureQueriesContext(connection) as few:
        everything()
    post(client, batch_body({
        "/nl/pers/nieuwe-fietsstraten/": 4, "/nl/": 1,
        "/nl/wijken/ledeberg/wijkkrant-ledeberg/editie-1/nieuw-speelplein/": 5,
    }))  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        sections, themes, wijken, pages, _referrers = everything()
    assert len(many) == len(few)
    as_dict = lambda rows: {row.label: row.views for row in rows}  # noqa: E731
    assert as_dict(sections) == {"Wijken": 7, "Persruimte": 4, "Thema's": 3, "Startpagina": 1}
    assert as_dict(themes)["Afval"] == 3
    assert as_dict(wijken)["Ledeberg"] == 2  # the wijk page, by its own wijk (the article names no wijk)
    assert as_dict(wijken)["Heel Gent (geen wijk)"] == 3 + 4 + 1 + 5
    assert as_dict(pages)["Nieuw speelplein"] == 5


@pytest.mark.django_db
def test_the_page_editor_shows_the_visits_beside_the_page(client, tree, admin_client):
    post(client, batch_body({"/nl/themas/grofvuil/": 6}, {"google.com": 2}))
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tree.theme_page.pk])).content.decode()
    panel = page[page.index("data-page-views-panel") :]
    assert 'data-page-views-total="6"' in panel and "<strong>6</strong> bezoeken in de laatste 30 dagen" in panel
    assert '<title id="page-views-' in panel and "bezoeken: 6 in totaal" in panel  # the trend chart and its description


@pytest.mark.django_db
def test_the_report_shows_a_trend_and_the_views_per_section_theme_wijk_page_and_referrer(client, tree, admin_client):
    post(client, batch_body({"/nl/themas/grofvuil/": 6, "/nl/wijken/ledeberg/": 1}, {"https://duckduckgo.com/?q=x": 2}))
    page = admin_client.get(reverse("pageviews_admin:report")).content.decode()
    assert 'data-views-total="7"' in page
    for section in ("section", "theme", "wijk", "page", "referrer"):
        assert f'data-views-section="views-{section}"' in page
    detail = reverse("pageviews_admin:page", args=[tree.theme_page.pk])
    assert f'<a href="{detail}">Grofvuil</a></th><td>6</td>' in page
    assert '<th scope="row">duckduckgo.com</th><td>2</td>' in page and "q=x" not in page
    assert 'data-page-views="6"' in admin_client.get(detail).content.decode()


@pytest.mark.django_db
def test_the_report_needs_its_permission(client, tree, django_user_model):
    user = django_user_model.objects.create_user(username="nobody", password="x")
    client.force_login(user)
    assert client.get(reverse("pageviews_admin:report")).status_code in (302, 403)


@pytest.mark.django_db
def test_the_demo_has_thirty_days_of_views_added_once(tree):
    from cms.pageviews.demo import demo_page_views_install

    made = demo_page_views_install()
    assert made > 0 and PageViewDay.objects.filter(page=tree.theme_page).count() > 20
    assert ReferrerDay.objects.filter(domain="google.com").count() == 30
    assert demo_page_views_install() == 0
