"""PNG encoding settings against file size, on finished social cards (how PNG_COMPRESS_LEVEL was chosen).

For four shipped cards (nl) the finished image is encoded with each setting in turn,
interleaved over the rounds; the table gives the median time per card and the mean size.
"Pillow adaptive" is Pillow's encoder, which tries the five PNG filters on every row and
keeps the one with the smallest sum; "unfiltered" writes each row as it is (filter type 0),
which render.raster.encode_png does. Every setting decodes to the same pixels (checked).
Run with: .venv/bin/python bench/png_settings.py [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
import zlib
from collections.abc import Callable

from PIL import Image

from campaign_studio import pipeline
from campaign_studio.render import raster

CARDS = [("women-men", "post-4x5"), ("statistic-spotlight", "post-1x1"), ("where-to-get-help", "story-9x16"),
         ("icon-array", "wide-16x9")]


def pillow(level: int, strategy: int = -1) -> Callable[[Image.Image], bytes]:
    def encode(image: Image.Image) -> bytes:
        out = io.BytesIO()
        image.save(out, "PNG", compress_level=level, compress_type=strategy)
        return out.getvalue()
    return encode


def unfiltered(level: int) -> Callable[[Image.Image], bytes]:
    def encode(image: Image.Image) -> bytes:
        old, raster.PNG_COMPRESS_LEVEL = raster.PNG_COMPRESS_LEVEL, level
        try:
            return raster.encode_png(image)
        finally:
            raster.PNG_COMPRESS_LEVEL = old
    return encode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    campaign = pipeline.open_campaign(None).campaign
    assert campaign is not None
    images = []
    for template, fmt in CARDS:
        page, _ = pipeline.layout(pipeline.resolve_design(campaign, template, fmt, "nl"))
        assert page is not None
        images.append(raster.render_image(page))
    settings: dict[str, Callable[[Image.Image], bytes]] = {
        **{f"Pillow adaptive, zlib {lvl}": pillow(lvl) for lvl in (1, 3, 6, 9)},
        "Pillow adaptive, zlib 6, Z_RLE": pillow(6, zlib.Z_RLE),
        **{f"unfiltered, zlib {lvl}": unfiltered(lvl) for lvl in (1, 2, 3, 4, 6, 9)},
    }
    for encode in settings.values():
        for image in images:
            assert Image.open(io.BytesIO(encode(image))).tobytes() == image.tobytes()
    times: dict[str, list[float]] = {k: [] for k in settings}
    sizes: dict[str, float] = {}
    load = os.getloadavg()
    for r in range(args.rounds):
        names = list(settings)
        for name in names[r % len(names):] + names[:r % len(names)]:
            total, size = 0.0, 0
            for image in images:
                t0 = time.perf_counter()
                size += len(settings[name](image))
                total += time.perf_counter() - t0
            times[name].append(total * 1000 / len(images))
            sizes[name] = size / len(images)
    base = statistics.median(times["Pillow adaptive, zlib 1"])
    print(f"PNG settings, {args.rounds} rounds over {len(images)} cards; load average {load[0]:.2f} at the start, "
          f"{os.getloadavg()[0]:.2f} at the end")
    print(f"{'setting':32} {'ms/card':>8} {'KiB/card':>9} {'time':>6}")
    for name in settings:
        ms = statistics.median(times[name])
        print(f"{name:32} {ms:8.1f} {sizes[name] / 1024:9.1f} {ms / base:6.2f}")
    print(f"in use: unfiltered, zlib {raster.PNG_COMPRESS_LEVEL}")


if __name__ == "__main__":
    main()
