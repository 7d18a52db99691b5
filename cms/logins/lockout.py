"""The answer to a locked-out login: the admin's own login form, saying why in Dutch (429).

django-axes calls `lockout_response` (AXES_LOCKOUT_CALLABLE) when a username and address
are locked out. On the Wagtail login page the editor gets that page back, with the form's
error replaced by what happened and what to do; anywhere else a short Dutch text. Either
way with `Retry-After`: the seconds of the cool-off.
"""

from __future__ import annotations

from django.conf import settings
from django.forms.utils import ErrorList
from django.http import HttpResponse
from django.template.response import TemplateResponse

STATUS = 429


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"Te veel mislukte aanmeldpogingen. Aanmelden met deze gebruikersnaam is vanaf dit adres "
        f"{minutes} minuten geblokkeerd (elke nieuwe poging start die tijd opnieuw). "
        "Een beheerder kan de blokkering eerder opheffen via Instellingen > Geblokkeerde aanmeldingen."
    )


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    message = lockout_message()
    context = getattr(original_response, "context_data", None)
    form = context.get("form") if isinstance(context, dict) else None
    if form is not None and getattr(original_response, "template_name", None):
        form._errors = form._errors or {}
        form._errors["__all__"] = ErrorList([message])
        response = TemplateResponse(request, original_response.template_name, context, status=STATUS)
        response.render()  # past the point where Django renders template answers
    else:
        response = HttpResponse(message, status=STATUS, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
