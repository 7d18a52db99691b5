"""The demo's weekly wijk digest: per wijk, every Monday at 08:00, one e-mail to its news subscribers.

One journey per wijk (editors can pause or change one wijk's digest without touching the
others), all sharing one template. The schedule trigger (triggers.py) lists the pages
published for that wijk and for all of Ghent in the week before; with nothing new,
nothing is sent; a subscriber gets at most one digest per wijk per week. The journeys'
purpose is "newsletter": newsletter frequency caps (automation/messages) apply to them.

Idempotent: a wijk that already has its digest journey is left as it is.
"""

from __future__ import annotations

from django.db import transaction

from automation.channels.kinds import ChannelKind
from automation.journeys.models import Journey
from automation.journeys.versioning import journey_version_publish
from automation.messages.models import MessageTemplate, TemplateContent
from automation.purposes import Purpose

TEMPLATE_SLUG = "wijkdigest-wekelijks"
PAGES_LOOP = "{% for page in pages %}- {{ page.title }}: {{ page.url }}\n{% endfor %}"

DIGEST_TEXTS = {
    "nl": (
        "Nieuw in {{ wijk.name }} deze week",
        "Beste,\n\nDit is er deze week nieuw voor {{ wijk.name }} en voor heel Gent:\n\n" + PAGES_LOOP
        + "\nMet vriendelijke groeten,\nStad Gent",
    ),
    "en": (
        "New in {{ wijk.name }} this week",
        "Hello,\n\nThis is new this week for {{ wijk.name }} and for all of Ghent:\n\n" + PAGES_LOOP
        + "\nKind regards,\nCity of Ghent",
    ),
    "fr": (
        "Du nouveau à {{ wijk.name }} cette semaine",
        "Bonjour,\n\nVoici les nouveautés de la semaine pour {{ wijk.name }} et pour toute la ville de Gand :\n\n"
        + PAGES_LOOP + "\nMeilleures salutations,\nVille de Gand",
    ),
}


def digest_template() -> MessageTemplate:
    template, _ = MessageTemplate.objects.get_or_create(
        slug=TEMPLATE_SLUG, defaults={"name": "Wijkdigest (wekelijks)"}
    )
    for language, (subject, body) in DIGEST_TEXTS.items():
        TemplateContent.objects.get_or_create(
            template=template,
            channel=ChannelKind.EMAIL,
            language=language,
            defaults={"subject": subject, "body_text": body},
        )
    return template


def demo_digests_install() -> int:
    """A weekly digest journey for every wijk that has none yet; returns how many were added."""
    from cms.core.models import Wijk

    added = 0
    with transaction.atomic():
        template = digest_template()
        for wijk in Wijk.objects.order_by("name"):
            journey, created = Journey.objects.get_or_create(
                slug=f"wijkdigest-{wijk.slug}"[:100],
                defaults={
                    "name": f"Wijkdigest {wijk.name}",
                    "description": "Elke maandag om 8 uur: wat er de voorbije week nieuw was voor de wijk en heel Gent.",
                    "purpose": Purpose.NEWSLETTER,
                    "status": Journey.Status.ACTIVE,
                },
            )
            if not created:
                continue
            journey.trigger_design = [
                (
                    "schedule",
                    {
                        "frequency": "weekly",
                        "weekday": "1",
                        "time": "08:00:00",
                        "subscription_kind": "wijk_news",
                        "wijk": wijk.slug,
                        "only_with_news": True,
                        "start_step": "",
                    },
                )
            ]
            journey.step_design = [
                ("send", {"key": "digest", "template": template.slug, "channels": "email", "delivery": "first"})
            ]
            journey.save()
            journey_version_publish(journey=journey, note="Demo: wekelijkse wijkdigest")
            added += 1
    return added
