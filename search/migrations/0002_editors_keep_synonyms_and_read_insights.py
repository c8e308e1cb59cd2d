"""Editors and Moderators keep the synonym sets and read the search insights;
Administrators too."""

from django.db import migrations

from cms.core.permissions import grant

SYNONYMS = [f"{action}_synonymset" for action in ("add", "change", "delete", "view")]
INSIGHTS = ["view_searchquerycount"]


def give(apps, schema_editor):
    for group in ("Editors", "Moderators", "Administrators"):
        grant(apps, group, "sic_search", SYNONYMS + INSIGHTS)


class Migration(migrations.Migration):
    dependencies = [("sic_search", "0001_synonyms_and_insights"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
