"""Charts as inline SVG strings drawn on the server: lines over time (one per region) and bars. No JavaScript, no
Django. Every mark links to the sentence its figure comes from; text stays legible in a 390 px wide phone."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from html import escape

# The viewBox is about as wide as a phone's column (390 px screen): text drawn at FONT stays ≥ 12 px when rendered.
WIDTH = 360
PLOT_HEIGHT = 164  # the plotting area; the drawing grows above it by as many legend rows as it needs
LEFT, RIGHT, BOTTOM = 56, 12, 52
FONT = 13  # 360 units are drawn about 340 px wide in a 390 px screen (site.css): 13 units render ≥ 12 px
ROW = FONT + 7  # one line of text at the top (axis title, legend rows)
LABEL_WIDTH = 7 * FONT * 0.6  # a 2025-01 label: seven characters about 0.6 em wide
LEGEND_CHARS = 9  # a longer region name is shortened in the legend (its entry's title names it in full)
INK, ACCENT, GRID, MUTED = "#1f2328", "#8c1c13", "#d0d7de", "#57606a"
# One colour per region (Okabe–Ito, told apart with colour-blindness too), chosen by the region's code.
REGION_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8c1c13", "#e69f00", "#56b4e9")


def region_colour(code: str | None) -> str:
    """The colour a region's points and legend entry are drawn in (the same region, the same colour, everywhere)."""
    if not code or not code.isdigit():
        return MUTED
    return REGION_COLOURS[int(code) % len(REGION_COLOURS)]


def chart_colours(codes: list[str | None]) -> list[str]:
    """A colour for each region of one chart, all different: each its own `region_colour` unless another region of
    the chart took it first (then the next free one). Beyond the palette, colours repeat (the legend still names each)."""
    used: list[str] = []
    for code in codes:
        preferred = region_colour(code)
        palette = [preferred, *(c for c in REGION_COLOURS if c != preferred), MUTED]
        free = next((c for c in palette if c not in used), preferred)
        used.append(free)
    return used


def format_value(value: float | None, digits: int = 10) -> str:
    """A figure as readers write it: 1.18亿, 3369.38万, 32.08 — exact by default (axis ticks ask for fewer digits);
    missing stays visibly missing."""
    if value is None:
        return "缺失"
    for size, suffix in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:.{digits}g}{suffix}"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.{digits}g}"


def text_width(text: str) -> float:
    """About how wide `text` is drawn at FONT: Chinese characters 1 em, Latin letters and digits about 0.6 em."""
    return sum(FONT if ord(ch) > 0x2E80 else FONT * 0.6 for ch in text)


@dataclass(frozen=True)
class Line:
    """One region's points in a chart: its name (the legend), colour and points (date or label, value[, link])."""

    name: str
    colour: str
    points: list[tuple] = field(default_factory=list)


@dataclass(frozen=True)
class _Layout:
    top: float  # where the plotting area starts
    height: float  # the whole drawing
    legend: list[str]

    def y(self, value: float, low: float, high: float) -> float:
        return self.top + PLOT_HEIGHT - PLOT_HEIGHT * (value - low) / (high - low)


def _layout(entries: list[tuple[str, str]]) -> _Layout:
    """The legend's entries (name, colour) laid out in rows under the value axis' title, wrapped to the width."""
    marks, x, row = [], 4.0, 0
    for name, colour in entries:
        short = name if len(name) <= LEGEND_CHARS else name[: LEGEND_CHARS - 1] + "…"
        width = 14 + text_width(short)
        if x > 4 and x + width > WIDTH - 4:
            x, row = 4.0, row + 1
        y = ROW * (row + 2)
        marks.append(
            f'<g class="legend-entry"><title>{escape(name)}</title>'
            f'<rect x="{x:.1f}" y="{y - 10}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.1f}" y="{y}" font-size="{FONT}" fill="{INK}">{escape(short)}</text></g>'
        )
        x += width + 12
    rows = row + 1 if entries else 0
    top = ROW * (rows + 1) + 14
    return _Layout(top=top, height=top + PLOT_HEIGHT + BOTTOM, legend=marks)


def _scale(values: list[float]) -> tuple[float, float]:
    low, high = min(0.0, *values), max(0.0, *values)
    return (low, high) if high > low else (low, low + 1)


def _frame(title: str, body: list[str], low: float, high: float, unit: str, layout: _Layout, *, x_title: str = "") -> str:
    lines = []
    for i in range(5):  # four equal steps between the axis ends
        value = low + (high - low) * i / 4
        y = layout.top + PLOT_HEIGHT - PLOT_HEIGHT * i / 4
        lines.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        lines.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="{FONT}" fill="{MUTED}">{escape(format_value(value, digits=3))}</text>'
        )
    # Axis titles with the unit; the legend names each region in its colour.
    lines.append(f'<text x="4" y="{ROW}" font-size="{FONT}" fill="{INK}" class="axis-title">数值（{escape(unit or "—")}）</text>')
    if x_title:
        lines.append(
            f'<text x="{LEFT + (WIDTH - LEFT - RIGHT) / 2:.1f}" y="{layout.height - 6}" text-anchor="middle" font-size="{FONT}" '
            f'fill="{INK}" class="axis-title">{escape(x_title)}</text>'
        )
    if layout.legend:
        lines.append(f'<g class="legend">{"".join(layout.legend)}</g>')
    return (
        f'<svg viewBox="0 0 {WIDTH} {layout.height:.0f}" role="img" aria-label="{escape(title)}" '
        f'class="chart"><title>{escape(title)}</title>{"".join(lines)}{"".join(body)}</svg>'
    )


