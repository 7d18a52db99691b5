"""The admin's "preview in front end" button: editors get a token link, others do not."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model

from cms.api.preview.tokens import read_token


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("redacteur", "r@example.org", "pw")
    client.force_login(user)
    return client


def test_editor_is_sent_to_the_front_end_with_a_token_for_the_latest_revision(editor_client, tree, settings):
    settings.FRONTEND_URL = "https://www.example.gent"
    page = tree.theme_page
    page.title = "Nieuw"
    revision = page.save_revision()
    response = editor_client.get(f"/admin/api/frontend-preview/{page.pk}/")
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://www.example.gent/preview"
    grant = read_token(parse_qs(url.query)["token"][0])
    assert (grant.page_id, grant.revision_id) == (page.pk, revision.pk)
    # And the front end can read it.
    data = editor_client.get("/api/preview/", {"token": parse_qs(url.query)["token"][0]}).json()
    assert data["title"] == "Nieuw"


def test_edit_view_shows_the_button(editor_client, tree):
    response = editor_client.get(f"/admin/pages/{tree.theme_page.pk}/edit/")
    assert response.status_code == 200
    assert f"/admin/api/frontend-preview/{tree.theme_page.pk}/".encode() in response.content


def test_anonymous_users_get_no_token(client, tree):
    response = client.get(f"/admin/api/frontend-preview/{tree.theme_page.pk}/")
    assert response.status_code == 302
    assert "login" in response["Location"]
