"""Front matter, recognised by content: a `---` (YAML) or `+++` (TOML) fence on the
first line, a closing fence, and a mapping between them.

Whatever the file's suffix: seed 004 is a `.txt` file that opens with Jekyll front
matter, and Jekyll also publishes `.html` posts with it. In a Markdown file a fence
always means front matter, so a block that does not parse is an error naming the
file; in a `.txt` or `.html` file a `---` line may be a separator someone pasted, so
there the text is front matter only when it parses as a mapping.

python-frontmatter's handlers find the fences; the loaders are ours (safe YAML with a
size cap, the standard library's TOML).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from ...model import Removal
from .. import yamlsafe


class FrontMatterError(ValueError):
    """A fenced block that is not a readable mapping."""


class SafeYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> object:
        return yamlsafe.load(fm)


class TOMLHandler(BaseHandler):
    """Hugo's `+++` front matter, parsed by the standard library's tomllib."""

    def __init__(self) -> None:
        super().__init__(re.compile(r"^\+{3}\s*$", re.MULTILINE), "+++", "+++")

    def load(self, fm: str, **kwargs: object) -> object:
        if len(fm) > yamlsafe.MAX_YAML_CHARS:
            raise ValueError(f"front matter is {len(fm)} characters, over the {yamlsafe.MAX_YAML_CHARS} limit")
        return tomllib.loads(fm)

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:  # pragma: no cover
        raise NotImplementedError("the builder never writes front matter back")


_HANDLERS = (SafeYAMLHandler(), TOMLHandler())
_FENCE = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n")
# HTML comments (and blank lines) before the fence: 18F's post template opens with a
# comment line saying where posts go, then its front matter.
_COMMENT = r"[ \t]*<!--(?:(?!-->).){0,2000}-->[ \t]*\n"
_LEADING_COMMENTS = re.compile(rf"\A(?:{_COMMENT}|[ \t]*\n)*{_COMMENT}(?:[ \t]*\n)*(?=(?:---|\+\+\+)[ \t]*\n)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    meta: dict[str, object]
    body: str
    body_line: int  # the file line the body starts on
    lines: int  # how many lines the front matter and its fences take (with any comments before it)
    comment: str = ""  # HTML comments before the opening fence


def split(text: str) -> FrontMatter | None:
    """The front matter and body of `text`, or None when it opens with no fence.
    Raises FrontMatterError when a fenced block is not a mapping."""
    lead = _LEADING_COMMENTS.match(text)
    comment = lead.group(0).strip() if lead else ""
    before, text = (text[: lead.end()], text[lead.end():]) if lead else ("", text)
    if not _FENCE.match(text):
        return None
    handler = next((h for h in _HANDLERS if h.detect(text)), None)
    if handler is None:
        return None
    try:
        fm_text, body = handler.split(text)
        loaded = handler.load(fm_text)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError) as exc:
        raise FrontMatterError(_reason(exc)) from exc
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    lines = before.count("\n") + text[: len(text) - len(body)].count("\n")
    return FrontMatter(loaded, body, lines + 1, lines, comment)


def _reason(exc: Exception) -> str:
    """One short line: YAML's own messages run over several lines with carets."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        # the front matter starts on the file's line 2
        return f"{exc.problem}" + (f" (file line {line + 1})" if line else "")
    return " ".join(str(exc).split())[:200]


def removal(front: FrontMatter) -> Removal:
    """The front matter as the cleaning report lists it."""
    shown = ", ".join(str(k) for k in list(front.meta)[:12]) or "empty"
    after = ", after an HTML comment" if front.comment else ""
    return Removal(f"front matter: {shown}", "front-matter",
                   f"front matter (lines 1-{front.lines}{after}): read as the metadata", 1)