def _linked(shape: str, href: str) -> str:
    """A chart mark as a link to the sentence it comes from, when it has one."""
    return f'<a href="{escape(href)}">{shape}</a>' if href else shape


def bar_chart(title: str, bars: list[tuple], unit: str = "", *, legend: str | list[tuple[str, str]] = "",
              colour: str = ACCENT, x_title: str = "出处") -> str:
    """One bar per (label, value[, link[, colour]]); a missing value gets no bar and the word 缺失, never a bar of
    height 0. A label wider than its slot is shortened (its bar's title still names it in full). A bar with a link
    (its figure's sentence) is a link. `legend`: one region's name, or (name, colour) entries when bars are coloured
    by region."""
    entries = [(legend, colour)] if isinstance(legend, str) and legend else list(legend or [])
    layout = _layout(entries)
    known = [bar[1] for bar in bars if bar[1] is not None]
    low, high = _scale(known or [0.0])
    slot = (WIDTH - LEFT - RIGHT) / max(len(bars), 1)
    base_line = layout.top + PLOT_HEIGHT
    body = []
    for i, (label, value, *rest) in enumerate(bars):
        link = rest[0] if rest else ""
        fill = rest[1] if len(rest) > 1 else colour
        x = LEFT + slot * i + slot * 0.15
        middle = LEFT + slot * (i + 0.5)
        room = int(slot // FONT)  # characters that fit under the bar
        short = label if len(label) <= room else (label[: room - 1] + "…" if room >= 2 else "")
        if short:
            body.append(
                f'<text x="{middle:.1f}" y="{base_line + 16}" text-anchor="middle" font-size="{FONT}" fill="{INK}">'
                f"{escape(short)}</text>"
            )
        if value is None:
            body.append(f'<text x="{middle:.1f}" y="{base_line - 6}" text-anchor="middle" font-size="{FONT}" fill="{MUTED}">缺失</text>')
            continue
        top, base = layout.y(max(value, 0), low, high), layout.y(min(value, 0), low, high)
        shape = (
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" height="{max(base - top, 1):.1f}" fill="{fill}">'
            f"<title>{escape(label)}：{escape(format_value(value))}{escape(unit)}</title></rect>"
        )
        body.append(_linked(shape, link))
    return _frame(title, body, low, high, unit, layout, x_title=x_title)


def time_chart(title: str, points: list[tuple], unit: str = "", *, legend: str = "",
               colour: str = ACCENT, x_title: str = "时间") -> str:
    """Values over time of one region, points (date, value[, link]): `lines_chart` with one line."""
    return lines_chart(title, [Line(legend, colour, points)], unit, x_title=x_title)


def lines_chart(title: str, lines: list[Line], unit: str = "", *, x_title: str = "时间") -> str:
    """Values over time, one line per region (x by date), each in its colour and named in the legend (a line without
    a name has no entry). Within a line, missing values leave a gap and a mark on the axis, and a line joins its
    points only when each falls on its own day (several values on one day are dots, not a zigzag). Points of
    different lines are never joined. A dot with a link (its figure's sentence) is a link."""
    layout = _layout([(line.name, line.colour) for line in lines if line.name])
    every = [point for line in lines for point in line.points]
    known = [point[1] for point in every if point[1] is not None]
    low, high = _scale(known or [0.0])
    days = sorted({point[0] for point in every})
    first, last = days[0].toordinal(), days[-1].toordinal()
    span = max(last - first, 1)
    plot_w = WIDTH - LEFT - RIGHT
    base_line = layout.top + PLOT_HEIGHT

    def x_of(day: date) -> float:
        return LEFT + plot_w * ((day.toordinal() - first) / span if last > first else 0.5)

    body: list[str] = []
    for line in lines:
        dated = sorted(line.points, key=lambda point: point[0])
        joined = len({point[0] for point in dated}) == len(dated)
        run: list[str] = []
        for day, value, *_ in dated:
            if value is None:
                if len(run) > 1 and joined:
                    body.append(f'<polyline fill="none" stroke="{line.colour}" stroke-width="2" points="{" ".join(run)}"/>')
                run = []
                body.append(f'<text x="{x_of(day):.1f}" y="{base_line - 6}" text-anchor="middle" font-size="{FONT}" fill="{MUTED}">缺失</text>')
                continue
            run.append(f"{x_of(day):.1f},{layout.y(value, low, high):.1f}")
        if len(run) > 1 and joined:
            body.append(f'<polyline fill="none" stroke="{line.colour}" stroke-width="2" points="{" ".join(run)}"/>')
    for line in lines:
        who = f"{line.name} " if line.name else ""
        for day, value, *link in sorted(line.points, key=lambda point: point[0]):
            if value is not None:
                shape = (
                    f'<circle cx="{x_of(day):.1f}" cy="{layout.y(value, low, high):.1f}" r="4" fill="{line.colour}">'
                    f"<title>{escape(who)}{day.isoformat()}：{escape(format_value(value))}{escape(unit)}</title></circle>"
                )
                body.append(_linked(shape, link[0] if link else ""))
    last_x = -1e9
    half = LABEL_WIDTH / 2
    for day in days:
        if x_of(day) - last_x < LABEL_WIDTH + 8:  # labels that would overlap: the dot's title still names the day
            continue
        last_x = x_of(day)
        # Kept inside the drawing: a label near an edge is anchored at that edge rather than cut off.
        anchor = "end" if x_of(day) + half > WIDTH else ("start" if x_of(day) - half < 0 else "middle")
        body.append(
            f'<text x="{x_of(day):.1f}" y="{base_line + 16}" text-anchor="{anchor}" font-size="{FONT}" fill="{INK}">'
            f"{day.isoformat()[:7]}</text>"
        )
    return _frame(title, body, low, high, unit, layout, x_title=x_title)
