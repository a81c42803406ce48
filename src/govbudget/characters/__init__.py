"""The characters a document is printed in: traditional script folded to simplified for matching.

Departments publish in simplified characters, but copies of their pages are met in traditional
script (a site's 繁體 version, a conversion tool), sometimes with the pronunciation of a
character inserted after it ("經(jīng)費"). Readers compare what a document prints with the
vocabulary through :func:`fold`; what they keep (labels, quotes) stays as printed.
"""

from govbudget.characters.folding import ANNOTATION, fold, fold_char

__all__ = ["ANNOTATION", "fold", "fold_char"]
