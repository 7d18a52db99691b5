"""CAP messages for crisis alerts; alerts sent before this migration get theirs (an Alert, and a Cancel if ended)."""

import django.db.models.deletion
from django.db import migrations, models


def backfill(apps, schema_editor):
    CrisisAlert = apps.get_model("crisis", "CrisisAlert")
    CapMessage = apps.get_model("crisis", "CapMessage")
    for alert in CrisisAlert.objects.filter(confirmed_at__isnull=False, status__in=["confirmed", "fanned_out"]):
        texts = {text.language: {"headline": text.headline, "body": text.body} for text in alert.texts.all()}
        CapMessage.objects.create(alert=alert, msg_type="Alert", sent=alert.confirmed_at.replace(microsecond=0), texts=texts)
        if alert.ended_at:
            CapMessage.objects.create(alert=alert, msg_type="Cancel", sent=alert.ended_at.replace(microsecond=0), texts=texts)


class Migration(migrations.Migration):

    dependencies = [
        ('crisis', '0003_persdienst_may_send_crisis_alerts'),
    ]

    operations = [
        migrations.CreateModel(
            name='CapMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('msg_type', models.CharField(choices=[('Alert', 'melding'), ('Update', 'bijwerking'), ('Cancel', 'einde')], max_length=8, verbose_name='soort')),
                ('status', models.CharField(choices=[('Actual', 'echt'), ('Exercise', 'oefening (demo)')], default='Actual', max_length=8, verbose_name='status')),
                ('sent', models.DateTimeField(verbose_name='verstuurd op')),
                ('texts', models.JSONField(default=dict, help_text='Per taal: {"nl": {"headline": ..., "body": ...}}.')),
                ('alert', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cap_messages', to='crisis.crisisalert')),
            ],
            options={
                'verbose_name': 'CAP-bericht',
                'verbose_name_plural': 'CAP-berichten',
                'ordering': ['sent', 'pk'],
                'indexes': [models.Index(fields=['-sent'], name='cap_message_sent_idx')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('msg_type', 'Alert')), fields=('alert',), name='one_cap_alert_per_alert'), models.UniqueConstraint(condition=models.Q(('msg_type', 'Cancel')), fields=('alert',), name='one_cap_cancel_per_alert')],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
