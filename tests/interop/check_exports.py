"""Reads Planwright's exports back with other programs' readers.

For every plan in PLANS (written by `cargo run -p planwright-core --example
interop_plans -- PLANS`), this exports CSV, CSV for Excel, Microsoft Project
XML and iCalendar with the `planwright` binary, then reads them with
Python's `csv` module, MPXJ (the Java library behind most tools that read
Microsoft Project files) and the `icalendar` package, and checks what they
read against the plan file itself and the schedule `planwright order`
prints. The expectations are worked out here from the plan, independently
of the Rust code, so a mistake on either side shows.

Usage: check_exports.py --bin target/debug/planwright --plans DIR --out DIR

Exits 0 when every check passed; the last line is `N passed, M failed`.
"""

from __future__ import annotations

import argparse
import copy
import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import icalendar

EPOCH = 1_767_225_600  # 2026-01-01T00:00:00Z, given as SOURCE_DATE_EPOCH
PLAN_ID = "interop"

COLUMNS = [
    "Title", "Description", "Phase", "Assignee Email", "Start Date", "Due Date",
    "Blocked By", "Labels", "Estimate", "Status", "Assignee", "Type", "ID",
    "Parent ID", "Blocked By IDs",
]
TASK_STATUS = {"todo": "To do", "in_progress": "In progress", "blocked": "Blocked", "done": "Done"}
RRULES = {
    "daily": {"FREQ": ["DAILY"], "BYDAY": ["MO", "TU", "WE", "TH", "FR"]},
    "weekly": {"FREQ": ["WEEKLY"]},
    "monthly": {"FREQ": ["MONTHLY"]},
    "quarterly": {"FREQ": ["MONTHLY"], "INTERVAL": [3]},
}


