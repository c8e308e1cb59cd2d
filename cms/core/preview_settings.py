"""Parse ``HEADLESS_PREVIEW_URLS`` (read by the settings, so it imports nothing of Django's)."""


def client_urls_from_environment(value):
    """``default=https://a/,www.example.cz=https://b/`` → ``{"default": …, "www.example.cz": …}``."""
    urls = {}
    for item in value.split(","):
        if "=" in item:
            host, url = item.split("=", 1)
            urls[host.strip()] = url.strip()
    return urls
