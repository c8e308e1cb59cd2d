"""The body of articles, news and events, composed of the other blocks."""

from wagtail import blocks

from .links import HelpCallToActionBlock
from .media import DocumentDownloadBlock, FigureBlock, VideoBlock
from .text import HeadingBlock, ParagraphBlock


class BodyBlock(blocks.StreamBlock):
    """The body of articles, news and events."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    video = VideoBlock()
    document = DocumentDownloadBlock()
    help = HelpCallToActionBlock()


# Migrations name the blocks by the package, as before it was split (Wagtail reads this).
DECONSTRUCT_ALIASES = {
    BodyBlock: "cms.core.blocks.BodyBlock",
}
