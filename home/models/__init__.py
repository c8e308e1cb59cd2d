from .article import ArticlePage
from .events import EventIndexPage, EventPage
from .home import HomePage, SectionPage
from .news import NewsIndexPage, NewsPage
from .partners import PartnerDirectoryPage, PartnerKind, PartnerOrganisation
from .toolkit import ToolkitPage
from .youth import ContributionReceipt, YouthContribution

__all__ = [
    "ArticlePage",
    "ContributionReceipt",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PartnerDirectoryPage",
    "PartnerKind",
    "PartnerOrganisation",
    "SectionPage",
    "ToolkitPage",
    "YouthContribution",
]
