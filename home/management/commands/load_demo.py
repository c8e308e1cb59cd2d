"""``manage.py load_demo``: build the bilingual demo site (idempotent)."""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Build the demo site in Czech and English: home, sections, toolkits, 44 resources, news and events."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            help="The address the demo is served on (e.g. http://127.0.0.1:8000): every absolute link points there.",
        )

    def handle(self, *args, **options):
        # The address first: the demo's absolute links (help links) are built from it.
        if options["site_url"]:
            self.set_site_url(options["site_url"])
        DemoBuilder(log=self.stdout.write).build()

    def set_site_url(self, url):
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise CommandError(f"--site-url must be an http(s) address, not {url!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        Site.objects.filter(is_default_site=True).update(hostname=parts.hostname, port=port)
        self.stdout.write(f"The site's address is {url}")
