"""``manage.py load_demo``: build the bilingual demo site (idempotent)."""

from django.core.management.base import BaseCommand

from home.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Build the demo site in Czech and English: home, sections, toolkits, 44 resources, news and events."

    def handle(self, *args, **options):
        DemoBuilder(log=self.stdout.write).build()
