"""Charts as inline SVG strings drawn on the server: values over time, bars by region. No JavaScript, no Django."""
from __future__ import annotations

from datetime import date
from html import escape

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 56
INK, ACCENT, GRID, MUTED = "#1f2328", "#8c1c13", "#d0d7de", "#57606a"


def format_value(value: float | None, digits: int = 10) -> str:
    """A figure as readers write it: 1.18亿, 3369.38万, 32.08 — exact by default (axis ticks ask for fewer digits);
    missing stays visibly missing."""
    if value is None:
        return "缺失"
    for size, suffix in ((1e8, "亿"), (1e4, "万")):
        if abs(value) >= size:
            return f"{value / size:.{digits}g}{suffix}"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.{digits}g}"


def _scale(values: list[float]) -> tuple[float, float]:
    low, high = min(0.0, *values), max(0.0, *values)
    return (low, high) if high > low else (low, low + 1)


def _frame(title: str, body: list[str], low: float, high: float, unit: str) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    lines = []
    for i in range(5):  # four equal steps between the axis ends
        value = low + (high - low) * i / 4
        y = TOP + plot_h - plot_h * i / 4
        lines.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        lines.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="{MUTED}">{escape(format_value(value, digits=4))}</text>'
        )
    lines.append(f'<text x="4" y="{TOP - 4 if TOP > 12 else 12}" font-size="11" fill="{MUTED}">{escape(unit)}</text>')
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
        f'class="chart"><title>{escape(title)}</title>{"".join(lines)}{"".join(body)}</svg>'
    )


def _y(value: float, low: float, high: float) -> float:
    plot_h = HEIGHT - TOP - BOTTOM
    return TOP + plot_h - plot_h * (value - low) / (high - low)


def _linked(shape: str, href: str) -> str:
    """A chart mark as a link to the sentence it comes from, when it has one."""
    return f'<a href="{escape(href)}">{shape}</a>' if href else shape


def bar_chart(title: str, bars: list[tuple], unit: str = "") -> str:
    """One bar per (label, value[, link]); a missing value gets no bar and the word 缺失, never a bar of height 0.
    A bar with a link (its figure's sentence) is a link."""
    known = [bar[1] for bar in bars if bar[1] is not None]
    low, high = _scale(known or [0.0])
    slot = (WIDTH - LEFT - RIGHT) / max(len(bars), 1)
    body = []
    for i, (label, value, *link) in enumerate(bars):
        x = LEFT + slot * i + slot * 0.15
        middle = LEFT + slot * (i + 0.5)
        short = label if len(label) <= 8 else label[:7] + "…"
        body.append(
            f'<text x="{middle:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="{INK}">'
            f"{escape(short)}</text>"
        )
        if value is None:
            body.append(f'<text x="{middle:.1f}" y="{HEIGHT - BOTTOM - 6}" text-anchor="middle" font-size="11" fill="{MUTED}">缺失</text>')
            continue
        top, base = _y(max(value, 0), low, high), _y(min(value, 0), low, high)
        shape = (
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" height="{max(base - top, 1):.1f}" fill="{ACCENT}">'
            f"<title>{escape(label)}：{escape(format_value(value))}{escape(unit)}</title></rect>"
        )
        body.append(_linked(shape, link[0] if link else ""))
    return _frame(title, body, low, high, unit)


def time_chart(title: str, points: list[tuple], unit: str = "") -> str:
    """Values over time, points (date, value[, link]) (x by date); missing values leave a gap in the line and a mark
    on the axis; a dot with a link (its figure's sentence) is a link."""
    dated = sorted(points, key=lambda point: point[0])
    known = [point[1] for point in dated if point[1] is not None]
    low, high = _scale(known or [0.0])
    first, last = dated[0][0].toordinal(), dated[-1][0].toordinal()
    span = max(last - first, 1)
    plot_w = WIDTH - LEFT - RIGHT

    def x_of(day: date) -> float:
        return LEFT + plot_w * ((day.toordinal() - first) / span if last > first else 0.5)

    # Several values on one day are not a sequence: show them as dots, without a line that would zigzag between them.
    joined = len({point[0] for point in dated}) == len(dated)
    body, run = [], []
    for day, value, *_ in dated:
        if value is None:
            if len(run) > 1 and joined:
                body.append(f'<polyline fill="none" stroke="{ACCENT}" stroke-width="2" points="{" ".join(run)}"/>')
            run = []
            body.append(f'<text x="{x_of(day):.1f}" y="{HEIGHT - BOTTOM - 6}" text-anchor="middle" font-size="11" fill="{MUTED}">缺失</text>')
            continue
        run.append(f"{x_of(day):.1f},{_y(value, low, high):.1f}")
    if len(run) > 1 and joined:
        body.append(f'<polyline fill="none" stroke="{ACCENT}" stroke-width="2" points="{" ".join(run)}"/>')
    for day, value, *link in dated:
        if value is not None:
            shape = (
                f'<circle cx="{x_of(day):.1f}" cy="{_y(value, low, high):.1f}" r="4" fill="{ACCENT}">'
                f"<title>{day.isoformat()}：{escape(format_value(value))}{escape(unit)}</title></circle>"
            )
            body.append(_linked(shape, link[0] if link else ""))
    last_x = -1e9
    for day in sorted({point[0] for point in dated}):
        if x_of(day) - last_x < 56:  # labels closer than their width would overlap: the dot's title still names it
            continue
        last_x = x_of(day)
        body.append(
            f'<text x="{x_of(day):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="{INK}">'
            f"{day.isoformat()[:7]}</text>"
        )
    return _frame(title, body, low, high, unit)
