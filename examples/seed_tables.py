"""The nine tables of the seed, built in code, checked, and printed as a report.

The seed is the 2025 department budget of 中共唐山市开平区委网信办 (bundled with govbudget as
``govbudget/samples/kaiping_2025.txt``). Every figure below is copied from it as printed,
rounding differences included; the report shows that none of them is an error.

Run:  python examples/seed_tables.py
"""

from __future__ import annotations

from govbudget import Table, TableHeader, check
from govbudget.tables import (
    BasicExpenditureTable,
    ExpenditureTable,
    FiscalAppropriationSummary,
    GeneralPublicExpenditureTable,
    GovernmentFundExpenditureTable,
    IncomeExpenditureSummary,
    IncomeTable,
    RowsTable,
    StateCapitalExpenditureTable,
    ThreePublicExpensesTable,
)

HEADER = TableHeader(
    department="中共唐山市开平区委网络安全和信息化委员会办公室",
    year=2025,
    department_code="897",
)

# The 31 类 of the 收支总表 as printed; the last one has no code in any catalogue.
CLASSES = [
    ("201", "一、一般公共服务支出"),
    ("202", "二、外交支出"),
    ("203", "三、国防支出"),
    ("204", "四、公共安全支出"),
    ("205", "五、教育支出"),
    ("206", "六、科学技术支出"),
    ("207", "七、文化旅游体育与传媒支出"),
    ("208", "八、社会保障和就业支出"),
    ("209", "九、社会保险基金支出"),
    ("210", "十、卫生健康支出"),
    ("211", "十一、节能环保支出"),
    ("212", "十二、城乡社区支出"),
    ("213", "十三、农林水支出"),
    ("214", "十四、交通运输支出"),
    ("215", "十五、资源勘探工业信息等支出"),
    ("216", "十六、商业服务业等支出"),
    ("217", "十七、金融支出"),
    ("219", "十八、援助其他地区支出"),
    ("220", "十九、自然资源海洋气象等支出"),
    ("221", "二十、住房保障支出"),
    ("222", "二十一、粮油物资储备支出"),
    ("223", "二十二、国有资本经营预算支出"),
    ("224", "二十三、灾害防治及应急管理支出"),
    ("227", "二十四、预备费"),
    ("229", "二十五、其他支出"),
    ("230", "二十六、转移性支出"),
    ("231", "二十七、债务还本支出"),
    ("232", "二十八、债务付息支出"),
    ("233", "二十九、债务发行费用支出"),
    ("234", "三十、抗疫特别国债安排的支出"),
    ("人行科目", "三十一、人行科目"),
]
CLASS_AMOUNTS = {"201": "256.59", "210": "14.53", "221": "12.48"}

# Rows of the tables by functional subject: code, name, 合计, 基本支出, 项目支出.
FUNCTIONAL = [
    ("total", "合计", "283.61", "193.61", "90.00"),
    ("201", "一般公共服务支出", "256.59", "166.59", "90.00"),
    ("20137", "网信事务", "256.59", "166.59", "90.00"),
    ("2013701", "行政运行", "166.59", "166.59", None),
    ("2013702", "一般行政管理事务", "80.00", None, "80.00"),
    ("2013704", "信息安全事务", "10.00", None, "10.00"),
    ("210", "卫生健康支出", "14.53", "14.53", None),
    ("21011", "行政事业单位医疗", "14.53", "14.53", None),
    ("2101101", "行政单位医疗", "14.53", "14.53", None),
    ("221", "住房保障支出", "12.48", "12.48", None),
    ("22102", "住房改革支出", "12.48", "12.48", None),
    ("2210201", "住房公积金", "12.48", "12.48", None),
]

# 一般公共预算财政拨款基本支出表: code, name, 合计, 人员经费, 公用经费.
BASIC = [
    ("total", "合计", "193.61", "182.21", "11.39"),
    ("301", "工资福利支出", "182.21", "182.21", None),
    ("30101", "基本工资", "69.49", "69.49", None),
    ("30102", "津贴补贴", "24.68", "24.68", None),
    ("30103", "奖金", "4.26", "4.26", None),
    ("30107", "绩效工资", "39.72", "39.72", None),
    ("30108", "机关事业单位基本养老保险缴费", "16.15", "16.15", None),
    ("30110", "职工基本医疗保险缴费", "14.53", "14.53", None),
    ("30112", "其他社会保障缴费", "0.91", "0.91", None),
    ("30113", "住房公积金", "12.48", "12.48", None),
    ("302", "商品和服务支出", "11.39", None, "11.39"),
    ("30201", "办公费", "3.80", None, "3.80"),
    ("30205", "水费", "0.40", None, "0.40"),
    ("30207", "邮电费", "2.05", None, "2.05"),
    ("30228", "工会经费", "0.92", None, "0.92"),
    ("30229", "福利费", "1.15", None, "1.15"),
    ("30239", "其他交通费用", "3.06", None, "3.06"),
]


