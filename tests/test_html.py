"""The HTML review page and ``mtfix apply``: the page's content, a scripted review in headless
Chromium (a screenshot, clicks, the downloaded decisions) and applying the decisions.

The articles are ours, or the shipped example (also ours), written with the artefacts machine
translation leaves.
"""

from __future__ import annotations

import base64
import codecs
import contextlib
import fcntl
import hashlib
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtfix.change import Change, apply_changes
from mtfix.config import Config
from mtfix.decisions import change_entry, review
from mtfix.render import html

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or shutil.which("mtfix")
MTFIX = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "mtfix"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: Set to a folder (docs/screenshots) to keep the screenshot for the README.
SCREENSHOTS = os.environ.get("MTFIX_SCREENSHOTS")

ARTICLE = (
    "Talks in Kiev ended after a two -hour meeting, a spokesman for the government said.\n"
    "The ministers had agreed-and the Compromise was signed on Tuesday.\n"
)
EXAMPLE = ROOT / "examples" / "ceasefire-talks.mt.txt"


def mtfix(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT)) if not _SCRIPT else None
    return subprocess.run(
        [*MTFIX, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


def page_data(page: str) -> dict:
    """The decisions data the page embeds for its script."""
    match = re.search(r'<script type="application/json" id="mtfix-data">(.*?)</script>', page)
    assert match
    return json.loads(match.group(1))


def test_page_is_self_contained_and_carries_every_change(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    reviewed, errors, _ = review([(article, "article.txt", False)], Config())
    page = html.render(reviewed)

    assert not errors
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "script-src 'sha256-" in page and "script-src 'unsafe-inline'" not in page
    for loader in ("http:", "https:", "//", "src=", "<link", "@import", "url("):
        assert loader not in page.replace("</", "<"), loader
    data = page_data(page)
    (entry,) = data["files"]
    assert entry["path"] == "article.txt"
    assert entry["sha256"] == hashlib.sha256(ARTICLE.encode()).hexdigest()
    changes = [c for c in reviewed[0].item.report.changes if not c.is_flag]
    assert [(c["start"], c["replacement"]) for c in entry["changes"]] == [
        (c.start, c.replacement) for c in changes
    ]
    for number, change in enumerate(changes):
        assert f'id="c0-{number}" data-kind="{change.kind}"' in page
        assert f"<b>{change.kind}</b> · {change.safety} · {change.confidence:.2f}" in page
    assert '<input type="checkbox" checked data-kind="typography"> typography (2)' in page


def test_markup_in_the_text_is_shown_not_interpreted(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("<script>alert(1)</script> talks in Kiev</script>\n", encoding="utf-8")
    page = html.render(review([(article, "a.txt", False)], Config())[0])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script") == 2  # the data and the page's own script
    assert page_data(page)["files"][0]["changes"]


def _decisions(path: str, text: str, changes: list[Change]) -> dict:
    return {
        "mtfix_decisions": 1,
        "files": [
            {
                "path": path,
                "sha256": hashlib.sha256(text).hexdigest(),
                "changes": [change_entry(c) for c in changes],
            }
        ],
    }


def test_apply_writes_exactly_the_accepted_changes_byte_for_byte(tmp_path):
    text = ARTICLE.replace("\n", "\r\n")
    data = codecs.BOM_UTF8 + text.encode("utf-8")
    (tmp_path / "article.txt").write_bytes(data)
    report = review([(tmp_path / "article.txt", "article.txt", False)], Config())[0][0].item.report
    chosen = [c for c in report.changes if c.kind != "typography"]
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps(_decisions("article.txt", data, chosen)), encoding="utf-8")

    done = mtfix("apply", "decisions.json", cwd=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout == f"article.txt: applied {len(chosen)} changes\n"
    expected = codecs.BOM_UTF8 + apply_changes(text, chosen).encode("utf-8")
    assert (tmp_path / "article.txt").read_bytes() == expected


def test_apply_refuses_a_file_changed_since_the_review_and_writes_nothing(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    for path in (first, second):
        path.write_text(ARTICLE, encoding="utf-8")
    report = review([(first, "first.txt", False)], Config())[0][0].item.report
    data = ARTICLE.encode("utf-8")
    decisions = _decisions("first.txt", data, list(report.changes))
    decisions["files"] += _decisions("second.txt", data, list(report.changes))["files"]
    (tmp_path / "decisions.json").write_text(json.dumps(decisions), encoding="utf-8")
    second.write_text(ARTICLE.replace("Tuesday", "Wednesday"), encoding="utf-8")

    done = mtfix("apply", "decisions.json", cwd=tmp_path)

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("mtfix: error: second.txt: changed since the review")
    assert first.read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a JSON decisions file"),
        ('{"files": []}', "not an mtfix decisions file"),
        ('{"mtfix_decisions": 1, "files": [{"path": "x.txt"}]}', "not a valid decisions file"),
    ],
)
def test_apply_refuses_a_malformed_decisions_file_in_one_line(tmp_path, content, message):
    (tmp_path / "d.json").write_text(content, encoding="utf-8")
    done = mtfix("apply", "d.json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr


def test_html_needs_an_output_file_and_files(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = mtfix("clean", "--format", "html", "a.txt", cwd=tmp_path)
    assert done.returncode == 2 and "-o FILE" in done.stderr


class Browser:
    """Headless Chromium, driven over the DevTools protocol on a pipe (its fds 3 and 4)."""

    def __init__(self, url: str, profile: Path, width: int = 1100, height: int = 860) -> None:
        to_browser, self.commands = os.pipe()
        self.events, from_browser = os.pipe()

        def wire() -> None:  # in the child: the browser reads fd 3 and writes fd 4
            reading = fcntl.fcntl(to_browser, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_browser, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire,
        )
        os.close(to_browser)
        os.close(from_browser)
        self.buffer = b""
        self.next_id = 0
        self.session = ""
        page = self.call("Target.createTarget", url="about:blank")["targetId"]
        attached = self.call("Target.attachToTarget", targetId=page, flatten=True)
        self.session = attached["sessionId"]
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.call("Page.navigate", url=url)
        loaded = f"location.href === {json.dumps(url)} && document.readyState === 'complete'"
        deadline = time.monotonic() + 30
        while not self.evaluate(loaded):
            assert time.monotonic() < deadline, f"{url} did not load"
            time.sleep(0.05)

    def call(self, method: str, timeout: float = 30, **params: object) -> dict:
        """Send one command and return its result (events in between are dropped)."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" not in self.buffer:
                ready, _, _ = select.select([self.events], [], [], deadline - time.monotonic())
                chunk = os.read(self.events, 1 << 16) if ready else b""
                if not chunk:
                    raise AssertionError(f"no answer from Chromium to {method}")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                assert "error" not in reply, reply
                return reply.get("result", {})

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def centre(self, selector: str, scroll: bool = True) -> tuple[float, float]:
        """Where the element's centre is on the screen, after scrolling it into view."""
        x, y = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            f" if ({json.dumps(scroll)}) e.scrollIntoView({{block: 'center'}});"
            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];"
            " })()"
        )
        return x, y

    def click(self, selector: str) -> None:
        """Scroll the element into view and click its centre with the mouse."""
        x, y = self.centre(selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def hover(self, selector: str) -> None:
        """Move the mouse over the element where it is."""
        x, y = self.centre(selector, scroll=False)
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def close(self) -> None:
        with contextlib.suppress(AssertionError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.commands)
        os.close(self.events)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_review_in_headless_chromium_untick_download_and_apply(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "ceasefire.txt")
    originals = {
        name: (tmp_path / name).read_text(encoding="utf-8")
        for name in ("article.txt", "ceasefire.txt")
    }
    made = mtfix("clean", "--format", "html", "-o", "review.html", *originals, cwd=tmp_path)
    assert made.returncode == 1, made.stderr
    offered = page_data((tmp_path / "review.html").read_text(encoding="utf-8"))["files"]
    downloads = tmp_path / "downloads"
    downloads.mkdir()

    browser = Browser((tmp_path / "review.html").as_uri(), tmp_path / "profile")
    try:
        browser.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
        total = sum(len(entry["changes"]) for entry in offered)
        assert browser.evaluate("document.getElementById('count').textContent") == (
            f"{total} of {total} changes accepted"
        )
        browser.click("#c0-0")  # untick the first change of article.txt
        browser.click('#kinds input[data-kind="typography"]')  # untick every typography change
        assert browser.evaluate("document.getElementById('c0-0').checked") is False
        assert "rejected" in browser.evaluate(
            "document.querySelector('#c0-0').closest('.change').className"
        )
        browser.click('label[class~="k-entity"]')  # tick and untick by the highlighted word
        browser.click('label[class~="k-entity"]')
        browser.evaluate("window.scrollTo(0, 0)")
        browser.hover('label[class~="k-entity"] del')  # shows kind, confidence and reason
        assert (
            browser.evaluate(
                "getComputedStyle(document.querySelector('label.k-entity .tip')).display"
            )
            == "block"
        )
        shot = base64.b64decode(browser.call("Page.captureScreenshot", format="png")["data"])
        browser.click("#download")
        target = downloads / "mtfix-decisions.json"
        for _ in range(200):
            if target.exists():
                break
            time.sleep(0.05)
        decided = json.loads(target.read_text(encoding="utf-8"))
    finally:
        browser.close()

    assert _png_size(shot) == (1100, 860)
    (tmp_path / "review.png").write_bytes(shot)
    if SCREENSHOTS:
        (Path(SCREENSHOTS) / "html-review.png").write_bytes(shot)
    expected = [
        {
            "path": entry["path"],
            "sha256": entry["sha256"],
            "changes": [
                c
                for number, c in enumerate(entry["changes"])
                if c["kind"] != "typography" and (index, number) != (0, 0)
            ],
        }
        for index, entry in enumerate(offered)
    ]
    assert decided["mtfix_decisions"] == 1
    assert decided["files"] == [entry for entry in expected if entry["changes"]]

    (tmp_path / "decisions.json").write_text(json.dumps(decided), encoding="utf-8")
    applied = mtfix("apply", "decisions.json", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr
    for entry in decided["files"]:
        changes = [Change(**c, confidence=1.0, reason="") for c in entry["changes"]]
        text = (tmp_path / entry["path"]).read_text(encoding="utf-8")
        assert text == apply_changes(originals[entry["path"]], changes)
    again = mtfix("apply", "decisions.json", cwd=tmp_path)  # the files changed: refused
    assert again.returncode == 2 and "changed since the review" in again.stderr
