"""Rich renderings of events for the terminal.

Cells are Text, never markup: a modality flag such as "[neg]" or a bracket in a name must show
as written, not be swallowed as a Rich style.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from newswire_contracts import Actor, Event


def _actors(actors: Sequence[Actor]) -> str:
    return ", ".join(f"{a.name} ({a.country})" if a.country else a.name for a in actors) or "—"


def _flags(ev: Event) -> str:
    m = ev.modality
    flags = [
        n for n, on in (("neg", m.negated), ("future", m.future), ("hyp", m.hypothetical)) if on
    ]
    return f" [{','.join(flags)}]" if flags else ""


def _quantity(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def events_table(events: Sequence[Event], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("Type", style="bold")
    table.add_column("Actors → Targets")
    table.add_column("Place")
    table.add_column("Date")
    table.add_column("Quantities")
    table.add_column("Trigger", style="dim")
    for ev in events:
        kind = ev.event_type + (f"/{ev.mode}" if ev.mode else "") + _flags(ev)
        place = "—"
        if ev.location is not None:
            place = ev.location.name + (f" ({ev.location.country})" if ev.location.country else "")
        when = ev.occurred.date.isoformat() if ev.occurred.date else "—"
        qty = ", ".join(
            ("~" if q.approximate else "") + _quantity(q.value) + (f" {q.unit}" if q.unit else "")
            for q in ev.quantities
        )
        cells = (
            kind,
            f"{_actors(ev.actors)} → {_actors(ev.targets)}",
            place,
            when,
            qty or "—",
            ev.evidence.trigger,
        )
        table.add_row(*(Text(cell) for cell in cells))
    return table
