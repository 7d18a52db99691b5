"""Front ends are added in Wagtail admin, as a snippet, with a fresh secret each."""

from django.urls import reverse

from cms.api.webhooks.models import WebhookEndpoint


def test_an_administrator_adds_a_front_end_in_the_admin(admin_client):
    add_url = reverse("wagtailsnippets_webhooks_webhookendpoint:add")
    form = admin_client.get(add_url)
    assert form.status_code == 200
    secret = form.context["form"].initial.get("secret") or form.context["form"]["secret"].value()
    assert len(secret) == 64
    response = admin_client.post(add_url, {"name": "Stadswebsite", "url": "https://www.stad.gent.example/revalidate",
                                           "secret": secret, "active": "on"})
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.name, endpoint.secret, endpoint.active) == ("Stadswebsite", secret, True)
    listing = admin_client.get(reverse("wagtailsnippets_webhooks_webhookendpoint:list"))
    assert "Stadswebsite" in listing.content.decode()


def test_each_endpoint_gets_its_own_secret(db):
    first = WebhookEndpoint.objects.create(name="a", url="https://a.example/")
    second = WebhookEndpoint.objects.create(name="b", url="https://b.example/")
    assert first.secret != second.secret and len(first.secret) == 64
