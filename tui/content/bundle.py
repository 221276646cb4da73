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

    def __init__(self) -> None:
        self._parts: dict[str, Any] = {}
        self._lock = threading.RLock()

    def _part(self, name: str, read: Callable[[], Any]) -> Any:
        with self._lock:
            if name not in self._parts:
                self._parts[name] = read()
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


def _read_screens() -> dict[str, Any]:
    return _texts(_toml("screens.toml"), "screens.toml")


def _read_words_toml() -> dict[str, Any]:
    return _texts(_toml("words.toml"), "words.toml")


def _read_journal() -> tuple[Any, Any, Any]:
    from ..journal.entry import parse_fields
    from ..journal.feelings import parse_feelings

    journal = TableReader(_toml("journal.toml"), "the file", "journal.toml")
    return parse_fields(journal, "field"), parse_fields(journal, "daily"), parse_feelings(journal)


def _read_phases() -> Any:
    from ..journal.phases import parse_phases

    return parse_phases(TableReader(_toml("phases.toml"), "the file", "phases.toml"))


def _read_plan() -> Any:
    from ..safety_plan.sections import CONTENT_FILE, parse_content

    return parse_content(_toml(CONTENT_FILE))


def _read_privacy() -> Any:
    from ..privacy import read_privacy_content

    return read_privacy_content(_toml("privacy.toml"))


def _read_learn() -> Any:
    from ..learn import load_pages

    return load_pages()


def _read_questionnaires() -> Any:
    from ..questionnaire.definition import load_questionnaires

    return load_questionnaires()


def _read_cli() -> Any:
    from ..cli_help import check_cli_content

    cli = TableReader(_toml("cli.toml"), "the file", "cli.toml")
    check_cli_content(cli)
    return cli


def _read_words() -> Any:
    from ..passphrase_policy import parse_words

    return parse_words(package.read_text("passphrase_words.txt"))


def _toml(name: str) -> dict[str, Any]:
    try:
        text = package.read_text(name)
    except (OSError, UnicodeDecodeError) as error:
        raise ContentProblem(f"{name}: cannot be read ({type(error).__name__}).") from None
    data: dict[str, Any] = parse_toml(text, name)
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


_bundle: list[Bundle] = [Bundle()]  # the one copy


def content() -> Bundle:
    """The one bundle; each file is read when first needed (raises ContentProblem then)."""
    return _bundle[0]


def forget() -> None:
    """For tests that change a content file and read again."""
    _bundle[0] = Bundle()


__all__ = ["Bundle", "ContentProblem", "content", "forget"]
