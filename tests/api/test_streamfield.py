"""StreamField blocks in the API: HTML with resolved links, renditions, documents, embeds."""

import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText

from ..conftest import translate
from ..factories import ArticlePageFactory, NewsIndexPageFactory, NewsPageFactory


def linking_paragraphs(targets):
    return [
        ("paragraph", RichText(f'<p>Viz <a linktype="page" id="{page.pk}">{page.title}</a>.</p>')) for page in targets
    ]


def news_with(home, body):
    index = NewsIndexPageFactory(parent=home, locale=home.locale)
    news = NewsPageFactory(parent=index, locale=home.locale, slug="zprava")
    news.body = body
    news.save_revision().publish()
    return news


def test_rich_text_links_become_page_addresses(client, home):
    target = ArticlePageFactory(parent=home, locale=home.locale, slug="o-nas", title="O nás")
    news = news_with(home, linking_paragraphs([target]))
    body = client.get(f"/api/v1/news/{news.pk}/").json()["body"]
    assert body[0]["value"] == '<p>Viz <a href="http://localhost/cs/o-nas/">O nás</a>.</p>'


def test_links_in_many_paragraphs_are_resolved_in_one_batch(client, home):
    targets = [ArticlePageFactory(parent=home, locale=home.locale, slug=f"clanek-{n}") for n in range(6)]
    one = news_with(home, linking_paragraphs(targets[:1]))
    many_index = NewsIndexPageFactory.build(title="Další", slug="dalsi")
    home.add_child(instance=many_index)
    many = NewsPageFactory(parent=many_index, locale=home.locale, slug="mnoho")
    many.body = linking_paragraphs(targets)
    many.save_revision().publish()

    def queries(page):
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/v1/news/{page.pk}/").status_code == 200
        return len(captured)

    assert queries(one) == queries(many)


def test_images_come_as_renditions_with_alt_text(client, home):
    image = wagtail_factories.ImageFactory(title="Děti u počítače")
    figure = {
        "image": {"image": image, "alt_text": "Děti píšou na počítači", "decorative": False},
        "caption": "Ve škole",
    }
    news = news_with(home, [("image", figure)])
    value = client.get(f"/api/v1/news/{news.pk}/").json()["body"][0]["value"]
    assert value["caption"] == "Ve škole"
    assert value["image"]["alt"] == "Děti píšou na počítači"
    formats = {(rendition["format"], rendition["width"] <= 1280) for rendition in value["image"]["renditions"]}
    assert formats == {("webp", True), ("jpeg", True)}
    assert len(value["image"]["renditions"]) == 6
    assert all(rendition["url"].startswith("http://localhost/") for rendition in value["image"]["renditions"])


def test_documents_come_as_download_links_with_size_and_type(client, home):
    from django.core.files.base import ContentFile

    document = Document.objects.create(title="Metodika", file=ContentFile(b"%PDF-1.4 test", name="metodika.pdf"))
    news = news_with(home, [("document", {"document": document, "label": ""})])
    value = client.get(f"/api/v1/news/{news.pk}/").json()["body"][0]["value"]
    assert value["label"] == "Metodika"
    assert value["document"]["type"] == "pdf" and value["document"]["size"] == 13
    assert "/documents/" in value["document"]["url"]


def test_videos_come_as_oembed_html(client, home):
    url = "https://www.youtube.com/watch?v=abc123"
    Embed.objects.create(
        hash=get_embed_hash(url), url=url, max_width=None, type="video", html='<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
        title="Video", thumbnail_url="", width=480, height=270,
    )  # fmt: skip
    news = news_with(home, [("video", {"video": url, "transcript": "Přepis"})])
    value = client.get(f"/api/v1/news/{news.pk}/").json()["body"][0]["value"]
    assert value["url"] == url
    assert "youtube.com/embed/abc123" in value["html"]
    assert value["transcript"] == "Přepis"


def test_help_call_to_action_links_to_the_page_in_its_language(client, home, en):
    target = ArticlePageFactory(parent=home, locale=home.locale, slug="pomoc", title="Pomoc")
    translate(target, title="Help", slug="help")
    block = {"service": "helpline", "heading": "Pomoc", "text": "", "link_page": target, "link_url": "",
             "link_text": "Zavolat"}  # fmt: skip
    news = news_with(home, [("help", block)])
    value = client.get(f"/api/v1/news/{news.pk}/").json()["body"][0]["value"]
    assert value["url"] == "http://localhost/cs/pomoc/"
