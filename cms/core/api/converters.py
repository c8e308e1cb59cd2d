"""Path converters for the API: an id is at most 18 digits, so it always fits a 64-bit
column (a longer one raised OverflowError in the database driver: a 500); anything else is
simply not found."""


class PageIdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
