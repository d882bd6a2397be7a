"""The HTML MkDocs makes of the builder's pages: kept between builds, and made on both
cores (issue 7: `mkdocs build` of the BBC site, 3,231 pages, spent 28 of its 47 s in
Python-Markdown, one page after the other, and all of it again on every rebuild).

The plugin gives each page the builder wrote (listed in its manifest, and still as it
wrote it) a `BuilderPage`, in `on_files`: MkDocs builds its navigation and its pages
with the Page a plugin sets there (Material's blog plugin does the same for its posts).
`PageHtml.start` (the plugin's `on_nav`) reads those pages and takes each one's key: a
digest of its Markdown, its URL, where each of its links leads, the Markdown settings
and the libraries' versions, which are everything its HTML depends on. A page's
`render` then takes its HTML

- from the cache folder, made by an earlier build under the same key;
- or from the process beside: the pages not in the cache are shared out in `start`, and
  a forked child renders the last of them (`CHILD_SHARE` of the work) while MkDocs
  renders the others here, one by one as usual;
- or, failing both, from MkDocs' own `Page.render`, here.

Wherever it is made, a page as the builder wrote it renders without its raw HTML
blocks, which go back into its HTML unparsed, and its marked raw links are resolved as
MkDocs resolves Markdown links (`rawhtml.py`).

The child's pages do not wait for it: MkDocs reads every page before it builds any
(`on_env` comes between), and builds them in the same order, so the child goes on
making the last pages while MkDocs' page loop (Material's template and search index,
on one core) builds the first ones. A page still being made holds a placeholder until
the loop, or any plugin, first reads its HTML (`_Settled`); then it waits for it. Where
another plugin changes pages' HTML as they are read (`on_page_content`; the briefing
plugin's own leaves a placeholder alone), each page waits for its HTML at once.

What MkDocs logs while it renders a page (a link to a page that is not there) is kept
with the HTML and logged again whenever the HTML is used, in the process that builds,
so `mkdocs build --strict` fails the same way whichever way a page was made. The child
is forked only where `builder.beside.can_fork` says forking is sound (not in the
rebuilds `mkdocs serve` runs beside its server's threads); a child that fails or dies
leaves its pages to MkDocs here.

Only the builder's own pages: their HTML depends on nothing else (no snippets, no
includes), and a hand-written page, or one edited by hand, is MkDocs' business.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import pickle
import posixpath
import re
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from multiprocessing.connection import Connection
from pathlib import Path
from queue import SimpleQueue
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from . import memo, rawhtml
from .beside import can_fork
from .writer import digest, load_manifest

log = logging.getLogger(__name__)

# Libraries whose version changes the HTML a page gets.
LIBRARIES = ("markdown", "mkdocs", "pymdown-extensions")
# Fewer pages to make than this and no child is started. Small sites gain nothing
# measurable (the fixture story's 20 pages: about 0.5 s with a child or without, best
# of five); BBC's 3,231 went from 60.5 to 44.2 s, and from 52.0 to 41.9 s in the next
# `make bench`. Where between the two a child starts to pay was not measured: 200 is
# a round number well above the story.
MIN_SHARED = 200
# The child's share of the pages to make, by weight: most of them, as it goes on
# making them while MkDocs' page loop builds the first ones here, and the loop (on one
# core) is the longer part. BBC's 3,230, nothing kept, builds taken in turn one
# evening, once the entity pages' mentions and the articles' paragraphs were raw HTML
# (`rawhtml.py`): 0.7 23.0 and 27.1 s; 0.8 21.3, 24.8, 27.5, 27.7, 22.3, 30.8, 24.2
# and 22.4 s; 0.9 23.7, 23.5, 24.4 and 28.5 s: within this machine's noise. At 0.8 the
# child's CPU time was 10.6 to 15.9 s in five builds and the loop's 16.4 s in one, so
# the child sat idle at the end; 0.9 starts the loop sooner. (With Markdown mentions and paragraphs, 0.65 was
# best.)
CHILD_SHARE = 0.9
# A page's share of the rendering work: its lines, plus what every page costs whatever
# its length. Lines, not bytes: BBC's article and entity pages took 0.15 and 0.17 ms a
# line, but 1.6 and 2.4 microseconds a byte (an entity page's lines are short links).
PAGE_LINES = 10
# A line of a raw HTML block (`rawhtml.cut`) counts as a tenth of a line: BBC's entity
# pages, 33,282 lines of Markdown and 78,744 of raw HTML, took 6.6 s, about what their
# Markdown lines alone would at the articles' 0.13 ms a line.
BLOCK_LINE = 0.1

# Link targets in Markdown: inline links and images, and reference definitions.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Html:
    """What `Page.render` leaves on a page, in a form that pickles."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    # Links to anchors of other pages, by the linked page's src_uri; None when MkDocs
    # did not collect them (its log level is DEBUG).
    links: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None
    logged: tuple[tuple[str, int, str], ...]  # (logger, level, message)

    @classmethod
    def made(cls, page: Page, config: MkDocsConfig, files: Files, as_written: bool = False) -> Html:
        """MkDocs' own rendering of `page`, with what it logged on the way. As the
        builder wrote it, its raw HTML blocks are kept from Python-Markdown
        (`rawhtml.cut`)."""
        with _logged() as logged:
            if not (as_written and _render_cut(page, config, files)):
                logged.clear()
                Page.render(page, config, files)
            assert page.content is not None
            page.content = rawhtml.resolve(page.content, page, config, files)
        links = None if page.links_to_anchors is None else tuple(sorted(
            (target.src_uri, tuple(sorted(anchors.items()))) for target, anchors in page.links_to_anchors.items()))
        return cls(page.content, page.toc, page._title_from_render, frozenset(page.present_anchor_ids or ()),
                   links, tuple(logged))

    def give(self, page: Page, files: Files) -> None:
        """Leave on `page` what `Page.render` would have, and log what it logged."""
        page.content = self.content
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchors)
        if self.links is not None:
            page.links_to_anchors = {target: dict(anchors) for uri, anchors in self.links
                                     if (target := files.get_file_from_path(uri)) is not None}
        for name, level, message in self.logged:
            logging.getLogger(name).log(level, message)


