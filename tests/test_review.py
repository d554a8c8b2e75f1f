"""Interactive review: the installed ``mtfix`` script driven by keypresses in a real tmux terminal.

The article is ours, written with the artefacts machine translation leaves: a Russian spelling
of a Ukrainian city, a stray space in a compound, a hyphen joining two clauses and a German
noun capital.
"""

from __future__ import annotations

import itertools
import os
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

import mtfix
from mtfix.change import Change, apply_changes
from mtfix.review import _context

ROOT = Path(__file__).resolve().parent.parent
#: Set to a folder (docs/screenshots) to keep a picture of the terminal for the README.
SCREENSHOTS = os.environ.get("MTFIX_SCREENSHOTS")
_SCRIPT = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or shutil.which("mtfix")
MTFIX = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "mtfix"]

ARTICLE = (
    "Talks in Kiev ended after a two -hour meeting, a spokesman for the government said.\n"
    "The ministers had agreed-and the Compromise was signed on Tuesday.\n"
)

_SERVERS = itertools.count()
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _changes(text: str) -> list[Change]:
    changes = [c for c in mtfix.clean(text).changes if not c.is_flag]
    kinds = [c.kind for c in changes]
    assert kinds == ["variant", "typography", "typography", "capitalisation"], kinds
    return changes


class Pane:
    """One tmux session on a private server, running a command in a 110x40 terminal."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.socket = f"mtfix-test-{os.getpid()}-{next(_SERVERS)}"
        # The trap keeps the shell alive through Ctrl-C, so it can report the exit code.
        script = f"trap : INT; cd {shlex.quote(str(cwd))} && {shlex.join(command)}; echo EXIT=$?"
        shell = f"sh -c {shlex.quote(script + '; sleep 120')}"
        env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
        if not _SCRIPT:
            env["PYTHONPATH"] = str(ROOT)
        self.tmux("new-session", "-d", "-s", "review", "-x", "110", "-y", "40", shell, env=env)

    def tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=env, check=True
        )
        return done.stdout

    def screen(self, escapes: bool = False) -> str:
        """The whole scrollback and screen, as plain text (or with colour escapes)."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", *(["-e"] if escapes else []))

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """Wait until ``text`` shows, and return the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never showed; the screen:\n{self.screen()}")

    def ask(self, text: str, timeout: float = 60) -> str:
        """Wait until ``text`` shows and the program waits for a key after it; return the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen and screen.rstrip().endswith("[?]"):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"no question after {text!r}; the screen:\n{self.screen()}")

    def press(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "review", *(["-l"] if literal else []), *keys)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def pane_factory():
    panes: list[Pane] = []

    def start(command: list[str], cwd: Path) -> Pane:
        pane = Pane(command, cwd)
        panes.append(pane)
        return pane

    yield start
    for pane in panes:
        pane.close()


@needs_tmux
def test_accept_edit_reject_and_quit_write_only_what_was_accepted(tmp_path, pane_factory):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE, encoding="utf-8")
    kiev, hour, clause, _capital = _changes(ARTICLE)
    pane = pane_factory([*MTFIX, "clean", "--interactive", "first.txt", "second.txt"], tmp_path)

    screen = pane.ask("change 1 of 4")
    assert "- Talks in Kiev ended" in screen and "+ Talks in Kyiv ended" in screen
    assert "variant" in screen and "House style writes" in screen
    pane.press("e")
    pane.wait_for("Replacement: Kyiv")
    pane.press("C-u")
    pane.press("the Ukrainian capital", literal=True)
    pane.press("Enter")
    pane.ask("change 2 of 4")
    pane.press("y")
    screen = pane.ask("change 3 of 4")
    assert "+ The ministers had agreed – and the Compromise" in screen
    coloured = pane.tmux("capture-pane", "-p", "-e")
    assert "\x1b[" in coloured  # the changed words are highlighted
    if SCREENSHOTS:
        _picture(coloured, Path(SCREENSHOTS) / "terminal-review.png")
    pane.press("n")
    pane.ask("change 4 of 4")
    pane.press("q")
    screen = pane.wait_for("EXIT=0")

    edited = replace(kiev, replacement="the Ukrainian capital")
    assert first.read_text(encoding="utf-8") == apply_changes(ARTICLE, [edited, hour])
    assert "first.txt: wrote 2 accepted changes (1 rejected, 1 not reviewed)" in screen
    assert second.read_text(encoding="utf-8") == ARTICLE  # quit before its review began
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.txt", "second.txt"]
    assert clause.original == "-"


