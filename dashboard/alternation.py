"""Word lists as regular expressions: one alternation per list, shaped as a trie.

Every lexicon of the product (temporal word groups, organisation heads, reference words,
continuations) becomes a regex the same way, so that the longest listed word always wins over
a shorter one it starts with ("Vereinigte Staaten" over "Vereinigte") and the engine tries one
branch per character instead of one per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str], space: str = r"\s+") -> str:
    """The words as a trie-shaped alternation without a group around it; a space in a word
    matches ``space``: by default any run of white space (a name broken over a line is still
    the name)."""
    trie: dict = {}
    for word in sorted(set(words)):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [(space if char == " " else re.escape(char)) + render(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # a longer word is tried before its prefix

    return render(trie)


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A group matching any of the words, longest first; ``(?!)`` (never matches) for none."""
    words = {" ".join(w.split()) for w in words if w.strip()}
    return f"(?:{trie_regex(words, space)})" if words else "(?!)"
