"""news-please JSON records (`.json`): `title`, `text`, `date_publish`, `authors`, `url`,
`source_domain`. The shape of the news-clusters corpus and of many scraping pipelines."""

from __future__ import annotations

import json
from pathlib import Path

from ...errors import SourceError
from ...model import RawDocument, Sourced
from ..blocks import split_text
from ..decoding import Decoded
from .fields import canonical


def read(path: Path, name: str, decoded: Decoded) -> RawDocument:
    try:
        record = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(record, dict) or "text" not in record:
        raise SourceError(path, "JSON is not a news-please article record (no \"text\" key)")
    if not isinstance(record["text"], str) or not record["text"].strip():
        raise SourceError(path, "the record's \"text\" is empty")
    blocks = split_text(record["text"].replace("\r\n", "\n"))
    if not blocks:
        raise SourceError(path, "the record's \"text\" is empty")
    meta = {key: record.get(key) for key in ("title", "date_publish", "authors", "url", "description")}
    fields, _ = canonical({k: v for k, v in meta.items() if isinstance(v, (str, list))}, "JSON")
    domain = record.get("source_domain")
    if isinstance(domain, str) and domain.strip():
        fields["outlet"] = Sourced(domain.strip().removeprefix("www."), "JSON `source_domain`")
    return RawDocument(path=path, name=name, format="news-please JSON", encoding=decoded.encoding,
                       blocks=blocks, fields=fields)
