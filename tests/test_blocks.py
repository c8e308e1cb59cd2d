"""Shared StreamField blocks validate what editors enter."""

import pytest
from wagtail.blocks import StructBlockValidationError

from cms.core.blocks import HelpCallToActionBlock, LinkBlock


@pytest.mark.parametrize(
    "block, value, field",
    [
        (LinkBlock(), {"title": "Linka pomoci", "description": "", "page": None, "url": ""}, "url"),
        (
            HelpCallToActionBlock(),
            {"service": "helpline", "heading": "Pomoc", "text": "", "link_page": None, "link_url": "",
             "link_text": "Zavolat"},
            "link_url",
        ),
    ],
)  # fmt: skip
def test_a_link_needs_a_page_or_an_address(block, value, field):
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert field in error.value.block_errors


def test_a_link_with_an_address_is_valid():
    block = LinkBlock()
    value = block.clean(
        block.to_python({"title": "Linka", "description": "", "page": None, "url": "https://example.org"})
    )
    assert value["url"] == "https://example.org"
