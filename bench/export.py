"""Export speed against honest floors: each export next to a minimal render of the same text.

    python bench/export.py [--cases vi-10 vi-100 vi-500 thai-100 mixed-100 para-20 para-100 para-200]
                           [--runs 3] [--skip-libreoffice] [--skip-docx | --skip-pdf]
                           [--baseline OTHER_CHECKOUT]
    python bench/export.py --cases para-20 para-200 para-1000 para-5000 thaipara-20 thaipara-5000

Cases: a book of N meeting briefs in Vietnamese (``vi-N``), with Thai-heavy text
(``thai-N``: half the sentences Thai, shaped with HarfBuzz) or mixed scripts
(``mixed-N``: Vietnamese, Thai, Lao, Khmer, Arabic); and a document of one paragraph
of N KB, Vietnamese (``para-N``) or Thai (``thaipara-N``, cut into words by ICU and
shaped). Each step runs in a fresh process (its peak memory is its own);
ours and its floor alternate, run by run, and every figure is the median of
``--runs`` runs, with the machine's load printed before and after. The last column
is the PDF's ratio in CPU time (the process's own), steadier than wall time when
others load the machine.

Pairs (ours / floor):

- **PDF / minimal reportlab**: ``render_pdf`` against a ``SimpleDocTemplate`` of
  plain ``Paragraph`` flowables holding the same text with the same paragraph styles
  (so the same fonts, and the same shaping rule: the shaped style where a paragraph
  needs it), one pass, no cover, contents, headers, banners, outline, tables or
  keep-together groups. Also counted, in each: ``Paragraph.breakLines`` calls
  (``breaks``: a paragraph broken into lines once counts one, its pieces of a few
  thousand words included), words shaped (``shapes``: each font's piece of a word given
  its glyphs, from HarfBuzz or from the cache) and HarfBuzz's own runs (``hb``: once per
  text, font and direction). The floor breaks a paragraph again for each part a page
  split makes, as reportlab does (the parts keep their shaped words). With
  ``--baseline``, another checkout's ``render_pdf`` is timed in the same runs, on a
  ``pdf-base`` line (before and after a change, side by side).
- **DOCX end to end / pandoc**: ``python -m briefbook export --format docx`` as a
  process (start-up, reading the library, assembly, the release gate, rendering,
  font embedding, the export record) against ``pandoc`` turning the same document,
  as Markdown, into DOCX (pandoc's whole process too). Each side's wall time, CPU
  time (user + system, from ``wait4``: steadier than wall time on a shared machine)
  and peak memory are its own process's, printed on a ``docx`` line per case. One
  untimed export per case comes first, so that Python's bytecode is cached as in an
  installed copy (the bench drops ``PYTHONDONTWRITEBYTECODE`` for it) and both sides
  read warm files.
- **LibreOffice**: ``soffice --headless --convert-to pdf`` of our DOCX, for scale.
- **One paragraph, DOCX / minimal python-docx** (``para`` and ``thaipara`` cases, on a
  ``docx para`` line): ``render_docx`` of the document against python-docx's
  ``Document().add_paragraph(text).save()`` of the same text, each in its own process
  (no library: a field holds at most 1,000,000 characters, and 5 MB is more). Each
  paragraph case also prints its time as a multiple of the smallest case of its script
  in the run (``×first``): linear in size would make it the ratio of the sizes.

Goals: every PDF within 1.3x its floor; each paragraph broken once and each word shaped
once (``breaks`` the number of paragraphs, ``shapes`` no more than the floor's); a 200 KB paragraph
within 12x a 20 KB one, and linear up to 5 MB; DOCX end to end at most 0.25x pandoc.

pandoc is not a dependency of BriefBook (``apt-get install pandoc`` to run this
bench; without it the pandoc column is empty).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import statistics
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
THAI = [
    "ประเทศไทยให้ความสำคัญกับความร่วมมือระหว่างประเทศในการต่อต้านการฉ้อโกงออนไลน์",
    "การแลกเปลี่ยนข้อมูลและหลักฐานอิเล็กทรอนิกส์อย่างรวดเร็วเป็นกุญแจสำคัญ",
    "รัฐมนตรีว่าการกระทรวงการต่างประเทศ สีหศักดิ์ พวงเกตุแก้ว กล่าวเปิดการประชุม",
]
OTHERS = [
    "ສປປ ລາວ ໃຫ້ຄວາມສຳຄັນແກ່ການຮ່ວມມືສາກົນ ໃນການຕ້ານການສໍ້ໂກງທາງອອນລາຍ.",
    "កម្ពុជាគាំទ្រកិច្ចសហប្រតិបត្តិការអន្តរជាតិក្នុងការប្រយុទ្ធប្រឆាំងនឹងការបោកប្រាស់តាមអ៊ីនធឺណិត។",
    "تؤكد الدول الأعضاء التزامها بمكافحة الاحتيال عبر الإنترنت.",
]
PARAGRAPHS = ("para", "thaipara")  # one-paragraph documents, not libraries
TEXTS = {"vi": SENTENCES, "thai": SENTENCES + THAI * 2, "mixed": SENTENCES + THAI + OTHERS}

# Runs in a child process: one step, then prints seconds, peak memory and breakLines calls as JSON.
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
step, source, book, out, here = sys.argv[1:6]
sys.path.insert(0, here)
from reportlab.platypus import paragraph as rl_paragraph
breaks = [0]
_break = rl_paragraph.Paragraph.breakLines
def counted(self, *a, **k):
    breaks[0] += getattr(self, "bb_piece", 1) == 1  # a paragraph broken in pieces counts once
    return _break(self, *a, **k)
rl_paragraph.Paragraph.breakLines = counted
# Shapings: words (each font's piece of one) given glyphs by our shaper, whether HarfBuzz
# ran or its cache answered, and HarfBuzz's own runs (once per text, font and direction).
import uharfbuzz
shapes, harfbuzz = [0], [0]
_hb_shape = uharfbuzz.shape
def hb_counted(*a, **k):
    harfbuzz[0] += 1
    return _hb_shape(*a, **k)
uharfbuzz.shape = hb_counted
from briefbook.render import pdf_shaping
_shape_group = pdf_shaping._shape_group
def group_counted(group, out):
    shapes[0] += 1
    return _shape_group(group, out)
pdf_shaping._shape_group = group_counted
from briefbook.render.template import load_template
if source.endswith(".briefbook"):
    from briefbook.assemble import assemble
    from briefbook.library import Library
    with Library.open(source, backup=False) as lib:
        document = assemble(lib, book)
        template = load_template(lib.get("book", book).template)
else:
    from export import paragraph_document
    script, kb = book.split(":")
    document, template = paragraph_document(int(kb), script), load_template("formal-a4")
start, cpu = time.perf_counter(), time.process_time()
if step == "pdf":
    from briefbook.render.pdf import render_pdf
    render_pdf(document, template, out)
elif step == "floor":
    from export import minimal_render
    minimal_render(document, template, out)
elif step == "docx":
    from briefbook.render.docx import render_docx
    render_docx(document, template, out)
elif step == "docx-floor":
    import docx
    paper = docx.Document()
    paper.add_paragraph("".join(r.text for r in document.blocks[0].runs))
    paper.save(out)
elif step == "markdown":
    from export_markdown import to_markdown
    Path(out).write_text(to_markdown(document), encoding="utf-8")
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "breaks": breaks[0],
                  "shapes": shapes[0], "harfbuzz": harfbuzz[0]}))
"""


