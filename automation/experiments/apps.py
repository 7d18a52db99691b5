from django.apps import AppConfig


class MessageExperimentsConfig(AppConfig):
    name = "automation.experiments"
    label = "message_experiments"  # `experiments` is the kernel's (cms.experiments)
    verbose_name = "Experimenten op berichten"

    def ready(self):
        from automation.experiments.choosing import experiment_variant
        from automation.experiments.demo import demo_experiment_install
        from automation.experiments.selectors import step_arms_text
        from automation.experiments.sweep import experiments_sweep
        from automation.journeys.variants import register_variant_chooser, register_versions_describer
        from cms.importers.seed.contributions import demo_contribution_register
        from cms.work.sweep import register_sweeper

        register_variant_chooser("message_experiments", experiment_variant)
        register_versions_describer("message_experiments", step_arms_text)  # the arms in the journey diagram
        register_sweeper("message_experiments", experiments_sweep)
        demo_contribution_register(label="Automatisering: een lopend experiment op berichten", install=demo_experiment_install)
