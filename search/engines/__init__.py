"""Search engines behind ``search.service``: each answers ranked page ids.

An engine has ``name``, ``search(text, language, models, limit)`` → list of page ids,
best first, and ``suggest(text, language, models, limit)`` → list of (page id, title).
"""
