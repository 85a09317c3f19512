"""Which builder makes each slot kind (the template's `kind:`)."""

from __future__ import annotations

from collections.abc import Callable

from campaign_studio.layout.blocks import Ctx, Placed, build_logo, build_text
from campaign_studio.layout.charts import build_bars, build_icon_array, build_share_ring, build_statement
from campaign_studio.layout.figures import build_comparison, build_figure
from campaign_studio.layout.help_blocks import build_help_band, build_help_card, build_help_list, build_help_panel
from campaign_studio.layout.infographic import build_action_lines, build_figures
from campaign_studio.layout.pictures import build_picture
from campaign_studio.model.template import Slot

Builder = Callable[[Ctx, Slot, float, float, float], Placed]

BUILDERS: dict[str, Builder] = {
    "text": build_text,
    "figure": build_figure,
    "comparison": build_comparison,
    "help": build_help_band,
    "help-card": build_help_card,
    "help-panel": build_help_panel,
    "help-list": build_help_list,
    "logo": build_logo,
    "bars": build_bars,
    "icon-array": build_icon_array,
    "share-ring": build_share_ring,
    "statement": build_statement,
    "figures": build_figures,
    "action-lines": build_action_lines,
    "picture": build_picture,
}
