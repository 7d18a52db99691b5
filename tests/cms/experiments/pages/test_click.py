"""`/api/experiments/click/`: the measured link counts one click per view, however often it is used."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from cms.experiments.pages.models import PageView
from cms.experiments.pages.tokens import SALT

from .conftest import APPLY, PATH


@pytest.fixture
def click(client, start_experiment):
    start_experiment()
    return client.get(PATH).json()["experiment"]["click"]


def test_a_click_is_counted_and_redirects_to_the_measured_link(client, click):
    response = client.get(click)
    assert response.status_code == 302 and response["Location"] == APPLY
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    assert PageView.objects.get().clicked_at is not None


def test_a_second_use_of_the_token_redirects_but_does_not_count(client, click):
    client.get(click)
    first = PageView.objects.get().clicked_at
    again = client.get(click)
    assert again.status_code == 302 and again["Location"] == APPLY
    assert PageView.objects.get().clicked_at == first
    assert PageView.objects.filter(clicked_at__isnull=False).count() == 1


def test_head_redirects_without_counting(client, click):
    assert client.head(click).status_code == 302
    assert PageView.objects.get().clicked_at is None


def test_a_click_a_day_after_the_view_is_not_counted(client, click):
    PageView.objects.update(shown_at=timezone.now() - timedelta(hours=25))
    assert client.get(click).status_code == 302
    assert PageView.objects.get().clicked_at is None


def test_a_tampered_token_is_refused_and_counts_nothing(client, click):
    token = click.split("t=", 1)[1]
    view_hex = PageView.objects.get().id.hex
    forged = [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # signature altered
        signing.dumps(view_hex, salt=SALT, key="not-our-secret"),  # signed by someone else
        signing.dumps(view_hex, salt="search.querylog.click"),  # our signature, another purpose
        signing.dumps("https://evil.example/", salt=SALT),  # ours, but not a view
        "garbage",
    ]
    for bad in forged:
        response = client.get("/api/experiments/click/", {"t": bad})
        assert response.status_code == 404, bad
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["type"].endswith("/unknown-link")
    assert PageView.objects.get().clicked_at is None


def test_a_missing_token_or_an_unknown_parameter_is_refused_naming_it(client, click):
    response = client.get("/api/experiments/click/", {"t": ""})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_params"]] == ["t"]
    response = client.get(click + "&next=https://evil.example/")
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_params"]] == ["next"]
    assert PageView.objects.get().clicked_at is None


def test_a_token_for_a_deleted_experiment_is_a_404(client, click):
    PageView.objects.get().experiment.delete()
    assert client.get(click).status_code == 404


def test_the_redirect_goes_only_to_the_stored_measured_link(client, click):
    """The token names a view, never an address: the redirect is what the editor measured."""
    token = click.split("t=", 1)[1]
    assert "afspraken" not in signing.b64_decode(token.split(":")[0].encode()).decode(errors="replace")
    assert client.get(click)["Location"] == APPLY
