"""A vault holding many realistic entries, each linked in the record chain, built in one
write (saving them one by one would take as long as the benchmark itself)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui import journal
from tui.journal import chain
from tui.vault import INSECURE_FAST_KDF, KdfParams, Vault

PASSPHRASE = "benchmark passphrase"
WORDS = [
    "he",
    "she",
    "took",
    "phone",
    "keys",
    "car",
    "money",
    "door",
    "shouted",
    "slammed",
    "called",
    "texted",
    "dinner",
    "kitchen",
    "hallway",
    "bank",
    "card",
    "apology",
    "flowers",
    "silence",
    "blamed",
    "denied",
    "laughed",
    "messages",
    "friends",
    "work",
    "children",
    "school",
    "night",
    "morning",
    "weekend",
    "bedroom",
    "threatened",
    "left",
    "returned",
    "quiet",
    "normal",
]
PHASES = ["tension", "incident", "reconciliation", "calm", "unsure", None]


def entries(count: int, seed: int = 7) -> list[journal.JournalEntry]:
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    found = []
    for n in range(count):
        moment = (start + timedelta(hours=5 * n + rng.randrange(4))).isoformat()
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 70))).capitalize()
        found.append(
            journal.JournalEntry(
                id=f"{n:032x}",
                created=moment,
                occurred=moment,
                text=text + ".",
                where=rng.choice(["kitchen", "car", "hallway", ""]),
                phase=rng.choice(PHASES),
                tags=tuple(rng.sample(["money", "phone", "kids", "work", "family"], 2)),
            )
        )
    return found


def filled_vault(
    path: Path, count: int, passphrase: str = PASSPHRASE, kdf: KdfParams = INSECURE_FAST_KDF
) -> Vault:
    vault, _ = Vault.create(path, passphrase, kdf)
    with vault.batch():
        previous = None
        records, links = [], []
        for entry in entries(count):
            records.append(entry.as_record())
            previous = chain.next_link(
                previous,
                at=entry.created,
                action="add",
                entry=entry.id,
                version=1,
                content=journal.entry_hash(entry),
            )
            links.append(previous.as_record())
        vault.collection(journal.TABLE).add_all(records)
        vault.collection(journal.CHAIN_TABLE).add_all(links)
    return vault
