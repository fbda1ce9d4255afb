"""Make the help pages' pictures from the screenshots (run after tools/screenshots*.py).

    python tools/help_images.py

Each screenshot in docs/screenshots/ that the help pages show is scaled down and
saved as a JPEG under resources/help/images/, so the help stays small and offline.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
IMAGES = ROOT / "resources" / "help" / "images"
PICTURES = {"main-window": 960, "meeting-editor": 960, "composer": 960, "export-dialog": 600}


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, width in PICTURES.items():
        for suffix in ("", "-en"):
            source = SHOTS / f"{name}{suffix}.png"
            image = Image.open(source).convert("RGB")
            if image.width > width:
                height = round(image.height * width / image.width)
                image = image.resize((width, height), Image.Resampling.LANCZOS)
            target = IMAGES / f"{name}{suffix}.jpg"
            image.save(target, "JPEG", quality=82, optimize=True)
            print("saved", target, f"{target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