class _Settled:
    """A field `Page.render` sets, on a page whose HTML the child is still making: read
    in MkDocs' page loop, it waits for that HTML first. Before the loop (`on_env`),
    MkDocs only checks that the page has content and hands it to the plugins'
    `on_page_content` (the briefing plugin's alone, which leaves it as it is): it reads
    `WAITING` and sets it back."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = "_settled_" + name

    def __get__(self, page: BuilderPage | None, owner: type | None = None) -> object:
        if page is None:
            return self
        if page._waiting is not None:
            if self.name == "_settled_content" and not page._html.loop_started:
                return WAITING
            page._settle()
        return getattr(page, self.name)

    def __set__(self, page: BuilderPage, value: object) -> None:
        if getattr(page, "_waiting", None) is not None:
            if value is WAITING:
                return
            page._settle()
        setattr(page, self.name, value)


# What a page waiting for the child's HTML holds as content before MkDocs' page loop.
WAITING = "<!-- briefing: this page's HTML is being made beside -->"


class BuilderPage(Page):
    """A page the builder wrote. Read early, by `PageHtml.start`; rendered from the
    cache or by the child when its Markdown is still what was read (no other plugin
    changed it in `on_page_markdown`)."""

    content = _Settled()
    toc = _Settled()
    _title_from_render = _Settled()
    present_anchor_ids = _Settled()
    links_to_anchors = _Settled()

    def __init__(self, file: File, config: MkDocsConfig, html: PageHtml) -> None:
        self._waiting: tuple[MkDocsConfig, Files] | None = None  # the child is making its HTML
        self._settled_present_anchor_ids: set[str] | None = None
        self._settled_links_to_anchors: dict[File, dict[str, str]] | None = None
        super().__init__(None, file, config)
        self._html = html
        self._read: str | None = None  # the Markdown as read, which the key was taken of

    def read_source(self, config: MkDocsConfig) -> None:
        if self._read is None or self.markdown is not self._read:
            super().read_source(config)
            self._read = self.markdown

    def render(self, config: MkDocsConfig, files: Files) -> None:
        as_read = self.markdown is not None and self.markdown == self._read
        if as_read and self._html.owns(self):
            self._html.as_written.add(self.file.src_uri)
            if self._html.defers(self, config):
                self._waiting = (config, files)
                return
        self._render(config, files, as_read)

    def _settle(self) -> None:
        """The child's HTML for this page, now: waited for, or made here if it failed."""
        assert self._waiting is not None
        (config, files), self._waiting = self._waiting, None
        self._render(config, files, as_read=True)

    def _render(self, config: MkDocsConfig, files: Files, as_read: bool) -> None:
        html = self._html.take(self) if as_read else None
        if html is not None:
            html.give(self, files)
            return
        made = Html.made(self, config, files, as_written=as_read and self._html.owns(self))
        if as_read:
            self._html.keep(self, made)


