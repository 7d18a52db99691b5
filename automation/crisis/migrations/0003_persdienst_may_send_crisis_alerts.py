"""The press office (group "Persdienst") may request and confirm crisis alerts.

The two-person rule needs two people with the permission: the press office's staff and
the administrators. The group is made here if the editorial network does not exist yet
(seed_demo's `editor_groups_ensure` finds it by name and adds its page permissions).
"""

from django.db import migrations

GROUP = "Persdienst"  # cms.core.editors.EditorGroup.PERSDIENST


PERMISSIONS = {
    "send_crisisalert": "Kan crisisberichten aanvragen en bevestigen",
    "view_crisisalert": "Can view crisisbericht",
}


def grant(apps, schema_editor):
    # Permissions are normally made after migrating (post_migrate); made here (the same
    # rows Django would make) so the grant does not depend on that order.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="crisis", model="crisisalert")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for codename, name in PERMISSIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="crisis", codename__in=["send_crisisalert", "view_crisisalert"])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("crisis", "0002_alert_texts_link_and_end"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
