"""JSON bodies, with their nesting depth checked before Python's parser sees them.

``json.loads`` recurses once per level: a body nested a thousand deep raised RecursionError
(a 500). No request body of this API nests deeper than a few levels.
"""

import codecs
import json
import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32
STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


def json_depth(text):
    """The deepest nesting of arrays and objects in ``text`` (strings skipped)."""
    depth = deepest = 0
    for char in NOT_BRACKETS.sub("", STRINGS.sub("", text)):
        depth += 1 if char in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


class DepthLimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.getreader(encoding)(stream).read()
        except UnicodeDecodeError as error:
            raise ParseError(_("The body is not valid text in %(encoding)s.") % {"encoding": encoding}) from error
        if json_depth(text) > MAX_JSON_DEPTH:
            raise ParseError(_("The JSON body nests deeper than %(max)s levels.") % {"max": MAX_JSON_DEPTH})
        try:
            return json.loads(text, parse_constant=self._refuse_constant)
        except ValueError as error:
            raise ParseError(_("The body is not valid JSON: %(error)s") % {"error": error}) from error

    @staticmethod
    def _refuse_constant(name):
        raise ValueError(f"{name} is not valid JSON")
