from django.apps import AppConfig


class AutomationMessagesConfig(AppConfig):
    name = "automation.messages"
    label = "automation_messages"
    verbose_name = "Messages"

    def ready(self):
        from automation.messages.algorithm_register import register_message_algorithms
        from automation.messages.sweep import messages_sweep
        from cms.work.sweep import register_sweeper

        register_sweeper("messages", messages_sweep)
        register_message_algorithms()  # the public algorithm register (cms.transparency)
