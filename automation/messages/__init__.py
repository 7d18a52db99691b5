"""Templates, rendered messages with their status history, the send task and the message log.

App label `automation_messages`: the label `messages` belongs to django.contrib.messages.
"""
