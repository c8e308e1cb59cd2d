"""Editors, Moderators and Administrators keep the synonym sets and the editors' picks
(Wagtail's promoted search results) and read the search insights."""

from django.db import migrations

from cms.core.permissions import grant

ACTIONS = ("add", "change", "delete", "view")
SYNONYMS = [f"{action}_synonymset" for action in ACTIONS]
INSIGHTS = ["view_searchquerycount"]
PICKS = [f"{action}_searchpromotion" for action in ACTIONS]


def give(apps, schema_editor):
    for group in ("Editors", "Moderators", "Administrators"):
        grant(apps, group, "sic_search", SYNONYMS + INSIGHTS)
        grant(apps, group, "wagtailsearchpromotions", PICKS)


class Migration(migrations.Migration):
    dependencies = [
        ("sic_search", "0001_synonyms_and_insights"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
