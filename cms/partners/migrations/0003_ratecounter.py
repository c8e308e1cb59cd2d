from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_administrators_manage_partners")]

    operations = [
        migrations.CreateModel(
            name="RateCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=200, unique=True)),
                ("value", models.BigIntegerField(default=0)),
                ("expires_at", models.DateTimeField(db_index=True)),
            ],
            options={"db_table": "sic_rate_counter"},
        ),
    ]
