"""Charts as inline SVG strings drawn on the server: values over time, bars by region. No JavaScript, no Django."""
from __future__ import annotations

from datetime import date
from html import escape

# The viewBox is about as wide as a phone's column (390 px screen): text drawn at FONT stays ≥ 12 px when rendered.
WIDTH, HEIGHT = 360, 250
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 34, 52
FONT = 13  # 360 units are drawn about 340 px wide in a 390 px screen (site.css): 13 units render ≥ 12 px
LABEL_WIDTH = 7 * FONT * 0.6  # a 2025-01 label: seven characters about 0.6 em wide
INK, ACCENT, GRID, MUTED = "#1f2328", "#8c1c13", "#d0d7de", "#57606a"
# One colour per region (Okabe–Ito, told apart with colour-blindness too), chosen by the region's code.
REGION_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8c1c13", "#e69f00", "#56b4e9")


def region_colour(code: str | None) -> str:
    """The colour a region's points and legend entry are drawn in (the same region, the same colour, everywhere)."""
    if not code or not code.isdigit():
        return MUTED
    return REGION_COLOURS[int(code) % len(REGION_COLOURS)]


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


def _frame(title: str, body: list[str], low: float, high: float, unit: str, *, x_title: str = "",
           legend: str = "", colour: str = ACCENT) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    lines = []
    for i in range(5):  # four equal steps between the axis ends
        value = low + (high - low) * i / 4
        y = TOP + plot_h - plot_h * i / 4
        lines.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        lines.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="{FONT}" fill="{MUTED}">{escape(format_value(value, digits=3))}</text>'
        )
    # Axis titles with the unit, and a legend naming the region in its colour.
    lines.append(f'<text x="4" y="{FONT + 6}" font-size="{FONT}" fill="{INK}" class="axis-title">数值（{escape(unit or "—")}）</text>')
    if x_title:
        lines.append(
            f'<text x="{LEFT + (WIDTH - LEFT - RIGHT) / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle" font-size="{FONT}" '
            f'fill="{INK}" class="axis-title">{escape(x_title)}</text>'
        )
    if legend:
        short = legend if len(legend) <= 10 else legend[:9] + "…"
        x = WIDTH - RIGHT - FONT * (len(short) + 1) - 4
        lines.append(
            f'<g class="legend"><rect x="{x:.1f}" y="{FONT - 4}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.1f}" y="{FONT + 6}" font-size="{FONT}" fill="{INK}">{escape(short)}</text></g>'
        )
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


def bar_chart(title: str, bars: list[tuple], unit: str = "", *, legend: str = "",
              colour: str = ACCENT, x_title: str = "出处") -> str:
    """One bar per (label, value[, link]); a missing value gets no bar and the word 缺失, never a bar of height 0.
    A label wider than its slot is shortened (its bar's title still names it in full). A bar with a link (its
    figure's sentence) is a link."""
    known = [bar[1] for bar in bars if bar[1] is not None]
    low, high = _scale(known or [0.0])
    slot = (WIDTH - LEFT - RIGHT) / max(len(bars), 1)
    body = []
    for i, (label, value, *link) in enumerate(bars):
        x = LEFT + slot * i + slot * 0.15
        middle = LEFT + slot * (i + 0.5)
        room = int(slot // FONT)  # characters that fit under the bar
        short = label if len(label) <= room else (label[: room - 1] + "…" if room >= 2 else "")
        if short:
            body.append(
                f'<text x="{middle:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="{FONT}" fill="{INK}">'
                f"{escape(short)}</text>"
            )
        if value is None:
            body.append(f'<text x="{middle:.1f}" y="{HEIGHT - BOTTOM - 6}" text-anchor="middle" font-size="{FONT}" fill="{MUTED}">缺失</text>')
            continue
        top, base = _y(max(value, 0), low, high), _y(min(value, 0), low, high)
        shape = (
            f'<rect x="{x:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" height="{max(base - top, 1):.1f}" fill="{colour}">'
            f"<title>{escape(label)}：{escape(format_value(value))}{escape(unit)}</title></rect>"
        )
        body.append(_linked(shape, link[0] if link else ""))
    return _frame(title, body, low, high, unit, x_title=x_title, legend=legend, colour=colour)


def time_chart(title: str, points: list[tuple], unit: str = "", *, legend: str = "",
               colour: str = ACCENT, x_title: str = "时间") -> str:
    """Values over time, points (date, value[, link]) (x by date); missing values leave a gap in the line and a mark
    on the axis; a dot with a link (its figure's sentence) is a link. The points are comparable (one series: one
    region, one kind of period), so a line joins them."""
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
                body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(run)}"/>')
            run = []
            body.append(f'<text x="{x_of(day):.1f}" y="{HEIGHT - BOTTOM - 6}" text-anchor="middle" font-size="{FONT}" fill="{MUTED}">缺失</text>')
            continue
        run.append(f"{x_of(day):.1f},{_y(value, low, high):.1f}")
    if len(run) > 1 and joined:
        body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(run)}"/>')
    for day, value, *link in dated:
        if value is not None:
            shape = (
                f'<circle cx="{x_of(day):.1f}" cy="{_y(value, low, high):.1f}" r="4" fill="{colour}">'
                f"<title>{day.isoformat()}：{escape(format_value(value))}{escape(unit)}</title></circle>"
            )
            body.append(_linked(shape, link[0] if link else ""))
    last_x = -1e9
    half = LABEL_WIDTH / 2
    for day in sorted({point[0] for point in dated}):
        if x_of(day) - last_x < LABEL_WIDTH + 8:  # labels that would overlap: the dot's title still names the day
            continue
        last_x = x_of(day)
        # Kept inside the drawing: a label near an edge is anchored at that edge rather than cut off.
        anchor = "end" if x_of(day) + half > WIDTH else ("start" if x_of(day) - half < 0 else "middle")
        body.append(
            f'<text x="{x_of(day):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="{anchor}" font-size="{FONT}" fill="{INK}">'
            f"{day.isoformat()[:7]}</text>"
        )
    return _frame(title, body, low, high, unit, x_title=x_title, legend=legend, colour=colour)
