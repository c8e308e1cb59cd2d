"""What a person typed, with every address in it defanged (``hxxps://example[.]com``):
counsellors see it as plain text, never as a link, in the contact pages and the chat."""

import re

from ..hotline.reported_urls import defang

# Anything a person typed that a browser or a mail client could turn into a link.
ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+|\b[\w.-]+\.(?:[a-z]{2,24})(?:/[^\s<>\"']*)?", re.IGNORECASE)


def defanged_text(text):
    return ADDRESS.sub(lambda match: _defang(match.group(0)), text or "")


def _defang(address):
    if "://" in address:
        return defang(address)
    host, slash, path = address.partition("/")
    return f"{host.replace('.', '[.]')}{slash}{path}"
