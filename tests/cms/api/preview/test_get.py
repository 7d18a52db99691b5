"""GET /api/preview/?token=: a draft revision for the front end, only with a fresh, genuine token."""

import time
from unittest import mock

import pytest
from django.core import signing

from cms.api.preview.tokens import SALT, make_token, read_token


def token_for(page):
    return make_token(page_id=page.pk, revision_id=page.get_latest_revision().pk)


@pytest.fixture
def draft_edit(tree):
    """The live theme page with an unpublished edit on top."""
    page = tree.theme_page
    page.title = "Grofvuil (concept)"
    page.save_revision()
    page.refresh_from_db()
    return page


def preview(client, token, **params):
    return client.get("/api/preview/", {"token": token, **params} if token is not None else params)


def assert_404(response):
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["Cache-Control"] == "private, no-store"


def test_draft_revision_is_readable_with_a_fresh_token(client, draft_edit):
    response = preview(client, token_for(draft_edit))
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("ETag")
    data = response.json()
    assert data["title"] == "Grofvuil (concept)"
    assert data["@type"] == "themes.ThemePage"
    assert data["@id"] == "http://testserver/api/content/nl/themas/grofvuil"
    assert data["schema_org"]["@type"] == "GovernmentService"


def test_live_answer_is_unchanged_by_the_draft(client, draft_edit):
    preview(client, token_for(draft_edit))
    live = client.get("/api/content/nl/themas/grofvuil").json()
    assert live["title"] == "Grofvuil"


def test_never_published_page_is_previewable_but_not_public(client, tree, hidden):
    draft = hidden["draft"]
    assert client.get("/api/content/nl/pers/concept-bericht").status_code == 404
    data = preview(client, token_for(draft)).json()
    assert data["title"] == "Concept bericht"


def test_no_token_is_404(client, draft_edit):
    assert_404(preview(client, None))
    assert_404(preview(client, ""))


def test_expired_token_is_404(client, draft_edit):
    issued = time.time() - 2 * 60 * 60  # two hours ago; tokens live one hour
    with mock.patch("django.core.signing.time.time", return_value=issued):
        token = token_for(draft_edit)
    assert read_token(token) is None
    assert_404(preview(client, token))


def test_tampered_token_is_404(client, draft_edit, tree):
    token = token_for(draft_edit)
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(f'{{"p":{tree.release.pk},"r":{draft_edit.get_latest_revision().pk}}}'.encode()).decode()
    assert_404(preview(client, f"{forged}:{rest}"))
    assert_404(preview(client, token[:-2] + ("AA" if not token.endswith("AA") else "BB")))
    # Signed with the right key but another salt: not a preview token.
    other = signing.dumps({"p": draft_edit.pk, "r": draft_edit.get_latest_revision().pk}, salt="something-else")
    assert_404(preview(client, other))
    assert SALT != "something-else"


def test_token_for_a_revision_of_another_page_is_404(client, draft_edit, tree):
    token = make_token(page_id=tree.release.pk, revision_id=draft_edit.get_latest_revision().pk)
    assert_404(preview(client, token))


def test_unknown_parameters_are_still_refused(client, draft_edit):
    response = preview(client, token_for(draft_edit), expnad="breadcrumbs")
    assert response.status_code == 400


def test_preview_endpoint_is_in_the_openapi_document(client, db):
    paths = client.get("/api/schema/").json()["paths"]
    assert "/api/preview/" in paths
    assert paths["/api/preview/"]["get"]["parameters"][0]["name"] == "token"
