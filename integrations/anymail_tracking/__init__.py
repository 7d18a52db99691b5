"""ESP tracking webhooks through django-anymail: every ESP's report becomes one `DeliveryReport`.

Anymail parses each ESP's webhook format and sends its `tracking` signal with a normalised
event; `receivers.py` maps that onto automation's report and applies it. The webhook URLs
(`/api/automation/esp/<esp>/tracking/`) are routed only when ANYMAIL_WEBHOOK_SECRET is
set, so nobody can post fake bounces to an unprotected endpoint.
"""
