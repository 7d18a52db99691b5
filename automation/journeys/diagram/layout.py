"""Where the diagram's boxes and lines go: one row per step, lanes for branches, lines that cross no box.

- Column 0 holds what starts the journey: one box per entry step, on that step's row,
  with an arrow into it.
- Each step has its own row, in the order the editor designed them, so the picture reads
  top to bottom like the form beside it.
- Steps have a lane: the main lane (column 1) is what the entry steps and their `next`
  steps reach; a step reached only by jumping from a branch goes one lane to the right of
  that branch (column 2, 3, ...). A step no trigger reaches stays in the main lane.
- Lines: the next row in the same lane is a straight arrow down; any other line leaves
  the side of its box, runs down (or up) a gutter between columns where no box is, and
  enters its target from the side, so no line runs through a box.

Pure: plain nodes in, rectangles and polylines out. No database, no SVG.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from automation.journeys.diagram.graph import JourneyGraph

MARGIN = 16
ENTRY_WIDTH = 200
STEP_WIDTH = 300
STEP_HEIGHT = 108  # title, detail, two lines of counts, and a send step's experiment arms
ROW_GAP = 28
GUTTER = 56
SIDE_LANE = 14  # how far left of a lane a same-lane jump runs


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2

    @property
    def middle_y(self) -> float:
        return self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Line:
    kind: str  # "entry", "next", "branch"
    points: tuple[tuple[float, float], ...]
    label: str = ""  # "ja" on the branch taken, "nee" on the way on


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    rows: dict[int, int]  # step id -> row (0 is the first step)
    lanes: dict[int, int]  # step id -> lane (0 is the main lane)
    steps: dict[int, Box]
    entries: dict[int, Box]  # entry step id -> box of what starts it
    lines: tuple[Line, ...]
    notes_y: float  # where the lines about stopping and unstarted triggers go


def step_lanes(graph: JourneyGraph) -> dict[int, int]:
    """Lane per step: the fewest branch jumps it takes to reach it from an entry step."""
    by_id = {step.id: step for step in graph.steps}
    lanes: dict[int, int] = {}
    queue = deque((entry.step_id, 0) for entry in graph.entries)
    while queue:  # 0-1 breadth-first: a `next` costs nothing, a branch jump one lane
        step_id, lane = queue.popleft()
        if step_id not in by_id or lanes.get(step_id, lane + 1) <= lane:
            continue
        lanes[step_id] = lane
        step = by_id[step_id]
        if step.next_id is not None:
            queue.appendleft((step.next_id, lane))
        if step.branch_id is not None:
            queue.append((step.branch_id, lane + 1))
    return {step.id: lanes.get(step.id, 0) for step in graph.steps}


def _column_x(column: int) -> float:
    if column == 0:
        return MARGIN
    return MARGIN + ENTRY_WIDTH + GUTTER + (column - 1) * (STEP_WIDTH + GUTTER)


def _row_y(row: int) -> float:
    return MARGIN + row * (STEP_HEIGHT + ROW_GAP)


def _line(kind: str, source: Box, target: Box, source_row: int, target_row: int, label: str = "") -> Line:
    if abs(source.x - target.x) < 1 and target_row == source_row + 1:
        return Line(kind, ((source.centre_x, source.bottom), (target.centre_x, target.y)), label)
    if abs(source.x - target.x) < 1:  # same lane, not the next row: along the lane's left side
        side = source.x - SIDE_LANE
        return Line(
            kind,
            ((source.x, source.middle_y), (side, source.middle_y), (side, target.middle_y), (target.x, target.middle_y)),
            label,
        )
    if target.x > source.x:  # to a lane on the right: through the gutter left of the target
        gutter = target.x - GUTTER / 2
        return Line(
            kind,
            ((source.right, source.middle_y), (gutter, source.middle_y), (gutter, target.middle_y), (target.x, target.middle_y)),
            label,
        )
    gutter = target.right + GUTTER / 2  # back to a lane on the left: through the gutter right of the target
    return Line(
        kind,
        ((source.x, source.middle_y), (gutter, source.middle_y), (gutter, target.middle_y), (target.right, target.middle_y)),
        label,
    )


def diagram_layout(graph: JourneyGraph) -> Layout:
    lanes = step_lanes(graph)
    rows = {step.id: row for row, step in enumerate(graph.steps)}
    boxes = {
        step.id: Box(_column_x(lanes[step.id] + 1), _row_y(rows[step.id]), STEP_WIDTH, STEP_HEIGHT) for step in graph.steps
    }
    entries = {
        entry.step_id: Box(_column_x(0), _row_y(rows[entry.step_id]), ENTRY_WIDTH, STEP_HEIGHT)
        for entry in graph.entries
        if entry.step_id in boxes
    }
    lines = [
        Line("entry", ((box.right, box.middle_y), (boxes[step_id].x, box.middle_y))) for step_id, box in entries.items()
    ]
    for step in graph.steps:
        source = boxes[step.id]
        is_branch = step.branch_id is not None
        if step.next_id is not None:
            lines.append(_line("next", source, boxes[step.next_id], rows[step.id], rows[step.next_id], "nee" if is_branch else ""))
        if is_branch:
            lines.append(_line("branch", source, boxes[step.branch_id], rows[step.id], rows[step.branch_id], "ja"))
    columns = max(lanes.values(), default=0) + 2
    width = _column_x(columns - 1) + STEP_WIDTH + MARGIN
    notes_y = _row_y(len(graph.steps)) + 4
    extra_lines = len(graph.stops) + len(graph.unstarted)
    height = notes_y + 20 * extra_lines + MARGIN
    return Layout(
        width=width, height=height, rows=rows, lanes=lanes, steps=boxes, entries=entries, lines=tuple(lines), notes_y=notes_y
    )
