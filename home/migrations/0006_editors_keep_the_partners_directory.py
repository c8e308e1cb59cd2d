"""Editors and Administrators keep the partners directory."""

from django.db import migrations

from cms.core.permissions import grant

DIRECTORY = [f"{action}_partnerorganisation" for action in ("add", "change", "delete", "view")]


def give(apps, schema_editor):
    for group in ("Editors", "Administrators"):
        grant(apps, group, "home", DIRECTORY)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_partners_directory"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
