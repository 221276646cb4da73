"""Every content file Cairn ships, read once, each through its strict reader, into one
typed bundle (``content()``). The screens' words are read for the lock screen's first
frame; every other file just after it (``tui.domain.load``), before anything is unlocked,
so a damaged file is named, with its place, in one sentence and exit code 1. Nothing else
in Cairn opens a content file or keeps its own copy of one.

The readers belong to the code that knows each file's shape (the plan's sections in
``tui.safety_plan.sections``, the learn pages in ``tui.learn``, ...); they are imported here
only when the bundle is read, so that those modules may in turn ask for ``content()``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from .. import content as package  # read_text looked up at each read: a test seam
from .checks import ContentProblem, TableReader, parse_toml

if TYPE_CHECKING:
    from ..journal.entry import FieldText
    from ..journal.feelings import FeelingWords
    from ..journal.phases import Phase
    from ..learn import LearnPage
    from ..questionnaire.definition import Questionnaire
    from ..safety_plan.sections import PlanContent


class Bundle:
    """Every content file, each read and checked the first time it is needed and then
    kept: the lock screen's words before its first frame, the rest just after it
    (``check_all``, from ``tui.domain.load``), before anything can be unlocked."""

    def __init__(self, code: str = "en") -> None:
        self.language = code
        self._parts: dict[str, Any] = {}
        self._lock = threading.RLock()

    def _part(self, name: str, read: Callable[[str], Any]) -> Any:
        with self._lock:
            if name not in self._parts:
                self._parts[name] = read(self.language)
            return self._parts[name]

    @property
    def screens(self) -> dict[str, Any]:
        """screens.toml: tables of text, looked up by ``say``."""
        return cast(dict[str, Any], self._part("screens", _read_screens))

    @property
    def words(self) -> dict[str, Any]:
        """words.toml: the sentences outside the screens, looked up by ``tui.words.say``."""
        return cast(dict[str, Any], self._part("words", _read_words_toml))

    @property
    def entry_fields(self) -> tuple[FieldText, ...]:
        return cast("tuple[FieldText, ...]", self._journal()[0])

    @property
    def daily_fields(self) -> tuple[FieldText, ...]:
        return cast("tuple[FieldText, ...]", self._journal()[1])

    @property
    def feelings(self) -> FeelingWords:
        return cast("FeelingWords", self._journal()[2])

    def _journal(self) -> tuple[Any, Any, Any]:
        return cast(tuple[Any, Any, Any], self._part("journal", _read_journal))

    @property
    def phases(self) -> tuple[Phase, ...]:
        return cast("tuple[Phase, ...]", self._part("phases", _read_phases))

    @property
    def safety_plan(self) -> PlanContent:
        return cast("PlanContent", self._part("safety_plan", _read_plan))

    @property
    def privacy(self) -> TableReader:
        return cast(TableReader, self._part("privacy", _read_privacy))

    @property
    def learn(self) -> tuple[LearnPage, ...]:
        return cast("tuple[LearnPage, ...]", self._part("learn", _read_learn))

    @property
    def questionnaires(self) -> tuple[Questionnaire, ...]:
        return cast("tuple[Questionnaire, ...]", self._part("questionnaires", _read_questionnaires))

    @property
    def cli(self) -> TableReader:
        return cast(TableReader, self._part("cli", _read_cli))

    @property
    def passphrase_words(self) -> tuple[str, ...]:
        return cast("tuple[str, ...]", self._part("passphrase_words", _read_words))

    def check_all(self) -> None:
        """Read every file not read yet; raises ContentProblem naming the damaged one."""
        for name in PARTS:
            getattr(self, name)


PARTS = (
    "screens",
    "words",
    "entry_fields",
    "phases",
    "safety_plan",
    "privacy",
    "learn",
    "questionnaires",
    "cli",
    "passphrase_words",
)


def _read_screens(code: str) -> dict[str, Any]:
    return _texts(_toml(code, "screens.toml"), package.path_in(code, "screens.toml"))


def _read_words_toml(code: str) -> dict[str, Any]:
    return _texts(_toml(code, "words.toml"), package.path_in(code, "words.toml"))


def _read_journal(code: str) -> tuple[Any, Any, Any]:
    from ..journal.entry import parse_fields
    from ..journal.feelings import parse_feelings

    journal = TableReader(
        _toml(code, "journal.toml"), "the file", package.path_in(code, "journal.toml")
    )
    return parse_fields(journal, "field"), parse_fields(journal, "daily"), parse_feelings(journal)


def _read_phases(code: str) -> Any:
    from ..journal.phases import parse_phases

    shown = package.path_in(code, "phases.toml")
    return parse_phases(TableReader(_toml(code, "phases.toml"), "the file", shown))


def _read_plan(code: str) -> Any:
    from ..safety_plan.sections import CONTENT_FILE, parse_content

    return parse_content(_toml(code, CONTENT_FILE), package.path_in(code, CONTENT_FILE))


def _read_privacy(code: str) -> Any:
    from ..privacy import read_privacy_content

    return read_privacy_content(_toml(code, "privacy.toml"))


def _read_learn(code: str) -> Any:
    from ..learn import FOLDER, load_pages
    from ..words import say

    with package.speaking(code):  # the heading in the pages' own language
        heading = say("learn.sources_heading")
    return load_pages(package.folder(code, FOLDER), heading)


def _read_questionnaires(code: str) -> Any:
    from ..questionnaire.definition import FOLDER, load_questionnaires

    return load_questionnaires(package.folder(code, FOLDER))


def _read_cli(code: str) -> Any:
    from ..cli_help import check_cli_content

    cli = TableReader(_toml(code, "cli.toml"), "the file", package.path_in(code, "cli.toml"))
    check_cli_content(cli)
    return cli


def _read_words(code: str) -> Any:
    from ..passphrase_policy import WORDS_FILE, parse_words

    return parse_words(_text(code, WORDS_FILE))


def _text(code: str, name: str) -> str:
    """A file of language ``code``, named in a problem as the person's copy would show it
    (``es/words.toml``)."""
    shown = package.path_in(code, name)
    try:
        return package.read_text(shown)
    except (OSError, UnicodeDecodeError) as error:
        raise ContentProblem(f"{shown}: cannot be read ({type(error).__name__}).") from None


def _toml(code: str, name: str) -> dict[str, Any]:
    text = _text(code, name)
    data: dict[str, Any] = parse_toml(text, package.path_in(code, name))
    return data


def _texts(data: dict[str, Any], name: str, where: str = "") -> dict[str, Any]:
    """screens.toml and words.toml hold tables of text (and lists of text) and nothing
    else."""
    for key, value in data.items():
        place = f"{where}.{key}" if where else key
        if isinstance(value, dict):
            _texts(value, name, place)
        elif not (
            isinstance(value, str)
            or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        ):
            raise ContentProblem(f"{name}: '{place}' should be text.")
    return data


_bundles: dict[str, Bundle] = {}  # one copy per language, made when first asked for
_made = threading.Lock()


def content(code: str | None = None) -> Bundle:
    """The bundle of the chosen language (or of ``code``: a bilingual report reads two);
    each file is read when first needed (raises ContentProblem then)."""
    code = code or package.language()
    with _made:
        if code not in _bundles:
            _bundles[code] = Bundle(code)
        return _bundles[code]


def forget() -> None:
    """For tests that change a content file, or the language, and read again."""
    _bundles.clear()


__all__ = ["Bundle", "ContentProblem", "content", "forget"]
