"""The site's page kinds (cms.core.page_kinds): what search, webhooks, oEmbed and preview
know about toolkits, sections, news, events and articles."""

from django.utils.translation import gettext_lazy as _

from cms.core.page_kinds import PageKind, register

from .api import academy, campaigns, serializers
from .models import (
    AcademyPage,
    ArticlePage,
    CampaignPage,
    EventPage,
    NewsPage,
    ProgrammePage,
    SectionPage,
    ToolkitPage,
    WorkshopPage,
    YouthPanelPage,
)


def register_kinds():
    register(
        PageKind(
            name="toolkit",
            model=ToolkitPage,
            label=_("Toolkits"),
            order=20,
            summary_field="intro",
            body_field="steps",
            api_path="toolkits",
            detail_view="api:toolkit-detail",
            detail_serializer=serializers.ToolkitDetailSerializer,
            webhook_events={"published": _("toolkit published"), "unpublished": _("toolkit unpublished")},
            embed_route="embed-toolkit",
            oembed_size=(480, 320),
            print_template="home/print/toolkit.html",
        )
    )
    register(
        PageKind(
            name="news",
            model=NewsPage,
            label=_("News"),
            order=30,
            summary_field="lead",
            body_field="body",
            api_path="news",
            detail_view="api:news-detail",
            detail_serializer=serializers.NewsDetailSerializer,
            webhook_events={"published": _("news published"), "unpublished": _("news unpublished")},
        )
    )
    register(
        PageKind(
            name="event",
            model=EventPage,
            label=_("Events"),
            order=40,
            summary_field="lead",
            body_field="body",
            api_path="events",
            detail_view="api:event-detail",
            detail_serializer=serializers.EventDetailSerializer,
            webhook_events={"published": _("event published"), "unpublished": _("event unpublished")},
        )
    )
    register(
        PageKind(
            name="workshop",
            model=WorkshopPage,
            label=_("Academy workshops"),
            order=42,
            summary_field="lead",
            body_field="body",
            api_path="academy/workshops",
            detail_view="api:academy-workshop-detail",
            detail_serializer=academy.WorkshopDetailSerializer,
            webhook_events={"published": _("workshop published"), "unpublished": _("workshop unpublished")},
        )
    )
    register(
        PageKind(
            name="programme",
            model=ProgrammePage,
            label=_("Academy programmes"),
            order=44,
            summary_field="lead",
            body_field="body",
            api_path="academy/programmes",
            detail_view="api:academy-programme-detail",
            detail_serializer=academy.ProgrammeDetailSerializer,
            webhook_events={"published": _("programme published"), "unpublished": _("programme unpublished")},
        )
    )
    register(
        PageKind(
            name="academy", model=AcademyPage, label=_("Academy"), order=46, summary_field="lead", body_field="intro"
        )
    )
    register(
        PageKind(
            name="campaign",
            model=CampaignPage,
            label=_("Campaigns"),
            order=45,
            summary_field="lead",
            body_field="body",
            api_path="campaigns",
            detail_view="api:campaign-detail",
            detail_serializer=campaigns.CampaignDetailSerializer,
            webhook_events={"published": _("campaign published"), "unpublished": _("campaign unpublished")},
        )
    )
    register(
        PageKind(
            name="youth-panel",
            model=YouthPanelPage,
            label=_("Youth panel"),
            order=47,
            summary_field="lead",
            body_field="intro",
        )
    )
    # Articles have no endpoint of their own: the API finds them by path.
    register(
        PageKind(
            name="article", model=ArticlePage, label=_("Articles"), order=50, summary_field="lead", body_field="body"
        )
    )
    # Sections are previewed like their endpoint shows them, but not searched.
    register(
        PageKind(
            name="section",
            model=SectionPage,
            label=_("Sections"),
            order=25,  # previewed after toolkits, as the preview endpoint always listed them
            searchable=False,
            api_path="sections",
            detail_view="api:section-detail",
            detail_serializer=serializers.SectionSerializer,
        )
    )
