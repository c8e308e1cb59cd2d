"""Moderators and Administrators review the activities schools register for campaigns (no
one adds them in the admin: schools and organisations send them)."""

from django.db import migrations

from cms.core.permissions import grant

REVIEW = [f"{action}_campaignactivity" for action in ("change", "delete", "view")]


def give(apps, schema_editor):
    for group in ("Moderators", "Administrators"):
        grant(apps, group, "home", REVIEW)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0012_campaigns"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
