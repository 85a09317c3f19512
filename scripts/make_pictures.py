"""Draw the example pictures: the campaign's illustration (two people in conversation, a speech bubble
between them, SVG) and the Zeedorp edition's own (two people walking on the beach, PNG).

Simple geometry the project draws itself (no text, no outside artwork), in the national palette, as an
SVG the campaign's picture slot crops around its focus (the bubble). Dedicated to the public domain
(CC0 1.0, campaign_studio/campaigns/national/pictures/LICENSE.txt).
Run: .venv/bin/python scripts/make_pictures.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "campaign_studio" / "campaigns" / "national" / "pictures"
SKY, BLUE, VIOLET, SAND, WHITE, DARK = "#DCE9F5", "#154273", "#A90061", "#F3D9B1", "#FFFFFF", "#0D2A4A"


def person(cx: float, facing: int, body: str) -> str:
    """A seated figure: head, shoulders and body as one rounded shape, an arm raised toward the other."""
    hx = cx + 18 * facing
    arm = (f'<path d="M {cx + 60 * facing} 560 Q {cx + 150 * facing} 520 {cx + 190 * facing} 450" fill="none" '
           f'stroke="{body}" stroke-width="46" stroke-linecap="round"/>')
    return (f'<circle cx="{hx}" cy="330" r="78" fill="{SAND}"/>'
            f'<path d="M {cx - 150} 800 L {cx - 150} 560 Q {cx - 150} 430 {cx} 430 Q {cx + 150} 430 {cx + 150} 560 '
            f'L {cx + 150} 800 Z" fill="{body}"/>' + arm)


def conversation_svg() -> str:
    bubble = (f'<path d="M 470 120 H 730 Q 780 120 780 170 V 270 Q 780 320 730 320 H 640 L 600 372 L 585 320 H 470 '
              f'Q 420 320 420 270 V 170 Q 420 120 470 120 Z" fill="{WHITE}" stroke="{BLUE}" stroke-width="10"/>')
    dots = "".join(f'<circle cx="{x}" cy="220" r="18" fill="{VIOLET}"/>' for x in (540, 600, 660))
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 800" width="1200" height="800">'
            f'<rect width="1200" height="800" fill="{SKY}"/>'
            f'<rect y="690" width="1200" height="110" fill="{BLUE}" opacity="0.18"/>'
            + person(300, 1, BLUE) + person(900, -1, VIOLET) + bubble + dots + "</svg>\n")


ZEEDORP = Path(__file__).resolve().parent.parent / "examples" / "editions" / "zeedorp" / "pictures"


def beach_png(path: Path) -> None:
    """Sky, sea and dune, and two figures side by side: 1800 x 1200 pixels, enough for an A3 poster's column."""
    from PIL import Image, ImageDraw

    w, h = 1800, 1200
    img = Image.new("RGB", (w, h), "#CFE3F2")
    d = ImageDraw.Draw(img)
    d.rectangle((0, 620, w, 820), fill="#2F6E9A")  # the sea
    d.polygon([(0, 760), (600, 700), (1200, 740), (1800, 690), (1800, h), (0, h)], fill="#E8D3A6")  # the beach
    d.ellipse((1380, 120, 1580, 320), fill="#F4C95D")  # the sun
    for cx, body in ((780, "#123B5C"), (1020, "#A90061")):
        d.ellipse((cx - 70, 420, cx + 70, 560), fill="#F3D9B1")
        d.rounded_rectangle((cx - 110, 580, cx + 110, 980), radius=90, fill=body)
        d.rectangle((cx - 70, 960, cx - 20, 1110), fill=body)
        d.rectangle((cx + 20, 960, cx + 70, 1110), fill=body)
    img.save(path, optimize=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "in-gesprek.svg").write_text(conversation_svg(), encoding="utf-8")
    print(OUT / "in-gesprek.svg")
    ZEEDORP.mkdir(parents=True, exist_ok=True)
    beach_png(ZEEDORP / "strandwandeling.png")
    print(ZEEDORP / "strandwandeling.png")


if __name__ == "__main__":
    main()
