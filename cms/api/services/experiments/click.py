"""`GET /api/experiments/click/?t=<token>`: count a click on a page experiment's measured link, then 302 to it.

The token (cms/experiments/pages/tokens.py) is signed by this server and names one page
view; the address redirected to is the experiment's measured link, stored by an editor and
looked up here, never taken from the request: no open redirect. No token is a 400 naming
`t`; a forged, altered or cut token the 404 of every invalid signed link (`unknown-link`);
a view that no longer exists (its experiment deleted) a 404, all problem+json. The first use of a token counts the click; every later use, and a use more
than a day after the view, still redirects but counts nothing (cms/experiments/pages/services.py).
HEAD redirects without counting.

`Cache-Control: no-store` (every use reaches us, not a cache) and `Referrer-Policy:
no-referrer`. The citizen front end calls this from its own server (its button points to
itself), so the reader's address never reaches the API.
"""

from __future__ import annotations

from django.http import HttpResponseRedirect

from cms.api.services.search.get import guarded
from cms.experiments.pages.models import PageView
from cms.experiments.pages.services import page_view_click
from cms.experiments.pages.tokens import BadViewToken, view_from_token
from cms.experiments.pages.validation import default_measured_link
from cms.http.problems import InvalidParam, bad_request, not_found, unknown_link, unknown_params

CLICK_PARAMS = {"t"}


@guarded
def experiment_click_view(request):
    unknown = set(request.GET) - CLICK_PARAMS
    if unknown:
        raise unknown_params(unknown)
    token = request.GET.get("t", "")
    if not token:
        raise bad_request(InvalidParam("t", "required: the signed token of a measured link"))
    try:
        view_id = view_from_token(token)
    except BadViewToken:
        raise unknown_link() from None
    view = PageView.objects.select_related("experiment__page").filter(pk=view_id).first()
    if view is None:
        raise not_found("The experiment this link was measured for no longer exists.")
    experiment = view.experiment
    address = experiment.measured_link or default_measured_link(experiment.page)
    if not address:
        raise not_found("The measured link of this experiment is gone from its page.")
    if request.method == "GET":
        page_view_click(view_id=view.pk)
    response = HttpResponseRedirect(address)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
