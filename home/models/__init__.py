from .article import ArticlePage
from .events import EventIndexPage, EventPage
from .home import HomePage, SectionPage
from .news import NewsIndexPage, NewsPage
from .toolkit import ToolkitPage

__all__ = [
    "ArticlePage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SectionPage",
    "ToolkitPage",
]
