import django.db.models.deletion
from django.db import migrations, models

import automation.contacts.phone
import automation.languages


class Migration(migrations.Migration):
    dependencies = [("contacts", "0002_citizen_access_log")]

    operations = [
        migrations.CreateModel(
            name="ConfirmationRequest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "language",
                    models.CharField(
                        choices=[("nl", "Nederlands"), ("en", "English"), ("fr", "Français")],
                        default=automation.languages.fallback_language,
                        max_length=8,
                        verbose_name="taal",
                    ),
                ),
                (
                    "phone",
                    models.CharField(
                        blank=True, max_length=16, validators=[automation.contacts.phone.validate_e164], verbose_name="gsm"
                    ),
                ),
                ("sms", models.BooleanField(default=False, verbose_name="ook sms voor crisisberichten")),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="aangevraagd")),
                ("mailed_at", models.DateTimeField(blank=True, null=True, verbose_name="gemaild")),
                ("confirmed_at", models.DateTimeField(blank=True, null=True, verbose_name="bevestigd")),
                (
                    "citizen",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="confirmation_requests",
                        to="contacts.citizen",
                    ),
                ),
                (
                    "subscriptions",
                    models.ManyToManyField(blank=True, related_name="confirmation_requests", to="contacts.subscription"),
                ),
            ],
            options={
                "verbose_name": "bevestigingsmail",
                "verbose_name_plural": "bevestigingsmails",
                "ordering": ["-created_at", "-pk"],
            },
        ),
    ]
