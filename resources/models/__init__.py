from .pages import Licence, ResourceIndexPage, ResourcePage
from .taxonomy import Audience, ResourceType, Topic

__all__ = ["Audience", "Licence", "ResourceIndexPage", "ResourcePage", "ResourceType", "Topic"]
