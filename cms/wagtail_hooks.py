from wagtail import hooks

from .rich_text_links import BatchedPageLinkHandler


# Registered after Wagtail's own page link handler, which it replaces.
@hooks.register("register_rich_text_features", order=1000)
def register_batched_page_links(features):
    features.register_link_type(BatchedPageLinkHandler)
