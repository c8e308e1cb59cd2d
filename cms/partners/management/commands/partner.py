"""``manage.py partner``: set up partner sites from the command line.

partner add NAME --origin https://example.org [--scope content:read] [--kind school] [--contact E-MAIL]
partner key NAME [--scope …]          another key for an existing partner
partner revoke NAME|PREFIX            revoke every key of a partner, or one key by its prefix
partner list
partner usage                          requests per partner per day (last days)
partner webhook NAME URL --event resource.published [--event …]
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.core import page_kinds
from cms.core.scopes import Scope

from ...keys import issue_key, revoke
from ...models import Partner, PartnerKey, PartnerUsage, WebhookSubscription
from ...reach import flush_reach
from ...usage import flush_usage
from ...webhooks import new_secret


class Command(BaseCommand):
    help = "Add partners and issue, revoke and list their API keys; show usage; subscribe webhooks."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Add a partner and print its first API key (shown once).")
        add.add_argument("name")
        add.add_argument("--origin", action="append", default=[], help="A web origin (repeat for several).")
        add.add_argument("--kind", choices=Partner.Kind.values, default=Partner.Kind.NGO)
        add.add_argument("--contact", default="", help="The partner's contact e-mail.")
        add.add_argument("--scope", action="append", choices=Scope.values, help="Default: content:read.")
        key = actions.add_parser("key", help="Issue another key for a partner (shown once).")
        key.add_argument("name")
        key.add_argument("--scope", action="append", choices=Scope.values)
        revoke_parser = actions.add_parser("revoke", help="Revoke a partner's keys, or one key by its prefix.")
        revoke_parser.add_argument("name_or_prefix")
        actions.add_parser("list", help="Partners and their keys (prefixes only).")
        actions.add_parser("usage", help="Requests per partner per day.")
        webhook = actions.add_parser("webhook", help="Subscribe a URL to events; prints the signing secret.")
        webhook.add_argument("name")
        webhook.add_argument("url")
        webhook.add_argument(
            "--event",
            action="append",
            required=True,
            choices=[event for event, _label in page_kinds.webhook_event_choices()],
        )

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def _partner(self, name):
        try:
            return Partner.objects.get(name=name)
        except Partner.DoesNotExist:
            raise CommandError(f"No partner named {name!r} (see `partner list`).") from None

    @transaction.atomic
    def handle_add(self, name, origin, kind, contact, scope, **options):
        if Partner.objects.filter(name=name).exists():
            raise CommandError(f"A partner named {name!r} exists already; use `partner key` for another key.")
        partner = Partner(name=name, kind=kind, contact_email=contact, origins="\n".join(origin))
        try:
            partner.full_clean()
        except ValidationError as error:
            raise CommandError(
                "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            ) from None
        partner.save()
        self._print_key(partner, scope)

    def handle_key(self, name, scope, **options):
        self._print_key(self._partner(name), scope)

    def _print_key(self, partner, scopes):
        record, key = issue_key(partner, scopes)
        self.stdout.write(f"Partner: {partner.name}")
        self.stdout.write(f"Scopes: {', '.join(record.scopes)}")
        self.stdout.write(f"API key (shown only now, store it safely): {key}")

    def handle_revoke(self, name_or_prefix, **options):
        partner = Partner.objects.filter(name=name_or_prefix).first()
        keys = (
            PartnerKey.objects.filter(partner=partner) if partner else PartnerKey.objects.filter(prefix=name_or_prefix)
        )
        if not keys.exists():
            raise CommandError(f"No partner or key prefix {name_or_prefix!r}.")
        count = revoke(keys)
        self.stdout.write(f"Revoked {count} key(s); they are refused from now on.")

    def handle_list(self, **options):
        for partner in Partner.objects.prefetch_related("keys"):
            state = "active" if partner.active else "inactive"
            origins = ", ".join(partner.origin_list) or "-"
            self.stdout.write(f"{partner.name} [{partner.get_kind_display()}, {state}] origins: {origins}")
            for key in partner.keys.all():
                status = "revoked" if key.revoked else "valid"
                used = key.last_used_on or "never"
                self.stdout.write(f"  {key.prefix}…  {', '.join(key.scopes)}  {status}, last used {used}")

    def handle_usage(self, **options):
        flush_usage()
        flush_reach()
        for row in PartnerUsage.objects.select_related("partner").order_by("partner__name", "-day")[:500]:
            self.stdout.write(f"{row.partner.name}\t{row.day}\t{row.requests}")

    def handle_webhook(self, name, url, event, **options):
        partner = self._partner(name)
        subscription = WebhookSubscription(partner=partner, url=url, events=sorted(set(event)), secret=new_secret())
        try:
            subscription.full_clean()
        except ValidationError as error:
            raise CommandError(str(error)) from None
        subscription.save()
        self.stdout.write(f"Subscribed {url} to {', '.join(subscription.events)}.")
        self.stdout.write(f"Signing secret (give it to the partner): {subscription.secret}")
