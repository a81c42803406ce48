"""The seed department's final accounts (部门决算) for 2025, built by hand, against its budget.

中共唐山市开平区委网信办 budgeted 283.61万元 for 2025 (src/govbudget/samples/kaiping_2025.txt,
read with ``govbudget.read_text``). These are plausible final accounts of that year — the
figures are made up, the shapes and the arithmetic are those of a real 部门决算: the nine 决算
tables, 3.20万元 carried over from 2024 and spent on 信息安全事务, 2.40万元 of 一般行政管理事务
carried forward into 2026, a 死亡抚恤 of 1.50万元 paid during the year under a code the budget
did not have, and an explanation (决算情况说明) that gives the reason of every variance but that
one.

The script checks the accounts (no error; then one deliberate mistake in the text, which
TXT-FINAL-RATE reports), renders them, writes them as a govbudget JSON document and reads them
back, and compares them with the seed budget: 完成率 of the whole and the parts, the largest
variances, and which of them the explanation accounts for.

Run:  python examples/seed_final_accounts.py
"""

from __future__ import annotations

from decimal import Decimal
from importlib import resources

import attrs

from govbudget import (
    DepartmentBudget,
    DepartmentFinalAccounts,
    TableHeader,
    check,
    from_json,
    read_text,
    to_json,
    to_text,
)
from govbudget.disclosure import BudgetUnit
from govbudget.ledger import compare_execution
from govbudget.reading import read_final_facts
from govbudget.tables import (
    BasicExpenditureFinalTable,
    ExpenditureFinalTable,
    ExpenditureTable,
    FiscalAppropriationFinalSummary,
    GeneralPublicExpenditureFinalTable,
    GeneralPublicExpenditureTable,
    GovernmentFundFinalTable,
    IncomeExpenditureFinalSummary,
    IncomeFinalTable,
    StateCapitalFinalTable,
    ThreePublicExpensesFinalTable,
    ThreePublicExpensesTable,
)

DEPARTMENT = "中共唐山市开平区委网络安全和信息化委员会办公室"
YEAR = 2025
HEADER = TableHeader(DEPARTMENT, YEAR, department_code="897")

# -- the tables ----------------------------------------------------------------------------------
# 一般公共预算财政拨款 only, as the budget: 本年收入 281.18 + 年初结转和结余 3.20 = 本年支出 281.98 +
# 年末结转和结余 2.40 = 284.38. Basic 191.93 (人员经费 180.43 + 公用经费 11.50), project 90.05.


def summary() -> IncomeExpenditureFinalSummary:
    """公开01表 收入支出决算总表."""
    return IncomeExpenditureFinalSummary.from_rows(
        HEADER,
        income=[
            ("general_public_budget", "一、一般公共预算财政拨款收入", {"amount": "281.18"}),
            ("government_fund", "二、政府性基金预算财政拨款收入", {}),
            ("state_capital", "三、国有资本经营预算财政拨款收入", {}),
            ("subsidy_from_superior", "四、上级补助收入", {}),
            ("service_income", "五、事业收入", {}),
            ("operating_income", "六、经营收入", {}),
            ("remittance_from_subordinates", "七、附属单位上缴收入", {}),
            ("other_income", "八、其他收入", {}),
            ("income_total", "本年收入合计", {"amount": "281.18"}),
            ("use_of_balance", "使用非财政拨款结余", {}),
            ("carry_over", "年初结转和结余", {"amount": "3.20"}),
            ("grand_total", "总计", {"amount": "284.38"}),
        ],
        expenditure=[
            ("201", "一、一般公共服务支出", {"amount": "253.47"}),
            ("208", "八、社会保障和就业支出", {"amount": "1.50"}),
            ("210", "十、卫生健康支出", {"amount": "14.53"}),
            ("221", "二十、住房保障支出", {"amount": "12.48"}),
            ("expenditure_total", "本年支出合计", {"amount": "281.98"}),
            ("surplus_distribution", "结余分配", {}),
            ("carry_forward", "年末结转和结余", {"amount": "2.40"}),
            ("grand_total", "总计", {"amount": "284.38"}),
        ],
    )


