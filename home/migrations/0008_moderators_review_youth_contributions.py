"""Moderators and Administrators review the youth panel's contributions (no one adds them
in the admin: they come from young people)."""

from django.db import migrations

from cms.core.permissions import grant

REVIEW = [f"{action}_youthcontribution" for action in ("change", "delete", "view")]


def give(apps, schema_editor):
    for group in ("Moderators", "Administrators"):
        grant(apps, group, "home", REVIEW)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_youth_contributions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
