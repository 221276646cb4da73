"""What each screen looks like, at 80x24 and 120x40, with nothing time- or host-dependent.

Regenerate after an intended change with ``pytest tests/app/test_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from screens._text import say
from screens.attempts import AttemptsScreen
from screens.confirm import ConfirmScreen
from screens.create import CreateScreen
from screens.daily import DailyScreen
from screens.draft_offer import DraftOfferScreen
from screens.entry import EntryScreen
from screens.entry_view import EntryViewScreen
from screens.file_add import FileAddScreen
from screens.files import FilesScreen
from screens.home import HomeScreen
from screens.journal import JournalScreen
from screens.keys_change import ChangePassphraseScreen, NewRecoveryCodeScreen
from screens.learn import LearnPageScreen, LearnScreen
from screens.patterns import PatternsScreen
from screens.plan import SafetyPlanScreen
from screens.plan_card import PlanCardScreen
from screens.plan_item import RowScreen
from screens.plan_print import PlanPrintScreen
from screens.plan_section import PlanSectionScreen
from screens.plan_settings import ModeScreen
from screens.problem import ProblemScreen
from screens.question import QuestionScreen
from screens.questionnaire import QuestionnaireScreen
from screens.questionnaire_summary import SummaryScreen
from screens.quick_note import QuickNoteScreen
from screens.recovery import RecoveryOfferScreen, RecoveryScreen
from screens.report import ReportScreen
from screens.resources import ResourcesScreen
from screens.safety_now import SafetyNowScreen
from screens.unlock import UnlockScreen
from screens.welcome import WelcomeScreen
from tests.app.helpers import wait_for
from tests.helpers import new_vault
from tui import journal, learn, questionnaire, safety_plan
from tui.app import CairnApp
from tui.config import Settings
from tui.content import language, use_language
from tui.journal import attachments
from tui.session import Session
from tui.vault import FailedAttempts, Vault, VaultBusy

SIZES = [(80, 24), (120, 40)]
FIXED_PATH = Path("/home/someone/.local/share/cairn/vault.cairn")
ScreenFactory = Callable[[Session], Screen[Any]]


class OneScreenApp(CairnApp):
    """The real app, starting on the screen under test."""

    def __init__(self, session: Session, screens: list[ScreenFactory]) -> None:
        super().__init__(session, relaunch=lambda *_: None)
        self._screens = screens

    def first_screen(self) -> Screen[Any]:
        return self._screens[0](self.session)

    def on_mount(self) -> None:
        # Textual also runs CairnApp.on_mount (handlers run for each class), which pushes the
        # first screen; the rest go on top once that is done.
        def push_rest() -> None:
            for make in self._screens[1:]:
                self.push_screen(make(self.session))

        self.call_after_refresh(push_rest)


def _home(session: Session) -> Screen[Any]:
    return HomeScreen(session, today=date(2026, 11, 24))


# The person's own words in the record and the plan, in the language the screens are drawn
# in (the Spanish snapshots are scanned for English words, so their data is Spanish).
RECORD = [
    ("09-01T08:00", "tension", "He checked my phone again and asked who I was texting."),
    ("09-04T21:10", "incident", "He threw my phone against the wall in the hallway."),
    ("09-05T09:00", "reconciliation", "Flowers on the table and an apology at breakfast."),
    ("09-09T19:00", "calm", "A normal evening; we watched a film."),
    ("10-02T18:00", "tension", "Silence at dinner; doors closed hard."),
    ("10-06T22:40", "incident", "Shouting about money; he took my bank card."),
    ("10-20T12:00", "calm", "Quiet week."),
    ("11-02T21:15", "incident", "He blocked the door when I tried to leave the room."),
    ("11-18T07:30", "unsure", "He said I imagine things."),
]
RECORD_ES = [
    ("09-01T08:00", "tension", "Revisó otra vez mi teléfono y preguntó con quién me escribía."),
    ("09-04T21:10", "incident", "Tiró mi teléfono contra la pared del pasillo."),
    ("09-05T09:00", "reconciliation", "Flores en la mesa y una disculpa en el desayuno."),
    ("09-09T19:00", "calm", "Una tarde normal; vimos una película."),
    ("10-02T18:00", "tension", "Silencio en la cena; portazos."),
    ("10-06T22:40", "incident", "Gritos por el dinero; se quedó con mi tarjeta del banco."),
    ("10-20T12:00", "calm", "Una semana tranquila."),
    ("11-02T21:15", "incident", "Me bloqueó la puerta cuando quise salir del cuarto."),
    ("11-18T07:30", "unsure", "Dijo que me imagino cosas."),
]
DATA: dict[str, dict[str, Any]] = {
    "en": {
        "record": RECORD,
        "unmarked": "[b]not bold[/b] entry",
        "edit": (" Then he laughed.", "Confused."),
        "files": ("messages-\u202eafter-the-party.png", "wrist.jpg", "He sent these at 18:40."),
        "people": [
            {"name": "Maria (my sister) [b]not bold[/b]", "reach": "555-0100, after 18:00",
             "knows": "Everything", "check_in": "If I have not answered by 21:00, call 911."},
            {"name": "Dev from work", "reach": "555-0199", "knows": "Some of it", "check_in": ""},
        ],
        "neighbour": ("Neighbour {n}", "Flat {n}", "Nothing yet"),
        "note": "Note line {n}: the spare key is with Maria.",
        "code_words": (
            {"word": "Blue umbrella", "meaning": "Call 911 now", "who": "Maria, the children"},
            {"word": "Pizza night", "meaning": "Come and get me", "who": "Dev"},
        ),
        "where": "Blue folder, top shelf",
        "line": {"name": "Local shelter [@click=app.quit]x[/]", "number": "555-0142",
                 "when": "Day and night; can help find a place to stay."},
    },
    "es": {
        "record": RECORD_ES,
        "unmarked": "[b]sin negrita[/b] entrada",
        "edit": (" Luego se rio.", "Confundida."),
        "files": ("mensajes-\u202edespues-de-la-fiesta.png", "muneca.jpg", "Los mandó a las 18:40."),
        "people": [
            {"name": "María (mi hermana) [b]sin negrita[/b]", "reach": "555-0100, desde las 18:00",
             "knows": "Todo", "check_in": "Si no he respondido a las 21:00, llamar al 911."},
            {"name": "Dani del trabajo", "reach": "555-0199", "knows": "Una parte", "check_in": ""},
        ],
        "neighbour": ("Vecina {n}", "Piso {n}", "Nada todavía"),
        "note": "Nota {n}: la llave de repuesto la tiene María.",
        "code_words": (
            {"word": "Paraguas azul", "meaning": "Llama al 911 ya", "who": "María, los niños"},
            {"word": "Noche de pizza", "meaning": "Ven a buscarme", "who": "Dani"},
        ),
        "where": "Carpeta azul, estante de arriba",
        "line": {"name": "Refugio cercano [@click=app.quit]x[/]", "number": "555-0142",
                 "when": "Día y noche; ayuda a encontrar dónde quedarse."},
    },
}  # fmt: skip


def _data() -> dict[str, Any]:
    return DATA[language()]


def _latest(session: Session) -> str:
    return journal.entries(session.unlocked)[0].id


def _edited(session: Session) -> Screen[Any]:
    vault = session.unlocked
    entry = next(e for e in journal.entries(vault) if e.phase == "unsure")
    more, felt = _data()["edit"]
    journal.save(vault, entry.edited(text=entry.text + more, felt=felt))
    return EntryViewScreen(session, entry.id)


def _confirm_delete(session: Session) -> Screen[Any]:
    return ConfirmScreen(
        say("delete", "title"),
        say("delete", "body"),
        yes=("y", say("delete", "yes")),
        no=("n", say("delete", "no")),
    )


def _with_files(session: Session) -> Screen[Any]:
    """The newest entry with two files kept, from sources with fixed bytes and dates."""
    vault = session.unlocked
    folder = vault.path.parent / "sources"
    folder.mkdir(exist_ok=True)
    shot_name, photo_name, note = _data()["files"]
    shot = folder / shot_name  # a bidi mark in it, shown as a symbol
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    photo = folder / photo_name
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(200)) * 1000)
    stamp = datetime(2026, 11, 20, 18, 45, tzinfo=UTC).timestamp()
    for path in (shot, photo):
        os.utime(path, (stamp, stamp))
    entry = journal.get(vault, _latest(session))
    assert entry is not None
    attachments.attach(vault, [shot, photo], entry=entry, note=note)
    return FilesScreen(session, entry.id)


NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TODAY = date(2026, 11, 24)


def _long_plan(session: Session) -> None:
    """A plan with more in it than one 80x24 screen holds, and text that looks like markup."""
    vault = session.unlocked
    safety_plan.set_mode(vault, "leave")
    safety_plan.set_review_by(vault, date(2026, 12, 24))
    plan = safety_plan.load(vault)
    people = plan.section("people")
    data = _data()
    name, flat, knows = data["neighbour"]
    rows = data["people"] + [
        {"name": name.format(n=n), "reach": flat.format(n=n), "knows": knows, "check_in": ""}
        for n in range(1, 7)
    ]
    notes = "\n".join(data["note"].format(n=n) for n in range(1, 31))
    ticked = tuple(
        safety_plan.ChecklistItem(item.text, done=n % 2 == 0)
        for n, item in enumerate(people.checklist)
    )
    safety_plan.save_section(vault, people.__class__(
        "people", notes=notes, checklist=ticked, rows=tuple(rows)))  # fmt: skip
    words = plan.section("code_words")
    safety_plan.save_section(vault, words.__class__(
        "code_words", checklist=words.checklist, rows=data["code_words"]))  # fmt: skip
    documents = plan.section("documents")
    ready = tuple({**row, "ready": n < 2, "where": data["where"] if n < 2 else ""}
                  for n, row in enumerate(documents.rows))  # fmt: skip
    safety_plan.save_section(vault, documents.__class__(
        "documents", checklist=documents.checklist, rows=ready))  # fmt: skip
    lines = plan.section("lines")
    safety_plan.save_section(vault, lines.__class__(
        "lines", checklist=lines.checklist, rows=(data["line"],)))  # fmt: skip
    bag = plan.section("go_bag")
    packed = tuple(safety_plan.ChecklistItem(i.text, n < 4) for n, i in enumerate(bag.checklist))
    safety_plan.save_section(vault, bag.__class__("go_bag", checklist=packed))


def _planned(make: ScreenFactory) -> ScreenFactory:
    def screen(session: Session) -> Screen[Any]:
        _long_plan(session)
        return make(session)

    return screen


def _questionnaire() -> questionnaire.Questionnaire:
    return questionnaire.questionnaires()[0]


def _answers(pattern: list[int | None]) -> dict[str, int | None]:
    items = _questionnaire().items
    return {item.key: pattern[n % len(pattern)] for n, item in enumerate(items)}


def _summary(session: Session) -> Screen[Any]:
    """Two runs kept on earlier days, and a finished run waiting to be kept or thrown away."""
    chosen, vault = _questionnaire(), session.unlocked
    for day, pattern in (("2026-09-01", [1, 0, 2]), ("2026-10-15", [2, 1, 3, None])):
        run = questionnaire.Run(chosen.key, f"{day}T09:00:00+00:00", _answers(pattern))
        vault.collection(questionnaire.SAVED).add({**run.as_record(), "finished": run.started})
    now = questionnaire.Run(chosen.key, "2026-11-24T09:00:00+00:00", _answers([3, 1, 4, 2]))
    return SummaryScreen(session, chosen, now)


def _question(session: Session) -> Screen[Any]:
    chosen = _questionnaire()
    run = questionnaire.Run(chosen.key, "2026-11-24T09:00:00+00:00", _answers([1]), position=4)
    return QuestionScreen(session, chosen, run)


def _person_form(session: Session) -> Screen[Any]:
    kind = safety_plan.plan_content().section("people").rows
    assert kind is not None
    row = safety_plan.load(session.unlocked).trusted_people()[0]
    return RowScreen(kind, say("plan.row", "change", one=kind.one), row, lambda _: None)


SCREENS: dict[str, list[ScreenFactory]] = {
    "welcome": [WelcomeScreen],
    "create": [CreateScreen],
    "recovery": [lambda s: RecoveryScreen(s, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789")],
    "recovery-offer": [_home, lambda s: RecoveryOfferScreen(s, None)],
    "change-passphrase": [_home, ChangePassphraseScreen],
    "new-recovery-code": [_home, NewRecoveryCodeScreen],
    "unlock": [UnlockScreen],
    "home": [_home],
    "problem": [lambda s: ProblemScreen(VaultBusy(4242))],
    "attempts": [
        _home,
        lambda s: AttemptsScreen(
            FailedAttempts(["2026-11-23T22:05:00+00:00", "2026-11-24T07:41:00+00:00"], True)
        ),
    ],
    "draft-offer": [
        _home,
        lambda s: DraftOfferScreen(
            s,
            {
                "saved": "2026-11-24T08:15:00+00:00",
                "items": [{"kind": "journal-entry", "state": {}}, {"kind": "quick-note"}],
            },
        ),
    ],
    "draft-set-aside": [
        _home,
        lambda s: DraftOfferScreen(s, {"items": [], "set_aside": ["vault.cairn.draft.aside-1"]}),
    ],
    "entry-new": [EntryScreen],
    "entry-view": [lambda s: EntryViewScreen(s, _latest(s))],
    "entry-history": [_edited],
    "daily": [lambda s: DailyScreen(s, today=date(2026, 11, 24))],
    "journal": [JournalScreen],
    "patterns": [lambda s: PatternsScreen(s, now=NOW)],
    "report": [lambda s: ReportScreen(s, today=date(2026, 11, 24))],
    "quick-note": [_home, QuickNoteScreen],
    "delete": [lambda s: EntryViewScreen(s, _latest(s)), _confirm_delete],
    "plan": [_planned(lambda s: SafetyPlanScreen(s, today=TODAY))],
    "plan-mode": [
        _planned(lambda s: SafetyPlanScreen(s, today=TODAY)),
        lambda s: ModeScreen("leave"),
    ],
    "plan-people": [_planned(lambda s: PlanSectionScreen(s, "people"))],
    "plan-documents": [_planned(lambda s: PlanSectionScreen(s, "documents"))],
    "plan-person-form": [_planned(lambda s: PlanSectionScreen(s, "people")), _person_form],
    "plan-card": [_planned(PlanCardScreen)],
    "plan-print": [_planned(lambda s: PlanPrintScreen(s, today=TODAY))],
    "questionnaire": [QuestionnaireScreen],
    "question": [_question],
    "safety-now": [_planned(SafetyNowScreen)],
    "summary": [_summary],
    "learn": [LearnScreen],
    "learn-page": [lambda s: LearnPageScreen(learn.pages()[1])],
    "files": [lambda s: EntryViewScreen(s, _latest(s)), _with_files],
    "file-add": [_with_files, lambda s: FileAddScreen(s, _latest(s))],
    "resources": [_planned(ResourcesScreen)],
}


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    monkeypatch.setattr("tui.journal.store.now", lambda: "2026-11-24T09:00:00+00:00")
    monkeypatch.setattr("tui.safety_plan.store.now", lambda: "2026-11-24T09:00:00+00:00")
    monkeypatch.setattr("tui.journal.attachments.now", lambda: "2026-11-24T09:05:00+00:00")
    monkeypatch.setenv("HOME", "/home/someone")
    vault = recorded_vault(tmp_path / "v" / "vault.cairn")
    yield Session(settings=Settings(), vault_path=FIXED_PATH, vault=vault)
    vault.lock()


def recorded_vault(path: Path, code: str = "en") -> Vault:
    """A new vault holding the record every snapshot shows, in language ``code``."""
    vault, _ = new_vault(path)
    for day, phase, text in DATA[code]["record"]:
        journal.add_entry(vault, text, phase=phase, occurred=f"2026-{day}:00+00:00")
    journal.add_entry(vault, DATA[code]["unmarked"], occurred="2026-11-20T18:30:00+00:00")
    return vault


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_snapshot(
    snap_compare: Any, session: Session, name: str, size: tuple[int, int]
) -> None:
    app = OneScreenApp(session, SCREENS[name])
    assert snap_compare(app, terminal_size=size, run_before=_settled(len(SCREENS[name])))


@pytest.fixture
def spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """A session whose settings say Spanish, with its record in Spanish; English again
    after the test (the app sets the language for the whole process)."""
    monkeypatch.setattr("tui.journal.store.now", lambda: "2026-11-24T09:00:00+00:00")
    monkeypatch.setattr("tui.safety_plan.store.now", lambda: "2026-11-24T09:00:00+00:00")
    monkeypatch.setattr("tui.journal.attachments.now", lambda: "2026-11-24T09:05:00+00:00")
    monkeypatch.setenv("HOME", "/home/someone")
    vault = recorded_vault(tmp_path / "v" / "vault.cairn", "es")
    try:
        yield Session(settings=Settings(language="es"), vault_path=FIXED_PATH, vault=vault)
    finally:
        vault.lock()
        use_language("en")


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_snapshot_in_spanish(snap_compare: Any, spanish: Session, name: str) -> None:
    app = OneScreenApp(spanish, SCREENS[name])
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(len(SCREENS[name])))


def _settled(depth: int) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait until every screen under test is on the stack and drawn."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_for(pilot, lambda: len(pilot.app.screen_stack) == depth + 1)
        await pilot.pause()

    return run_before


def test_home_in_high_contrast(snap_compare: Any, session: Session) -> None:
    session.settings = Settings(theme="high-contrast")
    app = OneScreenApp(session, [_home])
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(1))


def test_home_with_no_color(
    snap_compare: Any, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = OneScreenApp(session, [_home])
    assert app.no_color
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settled(1))
