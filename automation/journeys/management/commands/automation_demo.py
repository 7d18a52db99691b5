"""`manage.py automation_demo`: install the demo journey and demo citizens (safe to run again)."""

from django.core.management.base import BaseCommand

from automation.journeys.demo import demo_automation_install


class Command(BaseCommand):
    help = "Install the omgevingsvergunning demo journey (templates in nl, en, fr; milestones) and demo citizens."

    def handle(self, *args, **options):
        journey, citizens = demo_automation_install()
        self.stdout.write(f"Journey {journey.slug!r} is {journey.status}, live version {journey.live_version.number}.")
        self.stdout.write(f"Demo citizens added: {citizens}.")
