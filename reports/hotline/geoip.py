"""IP address → country and network, from MaxMind-format databases (GeoLite2 or compatible).

The files are read when present; an address they do not know, or a file not installed,
gives blanks, which the admin shows as "unknown" together with the file to install.
"""

import ipaddress
import os
from dataclasses import dataclass
from functools import lru_cache

import maxminddb
from django.conf import settings


@dataclass(frozen=True)
class Location:
    country: str = ""
    asn: int | None = None
    organisation: str = ""
    network: str = ""


@lru_cache(maxsize=8)
def _reader(path, modified):
    # Keyed by the file's modification time: a replaced database is opened afresh.
    return maxminddb.open_database(path)


def _lookup(path, ip):
    try:
        reader = _reader(path, os.path.getmtime(path))
    except (OSError, maxminddb.InvalidDatabaseError):
        return None, None
    record, prefix = reader.get_with_prefix_len(ip)
    return record, prefix


def missing_databases():
    """The settings naming a location database whose file is not there."""
    names = ("HOTLINE_GEOIP_COUNTRY_DB", "HOTLINE_GEOIP_ASN_DB")
    return [(name, getattr(settings, name)) for name in names if not os.path.isfile(getattr(settings, name))]


def database_names():
    return [os.path.basename(path) for path in (settings.HOTLINE_GEOIP_COUNTRY_DB, settings.HOTLINE_GEOIP_ASN_DB)]


def locate(ip):
    country_record, _ = _lookup(settings.HOTLINE_GEOIP_COUNTRY_DB, ip)
    asn_record, prefix = _lookup(settings.HOTLINE_GEOIP_ASN_DB, ip)
    country = ((country_record or {}).get("country") or (country_record or {}).get("registered_country") or {}).get(
        "iso_code", ""
    )
    asn_record = asn_record or {}
    network = ""
    if asn_record and prefix is not None:
        network = str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
    return Location(
        country=country or "",
        asn=asn_record.get("autonomous_system_number"),
        organisation=asn_record.get("autonomous_system_organization", "")[:200],
        network=network,
    )
