"""Folding a printed text to the form the vocabulary is matched in: NFKC, simplified characters.

The table of traditional characters is data (``data/traditional.tsv``, derived from OpenCC), read
once on first use. It holds no character that is itself a simplified character, so folding a
simplified text changes nothing but what NFKC changes.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["ANNOTATION", "fold", "fold_char"]


@functools.cache
def _table() -> dict[int, str]:
    # Imported at the first fold: importing govbudget reads no data file.
    from importlib import resources

    text = resources.files("govbudget.characters").joinpath("data").joinpath("traditional.tsv")
    pairs = (
        line.split("\t")
        for line in text.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    )
    return {ord(traditional): simplified for traditional, simplified in pairs}


# A pronunciation a conversion site inserted after a character: 經(jīng)費, 說（shuō）明.
ANNOTATION = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")


def fold(text: str) -> str:
    """``text`` as it is matched: NFKC, traditional characters as simplified, pronunciations
    inserted after characters left out.

    >>> fold("“三公”經(jīng)費支出預算為7萬元")
    '“三公”经费支出预算为7万元'
    >>> fold("一般公共服务支出（类）") == "一般公共服务支出(类)"
    True
    """
    return unicodedata.normalize("NFKC", ANNOTATION.sub("", text)).translate(_table())


def fold_char(char: str) -> str:
    """One character as :func:`fold` gives it (NFKC may give several)."""
    return unicodedata.normalize("NFKC", char).translate(_table())