# Income is booked by the subject it was appropriated for: 2.40 of 一般行政管理事务 was received
# and not spent, 3.20 of 信息安全事务 was spent from last year's money.
_INCOME = (
    ("total", "合计", "281.18"),
    ("201", "一般公共服务支出", "252.67"),
    ("20137", "网信事务", "252.67"),
    ("2013701", "行政运行", "163.42"),
    ("2013702", "一般行政管理事务", "79.25"),
    ("2013704", "信息安全事务", "10.00"),
    ("208", "社会保障和就业支出", "1.50"),
    ("20808", "抚恤", "1.50"),
    ("2080801", "死亡抚恤", "1.50"),
    ("210", "卫生健康支出", "14.53"),
    ("21011", "行政事业单位医疗", "14.53"),
    ("2101101", "行政单位医疗", "14.53"),
    ("221", "住房保障支出", "12.48"),
    ("22102", "住房改革支出", "12.48"),
    ("2210201", "住房公积金", "12.48"),
)

# (code, name, 年初预算数, 调整预算数, 基本支出, 项目支出)
_SPENT = (
    ("total", "合计", "283.61", "288.30", "191.93", "90.05"),
    ("201", "一般公共服务支出", "256.59", "259.79", "163.42", "90.05"),
    ("20137", "网信事务", "256.59", "259.79", "163.42", "90.05"),
    ("2013701", "行政运行", "166.59", "166.59", "163.42", None),
    ("2013702", "一般行政管理事务", "80.00", "80.00", None, "76.85"),
    ("2013704", "信息安全事务", "10.00", "13.20", None, "13.20"),
    ("208", "社会保障和就业支出", None, "1.50", "1.50", None),
    ("20808", "抚恤", None, "1.50", "1.50", None),
    ("2080801", "死亡抚恤", None, "1.50", "1.50", None),
    ("210", "卫生健康支出", "14.53", "14.53", "14.53", None),
    ("21011", "行政事业单位医疗", "14.53", "14.53", "14.53", None),
    ("2101101", "行政单位医疗", "14.53", "14.53", "14.53", None),
    ("221", "住房保障支出", "12.48", "12.48", "12.48", None),
    ("22102", "住房改革支出", "12.48", "12.48", "12.48", None),
    ("2210201", "住房公积金", "12.48", "12.48", "12.48", None),
)


def _total(basic: str | None, project: str | None) -> str:
    return str(sum((Decimal(x) for x in (basic, project) if x is not None), Decimal("0.00")))


def _spent(budgets: bool) -> list[tuple[str, str, dict[str, str | None]]]:
    rows = []
    for code, name, budget, adjusted, basic, project in _SPENT:
        figures = {"total": _total(basic, project), "basic": basic, "project": project}
        if budgets:
            figures |= {"budget": budget, "adjusted_budget": adjusted}
        rows.append((code, name, figures))
    return rows


def income() -> IncomeFinalTable:
    """公开02表 收入决算表: every 元 from 财政拨款."""
    return IncomeFinalTable.from_rows(
        HEADER,
        [
            (code, name, {"total": amount, "fiscal_appropriation": amount})
            for code, name, amount in _INCOME
        ],
    )


def expenditure() -> ExpenditureFinalTable:
    """公开03表 支出决算表."""
    return ExpenditureFinalTable.from_rows(HEADER, _spent(budgets=False))


def appropriations() -> FiscalAppropriationFinalSummary:
    """公开04表 财政拨款收入支出决算总表."""
    return FiscalAppropriationFinalSummary.from_rows(
        HEADER,
        income=[
            ("general_public_budget", "一、一般公共预算财政拨款", {"amount": "281.18"}),
            ("government_fund", "二、政府性基金预算财政拨款", {}),
            ("state_capital", "三、国有资本经营预算财政拨款", {}),
            ("income_total", "本年收入合计", {"amount": "281.18"}),
            ("carry_over", "年初财政拨款结转和结余", {"amount": "3.20"}),
            ("carry_over_general_public", "一般公共预算财政拨款", {"amount": "3.20"}),
            ("carry_over_government_fund", "政府性基金预算财政拨款", {}),
            ("carry_over_state_capital", "国有资本经营预算财政拨款", {}),
            ("grand_total", "总计", {"amount": "284.38"}),
        ],
        expenditure=[
            *(
                (code, name, {"total": amount, "general_public": amount})
                for code, name, amount in (
                    ("201", "一、一般公共服务支出", "253.47"),
                    ("208", "八、社会保障和就业支出", "1.50"),
                    ("210", "十、卫生健康支出", "14.53"),
                    ("221", "二十、住房保障支出", "12.48"),
                    ("expenditure_total", "本年支出合计", "281.98"),
                    ("carry_forward", "年末财政拨款结转和结余", "2.40"),
                    ("grand_total", "总计", "284.38"),
                )
            ),
        ],
    )


