"""StreamField blocks shared by several page types, one module per family.

Each block renders accessible HTML through its own template in
``cms/core/templates/blocks/``; pages compose them into their own StreamBlocks.
"""

from .body import BodyBlock
from .links import HelpCallToActionBlock, LinkBlock, PageOrAddressBlock
from .media import DocumentDownloadBlock, FigureBlock, VideoBlock
from .text import RICH_TEXT_FEATURES, HeadingBlock, ParagraphBlock

__all__ = [
    "RICH_TEXT_FEATURES",
    "BodyBlock",
    "DocumentDownloadBlock",
    "FigureBlock",
    "HeadingBlock",
    "HelpCallToActionBlock",
    "LinkBlock",
    "PageOrAddressBlock",
    "ParagraphBlock",
    "VideoBlock",
]