@needs_tmux
def test_accept_all_of_a_kind_carries_over_and_skip_keeps_earlier_decisions(tmp_path, pane_factory):
    bom_crlf = tmp_path / "windows.txt"
    bom_crlf.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    crlf_text = ARTICLE.replace("\n", "\r\n")
    _kiev, hour, clause, _capital = _changes(crlf_text)
    _kiev2, hour2, clause2, capital2 = _changes(ARTICLE)
    pane = pane_factory([*MTFIX, "clean", "-i", "windows.txt", "plain.txt"], tmp_path)

    pane.ask("windows.txt · change 1 of 4")
    pane.press("n")
    pane.ask("windows.txt · change 2 of 4")
    pane.press("a")  # this typography change and every later one
    pane.ask("windows.txt · change 4 of 4")
    pane.press("s")
    pane.ask("plain.txt · change 1 of 4")
    pane.press("n")
    screen = pane.ask("plain.txt · change 4 of 4")  # both typography changes were accepted
    assert "plain.txt · change 2 of 4" not in screen
    pane.press("y")
    pane.wait_for("EXIT=0")

    expected = apply_changes(crlf_text, [hour, clause]).encode("utf-8")
    assert bom_crlf.read_bytes() == b"\xef\xbb\xbf" + expected
    assert plain.read_text(encoding="utf-8") == apply_changes(ARTICLE, [hour2, clause2, capital2])


@needs_tmux
@pytest.mark.parametrize(
    ("keys", "code"), [(("n", "n", "n", "n"), 0), (("C-c",), 130)], ids=["reject-all", "ctrl-c"]
)
def test_nothing_accepted_or_interrupted_leaves_the_file_untouched(
    tmp_path, pane_factory, keys, code
):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = article.stat()
    pane = pane_factory([*MTFIX, "clean", "--interactive", "article.txt"], tmp_path)
    for number, key in enumerate(keys, 1):
        pane.ask(f"change {number} of 4")
        pane.press(key)
    pane.wait_for(f"EXIT={code}")
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert article.stat().st_mtime_ns == before.st_mtime_ns
    assert [p.name for p in tmp_path.iterdir()] == ["article.txt"]


@needs_tmux
def test_a_flag_can_be_fixed_by_typing_a_translation(tmp_path, pane_factory):
    text = "The minister said the Verhandlungen in Kiev would go on next week.\n"
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    flag, kiev = mtfix.clean(text).changes
    assert flag.is_flag and not kiev.is_flag
    pane = pane_factory([*MTFIX, "clean", "--interactive", "article.txt"], tmp_path)

    screen = pane.ask("No fix known")
    assert "! The minister said the Verhandlungen in Kiev" in screen
    pane.press("e")
    pane.wait_for("Replacement: Verhandlungen")
    pane.press("C-u")
    pane.press("talks", literal=True)
    pane.press("Enter")
    pane.ask("change 2 of 2")
    pane.press("n")
    screen = pane.wait_for("EXIT=0")

    assert article.read_text(encoding="utf-8") == text.replace("Verhandlungen", "talks")
    assert "article.txt: wrote 1 accepted change (1 rejected)" in screen


def test_keys_from_a_pipe_are_read_one_a_line(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    kiev, *_ = _changes(ARTICLE)
    env = dict(os.environ, PYTHONPATH=str(ROOT)) if not _SCRIPT else None
    done = subprocess.run(
        [*MTFIX, "clean", "--interactive", "article.txt"],
        input="y\nn\n",  # then the input ends: quit, writing what was accepted
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "article.txt: wrote 1 accepted change (1 rejected, 2 not reviewed)" in done.stdout
    assert article.read_text(encoding="utf-8") == apply_changes(ARTICLE, [kiev])


def _picture(ansi: str, target: Path) -> None:
    """Render captured terminal text to a PNG, through rich's HTML export and Chromium."""
    from rich.console import Console
    from rich.terminal_theme import MONOKAI
    from rich.text import Text

    lines = ansi.rstrip("\n").split("\n")
    console = Console(record=True, width=110, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(Text.from_ansi("\n".join(lines)))
    page = console.export_html(theme=MONOKAI, inline_styles=True).replace(
        "<body>", '<body style="margin:0;padding:12px 16px;font-size:14px;line-height:1.45">'
    )
    source = target.with_suffix(".html")
    source.write_text(page, encoding="utf-8")
    chromium = shutil.which("chromium")
    assert chromium, "making the screenshot needs chromium"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--disable-background-networking",
            "--no-first-run",
            f"--screenshot={target}",
            f"--window-size=1000,{24 + 21 * len(lines)}",
            source.as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    source.unlink()


def test_context_stays_on_the_line_and_cuts_at_spaces():
    text = "First line.\n" + "word " * 40 + "Kiev " + "word " * 40 + "\nLast line."
    start = text.index("Kiev")
    change = Change(start, start + 4, "Kiev", "Kyiv", "variant", 0.9, "", "")
    before, after = _context(text, change)
    assert before.startswith("…word") and before.endswith("word ")
    assert after.startswith(" word") and after.endswith("word…")
    assert "line" not in before + after