class PageHtml:
    """One build's pages: their keys, the cache, and the child."""

    def __init__(self, folder: Path | None, config: MkDocsConfig, parallel: bool = True,
                 own: Collection[object] = ()) -> None:
        self._memo: memo.Memo[Html] = memo.Memo(folder, "html", ("pagehtml.py", "rawhtml.py"))
        self._parallel = parallel
        self._own = own  # the plugin's `on_page_content`, which leaves a waiting page waiting
        self._settings = _settings(config)
        self._keys: dict[str, bytes] = {}
        self._cached: dict[str, Html] = {}
        self._child: _Child | None = None
        self._every_file: bytes | None = None
        self._by_uri: dict[str, File] = {}
        self._resolved: dict[tuple[str, str], tuple[object, ...] | None] = {}
        self._owned: dict[str, str] = {}  # the builder's manifest: page -> digest of what it wrote
        self.counts = {"reused": 0, "made here": 0, "made beside": 0}
        # The pages rendered from the Markdown the builder wrote (not edited by hand,
        # nor changed by another plugin): their HTML is the builder's templates' alone.
        self.as_written: set[str] = set()
        self.loop_started = False  # MkDocs' page loop (`on_env`): a page's HTML is waited for

    def attach(self, files: Files, config: MkDocsConfig) -> None:
        """`on_files`: a BuilderPage for each page of the builder's manifest."""
        self._owned = load_manifest(Path(config.docs_dir))
        for file in files.documentation_pages():
            if file.src_uri in self._owned and file.page is None:
                BuilderPage(file, config, self)  # Page.__init__ sets file.page

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """`on_nav`: read the builder's pages, find their HTML in the cache, and start
        a child on a share of the others."""
        self._by_uri = {f.src_uri: f for f in files}
        to_make: list[BuilderPage] = []
        for file in files.documentation_pages():
            page = file.page
            if not isinstance(page, BuilderPage):
                continue
            if digest(file.content_bytes) != self._owned.get(file.src_uri):
                continue  # edited by hand since the builder wrote it: rendered as MkDocs would
            page.read_source(config)
            assert page.markdown is not None
            key = self._keys[file.src_uri] = memo.key(
                self._settings, file.src_uri, file.url, page.markdown, self._link_targets(page.markdown, file, files))
            html = self._memo.get(key)
            if html is not None:
                self._cached[file.src_uri] = html
            else:
                to_make.append(page)
        if self._parallel and len(to_make) >= MIN_SHARED and can_fork():
            self._child = _Child.start(_last_share(to_make, CHILD_SHARE), config, files)

    def owns(self, page: BuilderPage) -> bool:
        """Whether the page is as the builder wrote it (`start` took its key)."""
        return page.file.src_uri in self._keys

    def defers(self, page: BuilderPage, config: MkDocsConfig) -> bool:
        """Whether the page can wait for its HTML until MkDocs' page loop needs it: the
        child is making it, and no plugin would read it before (`on_page_content`)."""
        return (self._child is not None and self._child.making(page.file.src_uri)
                and all(handler in self._own for handler in config.plugins.events["page_content"]))

    def start_loop(self) -> None:
        """`on_env`: MkDocs' page loop starts; the pages still waiting wait no longer than
        until it comes to them."""
        self.loop_started = True

    def take(self, page: BuilderPage) -> Html | None:
        uri = page.file.src_uri
        key = self._keys.get(uri)
        if key is None:
            return None
        html = self._cached.pop(uri, None)
        if html is not None:
            self.counts["reused"] += 1
            return html
        made = self._child.result(uri) if self._child is not None else None
        if made is None:
            return None
        data, html = made
        self._memo.put_pickled(key, data)
        self.counts["made beside"] += 1
        return html

    def keep(self, page: BuilderPage, html: Html) -> None:
        key = self._keys.get(page.file.src_uri)
        if key is not None:
            self._memo.put(key, html)
            self.counts["made here"] += 1

    def finish(self) -> None:
        """`on_post_build`, every page built: keep this build's HTML, stop the child."""
        self.close()
        self._memo.save()

    def close(self) -> None:
        if self._child is not None:
            self._child.stop()
            self._child = None

    def _link_targets(self, markdown: str, file: File, files: Files) -> tuple[object, ...]:
        """Where each relative link of the page leads (its HTML holds the target's URL,
        and a warning if it is missing). A link to no file at all brings in every file:
        MkDocs' warning then suggests the files it might have meant."""
        folder = posixpath.dirname(file.src_uri)
        targets = set()
        markdown_targets = [inline or defined for inline, defined in _LINK.findall(markdown)]
        for target in markdown_targets + rawhtml.link_targets(markdown):
            known = (folder, target)
            if known not in self._resolved:
                self._resolved[known] = self._resolve(folder, target)
            found = self._resolved[known]
            if found is None:
                return ("every file", self._files_digest(files))
            if found:
                targets.add(found)
        return tuple(sorted(targets))

    def _resolve(self, folder: str, target: str) -> tuple[object, ...] | None:
        """The file a link leads to, as (src_uri, url, excluded); () for a link MkDocs
        leaves alone (another site, an anchor of this page, an absolute path); None for
        a link it cannot resolve."""
        try:
            parts = urlsplit(target)
        except ValueError:
            return None
        if parts.scheme or parts.netloc or not parts.path or target.startswith(("/", "\\")):
            return ()
        uri = posixpath.normpath(posixpath.join(folder, unquote(parts.path)).lstrip("/"))
        found = self._by_uri.get(uri)
        return None if found is None else (uri, found.url, found.inclusion.is_excluded())

    def _files_digest(self, files: Files) -> bytes:
        if self._every_file is None:
            self._every_file = memo.key(tuple(sorted((f.src_uri, f.url, f.inclusion.is_excluded()) for f in files)))
        return self._every_file


