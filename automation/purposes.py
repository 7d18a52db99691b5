"""Why a message is sent. It picks the queue and which sending rules apply.

Frequency caps and SMS quiet hours apply to newsletters and never to crisis alerts;
service messages about a citizen's own dossier are not capped. One enum shared by
journeys (what editors choose) and messages (what the send path reads).
"""

from django.db import models


class Purpose(models.TextChoices):
    SERVICE = "service", "dienstverlening (eigen dossier)"
    NEWSLETTER = "newsletter", "nieuwsbrief"
    CRISIS = "crisis", "crisisbericht"
