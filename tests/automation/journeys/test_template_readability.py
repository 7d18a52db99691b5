"""Message templates: the preview shows each text's reading level (e-mail, SMS, letter), and
an SMS text harder than B1 is saved only with the box ticked that says so."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from automation.messages.models import MessageTemplate, TemplateContent

pytestmark = pytest.mark.django_db

HARD_SMS = (
    "Indien u wenst gebruik te maken van de dienstverlening, dient u de bovenvermelde documenten "
    "voorafgaandelijk over te maken teneinde de behandeling van uw aanvraag te bespoedigen."
)


@pytest.fixture
def template():
    template = MessageTemplate.objects.create(name="Afspraak", slug="afspraak")
    TemplateContent.objects.create(template=template, channel="email", language="nl", subject="Uw afspraak",
                                   body_text="Beste {{ citizen.ref }}, uw afspraak is op {{ event.date }}. Tot dan!")
    TemplateContent.objects.create(template=template, channel="sms", language="nl", body_text=HARD_SMS)
    TemplateContent.objects.create(template=template, channel="letter", language="nl", subject="Uw afspraak",
                                   body_text="Wij verwachten u op {{ event.date }}. Breng uw identiteitskaart mee.")
    return template


def preview(admin_client, template) -> str:
    response = admin_client.get(reverse("automation_templates:preview", args=[template.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_preview_shows_the_level_of_each_channel_and_says_when_it_is_too_hard(admin_client, template):
    page = preview(admin_client, template)
    assert 'data-preview="letter-nl"' in page  # the letter is previewed too
    levels = page.count('data-readability="')
    assert levels == 3 * 3  # e-mail, SMS and letter in nl, en and fr (en and fr fall back to Dutch)
    assert 'data-readability="A2"' in page  # the e-mail and the letter
    assert "moeilijker dan het doel" in page  # the SMS
    assert "ambtelijk: 'Indien' → 'als'" in page


def content_form(template, **fields):
    return {"template": template.pk, "channel": "sms", "language": "en", "subject": "", "body_text": HARD_SMS,
            "body_html": "", **fields}


def test_a_hard_sms_is_refused_without_the_checkbox_and_saved_with_it(admin_client, template):
    add = reverse("automation_template_contents:add")
    response = admin_client.post(add, content_form(template))
    assert response.status_code == 200
    assert "Deze tekst is moeilijker dan Helder (B1)" in html.unescape(response.content.decode())
    assert not template.contents.filter(channel="sms", language="en").exists()
    assert admin_client.post(add, content_form(template, confirm_difficult="on")).status_code == 302
    assert template.contents.filter(channel="sms", language="en").exists()


def test_a_plain_sms_and_a_hard_email_need_no_checkbox(admin_client, template):
    add = reverse("automation_template_contents:add")
    plain = content_form(template, body_text="Uw afspraak is morgen om 9 uur. Tot dan!")
    assert admin_client.post(add, plain).status_code == 302
    email = content_form(template, channel="email", language="fr", subject="Afspraak")
    assert admin_client.post(add, email).status_code == 302
