"""Build the demo site in Czech and English. Safe to run again: existing pages are kept."""

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms.core.page_translation import create_translation
from cms.core.site_url import site_base_url
from home.models import (
    AcademyPage,
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnerDirectoryPage,
    ProgrammePage,
    SectionPage,
    ToolkitPage,
    WorkshopPage,
    YouthPanelPage,
)
from resources.importing import import_resources
from resources.importing.readers import read_file
from resources.models import Audience, ResourceIndexPage, ResourcePage, Topic

from . import academy as academy_content
from . import campaigns as campaign_content
from . import media
from . import pages as content
from . import youth as youth_content
from .inquiries import load_inquiries
from .partners import load_partners
from .synonyms import load_synonyms

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
# The demo resources (Czech, then English translations), in the format of docs/import.md.
RESOURCES_FILE = Path(__file__).with_name("resources.jsonl")


class DemoBuilder:
    def __init__(self, log=print, site_address=None):
        self.log = log
        self.site_address = site_address  # (hostname, port) the demo is served on
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}

    @transaction.atomic
    def build(self):
        home = self.home_pages()
        self.ensure(home, ResourceIndexPage, content.LIBRARY["cs"]["slug"], content.LIBRARY)
        # The demo library is a file in the public import format, read as `import_resources` reads one.
        result = import_resources(read_file(RESOURCES_FILE))
        message = _("Resources: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
        self.log(message % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged})

        sections = {}
        for audience, cs, en in content.SECTIONS:
            sections[audience] = self.ensure(
                home,
                SectionPage,
                cs["slug"],
                {"cs": cs, "en": en},
                shared={"audience": Audience.objects.get(slug=audience)},
            )
        toolkits = [self.toolkit(sections, entry) for entry in content.TOOLKITS]
        articles = [
            self.ensure(
                home, ArticlePage, slug, {"cs": self.with_paragraph(cs, "body"), "en": self.with_paragraph(en, "body")}
            )
            for slug, cs, en in content.ARTICLES
        ]
        news = self.news(home)
        events = self.events(home)
        academy = self.academy(home)
        youth = self.youth_panel(home, events)
        self.illustrate(sections, toolkits, news + events + self.academy_and_youth_pictures(academy, youth))
        campaigns = self.campaigns(home, toolkits)  # shares the posters illustrate typeset
        self.home_links(home, toolkits, [*articles, academy, youth, campaigns])
        load_synonyms()
        load_partners()
        self.ensure(home, PartnerDirectoryPage, content.PARTNER_DIRECTORY["cs"]["slug"], content.PARTNER_DIRECTORY)
        pages = Page.objects.filter(depth__gt=1).count()
        self.log(_("Demo site ready: %(pages)s pages in Czech and English.") % {"pages": pages})

    # The tree -----------------------------------------------------------------

    def home_pages(self):
        cs = self.locales["cs"]
        home = HomePage.objects.filter(locale=cs).first()
        if home is None:
            # Replace Wagtail's placeholder "Welcome" page with the Czech home page.
            Page.objects.filter(depth=2, numchild=0, content_type=ContentType.objects.get_for_model(Page)).delete()
            root = Page.get_first_root_node()
            home = HomePage(slug="home", locale=cs, **content.HOME["cs"])
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            # Deleting the placeholder page above took Wagtail's placeholder site with it.
            hostname, port = self.site_address or ("localhost", 80)
            Site.objects.create(
                hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Bezpečnější internet"
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = "Bezpečnější internet"
            site.save()
        if self.site_address and site is not None:
            Site.objects.filter(pk=site.pk).update(hostname=self.site_address[0], port=self.site_address[1])
        self.translate(home, content.HOME["en"])
        return home

    def ensure(self, parent, model, slug, texts, shared=None):
        """The Czech page ``slug`` under ``parent`` and its English translation, created if missing."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            fields = dict(texts["cs"])
            fields.pop("slug", None)
            # Pages right under home make up the main menu.
            page = model(
                slug=slug, locale=self.locales["cs"], show_in_menus=parent.depth == 2, **fields, **(shared or {})
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
        self.translate(page, dict(texts["en"]))
        return page

    def translate(self, page, fields):
        """Create (or turn a synchronised placeholder into) the English translation of ``page``."""
        en = self.locales["en"]
        translation = page.get_translation_or_none(en)
        if translation is not None and translation.alias_of_id is None:
            return translation.specific
        slug = fields.pop("slug", None) or page.slug
        if translation is None:
            translation = create_translation(page, en, slug=slug, **fields)
        else:
            ConvertAliasPageAction(translation).execute(skip_permission_checks=True)
            translation = translation.specific_class.objects.get(pk=translation.pk)
            for name, value in fields.items():
                setattr(translation, name, value)
        translation.save_revision().publish()
        return translation

    @staticmethod
    def with_paragraph(texts, name):
        """``texts`` with the text of the StreamField ``name`` as its one paragraph block."""
        return {**texts, name: [("paragraph", RichText(texts[name]))]}

    # Page types ---------------------------------------------------------------

    def resource(self, external_id, code):
        key = external_id if code == "cs" else f"{external_id}-en"
        return ResourcePage.objects.get(external_id=key, locale=self.locales[code])

    def steps(self, steps, code):
        blocks = []
        for kind, value in steps:
            if kind == "paragraph":
                blocks.append(("paragraph", RichText(value)))
            elif kind == "resources":
                blocks.append(("resources", {"heading": "", "resources": [self.resource(i, code) for i in value]}))
            elif kind == "help":
                blocks.append(("help", self.help_block(value, code)))
            else:
                blocks.append((kind, value))
        return blocks

    @staticmethod
    def help_url(service, code):
        """The absolute address of the site's own form of ``service`` in language ``code``."""
        with translation.override(code):
            return site_base_url() + reverse(content.HELP_PAGES[service])

    @staticmethod
    def help_block(service, code):
        return {
            "service": service,
            "link_page": None,
            "link_url": "",  # the site's own form of the service
            **content.HELP[service][code],
        }

    def toolkit(self, sections, entry):
        section, slug, audiences, topics, ages, cs, en = entry
        texts = {code: {**texts, "steps": self.steps(texts["steps"], code)} for code, texts in (("cs", cs), ("en", en))}
        return self.ensure(
            sections[section],
            ToolkitPage,
            slug,
            texts,
            shared={
                "audiences": list(Audience.objects.filter(slug__in=audiences.split(","))),
                "topics": list(Topic.objects.filter(slug__in=topics.split(","))),
                "age_min": ages[0],
                "age_max": ages[1],
            },
        )

    def news(self, home):
        index = self.ensure(home, NewsIndexPage, content.NEWS_INDEX["cs"]["slug"], content.NEWS_INDEX)
        items = []
        for date, slug, topics, cs, en in content.NEWS:
            # The lead is shown above the body: the body goes on from it.
            body = {
                "cs": {**cs, "body": [("paragraph", RichText(f"<p>{cs['body']}</p>"))]},
                "en": {**en, "body": [("paragraph", RichText(f"<p>{en['body']}</p>"))]},
            }
            item = self.ensure(
                index,
                NewsPage,
                slug,
                body,
                shared={"date": date, "topics": list(Topic.objects.filter(slug__in=topics.split(",")))},
            )
            items.append((item, topics.split(",")[0], ""))
        return items

    def events(self, home):
        index = self.ensure(home, EventIndexPage, content.EVENT_INDEX["cs"]["slug"], content.EVENT_INDEX)
        zone = timezone.get_default_timezone()
        events = []
        for start, end, online_url, slug, audiences, cs, en in content.EVENTS:
            event = self.ensure(
                index,
                EventPage,
                slug,
                {"cs": cs, "en": en},
                shared={
                    "start": timezone.make_aware(start, zone),
                    "end": timezone.make_aware(end, zone) if isinstance(end, datetime.datetime) else None,
                    "online_url": online_url,
                    "registration_url": content.EVENT_REGISTRATION.get(slug, ""),
                    "audiences": list(Audience.objects.filter(slug__in=audiences.split(","))),
                },
            )
            events.append((event, "digital-skills", audiences.split(",")[0]))
        return events

    def academy(self, home):
        """The Academy's page, its workshop catalogue and two programmes ahead of today."""
        texts = academy_content.ACADEMY
        academy = self.ensure(home, AcademyPage, texts["cs"]["slug"], texts)
        for slug, audiences, topics, ages, minutes, format_, cs, en in academy_content.WORKSHOPS:
            self.ensure(
                academy,
                WorkshopPage,
                slug,
                {"cs": cs, "en": en},
                shared={
                    "audiences": list(Audience.objects.filter(slug__in=audiences.split(","))),
                    "topics": list(Topic.objects.filter(slug__in=topics.split(","))),
                    "age_min": ages[0],
                    "age_max": ages[1],
                    "length_minutes": minutes,
                    "format": format_,
                },
            )
        today = timezone.localdate()
        for slug, region, city, venue, audiences, ahead, days, capacity, price, cs, en in academy_content.PROGRAMMES:
            start = today + datetime.timedelta(days=ahead)
            self.ensure(
                academy,
                ProgrammePage,
                slug,
                {"cs": cs, "en": en},
                shared={
                    "region": region,
                    "city": city,
                    "venue": venue,
                    "audiences": list(Audience.objects.filter(slug__in=audiences.split(","))),
                    "start": start,
                    "end": start + datetime.timedelta(days=days - 1),
                    "capacity": capacity,
                    "price": price,
                },
            )
        load_inquiries()
        return academy

    def campaigns(self, home, toolkits):
        """Safer Internet Day 2027 with a social card, a poster, linked toolkits and resources."""
        index = self.ensure(home, CampaignIndexPage, campaign_content.INDEX["cs"]["slug"], campaign_content.INDEX)
        slug, start, end, cs, en = campaign_content.SAFER_INTERNET_DAY
        card = media.picture("campaign-safer-internet-day-card", "social-networks", "young-people")
        texts = {}
        for code, fields in (("cs", cs), ("en", en)):
            locale = self.locales[code]
            posters = ResourcePage.objects.filter(
                locale=locale, resource_type__slug="poster", document__isnull=False, alias_of__isnull=True
            ).order_by("pk")
            resources = ResourcePage.objects.filter(
                locale=locale, topics__slug="cyberbullying", alias_of__isnull=True
            ).order_by("pk")[:2]
            assets = [("image", {"image": card, "caption": fields["key_message"]})]
            assets += [("document", {"document": poster.document, "label": poster.title}) for poster in posters[:1]]
            related = [("toolkit", toolkit.get_translation(locale)) for toolkit in toolkits[:2]]
            related += [("resource", resource) for resource in resources]
            texts[code] = {**fields, "assets": assets, "related": related}
        campaign = self.ensure(index, CampaignPage, slug, texts, shared={"start": start, "end": end, "image": card})
        campaign_content.load_activities(campaign)
        return index

    def academy_and_youth_pictures(self, academy, youth):
        """``(page, topic, audience)`` for the pictures of the Academy's and the panel's pages."""
        cs = self.locales["cs"]
        pictures = [(academy, "digital-skills", "teachers"), (youth, "social-networks", "young-people")]
        for workshop in WorkshopPage.objects.child_of(academy).prefetch_related("topics", "audiences"):
            pictures.append((workshop, workshop.topics.all()[0].slug, workshop.audiences.all()[0].slug))
        for programme in ProgrammePage.objects.child_of(academy).prefetch_related("audiences"):
            pictures.append((programme, "digital-skills", programme.audiences.all()[0].slug))
        for event in EventPage.objects.filter(kind="participation", locale=cs, alias_of__isnull=True):
            pictures.append((event, "social-networks", "young-people"))
        return pictures

    def youth_panel(self, home, events):
        """The youth panel's page, a participation activity ahead, and contributions."""
        panel = self.ensure(home, YouthPanelPage, youth_content.YOUTH_PANEL["cs"]["slug"], youth_content.YOUTH_PANEL)
        index = events[0][0].get_parent() if events else None
        if index is not None:
            slug, cs, en = youth_content.PARTICIPATION
            start = timezone.localtime().replace(hour=16, minute=0, second=0, microsecond=0)
            start += datetime.timedelta(days=21)
            self.ensure(
                index,
                EventPage,
                slug,
                {"cs": cs, "en": en},
                shared={
                    "kind": "participation",
                    "start": start,
                    "end": start + datetime.timedelta(hours=2),
                    "audiences": list(Audience.objects.filter(slug="young-people")),
                },
            )
        youth_content.load_contributions()
        return panel

    def illustrate(self, sections, toolkits, dated):
        """Pictures on every page kind that shows one, and files on every resource."""
        media.illustrate_resources(self.locales["cs"])
        for audience, section in sections.items():
            media.illustrate_page(section, content.SECTION_TOPICS.get(audience, ""), audience)
        for toolkit, (_section, _slug, audiences, topics, *_rest) in zip(toolkits, content.TOOLKITS, strict=True):
            media.illustrate_page(toolkit, topics.split(",")[0], audiences.split(",")[0])
        for page, topic, audience in dated:
            media.illustrate_page(page, topic, audience)

    def home_links(self, home, toolkits, articles):
        """Featured toolkits and help links, set once so that editors' later choices stay."""
        if home.featured_toolkits:
            return
        for page, code in ((home, "cs"), (home.get_translation(self.locales["en"]).specific, "en")):
            page.featured_toolkits = [("toolkit", toolkit.get_translation(self.locales[code])) for toolkit in toolkits]
            page.help_links = [
                (
                    "link",
                    {
                        "title": content.HELP[service][code]["heading"],
                        "description": content.HELP[service][code]["text"],
                        "page": None,
                        "url": self.help_url(service, code),
                    },
                )
                for service in ("helpline", "hotline")
            ] + [
                (
                    "link",
                    {
                        "title": article.get_translation(self.locales[code]).title,
                        "description": "",
                        "page": article.get_translation(self.locales[code]),
                        "url": "",
                    },
                )
                for article in articles
            ]
            page.save_revision().publish()
