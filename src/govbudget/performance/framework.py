"""The indicator framework (绩效指标体系): level-1 indicators and the level-2 allowed under each.

A project's indicators form a three-level tree. Level 1 says what kind of result is measured,
level 2 which aspect of it, level 3 is free text naming the indicator itself. The framework of
财预〔2020〕10号 has three level-1 indicators, with 成本指标 as a level-2 under 产出指标; the newer
framework of 财预〔2021〕101号 makes 成本指标 a level-1 of its own, with 经济/社会/生态环境成本
under it. Both are in use (the seed follows the first, Shanghai's forms the second), so both are
allowed:

>>> [level.label for level in Level1]
['产出指标', '效益指标', '满意度指标', '成本指标']
>>> [level.label for level in Level1.OUTPUT.allowed]
['数量指标', '质量指标', '时效指标', '成本指标']
>>> Level2.read("经济成本指标").parent
<Level1.COST: '成本指标'>

Names are read as printed, with or without the trailing 指标 and with stray spaces
(``Level1.read("产出")``); a name the framework does not know reads as ``None``.

The framework is the model's own vocabulary, fixed by the two documents above, not a catalogue
that changes with the budget year; the rules switch on its members, so it lives in code.
"""

from __future__ import annotations

import enum
import re

from govbudget.characters import fold

__all__ = ["Level1", "Level2", "normalize_level"]

_SPACE = re.compile(r"\s+")
_SUFFIX = "指标"


def normalize_level(name: str) -> str:
    """A level name as the framework spells it: NFKC, no spaces, ending in 指标.

    >>> normalize_level(" 服务对象满意度 ")
    '服务对象满意度指标'
    """
    text = _SPACE.sub("", fold(name))
    if not text or text.endswith(_SUFFIX):
        return text
    return text + _SUFFIX


class Level1(enum.Enum):
    """A level-1 indicator (一级指标) of the framework.

    >>> Level1.read("效益指标"), Level1.read("效率指标")
    (<Level1.OUTCOME: '效益指标'>, None)
    >>> [level.label for level in Level1 if level.required]
    ['产出指标', '效益指标', '满意度指标']
    """

    OUTPUT = "产出指标"
    OUTCOME = "效益指标"
    SATISFACTION = "满意度指标"
    COST = "成本指标"

    @property
    def label(self) -> str:
        """The name as printed in a 一级指标 cell."""
        return self.value

    @property
    def required(self) -> bool:
        """Whether every goal table must have an indicator under this level-1.

        成本指标 is optional: the older framework puts cost under 产出指标 instead.
        """
        return self is not Level1.COST

    @property
    def allowed(self) -> tuple[Level2, ...]:
        """The level-2 indicators allowed under this level-1, in the framework's order."""
        return tuple(level for level in Level2 if level.parent is self)

    @classmethod
    def read(cls, name: str) -> Level1 | None:
        """The level-1 indicator a printed name stands for, or ``None``."""
        return _LEVEL1_NAMES.get(normalize_level(name))


class Level2(enum.Enum):
    """A level-2 indicator (二级指标) and the level-1 it belongs under.

    >>> Level2.read("可持续影响").parent
    <Level1.OUTCOME: '效益指标'>
    >>> Level2.read("成本指标").parent  # the older framework's cost, under 产出指标
    <Level1.OUTPUT: '产出指标'>
    """

    QUANTITY = "数量指标"
    QUALITY = "质量指标"
    TIMELINESS = "时效指标"
    COST = "成本指标"
    ECONOMIC = "经济效益指标"
    SOCIAL = "社会效益指标"
    ECOLOGICAL = "生态效益指标"
    SUSTAINABILITY = "可持续影响指标"
    SATISFACTION = "服务对象满意度指标"
    ECONOMIC_COST = "经济成本指标"
    SOCIAL_COST = "社会成本指标"
    ECOLOGICAL_COST = "生态环境成本指标"

    @property
    def label(self) -> str:
        """The name as printed in a 二级指标 cell."""
        return self.value

    @property
    def parent(self) -> Level1:
        """The level-1 indicator this level-2 belongs under."""
        return _PARENTS[self]

    @classmethod
    def read(cls, name: str) -> Level2 | None:
        """The level-2 indicator a printed name stands for, or ``None``."""
        return _LEVEL2_NAMES.get(normalize_level(name))


_PARENTS = {
    Level2.QUANTITY: Level1.OUTPUT,
    Level2.QUALITY: Level1.OUTPUT,
    Level2.TIMELINESS: Level1.OUTPUT,
    Level2.COST: Level1.OUTPUT,
    Level2.ECONOMIC: Level1.OUTCOME,
    Level2.SOCIAL: Level1.OUTCOME,
    Level2.ECOLOGICAL: Level1.OUTCOME,
    Level2.SUSTAINABILITY: Level1.OUTCOME,
    Level2.SATISFACTION: Level1.SATISFACTION,
    Level2.ECONOMIC_COST: Level1.COST,
    Level2.SOCIAL_COST: Level1.COST,
    Level2.ECOLOGICAL_COST: Level1.COST,
}
_LEVEL1_NAMES = {level.value: level for level in Level1}
_LEVEL2_NAMES = {level.value: level for level in Level2}
