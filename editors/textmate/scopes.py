"""Tokenises journey files with editors/textmate/journey.tmLanguage.json through a TextMate
engine (PyPI's textmate-grammar-python, on Oniguruma), as editors would colour them.

    python editors/textmate/scopes.py FILE…   # one JSON list per file: [line, column, text, scope]

Lines and columns are 0-based, columns in code points. Used by
Tests/JourneyLSPTests/GrammarTests.swift; handy when changing the grammar.
"""
import json
import logging
import os
import sys

logging.disable(logging.WARNING)  # the engine logs every string's unmatched text
from textmate_grammar.parsers.base import LanguageParser  # noqa: E402

GRAMMAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "journey.tmLanguage.json")


def main(paths):
    with open(GRAMMAR, encoding="utf-8") as f:
        parser = LanguageParser(json.load(f))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            element = parser.parse_string(f.read())
        tokens = [[line, col, text, scopes[-1]] for (line, col), text, scopes in element.flatten() if text.strip()]
        print(json.dumps(tokens, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
