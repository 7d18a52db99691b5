"""The admin preview of a message template: every language as e-mail (HTML, text) and SMS, with sample data."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from automation.journeys.demo import demo_journey_install
from automation.messages.models import MessageTemplate, TemplateContent

pytestmark = pytest.mark.django_db


@pytest.fixture
def received(rabot):
    demo_journey_install()
    return MessageTemplate.objects.get(slug="omgevingsvergunning-aanvraag_ontvangen")


def preview(admin_client, template, **params) -> str:
    response = admin_client.get(reverse("automation_templates:preview", args=[template.pk]), params)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_index_lists_templates_with_a_link_to_their_preview(admin_client, received):
    page = admin_client.get(reverse("automation_templates:index")).content.decode()
    assert "Voorbeeld berichten" in page and reverse("automation_templates:preview", args=[received.pk]) in page


def test_each_language_is_rendered_with_sample_data_in_its_frame(admin_client, received):
    page = preview(admin_client, received)
    assert "We hebben uw aanvraag OMV-2026-000123 ontvangen" in page
    assert "We have received your application OMV-2026-000123" in page
    assert "Nous avons bien reçu votre demande OMV-2026-000123" in page
    assert "voor Sleepstraat 1, 9000 Gent" in page  # the conditional part, with the sample address
    assert "U krijgt dit bericht omdat" in page  # the frame: why, and the preference link
    assert "srcdoc=" in page  # the HTML part


def test_the_sms_shows_length_encoding_and_segments(admin_client, received):
    page = preview(admin_client, received)
    assert "codering GSM-7 · 1 segment" in page
    content = received.contents.get(channel="sms", language="nl")
    content.body_text = "Dag 😀 " + "x" * 80
    content.save()
    assert "codering UCS-2 · 2 segmenten" in preview(admin_client, received)


def test_a_missing_translation_shows_the_dutch_fallback(admin_client, received):
    received.contents.filter(channel="sms", language="fr").delete()
    page = preview(admin_client, received)
    assert "(geen vertaling: Nederlandse tekst)" in page


def test_errors_name_the_placeholder_and_the_part(admin_client, received):
    TemplateContent.objects.filter(template=received, channel="email", language="nl").update(
        subject="Je aanvraag {{ dossier.nummer }}", body_text="{% load static %}"
    )
    page = preview(admin_client, received)
    assert "Onbekende placeholder in onderwerp: {{ dossier.nummer }}" in page
    assert "Fout in tekst:" in page and "'load'" in page


def test_the_sample_data_can_be_changed_and_bad_json_is_named(admin_client, received):
    page = preview(admin_client, received, data='{"address": "Rabotstraat 9"}')
    assert "voor Rabotstraat 9" in page
    page = preview(admin_client, received, data="{nee")
    assert "Voorbeeldgegevens (data): geen geldig JSON-object" in page
    assert "voor Sleepstraat 1" in page  # falls back to the built-in sample


@pytest.mark.parametrize(
    "data, reason",
    [("[1, 2]", "must be a JSON object"), ('{"a": ' + "[" * 1000 + "]" * 1000 + "}", "is nested deeper than 32 levels")],
    ids=["a list", "nested 1000 deep"],
)
def test_sample_data_that_is_no_object_is_named_too_never_a_server_error(admin_client, received, data, reason):
    page = preview(admin_client, received, data=data)
    assert f"Voorbeeldgegevens (data): geen geldig JSON-object: The sample data {reason}" in page
    assert "voor Sleepstraat 1" in page


def content_form(template, **fields):
    return {"template": template.pk, "channel": "email", "language": "en", "subject": "Hi", "body_text": "Hello",
            "body_html": "", **fields}


def test_an_editor_adds_a_text_and_a_broken_one_is_refused_on_its_field(admin_client, received):
    received.contents.filter(channel="email", language="en").delete()
    add = reverse("automation_template_contents:add")
    response = admin_client.post(add, content_form(received, body_html="<p>{% if data.address %}open</p>"))
    assert response.status_code == 200
    assert "Fout in HTML:" in html.unescape(response.content.decode())
    assert not received.contents.filter(channel="email", language="en").exists()
    response = admin_client.post(add, content_form(received, subject="", body_text="{% load static %}"))
    page = html.unescape(response.content.decode())
    assert "Een e-mail heeft een onderwerp nodig." in page and "Fout in tekst:" in page
    assert admin_client.post(add, content_form(received, subject="Hi {{ dossier.id }}")).status_code == 302
    assert "Hi OMV-2026-000123" in preview(admin_client, received)


def test_the_template_screens_list_templates_and_texts(admin_client, received):
    assert "Omgevingsvergunning: aanvraag ontvangen" in admin_client.get(
        reverse("automation_message_templates:index")
    ).content.decode()
    assert admin_client.get(reverse("automation_template_contents:index")).status_code == 200
