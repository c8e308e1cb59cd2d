"""Administrators manage partners, their keys and webhooks (least privilege: nobody else)."""

from django.db import migrations

CODENAMES = [
    f"{action}_{model}"
    for model in ("partner", "partnerkey", "webhooksubscription")
    for action in ("add", "change", "delete", "view")
] + ["view_webhookdelivery", "view_partnerusage"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Administrators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="partners", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial"), ("reports", "0002_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