def paragraph_document(kb: int, script: str = "para"):
    """A document of one paragraph of ``kb`` kilobytes (UTF-8), nothing else: Vietnamese
    (``para``) or Thai (``thaipara``)."""
    from briefbook.document.model import Document, Metadata, Paragraph, Run

    pool = THAI if script == "thaipara" else SENTENCES
    text, rng, size = [], random.Random(kb), 0
    while size < kb * 1024:
        text.append(rng.choice(pool))
        size += len(text[-1].encode()) + 1
    return Document(Metadata(title="Một đoạn dài", language="vi"), [Paragraph([Run(" ".join(text))])])


def minimal_render(document, template, out: str) -> None:
    """The floor: the document's paragraphs, as plain Paragraphs in a SimpleDocTemplate, one pass.

    The markup and the paragraph styles are our renderer's (same fonts, same shaping
    rule); everything else is left out: cover, contents, headers, banners, outline,
    tables (their cells become paragraphs), lists' bullets, keep-together groups.
    """
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from briefbook.render.pdf_blocks import build_flowables
    from briefbook.render.pdf_layout import BookState

    state = BookState(document, template, forward_refs=False, progress=None)
    paragraphs: list = []

    def walk(flowable) -> None:
        if isinstance(flowable, list | tuple):  # a table's rows and cells, a list item's flowables
            for item in flowable:
                walk(item)
            return
        if isinstance(flowable, Paragraph):
            # Our paragraph's words as parsed (once, as ours are: parsing them again would
            # make the floor pay a second time for what ours pays once), without our
            # callbacks (contents entries' numbers): plain text and its fonts only.
            frags = [f for f in flowable.frags if getattr(getattr(f, "cbDefn", None), "kind", "") != "onDraw"]
            text = re.sub(r"<onDraw[^>]*/>", "", flowable.text)
            paragraphs.append(Paragraph(text, flowable.style, bulletText=flowable.bulletText, frags=frags))
            return
        # Containers: keep-together groups, image-and-text and lists (_content: a list's
        # items, indented, each holding its flowable in _flowable), tables (_cellvalues),
        # the not-for-release rule (inner).
        for name in ("_content", "_flowable", "_cellvalues", "content", "inner"):
            inner = getattr(flowable, name, None)
            if isinstance(inner, list | tuple) or (inner is not None and hasattr(inner, "wrap")):
                walk(inner)

    for flowable in build_flowables(state):
        walk(flowable)
    t = template
    SimpleDocTemplate(
        out,
        pagesize=(state.page_w, state.page_h),
        leftMargin=t.margin_left_mm * mm,
        rightMargin=t.margin_right_mm * mm,
        topMargin=t.margin_top_mm * mm,
        bottomMargin=t.margin_bottom_mm * mm,
    ).build(paragraphs)


