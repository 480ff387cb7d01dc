#!/usr/bin/env python3
"""The failed tests of one or more TRX files, each with the first lines of its message, so the end of a test run
names what failed (a CI log is often read from its tail only).

    scripts/trx-failures.py RESULTS.trx [MORE.trx ...]
"""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MESSAGE_LINES = 6
MOST_TESTS = 25


def main():
    shown = left = 0
    for path in sys.argv[1:]:
        try:
            root = ET.parse(path).getroot()
        except (ET.ParseError, OSError) as error:
            print(f"  {path}: unreadable ({error})")
            continue
        project = path.rsplit("/", 1)[-1].removesuffix(".trx")
        for result in root.iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
                continue
            if shown == MOST_TESTS:
                left += 1
                continue
            shown += 1
            print(f"  {project}: {result.get('testName')} ({result.get('outcome')}, {result.get('duration')})")
            message = result.find("t:Output/t:ErrorInfo/t:Message", NS)
            for line in (message.text or "").strip().splitlines()[:MESSAGE_LINES] if message is not None else []:
                print(f"      {line}")
    if left:
        print(f"  ... and {left} more failed tests (the TRX files have them all)")


if __name__ == "__main__":
    main()
