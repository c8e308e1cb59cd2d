"""The built-in site's search page."""


def test_the_search_page_finds_inflected_words_and_marks_them(client, demo):
    response = client.get("/cs/search/", {"q": "kyberšikaně"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kyberšikana: co to je a jak se jí bránit" in html
    assert "<mark>" in html and 'role="search"' in html
    assert '<html lang="cs" class="no-js">' in html


def test_the_english_search_page_is_in_english(client, demo):
    html = client.get("/en/search/", {"q": "passwords"}).content.decode()
    assert "The secret password" in html and "Kyberšikana" not in html
    assert "results for" in html


def test_an_empty_query_is_explained_not_an_error_page(client, demo):
    response = client.get("/cs/search/", {"q": "  "})
    assert response.status_code == 400
    assert "Zadejte, co hledáte." in response.content.decode()
    assert client.get("/cs/search/").status_code == 200  # the empty form


def test_every_page_has_the_search_field(client, demo):
    html = client.get("/cs/").content.decode()
    assert 'action="/cs/search/"' in html
