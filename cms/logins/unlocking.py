"""The admin's "Geblokkeerde aanmeldingen" screen: who is locked out now, and a button to unlock.

One row per username and address with failed logins still counting (newest first), marked
"geblokkeerd" once it reached `LOGIN_FAILURE_LIMIT`, with the time the lock lifts by itself.
Unlocking forgets that pair's failures (django-axes' own reset), so the editor can log in
at once. Only people who may delete django-axes' records (superusers) see the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

PERMISSION = "axes.delete_accessattempt"
URL_NAME = "logins_locked"


def user_may_unlock(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


@dataclass(frozen=True)
class FailedLogins:
    username: str
    ip_address: str
    failures: int
    last_attempt: datetime

    @property
    def locked(self) -> bool:
        return self.failures >= settings.AXES_FAILURE_LIMIT

    @property
    def unlocks_at(self) -> datetime:
        return self.last_attempt + settings.AXES_COOLOFF_TIME


def failed_logins() -> list[FailedLogins]:
    """Failures still counting: django-axes forgets those older than the cool-off."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .order_by("-last_attempt")[:500]
    )
    return [
        FailedLogins(row["username"] or "", row["ip_address"] or "", row["failures"], row["last_attempt"])
        for row in rows
    ]


class LockedLoginsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Geblokkeerde aanmeldingen"
    header_icon = "lock"
    template_name = "logins/locked_logins.html"

    def dispatch(self, request, *args, **kwargs):
        if not user_may_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get_context_data(self, **kwargs):
        rows = failed_logins()
        return super().get_context_data(
            rows=rows,
            limit=settings.AXES_FAILURE_LIMIT,
            minutes=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        address = request.POST.get("ip_address", "")
        if username and address:
            removed = reset(ip=address, username=username)
            if removed:
                messages.success(request, f"Aanmelden als {username} vanaf {address} is weer mogelijk.")
            else:
                messages.info(request, f"{username} vanaf {address} was niet (meer) geblokkeerd.")
        return redirect(URL_NAME)
