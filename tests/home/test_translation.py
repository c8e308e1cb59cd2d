"""Pages are translated cs → en with wagtail-localize, and both languages are routable."""

import re

import polib
import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import ArticlePage

from ..conftest import translate
from ..factories import ArticlePageFactory, UserFactory

ENGLISH = {
    "Jak mluvit s dětmi o internetu": "How to talk with children about the internet",
    "Krátce a srozumitelně.": "Short and clear.",
}


@pytest.fixture
def editor(db):
    return UserFactory(groups=["Editors"])


@pytest.fixture
def article(home):
    return ArticlePageFactory(
        parent=home,
        locale=home.locale,
        title="Jak mluvit s dětmi o internetu",
        slug="jak-mluvit",
        lead="Krátce a srozumitelně.",
    )


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_czech_and_english_home_pages_are_served_under_their_prefixes(client, home):
    czech, english = client.get("/cs/"), client.get("/en/")
    assert czech.status_code == english.status_code == 200
    assert html_lang(czech) == "cs" and html_lang(english) == "en"
    assert "Bezpečnější internet" in czech.content.decode()
    assert "Safer Internet" in english.content.decode()


def test_root_redirects_to_the_default_language(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/cs/"


def test_root_redirects_an_english_browser_to_english(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_editor_translates_a_page_in_the_admin_and_both_are_routable(
    client, editor, article, en, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[article.pk]), {"locales": [en.pk]})
    assert response.status_code == 302

    english = article.get_translation(en).specific
    assert english.translation_key == article.translation_key
    translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=en)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=en,
            context=segment.context,
            data=ENGLISH.get(segment.string.data, segment.string.data),
        )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(user=editor, publish=True)

    czech_page = client.get("/cs/jak-mluvit/")
    english_page = client.get("/en/jak-mluvit/")
    assert czech_page.status_code == english_page.status_code == 200
    assert html_lang(czech_page) == "cs" and html_lang(english_page) == "en"
    assert "How to talk with children about the internet" in english_page.content.decode()
    # The language switcher links each page to its translation.
    assert 'href="/en/jak-mluvit/" hreflang="en"' in czech_page.content.decode()
    assert 'href="/cs/jak-mluvit/" hreflang="cs"' in english_page.content.decode()


def test_translators_can_work_on_an_exported_po_file(article, en, django_capture_on_commit_callbacks):
    source, _created = TranslationSource.get_or_create_from_instance(article)
    translation = Translation.objects.create(source=source, target_locale=en)

    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        entry.msgstr = ENGLISH.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    english = article.get_translation(en).specific
    assert english.live
    assert english.title == "How to talk with children about the internet"
    assert english.lead == "Short and clear."


def test_a_page_created_in_czech_appears_in_the_english_tree_until_translated(client, editor, home, home_en, en):
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Nová stránka",
            "slug": "nova-stranka",
            "lead": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:add", args=["home", "articlepage", home.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    czech = ArticlePage.objects.get(slug="nova-stranka", locale=home.locale)
    placeholder = Page.objects.get(translation_key=czech.translation_key, locale=en)
    assert placeholder.alias_of_id == czech.pk
    assert placeholder.get_parent().pk == home_en.pk


def test_language_switcher_falls_back_to_the_other_home_page(client, home, home_en):
    article = ArticlePageFactory(parent=home, locale=home.locale, slug="jen-cesky")
    response = client.get(article.url)
    assert 'href="/en/" hreflang="en"' in response.content.decode()


def test_each_locale_keeps_its_own_slugs(client, home):
    article = ArticlePageFactory(parent=home, locale=home.locale, slug="o-nas", title="O nás")
    translate(article, title="About us", slug="about-us")
    assert client.get("/en/about-us/").status_code == 200
    assert client.get("/cs/o-nas/").status_code == 200
    assert client.get("/en/o-nas/").status_code == 404


def test_an_untranslated_placeholder_declares_the_language_of_its_text(client, home, home_en, en):
    czech = ArticlePageFactory(parent=home, locale=home.locale, slug="jen-cesky", title="Jen česky")
    placeholder = czech.copy_for_translation(en, alias=True)
    response = client.get(placeholder.get_url())
    assert response.status_code == 200
    assert html_lang(response) == "cs"