def general_public() -> GeneralPublicExpenditureFinalTable:
    """公开05表 一般公共预算财政拨款支出决算表, with 年初预算数 and 调整预算数."""
    return GeneralPublicExpenditureFinalTable.from_rows(HEADER, _spent(budgets=True))


# (code, name, 决算数), in class order: 人员经费 is 301 and 303 (the left half of the printed
# table), 公用经费 302 (the right half).
_ECONOMIC = (
    ("301", "工资福利支出", "178.93"),
    ("30101", "基本工资", "68.12"),
    ("30102", "津贴补贴", "24.10"),
    ("30103", "奖金", "4.26"),
    ("30107", "绩效工资", "38.90"),
    ("30108", "机关事业单位基本养老保险缴费", "15.72"),
    ("30110", "职工基本医疗保险缴费", "14.53"),
    ("30112", "其他社会保障缴费", "0.82"),
    ("30113", "住房公积金", "12.48"),
    ("302", "商品和服务支出", "11.50"),
    ("30201", "办公费", "3.62"),
    ("30205", "水费", "0.38"),
    ("30207", "邮电费", "2.11"),
    ("30228", "工会经费", "0.92"),
    ("30229", "福利费", "1.15"),
    ("30239", "其他交通费用", "3.32"),
    ("303", "对个人和家庭的补助", "1.50"),
    ("30304", "抚恤金", "1.50"),
    ("personnel_total", "人员经费合计", "180.43"),
    ("public_total", "公用经费合计", "11.50"),
    ("total", "合计", "191.93"),
)


def basic() -> BasicExpenditureFinalTable:
    """公开06表 一般公共预算财政拨款基本支出决算表, in 上海's layout (one column, 决算数)."""
    return BasicExpenditureFinalTable.from_rows(
        HEADER,
        [(code, name, {"total": amount}) for code, name, amount in _ECONOMIC],
        columns=["total"],
    )


def three_public() -> ThreePublicExpensesFinalTable:
    """公开07表 财政拨款“三公”经费支出决算表: none budgeted, none spent."""
    return ThreePublicExpensesFinalTable.from_rows(
        HEADER,
        [
            (key, label, {"budget": "0.00", "actual": "0.00"})
            for key, label in (
                ("total", "合计"),
                ("travel_abroad", "因公出国（境）费"),
                ("vehicles", "公务用车购置及运行维护费"),
                ("vehicle_purchase", "公务用车购置费"),
                ("vehicle_operation", "公务用车运行维护费"),
                ("reception", "公务接待费"),
            )
        ],
    )


def government_fund() -> GovernmentFundFinalTable:
    """公开08表, empty (空表列示)."""
    return GovernmentFundFinalTable(
        HEADER,
        columns=tuple(c.key for c in GovernmentFundFinalTable.SPEC.blocks[0].columns),
        note="注：本部门2025年度无政府性基金预算财政拨款收入、支出及结转结余，故本表为空表。",
    )


def state_capital() -> StateCapitalFinalTable:
    """公开09表, empty (空表列示)."""
    return StateCapitalFinalTable(
        HEADER,
        columns=tuple(c.key for c in StateCapitalFinalTable.SPEC.blocks[0].columns),
        note="注：本部门2025年度无国有资本经营预算财政拨款收入、支出及结转结余，故本表为空表。",
    )


# -- the explanation -------------------------------------------------------------------------------

