"""Idempotency receipts: the submitter's namespace in a column of its own.

Receipts written before this kept the namespace inside the hashed key; they are moved to a
namespace no request can name, so none of them can answer a new request (they expire
within a day anyway).
"""

from django.db import migrations, models


def retire_old_receipts(apps, schema_editor):
    apps.get_model("reports", "IntakeReceipt").objects.update(namespace="retired")


class Migration(migrations.Migration):
    dependencies = [("reports", "0005_report_partner")]

    operations = [
        migrations.AddField(
            model_name="intakereceipt",
            name="namespace",
            field=models.CharField(default="retired", max_length=40),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="intakereceipt",
            name="request_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name="intakereceipt",
            name="key_hash",
            field=models.CharField(max_length=64),
        ),
        migrations.RunPython(retire_old_receipts, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="intakereceipt",
            constraint=models.UniqueConstraint(fields=("namespace", "key_hash"), name="reports_one_receipt_per_key"),
        ),
    ]
