"""`GET /api/search/click/?t=<token>`: record an opened search result, then 302 to the page.

The token (search/querylog/click_tokens.py) is signed by this server and names the page by
id; the address redirected to is the page's own public address (the page kernel's
`public_url`), looked up here. So the link can only ever lead to a public page of this
site: a forged or altered token is a 400, a page since unpublished or deleted a 404, both
problem+json naming the parameter. Recording never stands in the way: if the log cannot be
written, the reader is still redirected.

The answer is `Cache-Control: no-store` (every opening is counted once, by us, not a cache)
and `Referrer-Policy: no-referrer` (the page opened learns nothing of the search). The
citizen front end calls this from its own server (its result links point to itself), so
the reader's address never reaches the API.
"""

from __future__ import annotations

from django.http import HttpResponseRedirect
from wagtail.models import Page

from cms.core.publishing import is_public, public_url
from cms.http.problems import InvalidParam, bad_request, not_found, unknown_link, unknown_params
from search.querylog.click_tokens import BadClickToken, click_from_token
from search.querylog.recording import click_record

from .get import guarded

CLICK_PARAMS = {"t"}


@guarded
def click_view(request):
    unknown = set(request.GET) - CLICK_PARAMS
    if unknown:
        raise unknown_params(unknown)
    token = request.GET.get("t", "")
    if not token:
        raise bad_request(InvalidParam("t", "required: the signed token of a search result link"))
    try:
        click = click_from_token(token)
    except BadClickToken:  # forged, mangled or cut off: an unknown link, like every other signed link
        raise unknown_link() from None
    page = Page.objects.filter(pk=click.page_id).first()
    address = public_url(page.url_path, request=request) if page is not None and is_public(page) else None
    if address is None:
        raise not_found("The page of this search result is no longer public.")
    if request.method == "GET":
        click_record(click=click)
    response = HttpResponseRedirect(address)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
