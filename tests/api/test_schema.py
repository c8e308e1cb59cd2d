"""The OpenAPI schema describes /api/v1/ and validates; its viewers need no CDN."""

from openapi_spec_validator import validate


def test_schema_is_valid_openapi_and_covers_the_endpoints(client, db):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert set(schema["paths"]) >= {
        "/api/v1/resources/", "/api/v1/resources/{id}/", "/api/v1/toolkits/", "/api/v1/toolkits/{id}/",
        "/api/v1/sections/", "/api/v1/news/", "/api/v1/events/", "/api/v1/taxonomy/audiences/",
        "/api/v1/taxonomy/topics/", "/api/v1/taxonomy/resource-types/", "/api/v1/navigation/",
        "/api/v1/pages/by-path/", "/api/v1/preview/", "/api/v1/search/", "/api/v1/search/suggest/",
    }  # fmt: skip
    resource_list = schema["paths"]["/api/v1/resources/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert resource_list["schema"]["$ref"].endswith("/ResourceList")
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    parameters = {parameter["name"] for parameter in schema["paths"]["/api/v1/resources/"]["get"]["parameters"]}
    assert {
        "locale",
        "q",
        "audience",
        "topic",
        "type",
        "age",
        "page",
        "page_size",
        "ordering",
        "fallback",
    } <= parameters


def test_swagger_ui_and_redoc_are_served_from_our_own_static_files(client, db):
    for url in ("/api/v1/docs/", "/api/v1/redoc/"):
        html = client.get(url).content.decode()
        assert "/static/drf_spectacular_sidecar/" in html
        assert "cdn." not in html and "unpkg" not in html


def test_wagtail_api_v2_is_mounted(client, demo):
    response = client.get("/api/v2/pages/", {"type": "resources.ResourcePage", "limit": 5})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] > 0
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_schema_generation_has_no_warnings(capsys):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
