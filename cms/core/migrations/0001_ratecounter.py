"""The limiter's counter moved here from the partners app; its table stays as it is."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    # The table was created by the partners app's migration; only the model's owner changes.
    dependencies = [("partners", "0003_ratecounter")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RateCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("key", models.CharField(max_length=200, unique=True)),
                        ("value", models.BigIntegerField(default=0)),
                        ("expires_at", models.DateTimeField(db_index=True)),
                    ],
                    options={"db_table": "sic_rate_counter"},
                ),
            ],
            database_operations=[],
        ),
    ]
