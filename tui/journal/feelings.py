"""The feelings helper: find the sentences in "What happened" where the person says how
they felt, so they can be copied to "How I felt", where feelings are kept apart on purpose.

It never changes the facts. It only ever copies, and never offers a sentence that quotes
someone, reports what someone said, an injury or a threat: those are facts (and fear matters
in protective orders), even when the same sentence also says how the person felt. The word
lists are content: tui/content/journal.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content import LANGUAGES
from ..content.bundle import content
from ..content.checks import TableReader

# A sentence ends at . ! ? (with any closing quotes after them) or at a line end.
# Typographic quotes by code point: \u2018 \u2019 single, \u201c \u201d \u201e double,
# \u00ab \u00bb \u2039 \u203a guillemets.
_SENTENCE = re.compile("[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019\u00bb]*|\n|$)")
_WORD = re.compile("[\\w\u2019']+")
# Quotation marks; an apostrophe inside a word is not one ("I'm", "don't").
_QUOTE = re.compile(
    "[\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]|(?<!\\w)['\u2018\u2019]|['\u2018\u2019](?!\\w)"
)


@dataclass(frozen=True)
class FeelingWords:
    own: frozenset[str]
    feelings: frozenset[str]
    facts: frozenset[str]


def parse_feelings(journal: TableReader) -> FeelingWords:
    """journal.toml's [feelings] and [facts] word lists, checked."""
    feelings = journal.within(journal.table.get("feelings"), "[feelings]")
    facts = journal.within(journal.table.get("facts"), "[facts]")
    feelings.only("self", "words")
    facts.only("speech", "injury", "threat")
    lists = {
        "self": feelings.texts("self"),
        "words": feelings.texts("words"),
        **{key: facts.texts(key) for key in ("speech", "injury", "threat")},
    }
    for key, words in lists.items():
        if not words:
            raise journal.problem(f"the list '{key}' is empty.")
    return FeelingWords(
        own=frozenset(lists["self"]),
        feelings=frozenset(lists["words"]),
        facts=frozenset(w for key in ("speech", "injury", "threat") for w in lists[key]),
    )


def _words() -> FeelingWords:
    return content().feelings


def _tokens(sentence: str) -> list[str]:
    return [word.replace("\u2019", "'").lower() for word in _WORD.findall(sentence)]


def sentences(text: str) -> list[str]:
    """The text's sentences, each stripped, in order."""
    return [found.strip() for found in _SENTENCE.findall(text) if found.strip()]


def _facts() -> frozenset[str]:
    """The words of speech, injury and threat of every language Cairn speaks: a person may
    write in another language than the screens', and a fact must stay a fact in any."""
    return frozenset().union(*(content(code).feelings.facts for code in LANGUAGES))


def is_fact(sentence: str) -> bool:
    """Quoted words, or words of speech, injury or threat: never offered to be copied."""
    if _QUOTE.search(sentence):
        return True
    facts = _facts()
    return any(word in facts for word in _tokens(sentence))


def own_feelings(text: str) -> list[str]:
    """The sentences where the person says how they felt, and that report nothing that must
    stay a fact; in order, each once."""
    words = _words()
    found: list[str] = []
    for sentence in sentences(text):
        tokens = set(_tokens(sentence))
        mine = tokens & words.own and tokens & words.feelings
        if mine and not is_fact(sentence) and sentence not in found:
            found.append(sentence)
    return found


def feeling_words(text: str) -> list[str]:
    """The feeling words in the sentences ``own_feelings`` would offer, each once, in order."""
    words = _words()
    found: list[str] = []
    for sentence in own_feelings(text):
        for token in _tokens(sentence):
            if token in words.feelings and token not in found:
                found.append(token)
    return found


def copied_into(felt: str, offered: list[str]) -> str:
    """ "How I felt" with the offered sentences added after what is there (none twice)."""
    new = [sentence for sentence in offered if sentence not in felt]
    return "\n".join(part for part in (felt.rstrip(), " ".join(new)) if part)
