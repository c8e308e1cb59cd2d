"""The limiter's counter belongs to cms.core now; the table stays (no data moves)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partners", "0003_ratecounter"), ("core", "0001_ratecounter")]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="RateCounter")]),
    ]
