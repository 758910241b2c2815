"""iJw / iWmo declarations (JW323, WMO323) judged against the contract (docs/declarations.md).

:func:`check_declarations` reads one message (a path, or the XML as ``bytes``) and returns a
:class:`~zorginkoop.Report` like :func:`zorginkoop.check`, with the rules ``DECL-001`` …
``DECL-007``. :func:`judge_declaration_lines` judges a table of declaration lines (a pandas
``DataFrame`` or a ``pyarrow.Table``) whose columns are named after the iJw elements, one verdict row
per line, read and written as Arrow buffers in C++ without a Python object per row.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from types import ModuleType
from typing import Any, Union

from . import _core
from ._core import Document
from .procurement import Rule
from .report import Report

__all__ = [
    "DECLARATION_COLUMNS",
    "DECLARATIONS_RULESET_VERSION",
    "check_declarations",
    "declaration_rule_catalogue",
    "judge_declaration_lines",
]

#: The date-stamped version of the DECL rules.
DECLARATIONS_RULESET_VERSION: str = _core.declarations_ruleset_version

#: The input columns of :func:`judge_declaration_lines`, named after the iJw / iWmo elements, with
#: their Arrow types: amounts and tariffs in eurocents (LDT_Bedrag), dates as ``date32`` (or ISO text).
#: ``ProductTarief`` is optional (as in the message); other columns are ignored.
DECLARATION_COLUMNS: dict[str, str] = {
    "ProductCategorie": "string",
    "ProductCode": "string",
    "Begindatum": "date32",
    "Einddatum": "date32",
    "GeleverdVolume": "int64",
    "Eenheid": "string",
    "ProductTarief": "int64",
    "IngediendBedrag": "int64",
}

ContractInput = Union[str, "os.PathLike[str]", Mapping[str, Any], Document]


def _contract(contract: ContractInput) -> Document:
    if isinstance(contract, Document):
        return contract
    return _core.load_document(contract, None)


def check_declarations(contract: ContractInput, message: str | os.PathLike[str] | bytes) -> Report:
    """Judge every Prestatie of a JW323 / WMO323 message against the contract (a procurement
    document: path, mapping or :class:`Document`). ``message`` is a path or the XML as ``bytes``.
    An unreadable message raises :class:`~zorginkoop.ParseError` (element path, line, column)."""
    if isinstance(message, str | os.PathLike):
        message = os.fspath(message)
    return Report.from_core(_core.check_declarations(_contract(contract), message))


def declaration_rule_catalogue() -> list[Rule]:
    """The DECL rules, typed like :func:`zorginkoop.rule_catalogue`: id, title (nl, en), severity,
    stage, citations, note."""
    return [Rule._from_core(d) for d in _core.declaration_rule_catalogue()]


def _pyarrow() -> ModuleType:
    try:
        return importlib.import_module("pyarrow")
    except ImportError as e:  # pragma: no cover - pyarrow is a test dependency
        raise ImportError("judge_declaration_lines needs pyarrow: pip install pyarrow (or zorginkoop[arrow])") from e


def _buffers(pa: Any, table: Any, name: str, kind: str) -> tuple[Any, ...]:
    column = table.column(name)
    target = {"string": pa.string(), "int64": pa.int64(), "date32": pa.date32()}[kind]
    if column.type != target:
        column = column.cast(target)
    array = column.combine_chunks()
    if isinstance(array, pa.ChunkedArray):  # an empty column
        array = pa.array([], type=target)
    buffers = array.buffers()
    data = [b if b is not None else pa.py_buffer(b"") for b in buffers[1:]]
    if kind == "string" and not data:
        data = [pa.py_buffer(b"\0\0\0\0"), pa.py_buffer(b"")]
    return (len(array), array.offset, array.null_count, buffers[0], *data)


def judge_declaration_lines(contract: ContractInput, lines: Any) -> Any:
    """One verdict row per declaration line (DECL-001 … DECL-004 and DECL-007; the message-wide
    DECL-005 and DECL-006 need :func:`check_declarations`).

    ``lines``: a ``pyarrow.Table`` (or record batch) or a pandas ``DataFrame`` with the columns of
    :data:`DECLARATION_COLUMNS`. The result has the same kind (a DataFrame keeps the input's index)
    with the columns ``product_known``, ``unit_ok``, ``tariff_ok``, ``amount_ok``, ``in_term``
    (booleans; null where a rule did not judge the line), ``expected_tariff_cents``,
    ``expected_amount_cents`` (int64 eurocents), ``rules`` (the rules that fired, comma-separated)
    and ``not_evaluated`` (why DECL-003/004 could not judge the line: a missing index figure or
    tariff; or a missing cell).
    """
    pa = _pyarrow()
    doc = _contract(contract)
    frame = None
    if hasattr(lines, "iloc") and hasattr(lines, "columns"):
        frame = lines
        table = pa.Table.from_pandas(lines, preserve_index=False)
    elif isinstance(lines, pa.RecordBatch):
        table = pa.Table.from_batches([lines])
    elif isinstance(lines, pa.Table):
        table = lines
    else:
        raise TypeError(f"lines must be a pyarrow.Table or a pandas DataFrame, not {type(lines).__name__}")
    columns = {
        name: _buffers(pa, table, name, kind)
        for name, kind in DECLARATION_COLUMNS.items()
        if name in table.column_names
    }
    rows, raw = _core.judge_declaration_lines(doc, columns)
    arrays = []
    names = []
    for name, kind, nulls, validity, *data in raw:
        valid = pa.py_buffer(validity)
        if kind == "bool":
            arrays.append(pa.Array.from_buffers(pa.bool_(), rows, [valid, pa.py_buffer(data[0])], null_count=nulls))
        elif kind == "int64":
            arrays.append(pa.Array.from_buffers(pa.int64(), rows, [valid, pa.py_buffer(data[0])], null_count=nulls))
        else:
            arrays.append(pa.Array.from_buffers(pa.string(), rows, [valid, pa.py_buffer(data[0]), pa.py_buffer(data[1])],
                                                null_count=nulls))
        names.append(name)
    result = pa.table(arrays, names=names)
    if frame is not None:
        out = result.to_pandas(types_mapper=_pandas_types(pa))
        out.index = frame.index
        return out
    return result


def _pandas_types(pa: Any) -> Any:
    """Nullable pandas dtypes (boolean, Int64, string) so that nulls stay nulls."""
    pd = importlib.import_module("pandas")
    mapping = {pa.bool_(): pd.BooleanDtype(), pa.int64(): pd.Int64Dtype(), pa.string(): pd.StringDtype()}
    return mapping.get
