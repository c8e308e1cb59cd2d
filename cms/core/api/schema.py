"""OpenAPI schema helpers (drf-spectacular)."""

from django.apps import apps
from django.db import DatabaseError
from drf_spectacular.openapi import AutoSchema

from .. import page_kinds


def only_api_v1(endpoints, **kwargs):
    """Keep the schema to our own API: Wagtail's v2 views do not describe themselves."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ListSchema(AutoSchema):
    """Describes a page list as a list: paginated results and a ``…_list`` operation id."""

    def _is_list_view(self, serializer=None):
        return True


ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error of the API has this shape.",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string", "description": "Stable, for programs: e.g. invalid_parameter, throttled."},
                "message": {"type": "string", "description": "For people, in the language asked for."},
                "fields": {
                    "type": "object",
                    "description": "Each parameter or field that was not valid, with the reasons.",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
            "required": ["code", "message", "fields"],
        }
    },
    "required": ["error"],
}
ERROR_DESCRIPTIONS = {
    "400": "A parameter or field is not valid; `error.fields` names it and says why.",
    "401": "The API key sent is unknown, revoked or expired.",
    "404": "Nothing matches (an unknown id or path, a page past the end).",
    "411": "A body sent without Content-Length.",
    "429": "Too many requests from this client; `Retry-After` says when to try again.",
    "500": "An error on the server's side.",
    "503": "Briefly unavailable (e.g. the database restarts); `Retry-After` says when to try again.",
}
RETRY_AFTER = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}}
API_KEY_SCHEME = {
    "type": "apiKey",
    "in": "header",
    "name": "Authorization",
    "description": "Partners: `Authorization: Api-Key <key>` (`Bearer <key>` is accepted too). Without a key, "
    "requests are anonymous with a lower rate limit.",
}


FORBIDDEN = {"/api/v1/preview/", "/api/v1/reports/hotline/stats/", "/api/v1/reports/hotline/"}
TAXONOMY_PARAMETERS = {
    "audience": "resources.Audience",
    "topic": "resources.Topic",
    "resource_type": "resources.ResourceType",
}
BOUNDS = {
    "page": {"minimum": 1},
    "page_size": {"minimum": 1, "maximum": 100},
    "age": {"minimum": 0, "maximum": 99},
    "q": {"minLength": 1, "maxLength": 200, "pattern": "^[^\\x00]*\\S[^\\x00]*$"},
    "path": {"pattern": "^/(cs|en)/[^\\x00]*$"},
    "quarter": {"pattern": "^[0-9]{4}-Q[1-4]$"},
    "reference": {"minLength": 1},
    "token": {"minLength": 1},
    "Status-Token": {"minLength": 1},
    "Idempotency-Key": {"maxLength": 255},
}


def _taxonomy_slugs(model_label):
    """The vocabulary's slugs, or None where there is no database yet (``check --deploy``
    builds the schema before ``migrate`` may have run)."""
    try:
        return list(apps.get_model(model_label).objects.order_by("slug").values_list("slug", flat=True))
    except DatabaseError:
        return None


def _constrain(path, parameter):
    """Tighten a query parameter's schema to what the view accepts, so a client (or a
    fuzzer) that follows the schema is never refused."""
    name, schema = parameter["name"], parameter.get("schema", {})
    target = schema.get("items", schema) if schema.get("type") == "array" else schema
    model = TAXONOMY_PARAMETERS.get(name)
    if name == "type" and path.startswith("/api/v1/resources/"):
        model = "resources.ResourceType"
    if model and "enum" not in target and (slugs := _taxonomy_slugs(model)) is not None:
        target["enum"] = slugs
    target.update(BOUNDS.get(name, {}))
    if target.get("type") == "string" and "enum" not in target and "format" not in target:
        target.setdefault("pattern", "^[^\\x00]*$")  # refused before any view (cms/core/request_guard.py)
    if name == "fallback":
        parameter["schema"] = {"type": "boolean"}
    if name == "content_type" and path == "/api/v1/preview/":
        target["enum"] = list(page_kinds.previewable())


# A host as browsers and DNS accept it, then a path of plain characters: what a client that
# follows the schema sends is always stored (docs/security.md, "Hostile input").
REPORTED_URL = {
    "type": "string",
    "format": "uri",
    "maxLength": 2048,
    "pattern": "^https?://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(/[A-Za-z0-9._~/-]*)?$",
}


def _constrain_intake(components):
    request = components.get("schemas", {}).get("HotlineReportRequest")
    if request:
        request["properties"]["urls"]["items"] = REPORTED_URL
    contribution = components.get("schemas", {}).get("YouthContributionRequest")
    if contribution and (slugs := _taxonomy_slugs("resources.Topic")) is not None:
        contribution["properties"]["topic"]["enum"] = [*slugs, None]  # a topic slug, or none
    inquiry = components.get("schemas", {}).get("InquiryRequest")
    if inquiry:
        _enumerate(inquiry["properties"]["audiences"]["items"], _taxonomy_slugs("resources.Audience"))
        _enumerate(inquiry["properties"]["topics"]["items"], _taxonomy_slugs("resources.Topic"))
        for name, model in (("workshop", "home.WorkshopPage"), ("programme", "home.ProgrammePage")):
            if (ids := _live_page_ids(model)) is not None:
                inquiry["properties"][name]["enum"] = [*ids, None]  # a published page's id, or none
    activity = components.get("schemas", {}).get("ActivityRequest")
    if activity:
        _enumerate(activity["properties"]["audience"], _taxonomy_slugs("resources.Audience"))


def _enumerate(schema, values):
    if values is not None:
        schema["enum"] = values


def _live_page_ids(model_label):
    """The ids of a page type's published pages (None without a database, as above)."""
    try:
        return list(apps.get_model(model_label).objects.live().order_by("pk").values_list("pk", flat=True))
    except DatabaseError:
        return None


def _error_statuses(path, method, operation):
    statuses = {"401", "429", "500", "503"}
    if path in FORBIDDEN:
        statuses.add("403")
    if operation.get("parameters") or operation.get("requestBody"):
        statuses.add("400")
    if method == "get":
        statuses.add("404")
    if method == "post":
        statuses.add("411")
    return statuses


def document_errors(result, generator, request, public):
    """Every operation documents the errors it can answer, each with the error envelope, and
    the optional ``Api-Key`` scheme; a generated client then parses a 400 as an error, not
    as nothing (drf-spectacular postprocessing hook)."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    components.setdefault("securitySchemes", {})["ApiKey"] = API_KEY_SCHEME
    _constrain_intake(components)
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, path_item in result.get("paths", {}).items():
        for method, operation in path_item.items():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") in {"query", "header"}:
                    _constrain(path, parameter)
            responses = operation.setdefault("responses", {})
            for status in _error_statuses(path, method, operation) | {code for code in responses if code >= "400"}:
                response = responses.setdefault(status, {"description": ERROR_DESCRIPTIONS.get(status, "Error.")})
                response["content"] = reference
                if status in {"429", "503"}:
                    response["headers"] = RETRY_AFTER
            operation["security"] = [{}, {"ApiKey": []}]
    return result