EXPLANATION = f"""\
{DEPARTMENT}2025年度部门决算情况说明
一、收入支出决算总体情况说明
2025年度收入、支出决算总计284.38万元。
二、收入决算情况说明
本年收入合计281.18万元，其中：财政拨款收入281.18万元，占100.00%。
三、支出决算情况说明
本年支出合计281.98万元，其中：基本支出191.93万元，占68.07%；项目支出90.05万元，占31.93%。
四、财政拨款收入支出决算总体情况说明
2025年度财政拨款收入支出总计284.38万元。
五、一般公共预算财政拨款支出决算情况说明
（一）一般公共预算财政拨款支出决算总体情况
一般公共预算财政拨款支出281.98万元，占本年支出合计的100.00%。
（二）一般公共预算财政拨款支出决算结构情况
一般公共预算财政拨款支出281.98万元，主要用于以下方面：一般公共服务支出（类）253.47万元，占89.89%；社会保障和就业支出（类）1.50万元，占0.53%；卫生健康支出（类）14.53万元，占5.15%；住房保障支出（类）12.48万元，占4.43%。
（三）一般公共预算财政拨款支出决算具体情况
一般公共预算财政拨款支出年初预算为283.61万元，支出决算为281.98万元，完成年初预算的99.43%。决算数小于预算数的主要原因：人员调出，人员经费减少；舆情监测服务尾款结转下年支付。其中：
1、一般公共服务支出（类）网信事务（款）行政运行（项）。年初预算为166.59万元，支出决算为163.42万元，完成年初预算的98.10%。决算数小于预算数的主要原因：年内调出公务员1名，人员经费减少。
2、一般公共服务支出（类）网信事务（款）一般行政管理事务（项）。年初预算为80.00万元，支出决算为76.85万元，完成年初预算的96.06%。决算数小于预算数的主要原因：网络舆情监测服务尾款2.40万元按合同结转下年支付。
3、一般公共服务支出（类）网信事务（款）信息安全事务（项）。年初预算为10.00万元，支出决算为13.20万元，完成年初预算的132.00%。决算数大于预算数的主要原因：使用上年结转资金3.20万元完成网络安全等级保护测评。
4、社会保障和就业支出（类）抚恤（款）死亡抚恤（项）。年初预算为0.00万元，支出决算为1.50万元。
5、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为14.53万元，支出决算为14.53万元，完成年初预算的100.00%。决算数等于预算数。
6、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为12.48万元，支出决算为12.48万元，完成年初预算的100.00%。决算数等于预算数。
六、一般公共预算财政拨款基本支出决算情况说明
一般公共预算财政拨款基本支出191.93万元，其中：人员经费180.43万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、抚恤金；公用经费11.50万元，主要包括：办公费、水费、邮电费、工会经费、福利费、其他交通费用。
七、财政拨款“三公”经费支出决算情况说明
“三公”经费财政拨款支出年初预算为0.00万元，支出决算为0.00万元。其中：因公出国（境）费支出决算为0.00万元；公务用车购置及运行维护费支出决算为0.00万元；公务接待费支出决算为0.00万元。2025年度本部门无“三公”经费财政拨款支出。
八、政府性基金预算财政拨款收入支出决算情况说明
本部门2025年度无政府性基金预算财政拨款收入和支出。
九、国有资本经营预算财政拨款收入支出决算情况说明
本部门2025年度无国有资本经营预算财政拨款收入和支出。
十、其他重要事项的情况说明
（一）机关运行经费支出情况
机关运行经费支出11.50万元。
（二）政府采购支出情况
2025年度政府采购支出总额12.60万元，其中：政府采购货物支出2.40万元、政府采购工程支出0万元、政府采购服务支出10.20万元。授予中小企业合同金额12.60万元，占政府采购支出总额的100.00%，其中：授予小微企业合同金额12.60万元。
（三）国有资产占有使用情况
截至2025年12月31日，本部门共有车辆0辆。单价100万元（含）以上设备（不含车辆）0台（套）。
"""


