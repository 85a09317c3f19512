"""Output formats: a canvas size and the kind of output it is meant for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MM = 72 / 25.4  # points per millimetre

Kind = Literal["social", "print"]


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    kind: Kind
    width: float  # pt; social formats: 1 pt = 1 px
    height: float
    # Area where content is safe from platform controls (stories): x, y, w, h in pt.
    safe_area: tuple[float, float, float, float] | None = None
    bleed: float = 0.0  # pt, print only
    # Print only: the distance a poster is read from, which sets its smallest legible text.
    reading_distance_m: float = 0.0

    @property
    def aspect(self) -> float:
        return self.width / self.height

    @property
    def size_label(self) -> str:
        if self.kind == "social":
            return f"{round(self.width)}×{round(self.height)} px"
        return f"{self.width / MM:.1f}×{self.height / MM:.1f} mm".replace(".0×", "×").replace(".0 mm", " mm")