def _render_cut(page: Page, config: MkDocsConfig, files: Files) -> bool:
    """`Page.render` of the page without its raw HTML blocks, then the blocks put back
    in its HTML; False where the page has none, or they could not be put back."""
    markdown = page.markdown
    assert markdown is not None
    cut, blocks = rawhtml.cut(markdown)
    if not blocks:
        return False
    page.markdown = cut
    try:
        Page.render(page, config, files)
    finally:
        page.markdown = markdown
    assert page.content is not None
    content = rawhtml.splice(page.content, blocks)
    if content is None:
        return False
    page.content = content
    assert page.present_anchor_ids is not None
    page.present_anchor_ids = page.present_anchor_ids | rawhtml.ids(blocks)
    return True


def _settings(config: MkDocsConfig) -> tuple[object, ...]:
    """What a page's HTML depends on besides the page: the Markdown extensions and their
    settings, the URL style, what MkDocs warns about, and the libraries. An extension
    configured with a Python object (a slugify function) has no stable repr: its
    pages are then never found in the cache, which is slow but right."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, ""))
    return (tuple(versions), repr(config.markdown_extensions), repr(sorted(config.mdx_configs.items())),
            config.use_directory_urls, repr(config.validation))


def _last_share(pages: list[BuilderPage], share: float) -> list[BuilderPage]:
    """The pages MkDocs comes to last, about `share` of the work: the child makes them
    while MkDocs makes the first ones here."""
    weights = []
    for page in pages:
        markdown = page.markdown or ""
        in_blocks = rawhtml.block_lines(markdown)
        weights.append(markdown.count("\n") - (1 - BLOCK_LINE) * in_blocks + PAGE_LINES)
    wanted, total = sum(weights) * share, 0
    for start in range(len(pages) - 1, -1, -1):
        total += weights[start]
        if total >= wanted:
            return pages[start:]
    return pages


@contextmanager
def _logged() -> Iterator[list[tuple[str, int, str]]]:
    """What is logged meanwhile, through MkDocs' logger or the root one (Python-Markdown's)."""
    kept: list[tuple[str, int, str]] = []
    # A record may pass both loggers. Held until the end, so that no later record gets
    # its id (a set of ids alone dropped warnings repeated on a page).
    seen: dict[int, logging.LogRecord] = {}

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if id(record) not in seen:
                seen[id(record)] = record
                kept.append((record.name, record.levelno, record.getMessage()))

    handler = Keep()
    loggers = [logging.getLogger("mkdocs"), logging.getLogger()]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield kept
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


class _Child:
    """A forked process rendering a list of pages, sending each page's HTML (pickled)
    as it is made, in order."""

    def __init__(self, process: multiprocessing.process.BaseProcess, channel: Connection, uris: list[str]) -> None:
        self._process = process
        self._channel = channel
        self._waiting = set(uris)
        self._got: dict[str, tuple[bytes, Html]] = {}

    @classmethod
    def start(cls, pages: list[BuilderPage], config: MkDocsConfig, files: Files) -> _Child | None:
        context = multiprocessing.get_context("fork")
        channel, theirs = context.Pipe(duplex=False)
        process = context.Process(target=_render_all, args=(theirs, pages, config, files),
                                  name="briefing-pages", daemon=True)
        # Python's gc documentation advises freezing before a fork: the child's
        # collections then leave the parent's objects alone (no copy of every page of
        # memory they sit on). Runs with and without differed within this machine's noise.
        # Left alone when the process froze objects of its own (builder/collector.py).
        ours = gc.get_freeze_count() == 0
        if ours:
            gc.freeze()
        try:
            process.start()
        except OSError as error:  # no memory or no process left: MkDocs makes every page here
            log.debug("no process beside MkDocs (%s)", error)
            channel.close()
            return None
        finally:
            if ours:
                gc.unfreeze()
            theirs.close()
        return cls(process, channel, [p.file.src_uri for p in pages])

    def making(self, uri: str) -> bool:
        return uri in self._waiting or uri in self._got

    def result(self, uri: str) -> tuple[bytes, Html] | None:
        """The page's HTML, waiting for it if the child has not sent it yet; None if the
        child could not make it (or is gone): then MkDocs makes it here."""
        while uri in self._waiting and uri not in self._got:
            try:
                sent_uri, data = pickle.loads(self._channel.recv_bytes())  # noqa: S301 - our own child's
            except (EOFError, OSError):
                self._process.join()
                log.info("the process rendering pages beside MkDocs ended early (exit code %s); "
                         "rendering its %d remaining pages here", self._process.exitcode, len(self._waiting))
                self._waiting.clear()
                break
            self._waiting.discard(sent_uri)
            if data is not None:
                self._got[sent_uri] = (data, pickle.loads(data))  # noqa: S301 - our own child's
        return self._got.pop(uri, None)

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()  # it has nothing left that this build needs
        self._process.join()
        self._channel.close()


def _render_all(channel: Connection, pages: list[BuilderPage], config: MkDocsConfig, files: Files) -> None:
    """The child's life. A thread sends what the child makes: the parent reads only
    when MkDocs comes to the child's pages, and a child that waited on a full pipe
    until then would have made them no sooner than the parent. The child logs nothing
    itself: what rendering logs goes back with the HTML, and the parent logs it."""
    for name in ("", "mkdocs"):
        logging.getLogger(name).handlers = []
    made: SimpleQueue[bytes | None] = SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(channel, made), name="briefing-pages-sender")
    sender.start()
    for page in pages:
        try:
            data: bytes | None = memo.dumps(Html.made(page, config, files, as_written=True))
        except Exception:  # noqa: BLE001 - MkDocs renders the page again in the parent and reports it as usual
            data = None
        made.put(pickle.dumps((page.file.src_uri, data), protocol=pickle.HIGHEST_PROTOCOL))
    made.put(None)
    sender.join()


def _send_all(channel: Connection, made: SimpleQueue[bytes | None]) -> None:
    while (message := made.get()) is not None:
        channel.send_bytes(message)
    channel.close()
