"""The html report (docs/report.md, issue 9): its structure without a browser, then the real
page in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them).

The structure is checked by element, not against a golden file: a byte golden of a page
changes with every tweak of its CSS and says nothing about what a reader sees.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import tasktable
from tasktable import Diagnostic, Document
from tasktable.cli import main

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "samples" / "lianyungang-kexie-2019.md"
#: The sample's lead departments (issue 9: the report shows five lanes).
DEPARTMENTS = ["办公室", "学会部", "国际部", "科普部", "科技服务中心"]
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the ids of the tables each tr is in."""

    def __init__(self, page: bytes) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: dict[str, int] = {}  # table id -> rows in its tbody
        self._table, self._in_body = "", False
        self.feed(page.decode("utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self._table = dict(attrs).get("id") or ""
        self._in_body = tag == "tbody" or (self._in_body and tag != "thead")
        if tag == "tr" and self._in_body:
            self.rows[self._table] = self.rows.get(self._table, 0) + 1

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if name in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def document() -> Document:
    return tasktable.parse(SAMPLE.read_bytes(), source=SAMPLE.name)


@pytest.fixture(scope="module")
def page(document: Document) -> bytes:
    return tasktable.render(document, "html")


def test_nothing_points_at_the_network(page: bytes) -> None:
    text = page.decode("utf-8")
    assert "http://" not in text and "https://" not in text
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*//""", text)
    links = [a[k] for _, a in Elements(page).tags for k in ("src", "href") if k in a]
    assert links and all(link and link.startswith(("#", "data:")) for link in links)
    assert "@import" not in text and "url(" not in text


def test_one_lane_per_lead_department(page: bytes) -> None:
    lanes = [str(a["data-department"]) for a in Elements(page).with_class("lane")]
    assert sorted(lanes) == sorted(DEPARTMENTS)  # no （未注明） lane: every task has one


def test_a_mark_per_dated_milestone(page: bytes, document: Document) -> None:
    text = page.decode("utf-8")
    svg = text[text.index("<svg") : text.index("</svg>")]
    dated = [m for t in document.tasks for m in t.milestones if m.when.end]
    assert svg.count('class="mark"') == len(dated)
    assert "<title>4 5月底前：完成申报 (…/2019-05-31)</title>" in svg  # a deadline's tip
    assert all(f">{m}月</text>" in svg for m in range(1, 13))


def test_one_table_row_per_task_and_per_diagnostic(page: bytes, document: Document) -> None:
    elements = Elements(page)
    assert elements.rows == {"tasks": len(document.tasks), "diagnostics": 43}
    assert len(document.tasks) == 61
    codes = {d.code for d in document.diagnostics}
    assert codes == {"realigned", "backfilled"}
    assert all(f"<td>{code}</td>" in page.decode("utf-8") for code in codes)


def test_filled_and_moved_cells_are_marked(page: bytes, document: Document) -> None:
    text = page.decode("utf-8")
    row_25 = re.search(r'<tr id="line-34">(.*?)</tr>', text)
    assert row_25 and 'class="project moved" title="「主题」列下的文字移至项目名称"' in row_25[1]
    assert 'class="theme filled" title="carried from line 23"' in row_25[1]


def test_untrusted_cells_are_escaped(document: Document) -> None:
    attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    first = document.tasks[0].model_copy(
        update={"content": attack, "departments": [attack], "theme": attack}
    )
    warning = Diagnostic(level="warning", code="realigned", message=attack, text=attack, line=1)
    evil = document.model_copy(update={"tasks": [first], "title": attack, "diagnostics": [warning]})
    text = tasktable.render(evil, "html").decode("utf-8")
    assert text.count("<script>") == 1  # the report's own
    assert "<img" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;" in text


def test_same_document_same_bytes_and_the_title(document: Document, page: bytes) -> None:
    assert tasktable.render(document, "html") == page
    assert "<title>2019年市科协重点工作任务分解表</title>" in page.decode("utf-8")
    untitled = document.model_copy(update={"title": None})
    assert "<h1>2019年重点工作任务分解表</h1>" in tasktable.render(untitled, "html").decode()


def test_without_a_year_the_timeline_takes_the_milestones_year() -> None:
    text = "| 序号 | 项目内容 | 序时进度 | 责任单位 |\n|---|---|---|---|\n| 1 | 修订制度 | 6月底前 | |\n"
    dated = tasktable.render(tasktable.parse(text, year=2024), "html").decode()
    assert 'data-department="（未注明）"' in dated and "2024-06-30" in dated
    undated = tasktable.render(tasktable.parse(text), "html").decode()
    assert "<svg" not in undated and "未能确定计划年份" in undated  # no year: a note instead


def test_cli_writes_html(tmp_path: Path) -> None:
    assert main([str(SAMPLE), "-f", "html", "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_bytes().startswith(b"<!DOCTYPE html>")


# --- in a real browser -------------------------------------------------------------------------


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """Headless Debian Chromium through its own chromedriver, so selenium-manager never
    downloads a browser. Skipped when they are missing, except in CI, where it fails."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("the selenium package")
    if missing:
        reason = f"{', '.join(missing)} missing (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test: {reason}")
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # root in a container has no user namespace for the sandbox
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.set_window_size(1280, 2000)
        yield driver
    finally:
        driver.quit()


def test_in_chromium(browser: Any, page: bytes, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "report.html"
    path.write_bytes(page)
    browser.get(path.as_uri())

    def shown() -> int:
        rows = browser.find_elements(By.CSS_SELECTOR, "#tasks tbody tr")
        return sum(row.is_displayed() for row in rows)

    lanes = browser.find_elements(By.CSS_SELECTOR, "svg g.lane")
    assert sorted(lane.get_attribute("data-department") for lane in lanes) == sorted(DEPARTMENTS)
    assert all(lane.rect["height"] > 20 for lane in lanes)  # drawn, not just in the markup
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0

    box = browser.find_element(By.ID, "filter")
    assert shown() == 61
    box.send_keys("国际部")
    narrowed = shown()
    assert 0 < narrowed < 61
    assert browser.find_element(By.ID, "shown").text == str(narrowed)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    assert shown() == 61
    lanes[0].click()  # a lane filters by its department
    assert box.get_attribute("value") == lanes[0].get_attribute("data-department")
    assert shown() < 61

    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(tmp_path / "report.png"))
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
