"""Screenshots of the chat page for the docs: light and dark at 1440x960, and a phone at 390x844.

Serves the page over a fresh store of the example notes, asks one question in Debian chromium,
opens citation [1] (its note, with the cited sentence highlighted) and saves
``docs/screenshot-chat.png``, ``docs/screenshot-chat-dark.png`` and ``docs/screenshot-chat-phone.png``.

    .venv/bin/python benchmarks/screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not benchmarks/ingest.py

import argparse

from benchmarks.common import ROOT
from benchmarks.chat_page import DESKTOP, PHONE, ask, chromium, open_page, serving

SHOTS = {  # file name: (query string, viewport, browser context options)
    "screenshot-chat.png": ("", DESKTOP, {}),
    "screenshot-chat-dark.png": ("?__theme=dark", DESKTOP, {"color_scheme": "dark"}),
    "screenshot-chat-phone.png": ("", PHONE, {"is_mobile": True, "has_touch": True}),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--question", default="what are Alibaba's cloud risks?", help="the question on the screenshots")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder to write the PNGs to (default docs/)")
    args = parser.parse_args()
    with serving() as (url, _), chromium() as browser:
        for name, (query, viewport, options) in SHOTS.items():
            page = open_page(browser, url + query, viewport, **options)
            answer = ask(page, args.question)
            answer.locator("a.rb-cite").first.click()
            page.locator("#rb-note .rb-note-text mark").wait_for()
            page.wait_for_timeout(600)  # the smooth scroll to the card settles
            page.screenshot(path=args.out / name, full_page=viewport is PHONE)
            page.context.close()
            print(f"wrote {(args.out / name).relative_to(ROOT) if (args.out / name).is_relative_to(ROOT) else args.out / name}")


if __name__ == "__main__":
    main()
