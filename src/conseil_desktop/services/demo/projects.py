"""The demo's projects: status history, fundings, members and links to meetings."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from conseil_desktop.db.migrations.defaults_0001 import THEMES
from conseil_desktop.services.demo import data
from conseil_desktop.services.demo.common import _iso, _State

PROJECT_PATH = ("idee", "depose", "en_instruction", "accorde", "en_cours", "realise", "bilan_rendu")
PROJECT_FINAL = (
    ("idee", 8), ("depose", 8), ("en_instruction", 8), ("accorde", 10), ("refuse", 10),
    ("en_cours", 15), ("realise", 15), ("bilan_rendu", 18), ("abandonne", 8),
)
FUNDING_LINES = {  # code: (weight, min euros, max euros, max funders)
    "appel_projets": (40, 2000, 25000, 3), "fph": (35, 150, 1500, 1),
    "budget_conseil": (15, 50, 600, 1), "autre": (10, 500, 5000, 2),
}
CROSS_THEMES = [code for code, _ in THEMES[3:]]


class _Projects(_State):
    """Projects (``projects``), linked to the members, organisations and past meetings."""

    def projects(self, count: int) -> None:
        rng = self.rng
        finals, final_weights = zip(*PROJECT_FINAL, strict=True)
        history = (self.today - self.origin).days
        self.past_days = [d for _, d in self.past]
        for project_id in range(1, count + 1):
            final = rng.choices(finals, final_weights)[0]
            path: tuple[str, ...]
            if final == "refuse":
                path = (*PROJECT_PATH[:3], "refuse")
            elif final == "abandonne":
                path = (*PROJECT_PATH[:rng.randint(1, 5)], "abandonne")
            else:
                path = PROJECT_PATH[:PROJECT_PATH.index(final) + 1]
            gaps = [rng.randint(10, 60) for _ in path[1:]]
            spare = max(0, history - sum(gaps))
            day = self.today - timedelta(days=sum(gaps) + rng.randint(0, spare))
            dates = [day]
            for gap in gaps:
                dates.append(dates[-1] + timedelta(days=gap))
            on = dict(zip(path, dates, strict=True))
            self._project(project_id, final, on)
            self._project_details(project_id, on)

    def _project(self, project_id: int, final: str, on: dict[str, date]) -> None:
        rng = self.rng
        line = rng.choices(list(FUNDING_LINES), [v[0] for v in FUNDING_LINES.values()])[0]
        name, theme = rng.choice(data.PROJECT_TITLES)
        deadline = None
        year = list(on.values())[min(3, len(on) - 1)].year
        if line == "appel_projets" and "depose" in on:
            deadline = on["depose"] + timedelta(days=rng.randint(0, 20))
            year = deadline.year + (deadline.month >= 10)
        start = on.get("en_cours")
        end = on.get("realise") or (start and start + timedelta(days=rng.randint(60, 240)))
        report_due = date(end.year + 1, 6, 30) if end else None
        if self.member_list and rng.random() < 0.35:
            holder = rng.choice(self.member_list)
            person, organisation, holder_name = holder.person_id, None, holder.name
        else:
            person, (organisation, holder_name, *_) = None, rng.choice(self.local_orgs)
        title = f"{name} {year}"
        outcome = ""
        if final in ("realise", "bilan_rendu"):
            outcome = rng.choice(data.OUTCOME_NOTES).format(n=rng.randint(15, 300))
        neighbourhood = rng.choice(("Bellefontaine", "Milan", "Bellefontaine-Milan"))
        self.rows["project"].append((
            project_id, title, f"Projet porté par {holder_name}, quartier {neighbourhood}.",
            person, organisation, neighbourhood, theme, line, year, final, _iso(deadline),
            _iso(start), _iso(end), _iso(report_due), outcome,
        ))
        events = self.rows["project_status_event"]
        for status, day in on.items():
            note = "Dossier jugé incomplet par le comité technique." if status == "refuse" else ""
            events.append((project_id, status, _iso(day), note))
        if theme not in CROSS_THEMES and rng.random() < 0.3:
            self.rows["project_cross_theme"].append((project_id, rng.choice(CROSS_THEMES)))
        self._fundings(project_id, line, on)
        involved = {person} if person else set()
        if self.member_list:
            picks = rng.sample(self.member_list, min(len(self.member_list), rng.randint(1, 3)))
            involved.update(m.person_id for m in picks)
        self.rows["project_member"].extend((project_id, p) for p in sorted(involved))

    def _fundings(self, project_id: int, line: str, on: dict[str, date]) -> None:
        rng = self.rng
        _weight, low, high, most = FUNDING_LINES[line]
        funders = rng.sample(self.funders, min(len(self.funders), rng.randint(1, most)))
        for funder in funders:
            requested = rng.randint(low, high) // len(funders) // 10 * 1000  # cents, 10 € steps
            granted, decided = None, None
            if "accorde" in on:
                granted = requested * rng.choice((100, 100, 80, 50)) // 100 // 1000 * 1000
                decided = on["accorde"]
            elif "refuse" in on:
                granted, decided = 0, on["refuse"]
            self.rows["project_funding"].append(
                (project_id, funder[0], requested, granted, _iso(decided)))

    def _project_details(self, project_id: int, on: dict[str, date]) -> None:
        """Links to one or two past meetings of the project's time, with a decision or not."""
        rng, past = self.rng, self.past
        if not past:
            return
        first = bisect_left(self.past_days, min(on.values()))
        last = bisect_right(self.past_days, max(on.values()))
        window = past[first:last] or past
        for meeting_id, _day in rng.sample(window, min(len(window), rng.randint(1, 2))):
            decisions = self.decisions_of.get(meeting_id)
            decision = rng.choice(decisions) if decisions and rng.random() < 0.5 else None
            self.rows["project_link"].append((project_id, meeting_id, decision))

