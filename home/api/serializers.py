"""How the site's pages look in the API."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.core.api.fields import OptionalURLField, PrintPackField
from cms.core.api.pages import PageSerializer
from cms.core.api.rich_text import CONTEXT_KEY, expand_all, rich_text_sources
from resources.api.serializers import TermSerializer

from ..models import EventPage, NewsPage, SectionPage, ToolkitPage


@extend_schema_field({"type": "array", "items": {"type": "object"}})
class StreamBlocksField(serializers.Field):
    """A StreamField as a list of ``{"type", "value", "id"}``, each block's own representation."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        # Expand every rich text block's links in one batch before the blocks render.
        context = {**self.context, CONTEXT_KEY: expand_all(rich_text_sources(value))}
        return value.stream_block.get_api_representation(value, context)


class ToolkitSerializer(PageSerializer):
    audiences = TermSerializer(many=True, read_only=True)
    topics = TermSerializer(many=True, read_only=True)

    class Meta:
        model = ToolkitPage
        fields = [*PageSerializer.base_fields, "intro", "audiences", "topics", "age_min", "age_max"]


class ToolkitDetailSerializer(ToolkitSerializer):
    steps = StreamBlocksField(help_text="Headings, text, images, videos, resource cards, documents, calls to action.")
    print_url = PrintPackField()

    class Meta(ToolkitSerializer.Meta):
        fields = [*ToolkitSerializer.Meta.fields, "steps", "print_url"]


class SectionSerializer(PageSerializer):
    audience = TermSerializer(read_only=True)

    class Meta:
        model = SectionPage
        fields = [*PageSerializer.base_fields, "audience", "intro"]


class NewsSerializer(PageSerializer):
    topics = TermSerializer(many=True, read_only=True)

    class Meta:
        model = NewsPage
        fields = [*PageSerializer.base_fields, "date", "lead", "topics"]


class NewsDetailSerializer(NewsSerializer):
    body = StreamBlocksField(help_text="The article's blocks.")

    class Meta(NewsSerializer.Meta):
        fields = [*NewsSerializer.Meta.fields, "body"]


class EventSerializer(PageSerializer):
    audiences = TermSerializer(many=True, read_only=True)
    online_url = OptionalURLField(help_text="Where the event happens online, if it does (else null).")
    registration_url = OptionalURLField(help_text="Where to sign up, if needed (else null).")

    class Meta:
        model = EventPage
        fields = [
            *PageSerializer.base_fields,
            "kind",
            "start",
            "end",
            "place",
            "online_url",
            "registration_url",
            "lead",
            "audiences",
        ]


class EventDetailSerializer(EventSerializer):
    body = StreamBlocksField(help_text="The event's blocks.")

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "body"]
