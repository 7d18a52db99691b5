"""The demo's "follow a project" journey: a message when a followed project changes phase or plans an event.

One journey with two triggers (project_phase, project_event), each starting its own send
step, with templates in Dutch, English and French. The reason ("u krijgt dit bericht omdat
u het project ... volgt") and the one-click stop link are not in these texts: the e-mail
frame adds them to every message about a followed project (automation/messages/creation.py).
Written for low-literacy readers: short sentences, what happens, what you can do.

Idempotent: a journey that exists is left as it is (an editor may have changed it).
"""

from __future__ import annotations

from django.db import transaction

from automation.journeys.demo_templates import demo_template
from automation.journeys.models import Journey
from automation.journeys.versioning import journey_version_publish
from automation.purposes import Purpose

JOURNEY_SLUG = "project-volgen"
PHASE_TEMPLATE = "project-nieuwe-fase"
EVENT_TEMPLATE = "project-nieuwe-activiteit"

PHASE_TEXTS = {
    "name": "Project volgen: nieuwe fase",
    "email": {
        "nl": (
            "{{ project.title }}: het project is in een nieuwe fase",
            "Dag,\n\n"
            "Het project {{ project.title }} is in een nieuwe fase: {{ phase.title }}.\n\n"
            "{% if phase.description %}{{ phase.description }}\n\n{% endif %}"
            "{% if phase.input_open %}U kunt uw mening geven tot {{ phase.input_until }}.\n\n{% endif %}"
            "Lees meer over het project: {{ project.url }}\n\n"
            "Met vriendelijke groeten,\nStad Gent",
        ),
        "en": (
            "{{ project.title }}: the project is in a new phase",
            "Hello,\n\n"
            "The project {{ project.title }} is in a new phase: {{ phase.title }}.\n\n"
            "{% if phase.description %}{{ phase.description }}\n\n{% endif %}"
            "{% if phase.input_open %}You can give your opinion until {{ phase.input_until }}.\n\n{% endif %}"
            "Read more about the project: {{ project.url }}\n\n"
            "Kind regards,\nCity of Ghent",
        ),
        "fr": (
            "{{ project.title }} : le projet passe à une nouvelle phase",
            "Bonjour,\n\n"
            "Le projet {{ project.title }} passe à une nouvelle phase : {{ phase.title }}.\n\n"
            "{% if phase.description %}{{ phase.description }}\n\n{% endif %}"
            "{% if phase.input_open %}Vous pouvez donner votre avis jusqu'au {{ phase.input_until }}.\n\n{% endif %}"
            "En savoir plus sur le projet : {{ project.url }}\n\n"
            "Meilleures salutations,\nVille de Gand",
        ),
    },
    "sms": {},
}

EVENT_TEXTS = {
    "name": "Project volgen: nieuwe activiteit",
    "email": {
        "nl": (
            "{{ project.title }}: {{ event.title }}",
            "Dag,\n\n"
            "Voor het project {{ project.title }} is er een activiteit gepland:\n\n"
            "{{ event.title }}\n"
            "Wanneer: {{ event.start }}{% if event.time %} om {{ event.time }}{% endif %}\n"
            "{% if event.location %}Waar: {{ event.location }}\n{% endif %}\n"
            "Meer informatie: {{ event.url }}\n\n"
            "Met vriendelijke groeten,\nStad Gent",
        ),
        "en": (
            "{{ project.title }}: {{ event.title }}",
            "Hello,\n\n"
            "An event is planned for the project {{ project.title }}:\n\n"
            "{{ event.title }}\n"
            "When: {{ event.start }}{% if event.time %} at {{ event.time }}{% endif %}\n"
            "{% if event.location %}Where: {{ event.location }}\n{% endif %}\n"
            "More information: {{ event.url }}\n\n"
            "Kind regards,\nCity of Ghent",
        ),
        "fr": (
            "{{ project.title }} : {{ event.title }}",
            "Bonjour,\n\n"
            "Une activité est prévue pour le projet {{ project.title }} :\n\n"
            "{{ event.title }}\n"
            "Quand : {{ event.start }}{% if event.time %} à {{ event.time }}{% endif %}\n"
            "{% if event.location %}Où : {{ event.location }}\n{% endif %}\n"
            "Plus d'informations : {{ event.url }}\n\n"
            "Meilleures salutations,\nVille de Gand",
        ),
    },
    "sms": {},
}


def demo_project_journey_install() -> Journey:
    with transaction.atomic():
        journey, created = Journey.objects.get_or_create(
            slug=JOURNEY_SLUG,
            defaults={
                "name": "Project volgen: nieuwe fase en nieuwe activiteiten",
                "description": "Een e-mail aan wie een project volgt, als het project naar een andere fase gaat "
                "of als er een activiteit voor gepland is.",
                "purpose": Purpose.NEWSLETTER,
                "status": Journey.Status.ACTIVE,
            },
        )
        if not created and journey.live_version_id is not None:
            return journey
        phase = demo_template(slug=PHASE_TEMPLATE, texts=PHASE_TEXTS)
        event = demo_template(slug=EVENT_TEMPLATE, texts=EVENT_TEXTS)
        journey.trigger_design = [
            ("project_phase", {"start_step": "nieuwe-fase"}),
            ("project_event", {"start_step": "nieuwe-activiteit"}),
        ]
        journey.step_design = [
            ("send", {"key": "nieuwe-fase", "template": phase.slug, "channels": "email", "delivery": "first"}),
            ("exit", {"key": "einde-fase"}),
            ("send", {"key": "nieuwe-activiteit", "template": event.slug, "channels": "email", "delivery": "first"}),
            ("exit", {"key": "einde-activiteit"}),
        ]
        journey.status = Journey.Status.ACTIVE
        journey.save()
        journey_version_publish(journey=journey, note="Demo: project volgen")
    return journey
