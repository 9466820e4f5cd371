"""Document formats and ``watch``: extraction against embedding, and save-to-answerable latency.

1. Throughput: a text PDF of ``--pdf-pages`` pages and ``--html-pages`` saved web pages, each
   page the body of a synthetic note (benchmarks/synthetic.py), are ingested into a fresh store
   (pages/s). Then, separately, the extraction alone (file -> Note: the reader plus note
   parsing) and the raw ``encode()`` of exactly the chunks that were stored are timed.
   Target: extraction <= 20% of the embedding time of the same text.
2. Watch: a ``FolderWatcher`` (default settings) runs on a folder holding ``--background``
   notes; ``--saves`` one-page PDF notes are saved one at a time, and the time from the file
   being closed to its passage being the top hit of ``Ragbot.search`` (asked after each
   finished ingest) is recorded.
   Target: p50 <= 3 s.
3. Idle: a real ``ragbot watch`` process, once watching, is left alone for ``--idle-seconds``;
   its CPU time over that window (from /proc). Target: < 1% of one core.

The PDFs are written with fpdf2 (the ``test`` extra) by the tests' own builders.

    nice -n 10 .venv/bin/python benchmarks/formats.py                      # small: 60 pages, 100 HTML pages
    nice -n 10 .venv/bin/python benchmarks/formats.py --pdf-pages 300 --html-pages 1000 --saves 20 --idle-seconds 60
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[1])  # the repo's packages, not this file as "ingest"
sys.path.append(str(Path(__file__).resolve().parents[1] / "tests"))  # the tests' document builders

import argparse
import os
import re
import subprocess
import tempfile
import threading
import time

from benchmarks import synthetic
from benchmarks.common import latency_ms, make_bot, print_table, timed, write_results

TARGET_EXTRACTION_SHARE = 0.20
TARGET_WATCH_P50_S = 3.0
TARGET_IDLE_CPU = 0.01
POLL_SECONDS = 0.02  # how often the watch benchmark checks whether the watcher finished an ingest


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdf-pages", type=int, default=60, help="pages of the text PDF (full run: 300)")
    parser.add_argument("--html-pages", type=int, default=100, help="saved web pages (full run: 1000)")
    parser.add_argument("--saves", type=int, default=8, help="one-page notes saved into the watched folder")
    parser.add_argument("--background", type=int, default=30, help="notes already in the watched folder")
    parser.add_argument("--idle-seconds", type=float, default=20, help="idle window of the watch process")
    parser.add_argument("--name", default="formats", help="results file name (default formats)")
    return parser.parse_args()


def bodies(n: int, seed: int) -> list[str]:
    """``n`` synthetic note texts (news, analysis, footer, sentiment block): about 2,000 characters each."""
    return [synthetic.note(seed, i)[1].strip() for i in range(n)]


def write_pdf(folder: Path, pages: int) -> None:
    from documents import pdf_bytes

    (folder / "report.pdf").write_bytes(pdf_bytes([re.sub(r"\n+", "\n\n", b) for b in bodies(pages, seed=1)]))


def write_html(folder: Path, pages: int) -> None:
    from documents import html_page

    for i, text in enumerate(bodies(pages, seed=2)):
        body, _, block = text.partition("Overall Sentiment")
        paragraphs = [p for p in body.splitlines() if p.strip()]
        (folder / f"page-{i:04d}.html").write_text(html_page(paragraphs[0][:80], paragraphs, "Overall Sentiment" + block))


def throughput(kind: str, write, pages: int) -> dict:
    """Ingest, extraction alone, and raw encode of the stored chunks, for one corpus."""
    from ingest.loader import NoteLoader

    with tempfile.TemporaryDirectory(prefix=f"ragbot-{kind}-") as tmp:
        folder = Path(tmp) / "notes"
        folder.mkdir()
        write(folder, pages)
        bot = make_bot(Path(tmp) / "store")
        bot.warm_up()
        report, ingest_s = timed(bot.ingest, folder)
        assert report.ok, report.failed
        loader = NoteLoader(bot.resolver)
        notes, extract_s = timed(lambda: list(loader.load(folder)))
        texts = bot.index.collection.get(include=["documents"])["documents"]
        _, encode_s = timed(bot.embeddings._client.encode, texts, batch_size=32, normalize_embeddings=True)
    return {
        "corpus": kind,
        "pages": pages,
        "notes": len(notes),
        "chunks": len(texts),
        "ingest_s": round(ingest_s, 1),
        "pages_per_s": round(pages / ingest_s, 2),
        "extract_s": round(extract_s, 2),
        "encode_s": round(encode_s, 1),
        "extraction_vs_embedding": round(extract_s / encode_s, 3),
        "meets_target": extract_s / encode_s <= TARGET_EXTRACTION_SHARE,
    }


def watch_latency(saves: int, background: int) -> dict:
    """Seconds from a one-page PDF note being saved to its passage being found."""
    from documents import pdf_bytes

    from ragbot.watch import FolderWatcher

    with tempfile.TemporaryDirectory(prefix="ragbot-watch-") as tmp:
        folder = synthetic.write_notes(Path(tmp) / "notes", background, seed=3)
        bot = make_bot(Path(tmp) / "store")
        bot.warm_up()
        watcher = FolderWatcher(bot, folder, log=lambda line: None)
        thread, stop = watcher.start()
        while watcher.generation == 0:
            time.sleep(POLL_SECONDS)
        waits = []
        for i, text in enumerate(bodies(saves, seed=4)):
            marker = f"Zyxcorp{i}qv"  # a made-up word that only this note contains
            data = pdf_bytes([f"{marker} reported results. {text}"], furniture=False)
            name = f"saved-{i:03d}.pdf"
            seen = watcher.generation
            (folder / name).write_bytes(data)
            saved = time.perf_counter()
            while True:  # after each finished ingest, ask (a search per poll would compete for the CPU)
                while watcher.generation == seen:
                    time.sleep(POLL_SECONDS)
                seen = watcher.generation
                if any(hit.source == name for hit in bot.search(marker, k=1)):
                    break
            waits.append(time.perf_counter() - saved)
        stop.set()
        thread.join()
    figures = latency_ms(waits)
    return {**figures, "meets_target": figures["p50_ms"] / 1000 <= TARGET_WATCH_P50_S}


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def idle_cpu(seconds: float) -> dict:
    """CPU share of an idle ``ragbot watch`` process over ``seconds``."""
    with tempfile.TemporaryDirectory(prefix="ragbot-idle-") as tmp:
        folder = synthetic.write_notes(Path(tmp) / "notes", 5, seed=5)
        out = Path(tmp) / "watch.log"
        command = [str(Path(sys.executable).with_name("ragbot")), "watch", str(folder), "--store", str(Path(tmp) / "store")]
        with out.open("w") as sink:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
        try:
            while "watching" not in out.read_text():
                time.sleep(0.2)
            time.sleep(1)
            ticks, started = cpu_ticks(process.pid), time.monotonic()
            time.sleep(seconds)
            used = (cpu_ticks(process.pid) - ticks) / os.sysconf("SC_CLK_TCK")
            window = time.monotonic() - started
        finally:
            process.terminate()
            process.wait()
    return {"seconds": round(window, 1), "cpu_s": round(used, 3), "cpu_share": round(used / window, 5),
            "meets_target": used / window < TARGET_IDLE_CPU}


def main() -> None:
    args = parse_args()
    rows = []
    for kind, write, pages in (("pdf", write_pdf, args.pdf_pages), ("html", write_html, args.html_pages)):
        rows.append(throughput(kind, write, pages))
        print_table(rows[-1:], f"{kind}: extraction against embedding (target: extraction <= {TARGET_EXTRACTION_SHARE:.0%} of encode)")
    latency = watch_latency(args.saves, args.background)
    print_table([latency], f"watch: save -> answerable, one-page PDF (target p50 <= {TARGET_WATCH_P50_S} s)")
    idle = idle_cpu(args.idle_seconds)
    print_table([idle], f"watch: idle CPU (target < {TARGET_IDLE_CPU:.0%} of a core)")
    targets = {"extraction_vs_embedding": TARGET_EXTRACTION_SHARE, "watch_p50_s": TARGET_WATCH_P50_S, "idle_cpu": TARGET_IDLE_CPU}
    path = write_results(args.name, {"targets": targets, "throughput": rows, "watch": latency, "idle": idle}, args)
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
