from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "automation.journeys"
    label = "journeys"
    verbose_name = "Journeys"

    def ready(self):
        from automation.journeys.demo import demo_automation_install
        from automation.journeys.demo_history import demo_journey_history_install
        from automation.journeys.signals import connect
        from cms.importers.seed.contributions import demo_contribution_register

        connect()
        demo_contribution_register(label="Automatisering: demo-traject en demo-burgers", install=demo_automation_install)
        demo_contribution_register(label="Automatisering: een journey met geschiedenis", install=demo_journey_history_install)