class Checks:
    """Counts checks; a failed one is printed with what differed."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def eq(self, what: str, got, want) -> bool:
        if got == want:
            self.passed += 1
            return True
        self.failed += 1
        print(f"  FAIL {what}: got {got!r}, want {want!r}")
        return False

    def true(self, what: str, cond: bool, detail: str = "") -> bool:
        return self.eq(what + (f" ({detail})" if detail else ""), bool(cond), True)


# --- the plan, read as the exports should read it ---------------------------


def clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = "".join(
        c for c in text
        if c in "\n\t" or (unicodedata.category(c) != "Cc" and c not in "\ufffe\uffff")
    )
    return out.strip()


def clean_line(text: str) -> str:
    return " ".join(clean(text).split())


def guard(field: str) -> str:
    return "'" + field if field[:1] in ("=", "+", "-", "@", "\t", "\r", "\0") else field


def slug(text: str) -> str:
    out = ""
    for word in re.split(r"[^A-Za-z0-9]+", text):
        if not word:
            continue
        if out:
            out += "-"
        out += word.lower()
        if len(out) >= 40:
            out = out[:40]
            break
    return out.rstrip("-")


EMAIL = re.compile(r"^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")


def find_email(text: str):
    for word in re.split(r"[\s<>()\[\],;:\"']+", text):
        word = word.rstrip(".")
        if EMAIL.match(word):
            return word
    return None


def parse_date(text):
    return dt.date.fromisoformat(text) if text else None


def working_day(day):
    """The day itself on a weekday, else the Monday after."""
    if day is None:
        return None
    return day + dt.timedelta(days={5: 2, 6: 1}.get(day.weekday(), 0))


def last_working_day(day):
    return day - dt.timedelta(days={5: 1, 6: 2}.get(day.weekday(), 0))


class Plan:
    def __init__(self, data: dict, order: dict | None) -> None:
        self.data = data
        self.tasks = data.get("tasks", [])
        self.phases = data.get("phases", [])
        # `planwright order` lists timings in plan order; None when the
        # dependencies loop.
        self.timings = order["tasks"] if order else None
        self.people = {}
        for s in data.get("stakeholders", []):
            self.people.setdefault(s["id"], s)
        self.phase_pos = {}
        for i, p in enumerate(self.phases):
            self.phase_pos.setdefault(p["id"], i)
        self.task_pos = {}
        for i, t in enumerate(self.tasks):
            self.task_pos.setdefault(t["id"], i)
        self.windows = self._windows()

    def person(self, pid):
        if pid is None:
            return "", None
        s = self.people.get(pid)
        if s is None:
            return f"Unknown person (id '{clean_line(pid)}')", None
        name = clean_line(s.get("name", "")) or f"Unnamed person (id '{clean_line(pid)}')"
        email = next(
            (e for e in (find_email(s.get(k, "")) for k in ("name", "role", "notes")) if e), None
        )
        return name, email

    def phase_of(self, task):
        return self.phase_pos.get(task.get("phase")) if task.get("phase") is not None else None

    def phase_name(self, p):
        return clean_line(self.phases[p].get("name", "")) or f"Phase {p + 1}"

    def title(self, i):
        t = self.tasks[i]
        return clean_line(t.get("title", "")) or f"Untitled task (id '{clean_line(t['id'])}')"

    def deps(self, i):
        out = []
        for d in self.tasks[i].get("depends_on", []):
            j = self.task_pos.get(d)
            if j is not None and j != i and j not in out:
                out.append(j)
        return out

    def timing(self, i):
        return self.timings[i] if self.timings else None

    def _windows(self):
        start = parse_date(self.data.get("start_date"))
        at = start
        first_start = [None] * len(self.phases)
        last_finish = [None] * len(self.phases)
        for i, t in enumerate(self.tasks):
            p, timing = self.phase_of(t), self.timing(i)
            if p is None or timing is None:
                continue
            s, f = parse_date(timing.get("start")), parse_date(timing.get("finish"))
            if f and (last_finish[p] is None or f > last_finish[p]):
                last_finish[p] = f
            if s and (first_start[p] is None or s < first_start[p]):
                first_start[p] = s
        out = []
        for p, phase in enumerate(self.phases):
            begin = at
            weeks = phase.get("duration_weeks")
            at = at + dt.timedelta(days=7 * weeks) if at is not None and weeks is not None else None
            planned = None
            if begin is not None and weeks is not None:
                planned = working_day(begin) if weeks == 0 else last_working_day(
                    begin + dt.timedelta(days=7 * weeks - 1))
            out.append((begin or first_start[p], planned or last_finish[p]))
        return out


# --- running planwright ------------------------------------------------------


def planwright(binary: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH))
    return subprocess.run([binary, *args], capture_output=True, env=env, check=False)


def export(binary: str, plan: Path, fmt: str, out: Path) -> bytes:
    args = ["export", str(plan), "--format", fmt, "-o", str(out)]
    if fmt == "ics":
        args += ["--plan-id", PLAN_ID]
    r = planwright(binary, *args)
    if r.returncode != 0:
        raise RuntimeError(f"planwright {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
    return out.read_bytes()


# --- CSV ---------------------------------------------------------------------


def check_csv(c: Checks, plan: Plan, raw: bytes, excel: bool) -> None:
    name = "csv-excel" if excel else "csv"
    c.eq(f"{name}: starts with a byte order mark", raw.startswith(b"\xef\xbb\xbf"), excel)
    text = raw.decode("utf-8-sig")
    c.true(f"{name}: ends with CRLF", text.endswith("\r\n"))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    c.eq(f"{name}: header", rows[0], COLUMNS)
    body = [dict(zip(COLUMNS, r)) for r in rows[1:]]
    c.true(f"{name}: every record has every column", all(len(r) == len(COLUMNS) for r in rows))
    handoffs = plan.data.get("handoffs", [])
    c.eq(f"{name}: records", len(body), 2 * len(plan.phases) + len(plan.tasks) + len(handoffs))
    risky = [r for row in rows for r in row if r[:1] in ("=", "+", "-", "@", "\t", "\r")]
    c.eq(f"{name}: cells a spreadsheet would run as formulas", risky, [])

    def unguard(v: str) -> str:
        return v[1:] if v[:2] in ("'=", "'+", "'-", "'@") else v

    by_id = {}
    for r in body:
        by_id.setdefault((r["Type"], unguard(r["ID"])), r)

    # Phases and their gates come first, a phase before its gate.
    for p, phase in enumerate(plan.phases):
        c.eq(f"{name}: row {2 * p + 1} is phase {p + 1}", body[2 * p]["Type"], "Epic")
        c.eq(f"{name}: row {2 * p + 2} is its gate", body[2 * p + 1]["Type"], "Gate")
        epic, gate = body[2 * p], body[2 * p + 1]
        start, due = plan.windows[p]
        pname = plan.phase_name(p)
        c.eq(f"{name}: phase {phase['id']} title", unguard(epic["Title"]), pname)
        c.eq(f"{name}: phase {phase['id']} dates", (epic["Start Date"], epic["Due Date"]),
             (start.isoformat() if start else "", due.isoformat() if due else ""))
        weeks = phase.get("duration_weeks")
        c.eq(f"{name}: phase {phase['id']} estimate", epic["Estimate"],
             "" if weeks is None else str(weeks * 5))
        c.eq(f"{name}: gate {phase['id']} id and parent", (gate["ID"], gate["Parent ID"]),
             (guard(clean_line(phase["id"]) + ".gate"), guard(clean_line(phase["id"]))))
        c.eq(f"{name}: gate {phase['id']} due", gate["Due Date"], due.isoformat() if due else "")
        c.true(f"{name}: gate {phase['id']} labelled", "gate" in gate["Labels"].split(", "))

    # Every task, each after the tasks it waits for.
    seen = set()
    order_ok = True
    task_rows = body[2 * len(plan.phases): 2 * len(plan.phases) + len(plan.tasks)]
    for r in task_rows:
        i = plan.task_pos.get(unguard(r["ID"]))
        if plan.timings and i is not None and any(j not in seen for j in plan.deps(i)):
            order_ok = False
        seen.add(i)
    c.true(f"{name}: dependencies come first", order_ok)
    for i, t in enumerate(plan.tasks):
        kind = "Milestone" if t.get("duration_days") == 0 else "Task"
        r = by_id.get((kind, clean_line(t["id"])))
        if not c.true(f"{name}: task {t['id']} has a row of type {kind}", r is not None):
            continue
        timing = plan.timing(i)
        deps = plan.deps(i)
        p = plan.phase_of(t)
        owner, email = plan.person(t.get("owner"))
        labels = []
        if p is not None:
            labels.append("phase-" + slug(plan.phase_name(p)) if slug(plan.phase_name(p)) else "phase")
        if timing and timing["critical"]:
            labels.append("critical-path")
        if kind == "Milestone":
            labels.append("milestone")
        want = {
            "Title": guard(plan.title(i)),
            "Phase": guard(plan.phase_name(p)) if p is not None else "",
            "Assignee Email": email or "",
            "Start Date": (timing or {}).get("start") or "",
            "Due Date": (timing or {}).get("finish") or "",
            "Blocked By": guard(", ".join(plan.title(j) for j in deps)),
            "Labels": ", ".join(labels),
            "Estimate": "" if t.get("duration_days") is None else str(t["duration_days"]),
            "Status": TASK_STATUS[t.get("status", "todo")],
            "Assignee": guard(owner),
            "Type": kind,
            "ID": guard(clean_line(t["id"])),
            "Parent ID": guard(clean_line(plan.phases[p]["id"])) if p is not None else "",
            "Blocked By IDs": guard(", ".join(clean_line(plan.tasks[j]["id"]) for j in deps)),
        }
        got = {k: r[k] for k in want}
        c.eq(f"{name}: task {t['id']} columns", got, want)
        description = r["Description"]
        notes = clean(t.get("notes", ""))
        if notes:
            c.true(f"{name}: task {t['id']} description carries the notes",
                   f"Notes: {notes}" in description)
        if deps:
            c.true(f"{name}: task {t['id']} description names what it waits for",
                   "Waits for: " + "; ".join(plan.title(j) for j in deps) in description)
    for h in handoffs:
        kind = "Approval" if h.get("approver") else "Hand-off"
        r = by_id.get((kind, clean_line(h["id"])))
        if not c.true(f"{name}: hand-off {h['id']} has a row", r is not None):
            continue
        who, email = plan.person(h.get("approver") if h.get("approver") else h.get("to"))
        title = clean_line(h.get("name", "")) or f"Unnamed hand-off (id '{clean_line(h['id'])}')"
        turnaround = h.get("turnaround_days")
        c.eq(f"{name}: hand-off {h['id']} columns",
             (r["Title"], r["Assignee"], r["Assignee Email"], r["Estimate"]),
             (guard(title), guard(who), email or "", "" if turnaround is None else str(turnaround)))
        context = clean(h.get("context", ""))
        if context:
            c.true(f"{name}: hand-off {h['id']} carries its context",
                   f"What travels with it: {context}" in r["Description"])


# --- Microsoft Project XML, through MPXJ -------------------------------------


def check_mspdi(c: Checks, plan: Plan, path: Path) -> None:
    from java.time import DayOfWeek
    from org.mpxj.reader import UniversalProjectReader

    project = UniversalProjectReader().read(str(path))
    if not c.true("mspdi: MPXJ reads the file", project is not None):
        return
    tasks = list(project.getTasks())
    summaries = [t for t in tasks if t.getSummary()]
    work = [t for t in tasks if not t.getSummary()]
    # A phase with tasks is a summary task; one without is a task of its own.
    full = [p for p in range(len(plan.phases))
            if any(plan.phase_of(t) == p for t in plan.tasks)]
    c.eq("mspdi: summary tasks (phases with tasks)", len(summaries), len(full))
    c.eq("mspdi: other tasks", len(work), len(plan.tasks) + len(plan.phases) - len(full))
    c.eq("mspdi: phase names", [str(t.getName()) for t in summaries],
         [plan.phase_name(p) for p in full])
    c.eq("mspdi: phases at outline level 1",
         {int(t.getOutlineLevel()) for t in summaries} if summaries else {1}, {1})
    calendar = project.getDefaultCalendar()
    c.eq("mspdi: working weekdays",
         [bool(calendar.isWorkingDay(d)) for d in DayOfWeek.values()],
         [True, True, True, True, True, False, False])
    uid_to_id = {}
    by_id = {}
    for t in tasks:
        m = re.search(r"Planwright id: (.*?)\.(?:\n|$)", str(t.getNotes() or ""))
        if m:
            uid_to_id[int(t.getUniqueID())] = m.group(1)
            by_id.setdefault(m.group(1), t)
    loops = plan.timings is None
    links = 0
    for i, task in enumerate(plan.tasks):
        t = by_id.get(clean_line(task["id"]))
        if not c.true(f"mspdi: task {task['id']} is in the file", t is not None):
            continue
        c.eq(f"mspdi: task {task['id']} name", str(t.getName()), plan.title(i))
        c.eq(f"mspdi: task {task['id']} milestone", bool(t.getMilestone()), task.get("duration_days") == 0)
        p = plan.phase_of(task)
        c.eq(f"mspdi: task {task['id']} outline level", int(t.getOutlineLevel()), 2 if p is not None else 1)
        timing = plan.timing(i)
        if timing and timing.get("start"):
            got = (str(t.getStart().toLocalDate()), str(t.getFinish().toLocalDate()))
            c.eq(f"mspdi: task {task['id']} dates", got, (timing["start"], timing["finish"]))
        preds = sorted(
            uid_to_id.get(int(r.getPredecessorTask().getUniqueID()), "?") for r in t.getPredecessors()
        )
        kinds = {str(r.getType()) for r in t.getPredecessors()}
        want = sorted(clean_line(plan.tasks[j]["id"]) for j in plan.deps(i))
        if loops:
            # Links inside a loop are left out; the rest must be there.
            c.true(f"mspdi: task {task['id']} keeps only links outside loops", set(preds) <= set(want))
        else:
            c.eq(f"mspdi: task {task['id']} predecessors", preds, want)
        if preds:
            c.eq(f"mspdi: task {task['id']} links are finish-to-start", kinds, {"FS"})
        links += len(preds)
        owner, email = plan.person(task.get("owner"))
        assigned = [str(a.getResource().getName()) for a in t.getResourceAssignments() if a.getResource()]
        c.eq(f"mspdi: task {task['id']} resource", assigned, [owner] if task.get("owner") else [])
    if not loops:
        c.eq("mspdi: links", links, sum(len(plan.deps(i)) for i in range(len(plan.tasks))))


# --- iCalendar, through icalendar --------------------------------------------


def uid_part(text: str) -> str:
    out = "".join(
        chr(b) if chr(b).isascii() and (chr(b).isalnum() or chr(b) in "-_") else f"%{b:02X}"
        for b in text.encode()
    )
    return out or "%00"


def expected_events(plan: Plan) -> dict:
    out = {}

    def add(kind, item, day, summary, rrule=None):
        out[f"planwright.{PLAN_ID}.{kind}.{uid_part(item)}"] = (day, summary, rrule)

    for p, phase in enumerate(plan.phases):
        if plan.windows[p][1]:
            add("gate", phase["id"], plan.windows[p][1], f"Gate: {plan.phase_name(p)}")
    for i, t in enumerate(plan.tasks):
        timing = plan.timing(i)
        if t.get("duration_days") == 0 and timing and timing.get("start"):
            add("milestone", t["id"], parse_date(timing["start"]), f"Milestone: {plan.title(i)}")
    kinds = [p.get("kind") for p in plan.phases]
    foundation = kinds.index("foundation") if "foundation" in kinds else (0 if kinds else None)
    deadline = plan.windows[foundation][1] if foundation is not None else None
    if deadline:
        for d in plan.data.get("deliverables", []):
            name = clean_line(d.get("name", "")) or d.get("kind", "")
            verb = "Approved" if d.get("status") == "approved" else "Approval due"
            add("approval", d["id"], deadline, f"{verb}: {name}")
    for m in plan.data.get("change", {}).get("milestones", []):
        if m.get("due"):
            name = clean_line(m.get("name", "")) or "Unnamed adoption milestone"
            add("adoption", m["id"], parse_date(m["due"]), f"Adoption milestone: {name}")
    live = None
    if "deployment" in kinds:
        live = plan.windows[kinds.index("deployment")][0]
    live = working_day(live or parse_date(plan.data.get("start_date")))
    if live:
        for loop in plan.data.get("feedback", {}).get("loops", []):
            rule = RRULES.get(loop.get("cadence"))
            if rule:
                signal = clean_line(loop.get("signal", "")) or "unnamed signal"
                add("review", loop["id"], live, f"Review: {signal}", rule)
    return out


def read_events(c: Checks, raw: bytes, what: str) -> dict:
    physical = raw.split(b"\r\n")
    c.eq(f"{what}: ends with CRLF", physical[-1], b"")
    c.eq(f"{what}: lines over 75 octets", [l for l in physical if len(l) > 75], [])
    c.eq(f"{what}: bare line feeds", [l for l in physical if b"\n" in l], [])
    cal = icalendar.Calendar.from_ical(raw)
    events = {}
    for e in cal.walk("VEVENT"):
        rrule = e.get("RRULE")
        events[str(e["UID"])] = (
            e["DTSTART"].dt,
            str(e["SUMMARY"]),
            {k: list(v) for k, v in rrule.items()} if rrule else None,
            e["DTSTAMP"].dt,
            e["DTEND"].dt if "DTEND" in e else None,
        )
    return events


def check_ics(c: Checks, plan: Plan, raw: bytes, again: bytes) -> None:
    events = read_events(c, raw, "ics")
    want = expected_events(plan)
    c.eq("ics: events", len(events), len(want))
    c.eq("ics: UIDs", sorted(events), sorted(want))
    stamp = dt.datetime.fromtimestamp(EPOCH, tz=dt.timezone.utc)
    for uid, (day, summary, rrule) in want.items():
        got = events.get(uid)
        if not c.true(f"ics: {uid} is there", got is not None):
            continue
        c.eq(f"ics: {uid} date, summary and rule", got[:3], (day, summary, rrule))
        c.eq(f"ics: {uid} stamp", got[3], stamp)
        c.eq(f"ics: {uid} ends the next day", got[4], day + dt.timedelta(days=1))
    # A second export of a changed plan keeps every event's UID.
    later = read_events(c, again, "ics (changed plan)")
    c.eq("ics: UIDs kept after the change", sorted(set(events) - set(later)), [])
    added = sorted(set(later) - set(events))
    # The added milestone has a date only when the tasks can be scheduled.
    c.eq("ics: only the new milestone is new", added,
         [f"planwright.{PLAN_ID}.milestone.{uid_part('interop-added')}"] if plan.timings else [])
    moved = [u for u in events if u in later and later[u][0] != events[u][0]]
    c.true("ics: the change moved some events", len(moved) > 0 or not plan.phases)


def changed(data: dict) -> dict:
    """The plan a week later: longer tasks and first phase, a renamed task,
    one milestone added."""
    data = copy.deepcopy(data)
    for t in data.get("tasks", []):
        if t.get("duration_days"):
            t["duration_days"] += 1
    if data.get("tasks"):
        data["tasks"][0]["title"] = data["tasks"][0].get("title", "") + " (renamed)"
    if data.get("phases") and data["phases"][0].get("duration_weeks") is not None:
        data["phases"][0]["duration_weeks"] += 1
    data.setdefault("tasks", []).append({
        "id": "interop-added", "title": "Added later", "duration_days": 0,
        "depends_on": [], "status": "todo",
    })
    return data


# --- the run -----------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the planwright binary")
    parser.add_argument("--plans", required=True, type=Path, help="directory of plan files")
    parser.add_argument("--out", required=True, type=Path, help="directory for the exports")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import jpype
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

    jpype.startJVM()
    c = Checks()
    sizes = []
    plans = sorted(args.plans.glob("*.json"))
    if not plans:
        print(f"no plans in {args.plans}")
        return 1
    for path in plans:
        name = path.stem
        before = (c.passed, c.failed)
        data = json.loads(path.read_text(encoding="utf-8"))
        r = planwright(args.bin, "order", str(path))
        order = json.loads(r.stdout) if r.returncode == 0 else None
        c.eq(f"{name}: order exit status", r.returncode, 0 if order else 1)
        plan = Plan(data, order)
        files = {}
        for fmt, ext in (("csv", "csv"), ("csv-excel", "excel.csv"), ("mspdi", "xml"), ("ics", "ics")):
            files[fmt] = export(args.bin, path, fmt, args.out / f"{name}.{ext}")
        check_csv(c, plan, files["csv"], excel=False)
        check_csv(c, plan, files["csv-excel"], excel=True)
        check_mspdi(c, plan, args.out / f"{name}.xml")
        later = args.out / f"{name}.changed.json"
        later.write_text(json.dumps(changed(data)), encoding="utf-8")
        again = export(args.bin, later, "ics", args.out / f"{name}.changed.ics")
        check_ics(c, plan, files["ics"], again)
        sizes.append((name, len(plan.tasks), {k: len(v) for k, v in files.items()}))
        print(f"{name}: {c.passed - before[0]} checks passed, {c.failed - before[1]} failed")
    print("\nexport sizes in bytes")
    print(f"{'plan':<18} {'tasks':>6} {'csv':>9} {'csv-excel':>10} {'mspdi':>9} {'ics':>8}")
    for name, n, s in sizes:
        print(f"{name:<18} {n:>6} {s['csv']:>9} {s['csv-excel']:>10} {s['mspdi']:>9} {s['ics']:>8}")
    print(f"\n{c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
