# The tzdb cross-check's reference: Python's zoneinfo reading TZif files that zic compiled from the
# vendored source, an implementation that shares no code with ours. It answers, for each zone and
# instant, what the service must say: offset, DST amount (rearguard form), abbreviation, and the
# period's bounds; from 2037 to 2101, where its files leave the rest to their footer's rule, the
# offset and abbreviation only. stdin: {"zones": DIR, "saves": DIR, "queries": {name: [seconds]},
# "late": {name: [seconds]}}.
import json
import sys
from bisect import bisect_right
import zoneinfo
from datetime import datetime, timezone
from zoneinfo import _zoneinfo  # the pure-Python reader: its transition lists are what we compare

request = json.load(sys.stdin)
zoneinfo.reset_tzpath([request["zones"]])  # nothing from the machine's own tzdata
END = 2114380800  # 2037-01-01: the compiled files list every transition through 2037


def save_of(name):
    # The saves tree names each period by tzdb's DST amount in minutes: SV60, SVM60 (negative).
    negative = name.startswith("SVM")
    minutes = int(name[3:] if negative else name[2:])
    return -60 * minutes if negative else 60 * minutes


def stages(zone):
    # (start, offset, abbreviation, dst flag) from 1970 on; start None: in force since before 1970.
    before = (None, zone._tti_before)
    rows = [before] + list(zip(zone._trans_utc, zone._ttinfos))
    out = []
    for start, tti in rows:
        if start is not None and start <= 0:
            out = []
            start = None
        out.append((start, int(tti.utcoff.total_seconds()), tti.tzname, tti.dstoff.total_seconds() != 0))
    return out


def periods(name):
    zone = _zoneinfo.ZoneInfo(name)
    saves = _zoneinfo.ZoneInfo.from_file(open(f"{request['saves']}/{name}", "rb"), key=name)
    save_at = lambda t: save_of(at(t).astimezone(saves).tzname())
    rows = stages(zone)
    starts = sorted({s for s, *_ in rows if s is not None} | {s for s, *_ in stages(saves) if s is not None})
    merged = []
    for start in [None] + starts:
        t = 0 if start is None else start
        local = at(t).astimezone(zone)
        offset, abbreviation = int(local.utcoffset().total_seconds()), local.tzname()
        save = save_at(t)
        if (save != 0) != (local.dst().total_seconds() != 0):
            raise SystemExit(f"{name} at {t}: DST flag and save {save} disagree")
        merged.append([start, offset, abbreviation, save])
    # Rearguard: a negative save is standard time; standard time between two of them is DST.
    out = []
    for i, (start, offset, abbreviation, save) in enumerate(merged):
        before = merged[i - 1] if i > 0 else None
        after = merged[i + 1] if i + 1 < len(merged) else None
        dst = save
        if save < 0:
            dst = 0
        elif save == 0 and before and before[3] < 0 and after and after[1] == before[1]:
            dst = offset - before[1]
        row = [start, offset, dst, abbreviation]
        if out and out[-1][1:] == row[1:]:
            continue
        out.append(row)
    return out


def at(t):
    return datetime.fromtimestamp(t, timezone.utc)


answers = {}
for name, instants in request["queries"].items():
    rows = periods(name)
    starts = [r[0] for r in rows if r[0] is not None and r[0] < END]
    # Its own transitions too, a second before and at each, so a transition we lack shows.
    keys = [float("-inf") if r[0] is None else r[0] for r in rows]
    wanted = sorted(set(instants) | {s - 1 for s in starts} | set(starts))
    answer = []
    for t in wanted:
        if t < 0 or t >= END:
            continue
        i = bisect_right(keys, t) - 1
        start, offset, dst, abbreviation = rows[i]
        until = rows[i + 1][0] if i + 1 < len(rows) else None
        answer.append([t, offset, dst, abbreviation, start, until])
    answers[name] = answer
late = {}
for name, instants in request["late"].items():
    zone = zoneinfo.ZoneInfo(name)
    rows = []
    for t in instants:
        local = at(t).astimezone(zone)
        rows.append([t, int(local.utcoffset().total_seconds()), local.tzname()])
    late[name] = rows
json.dump({"answers": answers, "late": late}, sys.stdout)
