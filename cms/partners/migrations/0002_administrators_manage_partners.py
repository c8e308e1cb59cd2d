"""Administrators manage partners, their keys and webhooks (least privilege: nobody else)."""

from django.db import migrations

from cms.core.permissions import grant

CODENAMES = [
    f"{action}_{model}"
    for model in ("partner", "partnerkey", "webhooksubscription")
    for action in ("add", "change", "delete", "view")
] + ["view_webhookdelivery", "view_partnerusage"]


def grant_administrators(apps, schema_editor):
    grant(apps, "Administrators", "partners", CODENAMES)


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial"), ("reports", "0002_groups")]

    operations = [migrations.RunPython(grant_administrators, migrations.RunPython.noop)]
