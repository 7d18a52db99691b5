"""A read-only panel on the journey edit screen: its versions and how many enrolments run on each.

Editors see that saving a change makes a new version and that citizens already on their
way finish on the version they began.
"""

from __future__ import annotations

from django.db.models import Count, Q
from wagtail.admin.panels import Panel

from automation.journeys.models import Enrolment


class VersionsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "journeys/admin/versions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            journey = self.instance
            running = Q(enrolments__status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.WAITING])
            context["versions"] = (
                journey.versions.annotate(running=Count("enrolments", filter=running)).order_by("-number")
                if journey.pk
                else []
            )
            context["live_version_id"] = journey.live_version_id
            return context
