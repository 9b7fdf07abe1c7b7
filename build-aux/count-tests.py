#!/usr/bin/env python3
# Counts the individual test cases of a `meson test` run from its
# testlog.json: every TAP line of a GLib test program counts, and a test
# without TAP output counts once by its result.  Prints the CI's closing
# line, "N passed, N failed[, N skipped]", and exits 1 if any failed.
import json
import re
import sys

passed = failed = skipped = 0

with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        tap = [l for l in (entry.get("stdout") or "").splitlines()
               if re.match(r"(not )?ok\b", l)]
        if tap:
            for l in tap:
                if re.search(r"#\s*SKIP", l, re.IGNORECASE):
                    skipped += 1
                elif l.startswith("ok"):
                    passed += 1
                else:
                    failed += 1
            if entry["result"] not in ("OK", "SKIP", "EXPECTEDFAIL") and \
               not any(l.startswith("not ok") for l in tap):
                failed += 1   # crashed or timed out after its last TAP line
        elif entry["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif entry["result"] == "SKIP":
            skipped += 1
        else:
            failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed else 0)
