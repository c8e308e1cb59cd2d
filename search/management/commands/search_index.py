"""``manage.py search_index rebuild``: rebuild the search index of the engine in use."""

import sys

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from cms.core.planner import analyse_tables


class Command(BaseCommand):
    help = (
        "Rebuild the search index. With ELASTICSEARCH_URL: build a new Elasticsearch index, "
        "bulk-load every visible page and swap the alias to it atomically. Without: refresh "
        "the database engine's index (Wagtail's update_index)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, action, no_progress=False, **options):
        if not settings.ELASTICSEARCH_URL:
            call_command("update_index", stdout=self.stdout, stderr=self.stderr)
            analyse_tables(apps.get_model("wagtailsearch", "IndexEntry"))
            return
        # Only now that Elasticsearch is configured is its client loaded.
        from search import elastic_index
        from search.engines.elasticsearch import Unavailable

        total = elastic_index.count_visible_pages()
        show = not no_progress and sys.stderr.isatty()
        with tqdm(total=total, unit="page", disable=not show, file=sys.stderr) as bar:
            try:
                name = elastic_index.rebuild(progress=bar.update)
            except Unavailable as error:
                raise CommandError(
                    _("Elasticsearch at ELASTICSEARCH_URL did not answer: %(error)s") % {"error": error}
                ) from error
        self.stdout.write(
            _("%(total)s pages indexed in %(index)s; the alias %(alias)s points to it.")
            % {"total": total, "index": name, "alias": settings.ELASTICSEARCH_INDEX}
        )
