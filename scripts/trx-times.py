#!/usr/bin/env python3
"""Where a test project's time goes, from its TRX file (scripts/test.sh keeps one per project; or run a test
executable with -trx FILE): per class its tests, the summed test time, when its first test started after the run began
(for a class with a fixture of its own: about its fixture's start) and when its last test ended; then the slowest tests.

    scripts/trx-times.py RESULTS.trx [how many slowest tests, default 15]
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import datetime

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def moment(text):
    # 2026-12-05T19:50:48.1234567+00:00: Python reads at most six fractional digits.
    head, _, rest = text.partition(".")
    digits = "".join(c for c in rest if c.isdigit())[:6]
    zone = rest[len("".join(c for c in rest if c.isdigit())):] if rest else ""
    return datetime.fromisoformat(f"{head}.{digits or '0'}{zone}")


def seconds(duration):
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    root = ET.parse(sys.argv[1]).getroot()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    classes = {d.get("id"): d.find("t:TestMethod", NS).get("className") for d in root.iterfind(".//t:UnitTest", NS)}
    results = []
    for r in root.iterfind(".//t:UnitTestResult", NS):
        results.append((classes.get(r.get("testId"), "?"), r.get("testName"), r.get("outcome"),
                        seconds(r.get("duration", "0:0:0")), moment(r.get("startTime")), moment(r.get("endTime"))))
    times = root.find("t:Times", NS)
    begun = moment(times.get("start")) if times is not None and times.get("start") else min(r[4] for r in results)
    ended = max(r[5] for r in results)
    print(f"{len(results)} tests, run {(ended - begun).total_seconds():.0f} s\n")

    by_class = defaultdict(list)
    for r in results:
        by_class[r[0]].append(r)
    print(f"{'class':58} {'tests':>5} {'sum s':>7} {'first s':>8} {'last s':>7}")
    for name, rs in sorted(by_class.items(), key=lambda kv: min(r[4] for r in kv[1])):
        first = (min(r[4] for r in rs) - begun).total_seconds()
        last = (max(r[5] for r in rs) - begun).total_seconds()
        failed = sum(1 for r in rs if r[2] != "Passed")
        print(f"{name.split('.')[-1][:58]:58} {len(rs):5} {sum(r[3] for r in rs):7.1f} {first:8.1f} {last:7.1f}"
              + (f"  {failed} not passed" if failed else ""))

    print(f"\nslowest {top} tests (s)")
    for r in sorted(results, key=lambda r: -r[3])[:top]:
        print(f"{r[3]:7.1f}  {r[0].split('.')[-1]}.{r[1].split('.')[-1][:110]}")


if __name__ == "__main__":
    main()
