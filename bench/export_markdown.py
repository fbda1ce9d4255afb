"""The document model as Markdown, so that pandoc can be timed on the same content."""

from __future__ import annotations

from briefbook.document.model import (
    Contents,
    Cover,
    Document,
    Heading,
    Image,
    ListBlock,
    PageBreak,
    Paragraph,
    Profile,
    Run,
    Table,
)


def _runs(runs: list[Run]) -> str:
    out = []
    for r in runs:
        text = r.text.replace("\n", "\\\n")
        if r.bold:
            text = f"**{text}**"
        if r.italic:
            text = f"*{text}*"
        if r.link:
            text = f"[{text}]({r.link})"
        out.append(text)
    return "".join(out)


def _list(block: ListBlock, depth: int = 0) -> list[str]:
    lines = []
    for n, item in enumerate(block.items, start=1):
        marker = f"{n}." if block.ordered else "-"
        lines.append("   " * depth + f"{marker} {_runs(item.runs)}")
        if item.children:
            lines += _list(item.children, depth + 1)
    return lines


def to_markdown(document: Document) -> str:
    parts: list[str] = [f'---\ntitle: "{document.meta.title}"\n---']
    for b in document.blocks:
        if isinstance(b, Heading):
            parts.append("#" * b.level + " " + b.text)
        elif isinstance(b, Paragraph):
            parts.append(_runs(b.runs))
        elif isinstance(b, ListBlock):
            parts.append("\n".join(_list(b)))
        elif isinstance(b, Table):
            header = [" ".join(_runs(p.runs) for p in cell) for cell in b.header[0]]
            rows = [[" ".join(_runs(p.runs) for p in cell) for cell in row] for row in b.rows]
            lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
            parts.append("\n".join(lines))
        elif isinstance(b, Profile):
            parts.append(f"**{b.name}**\n\n" + "\n\n".join(_runs(p.runs) for p in b.lines))
        elif isinstance(b, Cover):
            parts.append(f"# {b.title}\n\n{b.subtitle}\n\n{b.event}\n\n{b.place_and_dates}")
        elif isinstance(b, Contents):
            parts.append(f"**{b.title}**")
        elif isinstance(b, PageBreak | Image):
            parts.append("\\newpage" if isinstance(b, PageBreak) else "")
    return "\n\n".join(parts) + "\n"
