"""`manage.py webhook_endpoint`: how `make demo` and deploy scripts wire a front end's revalidation."""

import pytest
from django.core.management import CommandError, call_command

from cms.api.webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db
SECRET = "a-shared-secret-of-enough-length"


def test_registers_then_updates_in_place(monkeypatch):
    monkeypatch.setenv("VRIJHAVEN_WEBHOOK_SECRET", SECRET)
    call_command("webhook_endpoint", "Stadswebsite", "http://localhost:3000/api/revalidate")
    call_command("webhook_endpoint", "Stadswebsite", "https://www.stad.gent/api/revalidate")
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.url, endpoint.secret, endpoint.active) == ("https://www.stad.gent/api/revalidate", SECRET, True)


@pytest.mark.parametrize(
    ("url", "secret", "named"),
    [("localhost:3000/api/revalidate", SECRET, "url"), ("http://localhost:3000/api/revalidate", "short", "VRIJHAVEN_WEBHOOK_SECRET")],
)
def test_bad_input_names_the_problem_and_stores_nothing(monkeypatch, url, secret, named):
    monkeypatch.setenv("VRIJHAVEN_WEBHOOK_SECRET", secret)
    with pytest.raises(CommandError, match=named):
        call_command("webhook_endpoint", "Stadswebsite", url)
    assert not WebhookEndpoint.objects.exists()
