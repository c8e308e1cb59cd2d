"""``manage.py wagtail_catalogue_gaps``: the Wagtail strings without Czech anywhere (after an
upgrade), as .po entries to translate into cms/core/locale_wagtail (docs/translations.md)."""

from django.core.management.base import BaseCommand

from cms.core.wagtail_catalogue import gaps


class Command(BaseCommand):
    help = "List the Wagtail admin strings that neither Wagtail's Czech nor the project's translates."

    def handle(self, *args, **options):
        total = 0
        for domain in ("django", "djangojs"):
            missing = gaps(domain)
            total += len(missing)
            self.stdout.write(f"# {domain}.po: {len(missing)} without Czech")
            for entry in missing.values():
                entry.msgstr = ""
                self.stdout.write(str(entry))
        if total:
            self.stderr.write(f"{total} strings lack Czech: add them to cms/core/locale_wagtail/cs/LC_MESSAGES/")
