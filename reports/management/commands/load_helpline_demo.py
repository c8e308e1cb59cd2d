"""``manage.py load_helpline_demo``: a few invented contacts so the counsellors' workspace
of the demo has a queue (only into a helpline without contacts)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from reports.helpline import demo


class Command(BaseCommand):
    help = "Load invented helpline contacts in Czech and English for the demo (only when there are none)."

    def handle(self, *args, **options):
        count = demo.load()
        self.stdout.write(_("Demo helpline contacts loaded: %(count)s.") % {"count": count})
