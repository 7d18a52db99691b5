"""`manage.py readability [--json] [--lang nl] FILE|-`: how hard a text is to read, and what to fix.

For content from outside the site (the policy note, a letter, a text from a department):
the level, the difficulty, the hardest sentences with the reasons, and the official or rare
words with a plainer word from the glossary. `-` reads standard input. Uses the glossary as
editors keep it in the admin.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.readability.glossary_store import glossary_current
from cms.readability.levels import TARGET, above_target
from cms.readability.scoring import LANGUAGES, score_text

JSON_KEYS = ("level", "difficulty", "lang", "sentences", "words")


class Command(BaseCommand):
    help = "Score a text's readability (Dutch, English or French): level, difficulty, hardest sentences, words to change."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text or HTML file, or - for standard input.")
        parser.add_argument("--lang", default="nl", help=f"Language of the text: {', '.join(LANGUAGES)} (default nl).")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")

    def handle(self, *args, file, lang, json: bool = False, **options):
        if lang not in LANGUAGES:
            raise CommandError(f"--lang: unknown language '{lang}'; choose one of {', '.join(LANGUAGES)}.")
        text = self._read(file)
        result = score_text(text, lang, glossary_current(), formulas=True)
        if json:
            answer = result.as_json()
            ordered = {key: answer[key] for key in JSON_KEYS} | {k: v for k, v in answer.items() if k not in JSON_KEYS}
            self.stdout.write(_dumps(ordered))
            return
        self._print(result)

    def _read(self, file: str) -> str:
        if file == "-":
            return sys.stdin.read()
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"FILE: no such file: {file}")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"FILE: {file} is not UTF-8 text ({error.reason} at byte {error.start}).") from None

    def _print(self, result) -> None:
        write = self.stdout.write
        verdict = "moeilijker dan" if above_target(result.level) else "binnen"
        write(f"Niveau: {result.level_label}, moeilijkheid {result.difficulty} ({verdict} het doel {TARGET.label})")
        write(f"{result.words} woorden in {result.sentences} zinnen; "
              f"gemiddeld {result.signals['words_per_sentence']} woorden per zin")
        if result.hardest:
            write("\nMoeilijkste zinnen:")
            for number, sentence in enumerate(result.hardest, start=1):
                write(f"{number}. [{sentence.level}, {sentence.difficulty}] {sentence.text}")
                for reason in sentence.reasons:
                    write(f"   - {reason}")
        if result.flagged_words:
            write("\nWoorden:")
            for word in result.flagged_words:
                advice = f" → {word.suggestion}" if word.suggestion else " (weinig gebruikt)"
                write(f"- {word.word}{advice}" + (f" ({word.count}x)" if word.count > 1 else ""))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
