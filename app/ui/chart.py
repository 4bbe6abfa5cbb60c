"""A small server-side SVG bar chart: a source's claims per week (no script, no library)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

WIDTH, HEIGHT = 640, 150
LEFT, BOTTOM, TOP = 28, 20, 8


@dataclass(frozen=True, slots=True)
class Week:
    monday: date
    count: int


def weeks(days: Iterable[tuple[date, int]]) -> list[Week]:
    """Counts per day → counts per ISO week (Monday first), with the empty weeks between."""
    per_week: Counter[date] = Counter()
    for day, count in days:
        per_week[day - timedelta(days=day.weekday())] += count
    if not per_week:
        return []
    first, last = min(per_week), max(per_week)
    out = []
    monday = first
    while monday <= last:
        out.append(Week(monday, per_week.get(monday, 0)))
        monday += timedelta(days=7)
    return out


def weekly_chart(days: Iterable[tuple[date, int]]) -> Markup:
    """An SVG of claims per week; each bar's <title> says its week and count."""
    data = weeks(days)
    if not data:
        return Markup('<p class="muted">No dated claims to chart.</p>')
    top = max(w.count for w in data)
    plot_w, plot_h = WIDTH - LEFT - 4, HEIGHT - BOTTOM - TOP
    step = plot_w / len(data)
    bar = max(1.0, step * 0.8) if step >= 2 else step
    total = sum(w.count for w in data)
    parts = [
        Markup(
            '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
            'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
        ).format(
            w=WIDTH,
            h=HEIGHT,
            label=f"{total} claims over {len(data)} weeks, at most {top} in a week",
        ),
        Markup('<line x1="{x}" y1="{y}" x2="{x2}" y2="{y}" class="axis"/>').format(
            x=LEFT, x2=WIDTH - 4, y=TOP + plot_h
        ),
        Markup('<text x="{x}" y="{y}" class="tick" text-anchor="end">{top}</text>').format(
            x=LEFT - 4, y=TOP + 8, top=top
        ),
        Markup('<text x="{x}" y="{y}" class="tick" text-anchor="end">0</text>').format(
            x=LEFT - 4, y=TOP + plot_h
        ),
    ]
    for i, week in enumerate(data):
        if not week.count:
            continue
        h = max(1.0, plot_h * week.count / top)
        noun = "claim" if week.count == 1 else "claims"
        parts.append(
            Markup(
                '<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" class="bar">'
                "<title>week of {monday}: {n} {noun}</title></rect>"
            ).format(
                x=LEFT + i * step,
                y=TOP + plot_h - h,
                w=bar,
                h=h,
                monday=week.monday.isoformat(),
                n=week.count,
                noun=noun,
            )
        )
    labels = [(0, data[0].monday, "start")]
    if len(data) > 1:
        labels.append((len(data) - 1, data[-1].monday, "end"))
    for i, monday, anchor in labels:
        x = LEFT + i * step + (bar if anchor == "end" else 0)
        parts.append(
            Markup('<text x="{x:.1f}" y="{y}" class="tick" text-anchor="{a}">{d}</text>').format(
                x=x, y=HEIGHT - 4, a=anchor, d=monday.isoformat()
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
