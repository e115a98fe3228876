"""The window and every page, tab and dialog fit an office screen with every button inside and
no text cut: 1366×768 at 100 % and 1920×1080 at 150 % (1280×720 logical pixels), each less a
taskbar of 48 pixels; and on the smallest, 1366×768 at 150 % (911×480 points), every dialog
fits, no text is cut and no page is wider than the screen (a page may scroll down there), in
French and in English. Each screen is a real offscreen screen of that size and scale, in a
process of its own (the walk of tests/ui/walk.py, which finds the pages and dialogs in the
code). At 150 % the walk also gives every control the focus and measures its ring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {
    # name: (device width, device height less the taskbar, scale)
    "1366x768": (1366, 768 - 48, "1"),
    "1920x1080@150%": (1920, 1080 - 72, "1.5"),
    "1366x768@150%": (1366, 768 - 48, "1.5"),
    "1366x768@150% in English": (1366, 768 - 48, "1.5"),  # English words are often longer
}
FOCUS_WALKED = {"1366x768@150%"}  # the smallest: each control given the focus and measured
PAGES_SCROLL_DOWN = {"1366x768@150%", "1366x768@150% in English"}
ENGLISH = {"1366x768@150% in English"}


@pytest.fixture(scope="module", params=sorted(SCREENS))
def walked(request, tmp_path_factory):
    width, height, scale = SCREENS[request.param]
    folder = tmp_path_factory.mktemp("fit")
    config = folder / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "office",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    out = folder / "report.json"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=scale,
        HOME=str(folder),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CONFIG_HOME=str(folder / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.walk", "--out", str(out)]
        + (["--focus"] if request.param in FOCUS_WALKED else [])
        + (["--pages-scroll-down"] if request.param in PAGES_SCROLL_DOWN else [])
        + (["--language", "en"] if request.param in ENGLISH else []),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return request.param, json.loads(out.read_text(encoding="utf-8"))


def test_the_screen_is_the_office_one(walked):
    name, report = walked
    width, height, scale = SCREENS[name]
    factor = float(scale)
    assert report["screen"] == [round(width / factor), round(height / factor)]
    assert report["ratio"] == factor


def test_every_page_and_dialog_fits_with_every_button_inside(walked):
    name, report = walked
    assert len(report["views"]) > 40
    assert report["fit"] == [], name


def test_no_text_is_cut(walked):
    name, report = walked
    assert report["clipped"] == [], name


@pytest.mark.parametrize("walked", sorted(FOCUS_WALKED), indirect=True)
def test_every_control_shows_its_keyboard_focus(walked):
    """Walked on the smallest screen only (each control given the focus and measured)."""
    name, report = walked
    assert report["focus"] == [], name
