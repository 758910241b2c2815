"""zorginkoop: the Dutch rules for buying youth care (Jeugdwet) and social support (Wmo 2015),
exactly and with the law cited.

Money and rates are exact: construct them from ``str``, ``int`` or ``decimal.Decimal``; a Python
``float`` is refused with a ``TypeError``. Dates are ``datetime.date``.
"""

from __future__ import annotations

from . import errors
from ._core import (
    LegalRef,
    Money,
    Rate,
    RoundingPolicy,
    __version__,
    add_months,
    cite,
    end_of_quarter,
    known_laws,
    parse_date,
    term_end,
)
from ._core import (
    ijw_amount_cents,
    ijw_minute_invoice,
    ijw_minute_tariff,
    ijw_unit,
)
from ._core import (
    BuildUp,
    BuildUpLine,
    CostModel,
    PlausibilityBands,
    build_up,
)
from . import enums
from .enums import (
    CatchUp,
    EndOfMonth,
    IndexStatus,
    Lang,
    Law,
    PriceBasis,
    ProcedureKind,
    RateRoundingAt,
    RoundingMode,
    Severity,
    Stage,
    TariffChain,
    Verdict,
)
from . import report
from .report import Finding, Location, Report
from . import tariff
from .tariff import OutOfBand, RealismCheck, build_up_many, check_tariff, check_tariffs
from . import indexation
from .indexation import (
    CatchUpSettlement,
    ClauseProblem,
    IndexationClause,
    IndexFigure,
    IndexRate,
    IndexSeries,
    IndexSeriesSet,
    ScheduleRow,
    TariffSchedule,
    check_indexation_clause,
    clause_problems_report,
)
from . import procurement
from .procurement import (
    Document,
    assert_no_errors,
    check,
    EformsImport,
    fired_rules,
    import_eforms,
    load_document,
    NotCarried,
    read_eforms,
    document_schema,
    rule_catalogue,
    Rule,
    RuleTitle,
)
from . import declarations
from .declarations import check_declarations, judge_declaration_lines
from .errors import (
    AmbiguousDate,
    InvalidInput,
    MissingData,
    Overflow,
    ParseError,
    ZorginkoopError,
)

__all__ = [
    "procurement",
    "declarations",
    "check_declarations",
    "judge_declaration_lines",
    "Document",
    "check",
    "import_eforms",
    "read_eforms",
    "EformsImport",
    "NotCarried",
    "assert_no_errors",
    "fired_rules",
    "load_document",
    "rule_catalogue",
    "Rule",
    "RuleTitle",
    "document_schema",
    "__version__",
    "errors",
    "Money",
    "Rate",
    "RoundingPolicy",
    "LegalRef",
    "Location",
    "Finding",
    "Report",
    "cite",
    "known_laws",
    "add_months",
    "end_of_quarter",
    "parse_date",
    "term_end",
    "ijw_amount_cents",
    "ijw_minute_tariff",
    "ijw_minute_invoice",
    "ijw_unit",
    "CostModel",
    "BuildUp",
    "BuildUpLine",
    "RealismCheck",
    "PlausibilityBands",
    "build_up",
    "check_tariff",
    "build_up_many",
    "check_tariffs",
    "tariff",
    "OutOfBand",
    "enums",
    "Severity",
    "Stage",
    "Verdict",
    "PriceBasis",
    "CatchUp",
    "EndOfMonth",
    "IndexStatus",
    "Lang",
    "Law",
    "ProcedureKind",
    "RateRoundingAt",
    "RoundingMode",
    "TariffChain",
    "report",
    "indexation",
    "IndexSeries",
    "IndexSeriesSet",
    "IndexFigure",
    "IndexationClause",
    "IndexRate",
    "ScheduleRow",
    "TariffSchedule",
    "CatchUpSettlement",
    "ClauseProblem",
    "check_indexation_clause",
    "clause_problems_report",
    "ZorginkoopError",
    "InvalidInput",
    "ParseError",
    "MissingData",
    "AmbiguousDate",
    "Overflow",
]
