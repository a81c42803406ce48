"""The rules a reader raises while it reads a published document.

They have no function for ``check`` to run: a reader reports, as findings of these rules, what it
could not read (a cell, a row, a column, a table, a stated figure), and a disclosure carries them
in ``read_findings``, which ``check`` reports beside the findings of the other rules. They are
declared here, with the others, so that the rule catalogue lists every rule a report can name.
"""

from __future__ import annotations

from govbudget.checks.registry import Rule, declare
from govbudget.findings import Severity

__all__ = [
    "READING_RULES",
    "READ_CELL",
    "READ_COLUMN",
    "READ_FACT",
    "READ_GOAL_CELL",
    "READ_GOAL_MISSING",
    "READ_GOAL_ROW",
    "READ_ROW",
    "READ_TABLE",
    "READ_TITLE",
    "READ_UNIT",
    "READ_YEAR",
    "TXT_PLACEHOLDER",
    "YEAR_UNKNOWN",
]

TXT_PLACEHOLDER = declare(
    "TXT-PLACEHOLDER",
    "The explanation has no unfilled template placeholder",
    Severity.ERROR,
    description="情况说明中不得留有未填写的模板占位符：XX局、XXX、××、增长(下降)、(团组名称)、"
    "未填写的金额等。",
)

READ_FACT = declare(
    "READ-FACT",
    "Every stated figure can be read",
    Severity.WARNING,
    description="情况说明中的数字能够读取：金额格式正确，比上年增减能对应到所说明的金额，"
    "同一事项前后所述金额一致。",
)

READ_GOAL_CELL = declare(
    "READ-GOAL-CELL",
    "Goal table cells are read",
    Severity.ERROR,
    description=(
        "项目绩效目标表的金额、百分比、金额单位等单元格按其所在栏读取；无法读取的单元格、"
        "版式中没有位置的单元格逐一报告，不猜测、不丢弃。"
    ),
)

READ_GOAL_ROW = declare(
    "READ-GOAL-ROW",
    "Goal table rows fit the layout",
    Severity.ERROR,
    description=(
        "项目绩效目标表的每一行属于版式的某一部分；指标行中空白的一级、二级指标沿用上一行，"
        "无可沿用者报告。"
    ),
)

READ_GOAL_MISSING = declare(
    "READ-GOAL-MISSING",
    "Goal table prints what a goal needs",
    Severity.ERROR,
    description="项目绩效目标表印有项目名称、指标表头和金额单位；缺少项目名称或指标表头时无法读取。",
)

READ_COLUMN = declare(
    "READ-COLUMN",
    "Every column of a grid that carries figures is recognised",
    Severity.ERROR,
    description="表格中填有数字的每一列，其表头都能识别为本表的一栏；无法识别或重复的列不读入。",
)

READ_CELL = declare(
    "READ-CELL",
    "Every cell of a grid can be read",
    Severity.ERROR,
    description=(
        "每个金额单元格都是按本表单位可读的数字，每个科目编码都是本表可用的编码；"
        "读不出的金额按空白读入，编码不可用的行不读入。"
    ),
)

READ_ROW = declare(
    "READ-ROW",
    "Every row of a grid is recognised",
    Severity.ERROR,
    description="表格中的每一行都能识别为本表的合计行、固定行或科目行；无法识别的行不读入。",
)

READ_TITLE = declare(
    "READ-TITLE",
    "Every table title is recognised",
    Severity.INFO,
    description="表标题是标准表的标题之一；不是时，按标题用词、表头、行名和科目编码上的依据认定"
    "为哪张表读入，并提示所读作的表及其依据。",
)

READ_UNIT = declare(
    "READ-UNIT",
    "Every table prints its unit",
    Severity.WARNING,
    description="每张表印有金额单位（单位：万元、单位：元，或在表头“（万元）”）；未印时按情况说明"
    "所用的单位读入，并提示核实。",
)

READ_YEAR = declare(
    "READ-YEAR",
    "The budget year is known, and the year given agrees with the years printed",
    Severity.WARNING,
    description="读取时给定的年度（表格 JSON 的 budget_year，或 year= 参数）与文件中所印的年度"
    "（预算年度行、表标题）一致；不一致时按给定的年度读入并提示核实。文件不印年度、也未给出"
    "年度时，按年度未知读入，并说明哪些检查因此未做。",
)

# What READ-YEAR says of a document read with the year unknown; the goal readers say it too.
YEAR_UNKNOWN = (
    "未能确定预算年度：表标题、预算年度行与情况说明均未印年份，也未给出年度（--year 或 year=）；"
    "按年度未知读入，需要年度的检查（科目编码与名称、各部分年度一致、陈旧年份）未做"
)

READ_TABLE = declare(
    "READ-TABLE",
    "Every table of a document is recognised and read",
    Severity.ERROR,
    description="文档中的每张表都能按标题（或表头）识别并读入；无法识别或无法读入的表，其中的数字全部记为未读。",
)


READING_RULES: tuple[Rule, ...] = (
    TXT_PLACEHOLDER,
    READ_FACT,
    READ_GOAL_CELL,
    READ_GOAL_ROW,
    READ_GOAL_MISSING,
    READ_COLUMN,
    READ_CELL,
    READ_ROW,
    READ_TITLE,
    READ_UNIT,
    READ_YEAR,
    READ_TABLE,
)
"""The readers' rules, in catalogue order."""
