"""Illustrations for the demo, drawn here with Pillow (so they are ours to license: CC0).

Each picture is a flat illustration in the colours of its audience or topic: a soft
background, a few shapes, a device, and a pictogram of the topic (chat bubbles for
cyberbullying, a lock for privacy, a game controller for gaming…). The same key always
draws the same picture.
"""

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 675
PALETTES = {
    "purple": ("#f3ebfb", "#6b2fa3", "#c9a7ee", "#f2a900"),
    "red": ("#fdecea", "#b3261e", "#f4a9a3", "#0a4f9c"),
    "green": ("#e5f4ee", "#0b6e4f", "#9fd5bf", "#f2a900"),
    "brown": ("#fbf1e1", "#7a4a00", "#e9c88f", "#0a4f9c"),
    "blue": ("#e6f0fa", "#0a4f9c", "#a9c8ec", "#f2a900"),
    "teal": ("#e3f3f6", "#005f73", "#94d2dc", "#b3261e"),
}
AUDIENCE_PALETTE = {
    "children": "purple",
    "young-people": "red",
    "parents": "green",
    "grandparents": "brown",
    "teachers": "blue",
    "caretakers": "teal",
    "social-workers": "teal",
}


def _bubbles(draw, box, colour, accent):
    x, y, w, h = box
    draw.rounded_rectangle([x, y, x + w * 0.7, y + h * 0.45], radius=h * 0.1, fill=colour)
    draw.polygon([(x + w * 0.12, y + h * 0.44), (x + w * 0.12, y + h * 0.6), (x + w * 0.28, y + h * 0.44)], fill=colour)
    draw.rounded_rectangle([x + w * 0.3, y + h * 0.52, x + w, y + h * 0.92], radius=h * 0.1, fill=accent)
    draw.rectangle([x + w * 0.33, y + h * 0.08, x + w * 0.37, y + h * 0.27], fill="white")
    draw.ellipse([x + w * 0.33, y + h * 0.31, x + w * 0.37, y + h * 0.37], fill="white")


def _lock(draw, box, colour, accent):
    x, y, w, h = box
    draw.arc([x + w * 0.25, y, x + w * 0.75, y + h * 0.6], 180, 360, fill=colour, width=int(w * 0.08))
    draw.line([x + w * 0.29, y + h * 0.3, x + w * 0.29, y + h * 0.45], fill=colour, width=int(w * 0.08))
    draw.line([x + w * 0.71, y + h * 0.3, x + w * 0.71, y + h * 0.45], fill=colour, width=int(w * 0.08))
    draw.rounded_rectangle([x + w * 0.12, y + h * 0.42, x + w * 0.88, y + h], radius=w * 0.08, fill=colour)
    draw.ellipse([x + w * 0.44, y + h * 0.6, x + w * 0.56, y + h * 0.74], fill=accent)


def _gamepad(draw, box, colour, accent):
    x, y, w, h = box
    draw.rounded_rectangle([x, y + h * 0.25, x + w, y + h * 0.8], radius=h * 0.25, fill=colour)
    cx, cy = x + w * 0.27, y + h * 0.52
    draw.rectangle([cx - w * 0.1, cy - h * 0.03, cx + w * 0.1, cy + h * 0.03], fill="white")
    draw.rectangle([cx - w * 0.03, cy - h * 0.1, cx + w * 0.03, cy + h * 0.1], fill="white")
    for dx, dy in ((0.7, 0.45), (0.8, 0.58)):
        draw.ellipse([x + w * dx - 14, y + h * dy - 14, x + w * dx + 14, y + h * dy + 14], fill=accent)


def _camera(draw, box, colour, accent):
    x, y, w, h = box
    draw.rounded_rectangle([x + w * 0.2, y, x + w * 0.8, y + h], radius=w * 0.08, fill=colour)
    draw.rectangle([x + w * 0.26, y + h * 0.1, x + w * 0.74, y + h * 0.82], fill="white")
    draw.ellipse([x + w * 0.38, y + h * 0.3, x + w * 0.62, y + h * 0.58], outline=accent, width=int(w * 0.04))
    draw.ellipse([x + w * 0.46, y + h * 0.87, x + w * 0.54, y + h * 0.95], fill="white")


def _clock(draw, box, colour, accent):
    x, y, w, h = box
    size = min(w, h)
    draw.ellipse([x, y, x + size, y + size], fill=colour)
    draw.ellipse([x + size * 0.1, y + size * 0.1, x + size * 0.9, y + size * 0.9], fill="white")
    centre = (x + size / 2, y + size / 2)
    draw.line([centre, (centre[0], y + size * 0.22)], fill=colour, width=int(size * 0.06))
    draw.line([centre, (x + size * 0.72, centre[1])], fill=accent, width=int(size * 0.06))


