"""Every answered search is counted in the insights, answers from the cache too."""

import json

from cms.core.api.errors import InvalidParameter
from cms.core.api.locale import requested_language

from .. import insights


def _result_count(response):
    data = getattr(response, "data", None)
    if isinstance(data, dict) and "count" in data:
        return data["count"]
    try:
        return json.loads(response.content)["count"]
    except (ValueError, KeyError, TypeError):
        return None


class CountsSearches:
    """Counts a GET with ``q`` that answered 200 (304s are repeats of a counted answer)."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200 and request.GET.get("q", "").strip():
            count = _result_count(response)
            try:
                language = requested_language(request)
            except InvalidParameter:
                return response
            if count is not None:
                insights.record(language, request.GET["q"], request.GET, count > 0)
        return response
