"""`newslint lsp`: diagnostics while an editor has an article open, and quick fixes for the safe ones.

Markdown, HTML and plain-text documents are linted on open, on change (after a short pause in
typing) and on save, with the nearest `.newslint.yaml` from the document's folder upward (a
saved config applies at once). Diagnostics carry the check id as their code; their ranges are in
the position encoding agreed with the client (UTF-16 unless it offers another). Each safe fix is
a quick-fix code action, and "Fix all safe problems" is a `source.fixAll.newslint` action.

Linting runs on one worker thread, one document at a time, so the server keeps reading messages
meanwhile; an answer for a version of a document that has changed since is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__, api
from lint.config import CONFIG_NAMES, ConfigError
from lint.document import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from lint.engine import ConfigCache
from lint.findings import Finding, Severity
from lint.lsp.positions import LineIndex

SOURCE = "newslint"
FIX_ALL = "source.fixAll.newslint"
CHANGE_DELAY = 0.3  # seconds of quiet typing before a changed document is linted again
LANGUAGE_SUFFIX = {"markdown": ".md", "html": ".html", "plaintext": ".txt", "text": ".txt"}
TEXT_SUFFIXES = frozenset({".txt", ".text"})
SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass
class Linted:
    """The last lint of one document version: what code actions are answered from."""

    version: int | None
    text: str
    filename: str
    config: api.Config | None
    index: LineIndex
    findings: list[Finding] = field(default_factory=list)


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.configs = ConfigCache(None)
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.linter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")

    # -- which documents, which config ---------------------------------------------------------

    def filename(self, uri: str, language_id: str | None) -> str | None:
        """The path that picks the format and config, or None for a document newslint does not read."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        suffix = Path(path).suffix.lower() if path else ""
        if suffix in MARKDOWN_SUFFIXES or suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES:
            return path
        extra = LANGUAGE_SUFFIX.get(language_id or "")
        if extra is None:
            return None
        base = path or str(self.root() / "untitled")
        return base + extra

    def root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def config_for(self, filename: str) -> api.Config:
        return self.configs.for_dir(Path(filename).parent)

    # -- linting ------------------------------------------------------------------------------------

    def lint(self, text: str, filename: str, version: int | None) -> tuple[Linted, list[types.Diagnostic]]:
        """Runs on the lint thread."""
        index = LineIndex(text, str(self.workspace.position_encoding or "utf-16"))
        try:
            config = self.config_for(filename)
        except ConfigError as err:
            problem = types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                message=f"newslint cannot use its config: {err}", severity=types.DiagnosticSeverity.Error,
                source=SOURCE, code="config")
            return Linted(version, text, filename, None, index), [problem]
        if config.excluded(Path(filename)):
            return Linted(version, text, filename, config, index), []
        result = api.lint_text(text, filename, config)
        linted = Linted(version, text, filename, config, index, result.findings)
        diagnostics = [self.diagnostic(index, f) for f in result.findings]
        if result.error:
            diagnostics.append(types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 0)), message=result.error,
                severity=types.DiagnosticSeverity.Error, source=SOURCE, code="error"))
        return linted, diagnostics

    @staticmethod
    def range(index: LineIndex, start: int, end: int) -> types.Range:
        (a_line, a_char), (b_line, b_char) = index.position(start), index.position(end)
        return types.Range(types.Position(a_line, a_char), types.Position(b_line, b_char))

    def diagnostic(self, index: LineIndex, f: Finding) -> types.Diagnostic:
        fixable = f.fix is not None and f.fix.safe
        return types.Diagnostic(
            range=self.range(index, f.span.start, f.span.end), message=f.message, severity=SEVERITY[f.severity],
            source=SOURCE, code=f.rule, data={"safe_fix": fixable},
        )

    async def relint(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            doc = self.workspace.get_text_document(uri)
        except KeyError:
            return
        filename = self.filename(uri, doc.language_id)
        if filename is None:
            return
        version, text = doc.version, doc.source
        loop = asyncio.get_running_loop()
        linted, diagnostics = await loop.run_in_executor(self.linter, self.lint, text, filename, version)
        if uri not in self.workspace.text_documents or self.workspace.get_text_document(uri).version != version:
            return  # edited meanwhile: the newer version's lint will answer
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        task = asyncio.get_running_loop().create_task(self.relint(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda t: self.pending.pop(uri, None) if self.pending.get(uri) is t else None)

    async def current(self, uri: str) -> Linted | None:
        """The lint of the document as it is now (linting it first when it changed)."""
        doc = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != doc.version:
            await self.relint(uri)
            linted = self.linted.get(uri)
        return linted

    # -- code actions ------------------------------------------------------------------------------------

    async def actions(self, uri: str, linted: Linted, wanted: types.Range,
                      only: list[str] | None) -> list[types.CodeAction]:
        def allowed(kind: str) -> bool:
            return not only or any(kind == o or kind.startswith(o + ".") for o in only)

        out: list[types.CodeAction] = []
        fixable = [f for f in linted.findings if f.fix is not None and f.fix.safe]
        if allowed(types.CodeActionKind.QuickFix):
            for f in fixable:
                where = self.range(linted.index, f.span.start, f.span.end)
                if not _overlaps(where, wanted):
                    continue
                assert f.fix is not None
                edit = types.TextEdit(self.range(linted.index, f.fix.span.start, f.fix.span.end), f.fix.replacement)
                out.append(types.CodeAction(
                    title=f"Fix: {f.message}", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[self.diagnostic(linted.index, f)], is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [edit]})))
        if fixable and linted.config is not None and allowed(FIX_ALL):
            loop = asyncio.get_running_loop()
            fixed = await loop.run_in_executor(self.linter, api.fix_text, linted.text, linted.filename, linted.config)
            if fixed.changed:
                whole = self.range(linted.index, 0, len(linted.text))
                out.append(types.CodeAction(
                    title=f"Fix all safe problems ({len(fixed.applied)}) with newslint", kind=FIX_ALL,
                    edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(whole, fixed.text)]})))
        return out


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def build() -> NewslintServer:
    server = NewslintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, CHANGE_DELAY)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.startswith("file:") and Path(to_fs_path(uri) or "").name in CONFIG_NAMES:
            ls.configs = ConfigCache(None)  # a config changed: every open article may lint differently
            for other in list(ls.workspace.text_documents):
                ls.schedule(other, 0.0)
            return
        ls.schedule(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    async def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        if uri not in ls.workspace.text_documents:
            return []
        linted = await ls.current(uri)
        if linted is None:
            return []
        return await ls.actions(uri, linted, params.range, params.context.only)

    return server


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="newslint lsp: %(message)s")  # stderr; stdout is the protocol
    build().start_io()