def _newspaper(draw, box, colour, accent):
    x, y, w, h = box
    draw.rounded_rectangle([x, y, x + w * 0.85, y + h], radius=w * 0.04, fill="white", outline=colour, width=8)
    for row in range(4):
        top = y + h * (0.15 + row * 0.18)
        draw.rounded_rectangle([x + w * 0.1, top, x + w * 0.75, top + h * 0.07], radius=8, fill=colour)
    draw.ellipse([x + w * 0.6, y + h * 0.55, x + w, y + h * 1.0], fill=accent)
    draw.text((x + w * 0.76, y + h * 0.66), "?", fill="white", font_size=int(h * 0.3))


def _hearts(draw, box, colour, accent):
    x, y, w, h = box
    for scale, dx, dy, fill in ((1.0, 0, 0.1, colour), (0.6, 0.5, 0.45, accent)):
        size = w * 0.5 * scale
        left, top = x + w * dx, y + h * dy
        draw.ellipse([left, top, left + size / 2, top + size / 2], fill=fill)
        draw.ellipse([left + size / 2, top, left + size, top + size / 2], fill=fill)
        draw.polygon([(left + size * 0.03, top + size * 0.35), (left + size * 0.97, top + size * 0.35),
                      (left + size / 2, top + size * 0.95)], fill=fill)  # fmt: skip


def _network(draw, box, colour, accent):
    x, y, w, h = box
    points = [(0.5, 0.15), (0.15, 0.55), (0.85, 0.5), (0.35, 0.9), (0.75, 0.9)]
    absolute = [(x + w * px, y + h * py) for px, py in points]
    for a in absolute[1:]:
        draw.line([absolute[0], a], fill=colour, width=8)
    draw.line([absolute[1], absolute[3]], fill=colour, width=8)
    draw.line([absolute[2], absolute[4]], fill=colour, width=8)
    for index, (px, py) in enumerate(absolute):
        radius = 44 if index == 0 else 30
        draw.ellipse([px - radius, py - radius, px + radius, py + radius], fill=accent if index == 0 else colour)


def _warning(draw, box, colour, accent):
    x, y, w, h = box
    draw.polygon([(x + w / 2, y), (x + w, y + h), (x, y + h)], fill=accent)
    draw.rectangle([x + w * 0.47, y + h * 0.3, x + w * 0.53, y + h * 0.7], fill="white")
    draw.ellipse([x + w * 0.46, y + h * 0.77, x + w * 0.54, y + h * 0.88], fill="white")


def _laptop(draw, box, colour, accent):
    x, y, w, h = box
    draw.rounded_rectangle([x + w * 0.1, y, x + w * 0.9, y + h * 0.7], radius=16, fill=colour)
    draw.rectangle([x + w * 0.15, y + h * 0.07, x + w * 0.85, y + h * 0.62], fill="white")
    draw.rounded_rectangle([x, y + h * 0.72, x + w, y + h * 0.82], radius=10, fill=colour)
    draw.ellipse([x + w * 0.42, y + h * 0.22, x + w * 0.58, y + h * 0.46], fill=accent)


PICTOGRAMS = {
    "cyberbullying": _bubbles,
    "hate-speech": _bubbles,
    "grooming": _bubbles,
    "sexting": _camera,
    "sextortion": _camera,
    "privacy": _lock,
    "security": _lock,
    "online-reputation": _camera,
    "screen-time": _clock,
    "gaming": _gamepad,
    "misinformation": _newspaper,
    "advertising": _newspaper,
    "online-scams": _warning,
    "harmful-content": _warning,
    "illegal-content": _warning,
    "social-networks": _network,
    "relationships": _hearts,
    "digital-skills": _laptop,
}


def draw_picture(key, topic="", audience=""):
    """A JPEG illustration (bytes) for ``key`` in the colours of ``audience`` with the
    pictogram of ``topic``."""
    rng = random.Random(hashlib.sha256(key.encode()).hexdigest())  # noqa: S311 (drawing, not secrets)
    palette_name = AUDIENCE_PALETTE.get(audience) or rng.choice(sorted(PALETTES))
    background, main, soft, accent = PALETTES[palette_name]
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    for _shape in range(5):  # soft shapes behind the subject
        radius = rng.randint(80, 260)
        cx, cy = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=soft)
    pictogram = PICTOGRAMS.get(topic, _laptop)
    pictogram(draw, (370, 110, 460, 460), main, accent)
    for _dot in range(rng.randint(3, 6)):  # sparkles, beside the pictogram
        x, y, r = (
            rng.choice((rng.randint(60, 330), rng.randint(870, WIDTH - 60))),
            rng.randint(40, 620),
            rng.randint(8, 18),
        )
        draw.ellipse([x - r, y - r, x + r, y + r], fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def draw_logo(initials, palette_name):
    """A PNG monogram for a directory entry: its initials on a disc in one of the palettes
    (the demo does not reproduce organisations' trademarks)."""
    background, main, _soft, accent = PALETTES[palette_name]
    size = 320
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse([16, 16, size - 16, size - 16], fill=main)
    draw.arc([40, 40, size - 40, size - 40], start=200, end=340, fill=accent, width=10)
    font = _logo_font(120 if len(initials) < 3 else 92)
    draw.text((size / 2, size / 2 + 6), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _logo_font(size):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:  # no DejaVu: Pillow's own font, smaller but legible
        return ImageFont.load_default(size=size)
