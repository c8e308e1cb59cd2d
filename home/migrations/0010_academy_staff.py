"""The Academy group runs the inquiry inbox and the programmes' registrations; Administrators
too. No one adds an inquiry or a registration in the admin: schools send them."""

from django.db import migrations

from cms.core.permissions import grant

INBOX = [f"{action}_{model}" for action in ("change", "view") for model in ("workshopinquiry", "programmeregistration")]


def give(apps, schema_editor):
    grant(apps, "Academy", "home", INBOX)
    grant(apps, "Academy", "wagtailadmin", ["access_admin"])
    grant(apps, "Administrators", "home", INBOX)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_academy"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
