"""`manage.py automation_demo`: install the demo journey (safe to run again); seed_demo calls the same function."""

from django.core.management.base import BaseCommand

from automation.journeys.demo import demo_journey_install


class Command(BaseCommand):
    help = "Install the omgevingsvergunning demo journey, its templates (nl, en, fr) and dossier milestones."

    def handle(self, *args, **options):
        journey = demo_journey_install()
        self.stdout.write(f"Journey {journey.slug!r} is {journey.status}, live version {journey.live_version.number}.")
