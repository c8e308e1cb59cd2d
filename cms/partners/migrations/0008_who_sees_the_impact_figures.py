"""The impact figures are aggregates without personal data: Administrators, the Academy and
Editors (who report the awareness work) see them."""

from django.db import migrations

from cms.core.permissions import grant


def give(apps, schema_editor):
    for group in ("Administrators", "Academy", "Editors"):
        grant(apps, group, "partners", ["view_impact_figures"])


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0007_content_reach"),
        ("home", "0010_academy_staff"),  # the Academy group exists
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
