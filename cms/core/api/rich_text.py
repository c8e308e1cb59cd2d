"""Rich text for the API: database HTML with internal links turned into addresses.

A StreamField may hold many paragraphs, each with links; expanding them one by one would
fetch the linked pages and documents once per paragraph. ``expand_all`` expands every
paragraph of a stream in one pass, so each kind of link costs one query in all.
"""

from wagtail import blocks
from wagtail.rich_text import expand_db_html

SEPARATOR = "<!--sic:rich-text-boundary-->"
CONTEXT_KEY = "expanded_rich_text"


def rich_text_sources(stream_value):
    """The database HTML of every rich text block in a stream, nested ones included."""

    def walk(block, value):
        if isinstance(block, blocks.RichTextBlock):
            if value:
                yield value.source
        elif isinstance(block, blocks.StreamBlock):
            for child in value:
                yield from walk(child.block, child.value)
        elif isinstance(block, blocks.StructBlock) and isinstance(value, blocks.StructValue):
            # (Some struct blocks, such as ImageBlock, turn their value into a model.)
            for name, child_block in block.child_blocks.items():
                yield from walk(child_block, value.get(name))
        elif isinstance(block, blocks.ListBlock):
            for item in value:
                yield from walk(block.child_block, item)

    yield from walk(stream_value.stream_block, stream_value)


def expand_all(sources):
    """``{source: expanded_html}`` for all ``sources``, expanded in one rewriter pass."""
    sources = list(dict.fromkeys(sources))
    if not sources:
        return {}
    expanded = expand_db_html(SEPARATOR.join(sources)).split(SEPARATOR)
    return dict(zip(sources, expanded, strict=True))


def expand(source, context=None):
    """One rich text, from the stream's batch when there is one."""
    batch = (context or {}).get(CONTEXT_KEY) or {}
    return batch[source] if source in batch else expand_db_html(source)
