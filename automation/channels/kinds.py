"""The media a message can travel by. One enum shared by consent, journeys and messages."""

from django.db import models


class ChannelKind(models.TextChoices):
    EMAIL = "email", "e-mail"
    SMS = "sms", "sms"
    LETTER = "letter", "brief"
    VOICE = "voice", "telefoonoproep"
