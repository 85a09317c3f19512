"""The picture slot: a message's photo or illustration across the column, cropped to the room the format
gives it around the picture's focal point, with its credit line under it and its alternative text on it.

The picture never sits under text, so it takes nothing from any text's contrast. When the format has
no room for a picture of a useful size, the slot gives way (the engine leaves optional slots out).
"""

from __future__ import annotations

from campaign_studio.content.logos import logo_info
from campaign_studio.layout.blocks import Ctx, Overflow, Placed, Subject, _stack
from campaign_studio.model.campaign import Picture
from campaign_studio.model.pagetree import ImageItem, Rect
from campaign_studio.model.template import Slot

# A picture lower than this share of its width is a strip, not a picture: the slot gives way instead.
MIN_HEIGHT_SHARE = 0.3
# Crops smaller than this (of the picture's side) are not worth it: the picture is shown whole.
CROP_TOLERANCE = 0.01


def shown_picture(ctx: Ctx) -> Picture | None:
    """The picture a design's message or statement names, if any."""
    named = picture_of(ctx.subject)
    return ctx.campaign.picture(named) if named else None


def picture_of(subject: Subject) -> str | None:
    """The id of the picture the subject names: its message's, else its statement's."""
    if subject.message is not None:
        return subject.message.picture
    return subject.statement.picture if subject.statement is not None else None


def crop_around(focus: tuple[float, float], image_aspect: float, box_aspect: float
                ) -> tuple[float, float, float, float] | None:
    """The part of an image (x, y, w, h fractions) a box of another shape shows, the focus as central as
    the image's edges allow; None when the shapes agree."""
    if abs(box_aspect - image_aspect) / image_aspect <= CROP_TOLERANCE:
        return None
    fx, fy = focus
    if box_aspect > image_aspect:  # the box is wider: show the full width, a band of the height
        h = image_aspect / box_aspect
        return 0.0, min(max(fy - h / 2, 0.0), 1.0 - h), 1.0, h
    w = box_aspect / image_aspect
    return min(max(fx - w / 2, 0.0), 1.0 - w), 0.0, w, 1.0


def build_picture(ctx: Ctx, slot: Slot, x: float, width: float, max_height: float) -> Placed:
    picture = shown_picture(ctx)
    if picture is None:
        return Placed([], 0.0)
    credit = ctx.text_block(f"{slot.name}-credit", "footnote", ctx.loc.text(picture.credit), x, width, max_height,
                            block_role="paragraph")
    gap = ctx.grid.size(0.8) * ctx.scale
    aspect = logo_info(picture.file).aspect  # width / height, checked when the campaign was loaded
    room = max_height - credit.box.h - gap
    least = width * MIN_HEIGHT_SHARE
    if room < least:
        raise Overflow(slot.name, f"the picture needs {least:.0f} pt of height, {room:.0f} pt is free")
    # smaller with the type, down to its least height (the engine makes room by scaling, and keeps a
    # picture only at comfortable scales): the smaller the type, the more room the picture leaves
    h = min(width / aspect, room, max(least, room * min(ctx.scale, 1.0)))
    image = ImageItem(Rect(x, 0, width, h), picture.file, ctx.loc.text(picture.alt), "figure",
                      crop_around(picture.focus, aspect, width / h))
    return _stack([Placed([image], h), Placed([credit], credit.box.h)], gap)
