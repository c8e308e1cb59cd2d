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
        # The address first: the demo's absolute links (help links) are built from it. The
        # builder replaces Wagtail's placeholder site on a new database and keeps the address.
        address = self.site_address(options["site_url"]) if options["site_url"] else None
        if address:
            Site.objects.filter(is_default_site=True).update(hostname=address[0], port=address[1])
            self.stdout.write(f"The site's address is {options['site_url']}")
        DemoBuilder(log=self.stdout.write, site_address=address).build()

    @staticmethod
    def site_address(url):
        """``(hostname, port)`` of ``url``; a clear error for anything but an http(s) address."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise CommandError(f"--site-url must be an http(s) address, not {url!r}")
        return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
