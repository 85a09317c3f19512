"""The type scales layout may use, and the spacing that goes with them."""

from __future__ import annotations

# Tried from the largest down; a design takes the largest at which everything fits.
SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55, 0.5, 0.45, 0.4)
# Below this the text is still legible but no longer comfortable: brand elements give way first.
COMFORTABLE_SCALE = 0.78
SLOT_GAP = 2.4  # hundredths of the canvas unit between slots in a column
