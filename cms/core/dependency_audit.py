"""``make audit``: known vulnerabilities in the installed dependencies, by pip-audit.

Fails on any finding that is not accepted below (each accepted one is explained in
docs/security.md). pip-audit asks a vulnerability database over the network (PyPI's JSON
API or OSV); where none can be reached it cannot audit anything, and this says so loudly
instead of reporting a clean result. ``AUDIT_REQUIRED=1`` makes that a failure too.
"""

import json
import os
import subprocess
import sys

ACCEPTED = {}  # vulnerability id → why it does not apply (docs/security.md, "Dependency audit")


def run_pip_audit():
    command = [sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        return json.loads(result.stdout)["dependencies"]
    except (ValueError, KeyError):
        print(result.stderr, file=sys.stderr)
        return None


def main():
    dependencies = run_pip_audit()
    audited = [item for item in dependencies or [] if "skip_reason" not in item]
    if not audited:
        print(
            f"AUDIT NOT DONE: no vulnerability database could be reached, so none of the "
            f"{len(dependencies or [])} installed packages was checked. Run `make audit` where one can be."
        )
        return 1 if os.environ.get("AUDIT_REQUIRED") == "1" else 0
    findings = [
        (item["name"], item["version"], vulnerability["id"])
        for item in audited
        for vulnerability in item.get("vulns", [])
        if vulnerability["id"] not in ACCEPTED and not set(vulnerability.get("aliases", [])) & set(ACCEPTED)
    ]
    for name, version, identifier in findings:
        print(f"{name} {version}: {identifier}")
    skipped = len(dependencies) - len(audited)
    print(f"Audited {len(audited)} packages ({skipped} not found in the database): {len(findings)} findings.")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
