"""`newslint lsp` end to end: pytest-lsp starts the real command and talks to it as an editor would."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from lint.lsp.positions import LineIndex  # noqa: E402

NEWSLINT = Path(sys.executable).parent / "newslint"
# An emoji (two UTF-16 units, one code point) and curly quotes before the finding.
TRIP = "# Trip\n\n🙂 “Great,” said the united states envoy.\n"
PREFIX = "🙂 “Great,” said the "


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def published(client: LanguageClient, uri: str, timeout: float = 30) -> list[types.Diagnostic]:
    """The next diagnostics published for `uri` (taken, so the next call waits for new ones)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while uri not in client.diagnostics:
        if loop.time() > deadline:
            raise AssertionError(f"no diagnostics for {uri} in {timeout} s")
        await asyncio.sleep(0.05)
    return list(client.diagnostics.pop(uri))


def apply(text: str, edit: types.TextEdit) -> str:
    """Apply a TextEdit whose positions are in UTF-16 code units, as an editor does."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        line = lines[p.line]
        units = 0
        for i, ch in enumerate(line):
            if units >= p.character:
                return sum(len(x) + 1 for x in lines[: p.line]) + i
            units += utf16(ch)
        return sum(len(x) + 1 for x in lines[: p.line]) + len(line)

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    (root / ".newslint.yaml").write_text("checks:\n  sentence-length: {max_words: 30}\n", encoding="utf-8")
    (root / "opinion").mkdir()
    (root / "opinion" / ".newslint.yaml").write_text("checks:\n  proper-noun-case: false\n", encoding="utf-8")
    (root / "broken").mkdir()
    (root / "broken" / ".newslint.yaml").write_text("checks:\n  no-such-check: true\n", encoding="utf-8")
    return root


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=[str(NEWSLINT), "lsp"]))
async def client(lsp_client: LanguageClient, newsroom: Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=newsroom.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=newsroom.as_uri(), name="newsroom")]))
    yield
    await lsp_client.shutdown_session()


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown", version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))
    return uri


@pytest.mark.asyncio(loop_scope="module")
async def test_did_open_reports_the_exact_utf16_range_and_the_fix_gives_united_states(
    client: LanguageClient, newsroom: Path
):
    uri = open_doc(client, newsroom / "trip.md", TRIP)
    diagnostics = await published(client, uri)
    found = [d for d in diagnostics if d.code == "proper-noun-case"]
    assert len(found) == 1
    d = found[0]
    assert utf16(PREFIX) == 21 and len(PREFIX) == 20  # UTF-16 units differ from code points here
    assert (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) == (2, 21, 2, 34)
    assert d.severity == types.DiagnosticSeverity.Error and d.source == "newslint"
    assert d.message == "“united states” should be “United States”"

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=d.range,
        context=types.CodeActionContext(diagnostics=[d])))
    assert actions is not None
    quick = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["Fix: “united states” should be “United States”"]
    assert quick[0].edit is not None and quick[0].edit.changes is not None
    (edit,) = quick[0].edit.changes[uri]
    assert edit.new_text == "United States" and edit.range == d.range
    assert apply(TRIP, edit) == "# Trip\n\n🙂 “Great,” said the United States envoy.\n"


@pytest.mark.asyncio(loop_scope="module")
async def test_change_and_save_lint_again(client: LanguageClient, newsroom: Path):
    path = newsroom / "budget.md"
    uri = open_doc(client, path, "# Budget\n\nThe vote is on Monday.\n")
    assert await published(client, uri) == []
    changed = "# Budget\n\nThe vote is on Monday. The figure is TK.\n"
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)]))
    after_change = await published(client, uri)
    assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in after_change] == [
        ("placeholder-text", 2, 37, 39),
    ]
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [d.code for d in await published(client, uri)] == ["placeholder-text"]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await published(client, uri) == []


@pytest.mark.asyncio(loop_scope="module")
async def test_the_nearest_config_applies(client: LanguageClient, newsroom: Path):
    text = "# View\n\nWe met the united states team. It was TK.\n"
    root_uri = open_doc(client, newsroom / "view.md", text)
    opinion_uri = open_doc(client, newsroom / "opinion" / "view.md", text)
    assert sorted(d.code for d in await published(client, root_uri)) == ["placeholder-text", "proper-noun-case"]
    assert [d.code for d in await published(client, opinion_uri)] == ["placeholder-text"]
    broken_uri = open_doc(client, newsroom / "broken" / "view.md", text)
    (problem,) = await published(client, broken_uri)
    assert problem.code == "config" and "unknown check 'no-such-check'" in problem.message


@pytest.mark.asyncio(loop_scope="module")
async def test_html_and_plain_text_documents(client: LanguageClient, newsroom: Path):
    html_uri = open_doc(client, newsroom / "page.html", "<article><p>We flew to the united states.</p></article>",
                        "html")
    text_uri = open_doc(client, newsroom / "wire.txt", "The figure is TK today.\n", "plaintext")
    other_uri = open_doc(client, newsroom / "tool.py", "x = 'the united states'\n", "python")
    (html_d,) = await published(client, html_uri)
    assert (html_d.code, html_d.range.start.character, html_d.range.end.character) == ("proper-noun-case", 27, 40)
    assert [d.code for d in await published(client, text_uri)] == ["placeholder-text"]
    await asyncio.sleep(0.5)
    assert other_uri not in client.diagnostics  # not an article: nothing published


@pytest.mark.asyncio(loop_scope="module")
async def test_fix_all_is_a_source_action(client: LanguageClient, newsroom: Path):
    text = "# Notes\n\n🙂 The united states and the united kingdom met.\n"
    uri = open_doc(client, newsroom / "notes.md", text)
    assert len(await published(client, uri)) == 2
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"])))
    assert actions is not None and len(actions) == 1
    action = actions[0]
    assert isinstance(action, types.CodeAction) and action.kind == "source.fixAll.newslint"
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes[uri]
    assert apply(text, edit) == "# Notes\n\n🙂 The United States and the United Kingdom met.\n"


def test_line_index_counts_in_the_agreed_units():
    text = "a😀b\r\nsecond\rthird\u2028same line\n"
    index = LineIndex(text)
    assert index.position(text.index("b")) == (0, 3)
    assert index.position(text.index("second")) == (1, 0)
    assert index.position(text.index("third")) == (2, 0)
    assert index.position(text.index("same")) == (2, 6)  # U+2028 does not end a line in LSP
    assert LineIndex(text, "utf-32").position(text.index("b")) == (0, 2)
    assert LineIndex(text, "utf-8").position(text.index("b")) == (0, 5)
    assert index.end() == (3, 0)


def test_without_the_extra_the_command_says_what_to_install(tmp_path: Path):
    code = ("import sys\nsys.modules['pygls'] = None\nsys.argv = ['newslint', 'lsp']\n"
            "from lint.cli import main; main()\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert run.returncode == 2
    assert run.stderr == ("newslint: error: 'newslint lsp' needs the lsp extra: "
                          "pip install 'newslint[lsp]' (missing: pygls)\n")
