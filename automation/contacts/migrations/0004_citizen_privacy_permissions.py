from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("contacts", "0003_confirmation_requests")]

    operations = [
        migrations.AlterModelOptions(
            name="citizen",
            options={
                "ordering": ["ref"],
                "permissions": [
                    ("export_citizen", "Mag alle gegevens van een burger exporteren"),
                    ("erase_citizen", "Mag een burger wissen (gegevens verwijderen, geschiedenis anonimiseren)"),
                ],
                "verbose_name": "burger",
                "verbose_name_plural": "burgers",
            },
        ),
    ]
