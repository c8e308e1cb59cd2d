"""Calendar quarters, as the centre reports them: ``2027-Q1`` is January to March 2027."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text):
        """The quarter ``YYYY-Qn``; ValueError for anything else."""
        match = PATTERN.match(text or "")
        if match is None or not 2000 <= int(match[1]) <= 2100:
            raise ValueError(text)
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def of(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls):
        return cls.of(timezone.localdate())

    @property
    def first_day(self):
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self):
        return self.next().first_day - datetime.timedelta(days=1)

    def next(self):
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self):
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def recent(self, count):
        """This quarter and the ``count - 1`` before it, newest first."""
        quarters, quarter = [], self
        for _ in range(count):
            quarters.append(quarter)
            quarter = quarter.previous()
        return quarters

    def datetimes(self):
        """Its first and the next quarter's first moment, in the site's time zone."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.first_day, datetime.time.min, tzinfo=zone)
        return start, datetime.datetime.combine(self.next().first_day, datetime.time.min, tzinfo=zone)

    def __str__(self):
        return f"{self.year}-Q{self.number}"
