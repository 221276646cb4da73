"""The whole first run in Spanish, in a real terminal (tmux), on a machine whose locale says
Spanish and with no setting: setting up, a journal entry, the questionnaire, the safety
plan, a learn page found without accents, a report, the panic key. Every screen waited on
is read for English: a word only the English content uses is a failure
(tests/app/spanish_words.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.app.spanish_words import english, shown_words, spanish
from tests.e2e.conftest import CAIRN
from tests.e2e.tmux import Terminal
from tests.helpers import PASSPHRASE
from tui import journal
from tui.vault import Vault

pytestmark = pytest.mark.slow


class Reader:
    """Waits for text in Spanish and keeps every screen it saw, to be read for English."""

    def __init__(self, term: Terminal) -> None:
        self.term, self.seen = term, []  # type: list[str]

    def wait(self, text: str, seconds: float = 20) -> str:
        shown = self.term.wait_text(text, seconds)
        self.seen.append(shown)
        return shown

    def english_words(self) -> set[str]:
        only_english = english() - spanish()
        words = {w for screen in self.seen for w in shown_words(screen)}
        return {w for w in words if w.casefold() in only_english}


def test_the_first_run_in_spanish(term: Terminal, app_env: dict[str, str]) -> None:
    env = {**app_env, "LANG": "es_MX.UTF-8"}
    read = Reader(term)
    term.start([CAIRN], env)
    read.wait("Antes de empezar", 60)
    term.keys("Enter")
    read.wait("Cuatro o más palabras")  # shown once the field has focus
    term.keys("F2")
    suggested = read.wait("Una sugerencia, elegida al azar")
    assert re.search(r"ahora mismo: [a-z]+( [a-z]+){6}\.", " ".join(suggested.split()))
    term.type(PASSPHRASE)
    read.wait("Es lo bastante fuerte")
    term.keys("Enter")
    read.wait("Escribe la misma frase una vez más")
    term.type(PASSPHRASE)
    term.keys("Enter")
    shown = read.wait("Escribe los cuatro últimos caracteres", 60)
    code = next(w for line in shown.splitlines() for w in line.split() if w.count("-") == 7)
    term.type(code[-4:])
    term.keys("Enter")
    read.wait("Revisión de privacidad")
    term.keys("End")
    read.wait("Estás dentro de tmux")
    term.keys("Enter")
    read.wait("Todavía no hay entradas en el diario")

    term.keys("n")  # a journal entry, its time typed in Spanish words
    read.wait("Los hechos, en orden")
    term.type("Me gritó en la cocina. Tuve miedo.")
    term.keys("Tab")
    read.wait("Como 2026-11-24 18:30, o hoy 18:30")
    term.keys("C-u")
    term.type("ayer 21:00")
    term.keys("C-s")
    read.wait("Guardado.")
    term.keys("Escape")
    read.wait("Entradas del diario: 1")

    term.keys("q")  # the questionnaire: one answer, kept
    read.wait("Todavía no lo has hecho.")
    term.keys("Enter")
    read.wait("Frase 1 de 43")
    term.keys("2")
    read.wait("Frase 2 de 43")
    term.keys("Escape")
    read.wait("Sin terminar: 1 de 43 respondidas")
    term.keys("Escape")  # each Escape waited out: one followed at once by a letter is Alt+letter
    read.wait("Entradas del diario: 1")

    term.keys("s")  # the safety plan, which asks first what it is for
    read.wait("¿Para qué estás planeando?")
    term.keys("1")
    read.wait("Plan: Estar más a salvo")
    term.keys("Escape")
    read.wait("Entradas del diario: 1")

    term.keys("l")  # a learn page, found without its accents
    read.wait("Páginas sencillas")
    term.type("vinculo traumatico")
    read.wait("Qué es un vínculo traumático")
    term.keys("Down", "Enter")
    read.wait("No es una debilidad")
    term.keys("Escape")
    read.wait("Páginas sencillas")
    term.keys("Escape")
    read.wait("Entradas del diario: 1")

    term.keys("e")  # a report, in Spanish, to a new file
    read.wait("Un informe para imprimir")
    term.keys("C-s")
    read.wait("¿Escribir un informe sin cifrar?")
    term.keys("s")
    read.wait("Se escribió 1 entrada en")
    term.keys("F12")
    read.wait("Bloqueado")

    assert read.english_words() == set()
    home = Path(env["HOME"])
    [page] = home.glob("documento-*.html")
    text = page.read_text(encoding="utf-8")
    assert '<html lang="es">' in text and "Registro del diario" in text
    assert "Me gritó en la cocina. Tuve miedo." in text and "Journal record" not in text
    with Vault.open(Path(env["CAIRN_VAULT"]), code) as vault:  # the code shown opens it
        [entry] = journal.entries(vault)
    yesterday = date.today() - timedelta(days=1)
    assert entry.occurred.startswith(f"{yesterday.isoformat()}T21:00")  # "ayer 21:00"
