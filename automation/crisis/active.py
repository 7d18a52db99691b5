"""GET /api/automation/crisis/active/: the alerts the front end's crisis banner shows.

Only confirmed alerts (sent or being sent) that nobody has ended; never a draft, one
awaiting its second person, a cancelled or an ended one. `wijk` keeps the city-wide alerts
and that wijk's; an unknown wijk gives an empty list. Text in `lang`, else Dutch.
Public and cacheable for 30 seconds: a banner may lag half a minute, the server is spared
a crowd refreshing during a crisis. Three queries (four with `wijk`) whatever the number of alerts.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.http import JsonResponse

from automation.crisis.models import CrisisAlert, CrisisAlertText
from automation.languages import languages_to_try, supported_languages
from cms.http.methods import api_methods
from cms.http.problems import InvalidParam, bad_request, problem_response
from cms.core.models import Wijk

CACHE_CONTROL = "public, max-age=30"
KNOWN_PARAMS = {"lang", "wijk"}


def alert_entry(alert: CrisisAlert, language: str) -> dict:
    texts = {text.language: text for text in alert.texts.all()}
    text = next(texts[code] for code in languages_to_try(language) if code in texts)
    wijken = [{"slug": wijk.slug, "name": wijk.name} for wijk in alert.wijken.all()]
    return {
        "id": alert.pk,
        "headline": text.headline,
        "body": text.body,
        "language": text.language,
        "wijken": wijken,
        "city_wide": not wijken,
        "sent_at": alert.confirmed_at.isoformat() if alert.confirmed_at else None,
        "url": alert.url or None,
    }


def active_alerts(*, language: str, wijk_slug: str | None = None) -> list[dict]:
    alerts = (
        CrisisAlert.objects.active()
        .filter(pk__in=CrisisAlertText.objects.values("alert_id"))
        .prefetch_related("texts", Prefetch("wijken", queryset=Wijk.objects.order_by("name")))
        .order_by("-confirmed_at", "-pk")
    )
    if wijk_slug is not None:
        wijk = Wijk.objects.filter(slug=wijk_slug).first()
        if wijk is None:
            return []
        targeted = CrisisAlert.wijken.through.objects.values("crisisalert_id")
        alerts = alerts.filter(~Q(pk__in=targeted) | Q(pk__in=targeted.filter(wijk=wijk)))
    return [alert_entry(alert, language) for alert in alerts]


@api_methods("GET")
def active_alerts_view(request):
    unknown = set(request.GET) - KNOWN_PARAMS
    language = request.GET.get("lang") or "nl"
    problems = [InvalidParam(name, "unknown query parameter") for name in sorted(unknown)]
    if language not in supported_languages():
        problems.append(InvalidParam("lang", f"one of {', '.join(supported_languages())}"))
    if problems:
        return problem_response(bad_request(*problems))
    wijk = request.GET.get("wijk") or None
    response = JsonResponse({"alerts": active_alerts(language=language, wijk_slug=wijk)}, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = CACHE_CONTROL
    return response