def income_expenditure_summary() -> IncomeExpenditureSummary:
    """Table 1, 部门预算收支总表."""
    amount = "amount"
    return IncomeExpenditureSummary.from_rows(
        HEADER,
        income=[
            ("general_public_budget", "一、一般公共预算拨款收入", {amount: "283.61"}),
            ("government_fund", "二、政府性基金预算拨款收入", {}),
            ("state_capital", "三、国有资本经营预算拨款收入", {}),
            ("special_account", "四、财政专户管理资金收入", {}),
            ("unit_funds", "五、单位资金", {}),
            ("income_total", "本年收入合计", {amount: "283.61"}),
            ("carry_over", "上年结转结余", {}),
            ("grand_total", "收入总计", {amount: "283.61"}),
        ],
        expenditure=[
            *((code, label, {amount: CLASS_AMOUNTS.get(code)}) for code, label in CLASSES),
            ("expenditure_total", "本年支出合计", {amount: "283.61"}),
            ("carry_forward", "年终结转结余", {}),
            ("grand_total", "支出总计", {amount: "283.61"}),
        ],
    )


def income_table() -> IncomeTable:
    """Table 2, 部门预算收入总表: all income is 财政拨款, none carried over."""
    return IncomeTable.from_rows(
        HEADER,
        (
            (code, name, {"total": total, "current_year": total, "fiscal_appropriation": total})
            for code, name, total, _basic, _project in FUNCTIONAL
        ),
    )


def by_function(kind: type[RowsTable]) -> Table:
    """Tables 3 and 5 print the same figures (all expenditure is 一般公共预算)."""
    return kind.from_rows(
        HEADER,
        (
            (code, name, {"total": total, "basic": basic, "project": project})
            for code, name, total, basic, project in FUNCTIONAL
        ),
    )


def fiscal_appropriation_summary() -> FiscalAppropriationSummary:
    """Table 4, 部门预算财政拨款收支总表."""
    amount, total, general = "amount", "total", "general_public"
    return FiscalAppropriationSummary.from_rows(
        HEADER,
        income=[
            ("general_public_budget", "一、一般公共预算拨款", {amount: "283.61"}),
            ("government_fund", "二、政府性基金预算拨款", {}),
            ("state_capital", "三、国有资本经营预算拨款", {}),
            ("income_total", "本年收入合计", {amount: "283.61"}),
            ("carry_over", "年初财政拨款结转和结余", {}),
            ("carry_over_general_public", "一、一般公共预算拨款", {}),
            ("carry_over_government_fund", "二、政府性基金预算拨款", {}),
            ("carry_over_state_capital", "三、国有资本经营预算拨款", {}),
            ("grand_total", "收入总计", {amount: "283.61"}),
        ],
        expenditure=[
            *(
                (code, label, {total: CLASS_AMOUNTS.get(code), general: CLASS_AMOUNTS.get(code)})
                for code, label in CLASSES
            ),
            ("expenditure_total", "本年支出合计", {total: "283.61", general: "283.61"}),
            ("carry_forward", "年末财政拨款结转和结余", {}),
            ("grand_total", "支出总计", {total: "283.61", general: "283.61"}),
        ],
    )


def basic_expenditure_table() -> BasicExpenditureTable:
    """Table 6, 一般公共预算财政拨款基本支出表."""
    return BasicExpenditureTable.from_rows(
        HEADER,
        (
            (code, name, {"total": total, "personnel": personnel, "public": public})
            for code, name, total, personnel, public in BASIC
        ),
    )


def build_tables() -> list[Table]:
    """The nine tables of the seed, in the standard order."""
    return [
        income_expenditure_summary(),
        income_table(),
        by_function(ExpenditureTable),
        fiscal_appropriation_summary(),
        by_function(GeneralPublicExpenditureTable),
        basic_expenditure_table(),
        GovernmentFundExpenditureTable(HEADER, note="注：无政府性基金预算财政拨款预算，空表列示。"),
        StateCapitalExpenditureTable(HEADER, note="注：无国有资本经营预算财政拨款预算，空表列示。"),
        ThreePublicExpensesTable(HEADER, note="注：无财政拨款“三公”经费支出预算，空表列示。"),
    ]


def main() -> None:
    for table in build_tables():
        report = check(table)
        rows = sum(len(block.rows) for block in table.blocks())
        print(f"表{table.SPEC.number} {table.title}：{rows} 行，{report.summary()}")
        for finding in report:
            print(f"    {finding}")


if __name__ == "__main__":
    main()
