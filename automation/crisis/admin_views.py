"""The crisis screens: list, compose, the alert itself (audience, actions, live progress), its progress as JSON.

Every step goes through `services.py`, which enforces the permission and the two-person
rule; these views only show what the current person may do next. The alert page works
without JavaScript (reload shows the current numbers); `progress.js` refreshes the
numbers from `progress.json` every two seconds while it is being sent.

Each text shows its reading level (cms/readability). An alert with a text harder than the
city's target (B1) is requested only with the box "ik bevestig dat deze tekst moeilijker
is dan B1" ticked on the request form: refused without it, nothing changes.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from automation.crisis.admin_forms import CrisisAlertComposeForm
from automation.crisis.audience import crisis_audience_size
from automation.crisis.compose import AlertText, sms_text
from automation.crisis.models import CrisisAlert
from automation.crisis.progress import crisis_alert_live_progress
from automation.crisis.services import (
    PERMISSION,
    CrisisAlertRefused,
    crisis_alert_cancel,
    crisis_alert_confirm,
    crisis_alert_end,
    crisis_alert_request,
)
from automation.messages.sms_length import sms_length
from cms.readability.texts import CONFIRMATION_LABEL, CONFIRMATION_REFUSED, needs_confirmation, text_level

Status = CrisisAlert.Status
VIEW_PERMISSION = "crisis.view_crisisalert"
URL_NAMESPACE = "crisis_alerts"
LIVE = {Status.AWAITING_CONFIRMATION, Status.CONFIRMED, Status.FANNED_OUT}


CONFIRM_FIELD = "confirm_difficult"


def alert_text_levels(alert: CrisisAlert) -> dict:
    """The reading level of each of the alert's texts (headline and body together), by text id."""
    return {text.pk: text_level(f"{text.headline}.\n{text.body}", text.language) for text in alert.texts.all()}


def user_may_view(user) -> bool:
    return user.has_perm(PERMISSION) or user.has_perm(VIEW_PERMISSION)


class CrisisAccessMixin:
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not user_may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []


class AlertIndexView(CrisisAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Crisisberichten"
    template_name = "crisis/admin/index.html"

    def get_context_data(self, **kwargs):
        alerts = CrisisAlert.objects.select_related("requested_by", "confirmed_by").prefetch_related("wijken")[:200]
        return super().get_context_data(alerts=alerts, may_send=self.request.user.has_perm(PERMISSION), **kwargs)


class AlertComposeView(CrisisAccessMixin, WagtailAdminTemplateMixin, FormView):
    page_title = "Nieuw crisisbericht"
    template_name = "crisis/admin/compose.html"
    form_class = CrisisAlertComposeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        if not form.save():
            return self.form_invalid(form)
        messages.success(self.request, "Ontwerp bewaard. Controleer het bereik en vraag het bericht aan.")
        return redirect(reverse(f"{URL_NAMESPACE}:detail", args=[form.alert.pk]))


class AlertDetailView(CrisisAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "crisis/admin/detail.html"

    def get_page_title(self):
        return f"Crisisbericht: {self.alert.title}"

    def get(self, request, *args, pk, **kwargs):
        self.alert = get_object_or_404(
            CrisisAlert.objects.select_related("created_by", "requested_by", "confirmed_by", "ended_by"), pk=pk
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        alert, user = self.alert, self.request.user
        may_send = user.has_perm(PERMISSION)
        wijken = list(alert.wijken.order_by("name"))
        levels = alert_text_levels(alert)
        texts = [
            {"text": text, "sms": sms_length(sms_text(AlertText(text.headline, text.body), alert.url)),
             "readability": levels[text.pk]}
            for text in alert.texts.all()
        ]
        before = alert.status in (Status.DRAFT, Status.AWAITING_CONFIRMATION)
        return super().get_context_data(
            alert=alert,
            wijken=wijken,
            texts=texts,
            audience=crisis_audience_size(wijk_ids=[w.pk for w in wijken], channels=alert.channels) if before else None,
            # Shown from the request on, so whoever requested sees it start when the second person confirms.
            progress=crisis_alert_live_progress(alert=alert) if alert.status in LIVE else None,
            may_request=may_send and alert.status == Status.DRAFT,
            may_cancel=may_send and before,
            may_confirm=may_send and alert.status == Status.AWAITING_CONFIRMATION and alert.requested_by_id != user.pk,
            waits_for_other=alert.status == Status.AWAITING_CONFIRMATION and alert.requested_by_id == user.pk,
            may_end=may_send and alert.status in (Status.CONFIRMED, Status.FANNED_OUT) and alert.ended_at is None,
            progress_url=reverse(f"{URL_NAMESPACE}:progress", args=[alert.pk]),
            needs_confirmation=needs_confirmation(levels.values()),
            confirm_field=CONFIRM_FIELD,
            confirm_label=CONFIRMATION_LABEL,
            **kwargs,
        )


class AlertProgressView(CrisisAccessMixin, View):
    def get(self, request, pk):
        alert = get_object_or_404(CrisisAlert, pk=pk)
        response = JsonResponse(crisis_alert_live_progress(alert=alert))
        response["Cache-Control"] = "private, no-store"
        return response


ACTIONS = {
    "request": (crisis_alert_request, "Aangevraagd. Een tweede persoon moet het bericht nu bevestigen."),
    "confirm": (crisis_alert_confirm, "Bevestigd. Het bericht wordt verstuurd."),
    "cancel": (crisis_alert_cancel, "Geannuleerd. Er wordt niets verstuurd."),
    "end": (crisis_alert_end, "Beëindigd. De banner op de website toont het bericht niet meer."),
}

REFUSALS = {
    "second person": "Een tweede persoon moet het bericht bevestigen, niet wie het aanvroeg.",
    "may not": "U heeft geen toestemming om crisisberichten te versturen.",
}


class AlertActionView(CrisisAccessMixin, View):
    """POST only: one step of the alert's life; the service decides whether it is allowed."""

    def post(self, request, pk, action):
        alert = get_object_or_404(CrisisAlert, pk=pk)
        if action not in ACTIONS:
            raise PermissionDenied
        service, done = ACTIONS[action]
        if action == "request" and request.POST.get(CONFIRM_FIELD) != "on":
            if needs_confirmation(alert_text_levels(alert).values()):
                messages.error(request, CONFIRMATION_REFUSED)
                return redirect(reverse(f"{URL_NAMESPACE}:detail", args=[alert.pk]))
        try:
            service(alert=alert, by=request.user)
        except CrisisAlertRefused as refused:
            text = next((dutch for key, dutch in REFUSALS.items() if key in str(refused)), None)
            messages.error(request, text or f"Niet mogelijk in deze toestand ({alert.get_status_display()}).")
            return redirect(reverse(f"{URL_NAMESPACE}:detail", args=[alert.pk]))
        messages.success(request, done)
        return redirect(reverse(f"{URL_NAMESPACE}:detail", args=[alert.pk]))
