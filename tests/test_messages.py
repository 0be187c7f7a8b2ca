"""Diagnostics in Chinese and English (issue 19): one catalogue keyed by code, the language
chosen with lang= / --lang or the locale, the html report always Chinese."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import get_args, get_type_hints

import pytest

import tasktable
from tasktable.cli import main
from tasktable.errors import InputFileError, TasktableError
from tasktable.formats import render
from tasktable.messages import default_language, diagnostic, in_language
from tasktable.stages.leftovers import ForeignTable
from tasktable.vocab.messages import ERRORS, LANGS, MESSAGES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lianyungang-kexie-2019.md"
CASES = [*sorted((ROOT / "tests" / "fixtures").glob("*.md")), SAMPLE]
CONVERTED = sorted((ROOT / "tests" / "fixtures" / "converters").glob("*.md"))
HAN = re.compile(r"[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_the_stages_emit_has_both_languages() -> None:
    code = "\n".join(path.read_text("utf-8") for path in (ROOT / "src").rglob("*.py"))
    emitted = set(re.findall(r'diagnostic\(\s*"([a-z-]+)"', code))
    catalogued = {key.split(".")[0] for key in MESSAGES}
    assert emitted and emitted == catalogued


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_say_the_same_things(key: str) -> None:
    english, chinese = (MESSAGES[key][lang] for lang in LANGS)
    assert _fields(english) == _fields(chinese)
    assert HAN.search(chinese)


@pytest.mark.parametrize("path", CASES + CONVERTED, ids=lambda p: p.stem)
def test_a_chinese_document_differs_only_in_its_messages(path: Path) -> None:
    english = tasktable.parse_file(path, lang="en")
    chinese = tasktable.parse_file(path, lang="zh")
    assert english.tasks == chinese.tasks
    for en, zh in zip(english.diagnostics, chinese.diagnostics, strict=True):
        assert en.model_copy(update={"message": zh.message}) == zh
        assert HAN.search(zh.message), zh.message


def test_chinese_message_of_a_moved_cell() -> None:
    doc = tasktable.parse_file(SAMPLE, lang="zh")
    moved = next(d for d in doc.diagnostics if d.code == "realigned")
    assert moved.message == f"「{moved.column}」列下的文字移至项目内容"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANGUAGE": "zh_TW:en", "LANG": "en_US.UTF-8"}, "zh"),  # gettext: LANGUAGE first
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_the_default_language_follows_the_locale(environ: dict[str, str], lang: str) -> None:
    assert default_language(environ) == lang


def test_an_unknown_language_is_an_option_error() -> None:
    with pytest.raises(tasktable.OptionError, match="lang='fr'"):
        tasktable.parse(SAMPLE.read_bytes(), lang="fr")  # type: ignore[arg-type]


def test_the_html_report_is_chinese_for_an_english_document() -> None:
    english = tasktable.parse_file(SAMPLE, lang="en")
    html = render(english, "html").decode("utf-8")
    assert "跨度开头空白的责任单位取自同一跨度下方的第 65 行" in html
    assert "further down the same span" not in html


def test_in_language_round_trips() -> None:
    english = tasktable.parse_file(SAMPLE, lang="en")
    assert in_language(in_language(english, "zh"), "en") == english


def test_cli_lang_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    assert main([str(SAMPLE), "--lang", "zh", "-o", str(out)]) == 0
    doc = tasktable.Document.model_validate_json(out.read_bytes())
    assert all(HAN.search(d.message) for d in doc.diagnostics)
    assert main([str(SAMPLE), "--lang", "fr"]) == 2


def test_a_diagnostic_refuses_args_the_json_would_change() -> None:
    """Diagnostics are not validated (start-up): what validation would refuse or turn into
    another value (a float, a bool, which it would write as 1) is refused when made."""
    assert diagnostic("encoding", "info", {"encoding": "GB18030"}).args == {"encoding": "GB18030"}
    for value in (1.5, True, ["a"]):
        with pytest.raises(TypeError):
            diagnostic("encoding", "info", {"encoding": value})


# Errors: the sentence of every error, in either language (str(error) stays English).


def test_every_error_the_code_raises_has_both_languages() -> None:
    code = "\n".join(path.read_text("utf-8") for path in (ROOT / "src").rglob("*.py"))
    raised = re.findall(r'\.of\(\s*"([a-z-]+)"(?:,\s*why=(?:"([a-z]+)")?)?', code)
    # the one why not written out where it is raised: the kind of a pandoc table
    kinds = get_args(get_type_hints(ForeignTable)["kind"])
    keys = {f"{name}.{why}" if why else name for name, why in raised if name != "foreign-table"}
    keys |= {f"foreign-table.{kind}" for kind in kinds}
    assert keys == set(ERRORS)


@pytest.mark.parametrize("key", sorted(ERRORS))
def test_both_languages_of_an_error_say_the_same_things(key: str) -> None:
    english, chinese = (ERRORS[key][lang] for lang in LANGS)
    assert _fields(english) == _fields(chinese)
    assert HAN.search(chinese)


@pytest.mark.parametrize(
    "text",
    [
        "",  # empty
        "just prose, no table\n",  # no table
        "| a | b |\n|---|---|\n| 1 | 2 |\n",  # no header
        "+---+---+\n| a | b |\n+===+===+\n",  # a pandoc grid table
    ],
    ids=["empty", "no-table", "no-header", "foreign"],
)
def test_an_error_is_english_and_can_be_told_in_chinese(text: str) -> None:
    with pytest.raises(TasktableError) as caught:
        tasktable.parse(text, source="plan.md")
    error = caught.value
    assert str(error).startswith("plan.md") and not HAN.search(error.message.split("such as")[0])
    chinese = error.in_language("zh")
    assert chinese.startswith(error.where + ": ") and HAN.search(chinese)
    assert error.in_language("en") == str(error)


def test_an_error_keeps_its_language_through_a_process_pool() -> None:
    import pickle

    error = InputFileError.of("not-found", source="plan.md")
    again = pickle.loads(pickle.dumps(error))
    assert again.in_language("zh") == "plan.md: 文件不存在；应为 Markdown 文件"
    assert (again.code, again.params, str(again)) == (error.code, error.params, str(error))


def test_an_error_made_with_a_message_keeps_it_in_every_language() -> None:
    error = InputFileError("a message of the caller's own", source="plan.md")
    assert error.in_language("zh") == "plan.md: a message of the caller's own"


def test_the_cli_tells_an_error_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", "utf-8")
    assert main([str(empty), "--lang", "zh"]) == 1
    assert (
        capsys.readouterr().err == f"tasktable: {empty}: 文件为空；应为含任务表的 Markdown 文件\n"
    )
    assert main([str(empty), "--lang", "en"]) == 1
    assert "is empty" in capsys.readouterr().err


def test_the_cli_tells_an_error_in_the_locales_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main([str(tmp_path / "missing.md")]) == 1
    assert "文件不存在" in capsys.readouterr().err


def test_the_cli_tells_a_binary_file_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "image.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe")
    assert main([str(image), "--lang", "zh"]) == 1
    assert (
        capsys.readouterr().err
        == f"tasktable: {image}: " + ERRORS["binary"]["zh"].format(offset=8) + "\n"
    )
