# The conversion table's reference: Python's zoneinfo (PEP 495's fold) reading TZif files that zic
# compiled from the vendored source, an implementation that shares no code with ours. For each
# case it answers what timeapi.io's ConvertTimeZone must: the wall-clock time in the target zone
# and whether DST is in force there, by the service's documented rules (docs/compat.md):
#   - twice-occurring (fold=0 and fold=1 differ, the first earlier): "" and "earlier" take fold=0,
#     "later" fold=1;
#   - skipped (fold=0 later than fold=1): fold=0 whatever dstAmbiguity says, i.e. read with the
#     offset before the gap, shifted forward by its length.
# stdin: {"zones": DIR, "cases": [[from, "YYYY-MM-DDTHH:MM:SS[.ffffff]", dstAmbiguity, to], ...]}.
# stdout: [[wall time in `to`, dst in force (bool), "gap" | "fold" | "plain"], ...].
import json
import sys
import zoneinfo
from datetime import datetime, timezone

request = json.load(sys.stdin)
zoneinfo.reset_tzpath([request["zones"]])  # nothing from the machine's own tzdata

zones = {}


def zone(name):
    if name not in zones:
        zones[name] = zoneinfo.ZoneInfo(name)
    return zones[name]


answers = []
for source, wall, ambiguity, target in request["cases"]:
    naive = datetime.fromisoformat(wall)
    first = naive.replace(tzinfo=zone(source), fold=0).astimezone(timezone.utc)
    second = naive.replace(tzinfo=zone(source), fold=1).astimezone(timezone.utc)
    kind = "gap" if first > second else "fold" if first < second else "plain"
    instant = second if kind == "fold" and ambiguity.lower() == "later" else first
    there = instant.astimezone(zone(target))
    answers.append([there.replace(tzinfo=None).isoformat(), there.dst().total_seconds() != 0, kind])
json.dump(answers, sys.stdout)
