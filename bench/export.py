"""Export speed and memory: our DOCX and PDF against pandoc, LibreOffice and bare reportlab.

    python bench/export.py [--meetings 10 100 500] [--skip-libreoffice]

For each size, a synthetic library with one book of N meeting briefs is built,
then each step runs in a fresh process (so its peak memory is its own) on the
same content, in the same run:

- ours: ``render_docx`` and ``render_pdf`` (contents, outline, "page X of Y")
- pandoc: the same document as Markdown → DOCX
- LibreOffice: our DOCX → PDF (``soffice --headless --convert-to pdf``)
- bare reportlab: ``build_bare``, one plain pass of the same flowables

Targets for 500 meetings: DOCX ≤ 0.5× pandoc; PDF ≤ 1.15× bare; peak ≤ 200 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefbook.library import Event, Library, Meeting, Person, Statement, TalkingPoint, Topic
from briefbook.library.books import new_book

SENTENCES = [
    "Việt Nam đánh giá cao việc tổ chức hội nghị và các sáng kiến quốc tế chống lừa đảo trực tuyến.",
    "Chia sẻ thông tin, tình báo và bằng chứng điện tử nhanh chóng, hiệu quả là then chốt.",
    "Tuyên bố ASEAN về chống tội phạm mạng và lừa đảo trực tuyến (2025) tái khẳng định cam kết tập thể.",
    "Viet Nam stands ready to work with partners to implement the Hanoi Convention.",
    "Bộ Ngoại giao đã chỉ đạo các cơ quan đại diện theo dõi sát tình hình, bảo hộ công dân khi cần thiết.",
    "Cooperation between law-enforcement agencies must move from discussion to action.",
]

# Runs in a child process: one step, then prints seconds and peak memory as JSON.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
step, library, book, out = sys.argv[1:5]
from briefbook.library import Library
from briefbook.assemble import assemble
from briefbook.render.template import load_template
with Library.open(library) as lib:
    document = assemble(lib, book)
    template = load_template(lib.get("book", book).template)
start = time.perf_counter()
if step == "pdf":
    from briefbook.render.pdf import render_pdf
    render_pdf(document, template, out)
elif step == "bare":
    from briefbook.render.pdf import build_bare
    build_bare(document, template, out)
elif step == "docx":
    from briefbook.render.docx import render_docx
    render_docx(document, template, out)
elif step == "markdown":
    sys.path.insert(0, str(Path(sys.argv[5])))
    from export_markdown import to_markdown
    Path(out).write_text(to_markdown(document), encoding="utf-8")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_library(path: Path, meetings: int, seed: int = 1) -> str:
    rng = random.Random(seed)

    def text(n: int) -> str:
        return " ".join(rng.choice(SENTENCES) for _ in range(n))

    with Library.create(path) as lib, lib.transaction():
        event = lib.add(Event(title="Hội nghị quốc tế (benchmark)", city="Bangkok", start_date="2025-12-17"))
        people = [
            lib.add(Person(name=f"Đại biểu {i}", position="Bộ trưởng", biography=text(6))) for i in range(40)
        ]
        for person in people[:4]:
            lib.set_delegate(event.id, person.id, "Thành viên")
        for i in range(meetings):
            meeting = lib.add(
                Meeting(
                    event_id=event.id,
                    title=f"Cuộc gặp {i + 1}: hợp tác chống lừa đảo trực tuyến",
                    kind="bilateral",
                    starts_at=f"2025-12-17T{8 + i % 10:02d}:00",
                    venue="Bangkok",
                    purpose=text(3),
                    objectives="- " + "\n- ".join(rng.sample(SENTENCES, 3)),
                )
            )
            topic = lib.add(Topic(title=f"Chủ đề {i + 1}", background=text(4)))
            lib.link_topic(meeting.id, topic.id)
            for k, kind in enumerate(
                ("key_message", "key_message", "proactive", "reactive", "press_line", "qa")
            ):
                lib.add(
                    TalkingPoint(
                        topic_id=topic.id,
                        kind=kind,
                        question="Câu hỏi của báo chí?" if kind == "qa" else "",
                        text=text(2),
                        status="cleared",
                        position=k + 1,
                    )
                )
            for _ in range(2):
                statement = lib.add(
                    Statement(speaker_name="Người phát ngôn", date="2025-11-06", text=text(2))
                )
                lib.link_topic(statement.id, topic.id)
            for person in rng.sample(people, 2):
                lib.set_participant(meeting.id, person.id, "counterpart")
        return new_book(lib, event.id, title="Sổ tay benchmark").id


def run_child(step: str, library: Path, book: str, out: Path) -> dict:
    here = Path(__file__).parent
    result = subprocess.run(
        [sys.executable, "-c", CHILD, step, str(library), book, str(out), str(here)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[10, 100, 500])
    parser.add_argument("--skip-libreoffice", action="store_true")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pandoc = shutil.which("pandoc")
    work = Path(tempfile.mkdtemp(prefix="bb-bench-"))
    columns = "meetings pages | docx_s pandoc_s ratio | pdf_s bare_s ratio | LO_s | docx_MB pdf_MB"
    print(" ".join(f"{c:>8}" if c != "|" else c for c in columns.split()))
    for n in args.meetings:
        library = work / f"bench-{n}.briefbook"
        book = build_library(library, n)
        docx = run_child("docx", library, book, work / f"book-{n}.docx")
        pdf = run_child("pdf", library, book, work / f"book-{n}.pdf")
        bare = run_child("bare", library, book, work / f"bare-{n}.pdf")
        run_child("markdown", library, book, work / f"book-{n}.md")
        pandoc_s = (
            timed([pandoc, str(work / f"book-{n}.md"), "-o", str(work / f"pandoc-{n}.docx")])
            if pandoc
            else float("nan")
        )
        lo_s = float("nan")
        if soffice and not args.skip_libreoffice:
            lo_s = timed(
                [
                    soffice,
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / "lo"),
                    str(work / f"book-{n}.docx"),
                ]
            )
        cells = [
            n,
            pages(work / f"book-{n}.pdf"),
            "|",
            docx["seconds"],
            pandoc_s,
            docx["seconds"] / pandoc_s,
            "|",
            pdf["seconds"],
            bare["seconds"],
            pdf["seconds"] / bare["seconds"],
            "|",
            lo_s,
            "|",
            docx["peak_mb"],
            pdf["peak_mb"],
        ]
        print(" ".join(c if c == "|" else f"{c:8.2f}" if isinstance(c, float) else f"{c:8d}" for c in cells))
    print(f"\nfiles in {work}")


if __name__ == "__main__":
    main()
