"""The mutation score of ``make mutation``, per module, from mutmut's results in ``mutants/``.

A mutant counts as killed when a test failed (or timed out) with it in place. A mutant no
test reaches counts against the score like a survivor: both are rules nothing pins.

Usage: python -m tests.mutation_report [--minimum 90] [--markdown | --survivors]
Exits 1 when the score is below the minimum.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

KILLED = {"killed", "timeout", "caught by type check"}


def results(directory):
    """``{module path: {mutant name: status}}`` for every file mutmut mutated."""
    found = {}
    for meta in sorted(Path(directory).rglob("*.py.meta")):
        exit_codes = json.loads(meta.read_text()).get("exit_code_by_key", {})
        if exit_codes:
            module = str(meta.relative_to(directory))[: -len(".meta")]
            found[module] = {name: status_by_exit_code[code] for name, code in exit_codes.items()}
    return found


def score(statuses):
    counts = Counter(statuses.values())
    killed = sum(counts[status] for status in KILLED)
    return killed, len(statuses), counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--directory", default="mutants")
    parser.add_argument("--minimum", type=float, default=90.0, help="the lowest acceptable score, in per cent")
    parser.add_argument("--markdown", action="store_true", help="a table for docs/testing.md")
    parser.add_argument("--survivors", action="store_true", help="only the names of the mutants not killed")
    options = parser.parse_args(argv)
    found = results(options.directory)
    if options.survivors:
        names = [name for mutants in found.values() for name, status in mutants.items() if status not in KILLED]
        print("\n".join(names))
        return 0
    if not found:
        print(f"No mutmut results in {options.directory}/: run `make mutation` first.")
        return 1
    all_statuses = {f"{module}:{name}": status for module, mutants in found.items() for name, status in mutants.items()}
    rows = [(module, *score(mutants)) for module, mutants in found.items()]
    killed, total, counts = score(all_statuses)
    if options.markdown:
        print("| Module | Mutants | Killed | Survived | Not reached | Score |\n|---|---:|---:|---:|---:|---:|")
        for module, module_killed, module_total, module_counts in rows:
            print(
                f"| `{module}` | {module_total} | {module_killed} | {module_counts['survived']} "
                f"| {module_counts['no tests']} | {100 * module_killed / module_total:.1f}% |"
            )
        print(
            f"| **All** | {total} | {killed} | {counts['survived']} | {counts['no tests']} "
            f"| **{100 * killed / total:.1f}%** |"
        )
    else:
        for module, module_killed, module_total, _counts in rows:
            print(f"{module:40} {module_killed:5}/{module_total:<5} {100 * module_killed / module_total:5.1f}%")
        survivors = sorted(name for name, status in all_statuses.items() if status not in KILLED)
        print(f"\nNot killed ({len(survivors)}): `mutmut show NAME` shows one")
        for name in survivors:
            print(f"  {name.split(':', 1)[1]}  [{all_statuses[name]}]")
    percent = 100 * killed / total
    print(f"\nMutation score: {killed}/{total} = {percent:.1f}% (minimum {options.minimum:.0f}%)")
    return 0 if percent >= options.minimum else 1


if __name__ == "__main__":
    sys.exit(main())
