"""The type scales layout may use, and the spacing that goes with them."""

from __future__ import annotations

# Tried from the largest down; a design takes the largest at which everything fits. Steps above
# 1 let a sparse design fill its page (sizes keep their ratios) instead of leaving holes.
# Fine steps (2%), so the chosen scale leaves little unused room; found by bisection.
SCALES = tuple(round(1.3 - 0.02 * i, 2) for i in range(46))  # 1.3 … 0.4
# Below this the text is still legible but no longer comfortable: brand elements give way first.
COMFORTABLE_SCALE = 0.78
SLOT_GAP = 2.4  # hundredths of the canvas unit between slots in a column