def seed_budget() -> DepartmentBudget:
    """The seed budget, read from the text the package ships."""
    text = resources.files("govbudget").joinpath("samples", "kaiping_2025.txt").read_text("utf-8")
    budget = read_text(text)
    assert isinstance(budget, DepartmentBudget)
    return budget


def seed_final_accounts() -> DepartmentFinalAccounts:
    """The seed department's 2025 final accounts: nine tables, its one unit, the explanation."""
    facts, findings = read_final_facts(EXPLANATION, year=YEAR)
    assert not findings, findings
    return DepartmentFinalAccounts(
        DEPARTMENT,
        YEAR,
        department_code="897",
        tables=[
            summary(),
            income(),
            expenditure(),
            appropriations(),
            general_public(),
            basic(),
            three_public(),
            government_fund(),
            state_capital(),
        ],
        units=[BudgetUnit(f"{DEPARTMENT}本级", "行政")],
        facts=facts,
    )


def shown(value: Decimal | None) -> str:
    return "空" if value is None else f"{value:.2f}"


def main() -> None:
    accounts = seed_final_accounts()
    print(accounts)

    report = check(accounts)
    print(f"检查：{report.summary()}")
    for finding in report:
        print(f"  {finding}")
    assert report.ok, report

    # One deliberate mistake: the text states 完成年初预算的 96.60% for 一般行政管理事务 (76.85 ÷
    # 80.00 is 96.06%: two digits swapped).
    mistaken = read_final_facts(EXPLANATION.replace("96.06%", "96.60%"), year=YEAR).facts
    wrong = check(attrs.evolve(accounts, facts=mistaken))
    print(f"把 96.06% 误写为 96.60%：{wrong.summary()}")
    for finding in wrong.errors:
        print(f"  {finding.rule}：{finding.message}")
    assert [finding.rule for finding in wrong.errors] == ["TXT-FINAL-RATE"]

    print()
    rendered = to_text(accounts).split("\n\n")
    print("\n\n".join(rendered[:2]))
    print(f"…（共 {len(accounts.tables)} 张决算表）")

    document = to_json(accounts)
    assert from_json(document) == accounts
    print(f"\nJSON 文档 {len(document.encode('utf-8'))} 字节，读回与原对象相同")

    budget = seed_budget()
    execution = compare_execution(budget, accounts)
    print(f"\n{YEAR}年预算执行（决算数 ÷ 预算数，万元）：")
    for label, kind, row, column in (
        ("支出合计", ExpenditureTable, "total", "total"),
        ("基本支出", ExpenditureTable, "total", "basic"),
        ("项目支出", ExpenditureTable, "total", "project"),
        ("一般公共预算财政拨款支出", GeneralPublicExpenditureTable, "total", "total"),
        ("“三公”经费", ThreePublicExpensesTable, "total", "total"),
    ):
        cell = execution.cell(kind, row, column)
        assert cell is not None
        print(f"  {label}：预算 {shown(cell.budgeted)}，决算 {shown(cell.actual)}，{cell.rate}")

    variances = execution.variances()
    print(f"\n差异 {len(variances)} 处（各表各栏，超出舍入）；一般公共预算财政拨款支出差异最大的：")
    items = [c for c in execution.variances(GeneralPublicExpenditureTable) if c.column == "total"]
    for cell in sorted(items, key=lambda cell: abs(cell.difference), reverse=True)[:5]:
        print(
            f"  {cell.row} {cell.label}：预算 {shown(cell.budgeted)} → 决算 {shown(cell.actual)}"
            f"（{cell.difference:+.2f}），{cell.rate}"
        )
    restated = execution.restated_budgets()
    print(f"决算表所列调整预算与年初预算不同 {len(restated)} 处：")
    for cell in restated:
        print(f"  {cell.row} {cell.label} {cell.measure.label} {shown(cell.actual)}")

    print("\n情况说明须解释的差异：")
    for each in execution.explanations():
        cell = each.execution
        said = f"已说明：{each.reason}" if each.explained else "未说明原因"
        print(f"  {cell.row} {cell.label}（{cell.difference:+.2f}）：{said}")
    unexplained = execution.unexplained()
    assert [cell.row for cell in unexplained] == ["2080801"]


if __name__ == "__main__":
    main()
