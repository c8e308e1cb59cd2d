"""Shared StreamField blocks validate what editors enter."""

import pytest
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from cms.core.blocks import HelpCallToActionBlock, LinkBlock


def test_a_link_needs_a_page_or_an_address():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "Linka pomoci", "description": "", "page": None, "url": ""}))
    assert "url" in error.value.block_errors


@pytest.mark.parametrize(("service", "path"), [("helpline", "/cs/pomoc/"), ("hotline", "/cs/hotline/")])
def test_a_help_call_without_page_or_address_leads_to_the_site_s_own_form(db, service, path):
    block = HelpCallToActionBlock()
    value = block.clean(
        block.to_python(
            {"service": service, "heading": "Pomoc", "text": "", "link_page": None, "link_url": "", "link_text": "Psát"}
        )
    )
    with translation.override("cs"):
        assert block.get_api_representation(value)["url"].endswith(path)
        assert f'href="{path}"' in block.render(value)


def test_a_link_with_an_address_is_valid():
    block = LinkBlock()
    value = block.clean(
        block.to_python({"title": "Linka", "description": "", "page": None, "url": "https://example.org"})
    )
    assert value["url"] == "https://example.org"
