"""The retention jobs of every domain, run by ``manage.py apply_retention``: each app
registers its own in ``AppConfig.ready()``, so the daily job covers everything that keeps
personal data without the command knowing the domains."""

from dataclasses import dataclass
from typing import Any

_JOBS = {}


@dataclass(frozen=True)
class RetentionJob:
    name: str
    due: Any  # callable() -> a sentence saying how much would be anonymised (dry run)
    apply: Any  # callable() -> a sentence saying what was anonymised


def register(job):
    _JOBS[job.name] = job
    return job


def registered():
    return list(_JOBS.values())