def build_library(path: Path, meetings: int, seed: int = 1, script: str = "vi") -> str:
    rng = random.Random(seed)
    sentences = TEXTS[script]

    def text(n: int) -> str:
        return " ".join(rng.choice(sentences) for _ in range(n))

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


def run_child(step: str, source: Path, book: str, out: Path, root: Path | None = None) -> dict:
    """One step in a fresh process, with the code of ``root`` (this checkout, or another
    one for ``--baseline``); the bench's own helpers come from this checkout's bench/."""
    here = Path(__file__).resolve().parent
    root = (root or here.parent).resolve()
    env = {**os.environ, "PYTHONPATH": str(root) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, step, str(source.resolve()), book, str(out.resolve()), str(here)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,  # "python -c" puts the working folder first on the path, before PYTHONPATH
    )
    if result.returncode != 0:
        raise SystemExit(f"{step} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def measured(command: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """One process: its wall seconds, CPU seconds (user + system) and peak memory (MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{error[-3000:]}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def cli_docx(library: Path, book: str, out: Path, root: Path | None = None) -> dict:
    """Our DOCX end to end: the command line, as a process, from start-up to the file written
    (with the code in ``root``, another checkout, for ``--baseline``)."""
    root = root or Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed copy has its bytecode cached
    command = [sys.executable, "-m", "briefbook", "--library", str(library), "export", book]
    # In the checkout: "python -m" puts the working folder first on the path, before PYTHONPATH.
    return measured([*command, "-o", str(out), "--format", "docx"], env, cwd=root)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cases",
        nargs="+",
        default=["vi-10", "vi-100", "vi-500", "thai-100", "mixed-100", "para-20", "para-100", "para-200"],
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-libreoffice", action="store_true")
    parser.add_argument("--skip-docx", action="store_true", help="only the PDF and its floor")
    parser.add_argument("--skip-pdf", action="store_true", help="only the DOCX and pandoc")
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="another checkout (say, of main before a change): its DOCX export and its PDF are timed "
        "in the same runs, alternating with ours, the floor and pandoc, on 'docx-base' and 'pdf-base' lines",
    )
    parser.add_argument(
        "--floor-max-kb",
        type=int,
        default=1000,
        help="no PDF floor for a longer paragraph (reportlab's own split is quadratic: minutes)",
    )
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pandoc = shutil.which("pandoc")
    work = Path(tempfile.mkdtemp(prefix="bb-bench-"))
    print(f"load before: {os.getloadavg()}; median of {args.runs} runs; pandoc: {pandoc}")
    head = (
        f"{'case':<10}{'pdf s':>7}{'floor s':>8}{'ratio':>7}{'breaks':>8}{'floor':>7}"
        f"{'shapes':>8}{'floor':>7}{'hb':>6}{'floor':>6}"
        f"{'docx s':>8}{'pandoc s':>9}{'ratio':>7}{'LO s':>7}{'MB pdf':>7}{'floor':>6}{'cpu ×':>7}"
    )
    print(head)
    firsts: dict[tuple[str, str], float] = {}  # each paragraph script's first case: seconds
    for case in args.cases:
        script, size = case.split("-")
        if script in PARAGRAPHS:
            source, book = Path("paragraph"), f"{script}:{size}"
        else:
            source = work / f"{case}.briefbook"
            book = build_library(source, int(size), script=script)
        mine, floor, base, docx, pandoc_s = [], [], [], [], []
        docx_runs, pandoc_runs, base_runs = [], [], []
        with_docx = script not in PARAGRAPHS and not args.skip_docx
        para_docx: list[tuple[dict, dict]] = []
        if with_docx:  # untimed: bytecode cached, files warm
            cli_docx(source, book, work / f"{case}.docx")
            if args.baseline:
                cli_docx(source, book, work / f"{case}-base.docx", args.baseline)
            if pandoc:
                run_child("markdown", source, book, work / f"{case}.md")
        for _ in range(args.runs):  # side by side: ours, then its floor, in each run
            if not args.skip_pdf:
                mine.append(run_child("pdf", source, book, work / f"{case}.pdf"))
                if script not in PARAGRAPHS or int(size) <= args.floor_max_kb:
                    floor.append(run_child("floor", source, book, work / f"{case}-floor.pdf"))
                if args.baseline:
                    base.append(run_child("pdf", source, book, work / f"{case}-base.pdf", args.baseline))
            if script in PARAGRAPHS and not args.skip_docx:
                para_docx.append(
                    (
                        run_child("docx", source, book, work / f"{case}.docx"),
                        run_child("docx-floor", source, book, work / f"{case}-floor.docx"),
                    )
                )
            if with_docx:
                docx_runs.append(cli_docx(source, book, work / f"{case}.docx"))
                docx.append(docx_runs[-1]["seconds"])
                if args.baseline:
                    base_runs.append(cli_docx(source, book, work / f"{case}-base.docx", args.baseline))
                if pandoc:
                    pandoc_runs.append(
                        measured([pandoc, str(work / f"{case}.md"), "-o", str(work / f"{case}-p.docx")])
                    )
                    pandoc_s.append(pandoc_runs[-1]["seconds"])
        lo_s = float("nan")
        if soffice and not args.skip_libreoffice and not args.skip_docx and script not in PARAGRAPHS:
            out = work / "lo"
            lo_s = timed(
                [
                    soffice,
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out),
                    str(work / f"{case}.docx"),
                ]
            )

        def med(rows, key):
            return statistics.median(r[key] for r in rows)

        if docx_runs and pandoc_runs:
            pairs = list(zip(docx_runs, pandoc_runs, strict=True))
            wall = statistics.median(d["seconds"] / p["seconds"] for d, p in pairs)
            cpu = statistics.median(d["cpu"] / p["cpu"] for d, p in pairs)
            print(
                f"docx {case:<10} ours {med(docx_runs, 'seconds'):.2f} s (cpu {med(docx_runs, 'cpu'):.2f} s, "
                f"{med(docx_runs, 'peak_mb'):.0f} MB)  pandoc {med(pandoc_runs, 'seconds'):.2f} s "
                f"(cpu {med(pandoc_runs, 'cpu'):.2f} s, {med(pandoc_runs, 'peak_mb'):.0f} MB)  "
                f"ratio {wall:.2f}x wall, {cpu:.2f}x cpu  load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        if base_runs and pandoc_runs:
            pairs = list(zip(base_runs, pandoc_runs, strict=True))
            print(
                f"docx-base {case:<10} {med(base_runs, 'seconds'):.2f} s (cpu {med(base_runs, 'cpu'):.2f} s, "
                f"{med(base_runs, 'peak_mb'):.0f} MB)  ratio "
                f"{statistics.median(b['seconds'] / p['seconds'] for b, p in pairs):.2f}x wall, "
                f"{statistics.median(b['cpu'] / p['cpu'] for b, p in pairs):.2f}x cpu",
                flush=True,
            )
        if para_docx:
            ours = [d for d, _f in para_docx]
            bare = [f for _d, f in para_docx]
            first = firsts.setdefault(("docx", script), med(ours, "seconds"))
            print(
                f"docx para {case:<15} ours {med(ours, 'seconds'):.2f} s (cpu {med(ours, 'cpu'):.2f} s, "
                f"{med(ours, 'peak_mb'):.0f} MB, ×first {med(ours, 'seconds') / first:.1f})  "
                f"python-docx {med(bare, 'seconds'):.2f} s ({med(bare, 'peak_mb'):.0f} MB)  "
                f"ratio {statistics.median(d['seconds'] / f['seconds'] for d, f in para_docx):.2f}x  "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        if args.skip_pdf:
            continue

        if not floor:  # a paragraph past --floor-max-kb
            floor = [{"seconds": math.nan, "cpu": math.nan, "peak_mb": math.nan, "breaks": 0}] * len(mine)
        ratio = statistics.median(m["seconds"] / f["seconds"] for m, f in zip(mine, floor, strict=True))
        first_pdf = firsts.setdefault(("pdf", script), med(mine, "seconds"))
        cpu_ratio = statistics.median(m["cpu"] / f["cpu"] for m, f in zip(mine, floor, strict=True))
        docx_s = statistics.median(docx) if docx else float("nan")
        pandoc_m = statistics.median(pandoc_s) if pandoc_s else float("nan")
        print(
            f"{case:<10}{med(mine, 'seconds'):>7.2f}{med(floor, 'seconds'):>8.2f}{ratio:>6.2f}×"
            f"{mine[0]['breaks']:>8}{floor[0]['breaks']:>7}"
            f"{mine[0]['shapes']:>8}{floor[0].get('shapes', 0):>7}"
            f"{mine[0]['harfbuzz']:>6}{floor[0].get('harfbuzz', 0):>6}"
            f"{docx_s:>8.2f}{pandoc_m:>9.2f}{docx_s / pandoc_m:>6.2f}×{lo_s:>7.1f}"
            f"{med(mine, 'peak_mb'):>7.0f}{med(floor, 'peak_mb'):>6.0f}{cpu_ratio:>6.2f}×"
            + (f"  ×first {med(mine, 'seconds') / first_pdf:.1f}" if script in PARAGRAPHS else ""),
            flush=True,
        )
        if base:
            pairs = list(zip(base, floor, strict=True))
            wall = statistics.median(b["seconds"] / f["seconds"] for b, f in pairs)
            cpu = statistics.median(b["cpu"] / f["cpu"] for b, f in pairs)
            first_base = firsts.setdefault(("base", script), med(base, "seconds"))
            print(
                f"pdf-base {case:<10} {med(base, 'seconds'):.2f} s (cpu {med(base, 'cpu'):.2f} s, "
                f"{med(base, 'peak_mb'):.0f} MB)  ratio to the floor {wall:.2f}x wall, {cpu:.2f}x cpu"
                f"  breaks {base[0]['breaks']}  shapes {base[0]['shapes']}  hb {base[0]['harfbuzz']}"
                + (f"  ×first {med(base, 'seconds') / first_base:.1f}" if script in PARAGRAPHS else ""),
                flush=True,
            )
    print(f"load after: {os.getloadavg()}; files in {work}")


if __name__ == "__main__":
    main()
