"""A library of 50,000 talking points, built in seconds (for tests and bench/startup.py)."""

from __future__ import annotations

import uuid
from pathlib import Path

from briefbook.library import Library, TalkingPoint, Topic
from briefbook.library.api import now
from briefbook.library.records import TALKING_POINT_KINDS, TALKING_POINT_STATUSES

NEEDLE = "Điểm đặc biệt số 31337 về hợp tác xyzzy"


def build_big_library(path: Path, points: int = 50_000, topics: int = 50) -> Path:
    """Topics through the API; talking points inserted in bulk, then the search index rebuilt."""
    library = Library.create(path)
    try:
        with library.transaction():
            topic_ids = [
                library.add(Topic(title=f"Chủ đề {i}: hợp tác chống lừa đảo trực tuyến")).id
                for i in range(topics)
            ]
            stamp = now()
            rows = []
            for i in range(points):
                text = (
                    NEEDLE
                    if i == 31337
                    else f"Luận điểm {i}: Việt Nam kiên quyết chống lừa đảo trực tuyến, mã {i % 997}."
                )
                rows.append(
                    {
                        **{f: getattr(TalkingPoint(), f) for f in TalkingPoint.field_names()},
                        "id": str(uuid.uuid4()),
                        "created_at": stamp,
                        "updated_at": stamp,
                        "topic_id": topic_ids[i % topics],
                        "kind": TALKING_POINT_KINDS[i % len(TALKING_POINT_KINDS)],
                        "status": TALKING_POINT_STATUSES[i % len(TALKING_POINT_STATUSES)],
                        "text": text,
                        "position": i // topics + 1,
                    }
                )
            library.db["talking_points"].insert_all(rows, batch_size=2000)
        library.rebuild_index()
    finally:
        library.close()
    return path
