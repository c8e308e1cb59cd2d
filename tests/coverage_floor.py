"""Hold the coverage the suite reached: fail when branches or lines fall below the floor.

Usage: python -m tests.coverage_floor coverage.json --branches 90 --lines 95
(``make coverage`` writes coverage.json; the floors live in the Makefile.)
"""

import argparse
import json
import sys


def totals(path):
    with open(path, encoding="utf-8") as report:
        summary = json.load(report)["totals"]
    branches = 100 * summary["covered_branches"] / summary["num_branches"] if summary["num_branches"] else 100.0
    lines = 100 * summary["covered_lines"] / summary["num_statements"] if summary["num_statements"] else 100.0
    return branches, lines, summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("--branches", type=float, required=True, help="lowest branch coverage, in per cent")
    parser.add_argument("--lines", type=float, required=True, help="lowest line coverage, in per cent")
    options = parser.parse_args(argv)
    branches, lines, summary = totals(options.report)
    print(
        f"Branch coverage {branches:.1f}% ({summary['covered_branches']}/{summary['num_branches']}, "
        f"floor {options.branches}%); line coverage {lines:.1f}% "
        f"({summary['covered_lines']}/{summary['num_statements']}, floor {options.lines}%)"
    )
    failed = [
        f"{name} coverage {value:.1f}% is below the floor of {floor}%"
        for name, value, floor in (("branch", branches, options.branches), ("line", lines, options.lines))
        if value < floor
    ]
    for failure in failed:
        print(failure, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
