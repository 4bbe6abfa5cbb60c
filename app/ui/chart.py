"""Small server-side SVG charts (no script, no library): a source's claims per week, and a
series of its figures as a sparkline."""

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


SPARK_W, SPARK_H, SPARK_PAD = 220, 44, 5


def sparkline(points: list[tuple[date, float]], *, label: str) -> Markup:
    """A small SVG line of a series (dates on x, values on y), each point with a <title>
    saying its date and value; no axes, no script. One point is a dot."""
    if not points:
        return Markup("")
    days = [(d - points[0][0]).days for d, _ in points]
    values = [v for _, v in points]
    span_x = max(days[-1], 1)
    low, high = min(values), max(values)
    span_y = (high - low) or 1.0
    inner_w, inner_h = SPARK_W - 2 * SPARK_PAD, SPARK_H - 2 * SPARK_PAD

    def xy(i: int) -> tuple[float, float]:
        x = SPARK_PAD + (inner_w * days[i] / span_x if days[-1] else inner_w / 2)
        y = SPARK_PAD + inner_h * (1 - (values[i] - low) / span_y) if high != low else SPARK_H / 2
        return x, y

    coords = [xy(i) for i in range(len(points))]
    parts = [
        Markup(
            '<svg class="spark" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
            'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
        ).format(w=SPARK_W, h=SPARK_H, label=label)
    ]
    if len(coords) > 1:
        parts.append(
            Markup('<polyline class="line" points="{p}"/>').format(
                p=" ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            )
        )
    for (x, y), (day, value) in zip(coords, points, strict=True):
        parts.append(
            Markup(
                '<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="2.5">'
                "<title>{day}: {value}</title></circle>"
            ).format(x=x, y=y, day=day.isoformat(), value=number(value))
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def number(value: float | None) -> str:
    """41252.0 -> "41,252"; 3.5 -> "3.5"."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
