"""A page under experiment in the content API: one answer per view, never cached.

Why the API draws the version (and not the front end from an answer holding every version
and a signed assignment): the citizen site renders on its server without JavaScript, so the
API's answer is the view; drawing here lets the server count the exposure exactly once, at
the moment it hands the version out, and mint the measured link's token for that very view.
The price is that these answers cannot be shared: they leave with `Cache-Control: private,
no-store` and no validators, and are never put in the answer cache (cms/api/answer_cache.py).
Every other page keeps its ETag, 304s and shared caching; only pages with a running
experiment pay, for as long as it runs. Saving an experiment retires cached answers
(cms/api/freshness.py) and a cached answer never outlives the next experiment's start.

HEAD gets the headers of such an answer but draws nothing and counts nothing: no one saw it.
"""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.urls import reverse

from cms.experiments.pages.answer import answer_with_version
from cms.experiments.pages.services import page_view_show, running_experiment
from cms.experiments.pages.validation import default_measured_link

CACHE_CONTROL = "private, no-store"


def experiment_response(request, page, build) -> JsonResponse | None:
    """The answer for `page` with a version drawn for this view, or None when no experiment runs on it."""
    experiment = running_experiment(page_id=page.pk)
    if experiment is None:
        return None
    data = build()
    if request.method == "GET":
        shown = page_view_show(experiment=experiment)
        click_url = request.build_absolute_uri(reverse("api-experiments-click")) + f"?t={shown.token}"
        measured_link = experiment.measured_link or default_measured_link(page)
        answer_with_version(data, experiment=experiment, shown=shown, measured_link=measured_link, click_url=click_url)
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = CACHE_CONTROL
    return response
