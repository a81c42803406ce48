"""What a template leaves behind when it is not filled in, as the explanation readers and the
goal rules (PG-PLACEHOLDER) look for it: one pattern, matched against NFKC-normalized text; and
the mark of a template's row left to be repeated (…), as the goal table readers look for it.

>>> [m.group() for m in PLACEHOLDERS.finditer("XX局2025年(项目名称)比上年增长(下降)")]
['XX局', '(项目名称)', '增长(下降)']
>>> [m.group() for m in PLACEHOLDERS.finditer("计划完成0(预期绩效)。用于0辆0(燃油、维修、保险)")]
['0(预期绩效)', '0(燃油、维修、保险)']
>>> PLACEHOLDERS.search("旅行车(含商务车)0辆,增加0万元(0%)") is None
True
>>> [bool(TEMPLATE_ROW.fullmatch(text)) for text in ("...", "......", "⋯", "等...")]
[True, True, True, False]
"""

from __future__ import annotations

import re

__all__ = ["PLACEHOLDERS", "TEMPLATE_ROW"]

# The template's placeholders: a name, a choice of words or a blank left to fill in.
PLACEHOLDERS = re.compile(
    r"(?<![A-Za-z])[Xx×]{2,}(?![A-Za-z])(?:单位|部门|[局委办厅院部处科所站队])?"  # XX局, XXX, ××
    r"|(?:增加|增长|上升)[(/](?:减少|下降|降低)\)?"  # 增长(下降): the template's two words
    r"|(?:减少|下降|降低)[(/](?:增加|增长|上升)\)?"
    r"|\([^()\n]{0,20}名称\)"  # (团组名称)
    # 0(预期绩效): a hint left where a figure goes ((团组名称) is reported as above)
    r"|(?<![\d.])0\((?![^()\n]*名称\))(?=[^()\n]*[\u4e00-\u9fff])[^()\n\d%]{2,16}\)"
    r"|\([^()\n]*以及[^()\n]*等\)"  # (绩效目标管理工作情况，以及…等): an instruction left in
    r"|_{2,}"  # a blank to fill in
)

# A cell that is an ellipsis alone (…, ……, ⋯; NFKC prints … as ...): a form's row saying "and
# so on", to be replaced by rows of its own, not deleted when the form was filled in. Matched
# whole, since an ellipsis inside a text is ordinary writing.
TEMPLATE_ROW = re.compile(r"(?:\.{3}|⋯|·{3})+")
