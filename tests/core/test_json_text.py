"""ess_desk.json_text writes the very text of json.dumps(…, ensure_ascii=False, indent=N)."""

from __future__ import annotations

import io
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from ess_desk import json_text

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        | st.dictionaries(_KEYS, inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=300)
@given(_DATA, st.sampled_from([1, 2, 4]))
def test_the_text_is_json_dumps_indented(value, indent):
    expected = json.dumps(value, ensure_ascii=False, indent=indent)
    assert json_text.dumps(value, indent) == expected
    try:
        utf8 = expected.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no file can be written of it
        return
    out = io.BytesIO()
    json_text.write(value, out, indent, linesep="\n")
    assert out.getvalue() == utf8


def test_strings_numbers_and_nesting_as_json_writes_them():
    value = {
        "texte": 'Zoé « dit » "oui"\n\tpuis\u2028 \x00 \ud83d',
        "nombres": [0, -1, 10**40, 1.5, 1e-7, math.inf, -math.inf, math.nan, True, False, None],
        "vides": [[], {}, (), [{}]],
        "profond": {"a": {"b": [{"c": [1, [2, {"d": "é"}]]}]}},
        3: "clé entière",
    }
    for indent in (1, 2):
        assert json_text.dumps(value, indent) == json.dumps(
            value, ensure_ascii=False, indent=indent
        )
    assert json_text.dumps([]) == "[]" and json_text.dumps({}) == "{}"
    assert json_text.dumps("é") == '"é"'


def test_values_json_refuses_are_refused_the_same_way():
    for value in ({"a": object()}, [{1, 2}], {"b": b"bytes"}):
        try:
            json.dumps(value, ensure_ascii=False, indent=2)
        except TypeError as exc:
            expected = str(exc)
        try:
            json_text.dumps(value)
        except TypeError as exc:
            assert str(exc) == expected
        else:
            raise AssertionError(f"{value!r} was written")


# -- Raw: a value's text written as is ---------------------------------------------------------


def test_a_raw_value_is_written_as_given_and_read_as_its_text_reads():
    stored = json.dumps(
        {"id": 551, "texte": 'Zoé "dit"\nà \\ ', "n": [1, None]}, ensure_ascii=False
    )
    value = {"a": [1, {"copie": json_text.Raw(stored)}], "b": json_text.Raw("null")}
    text = json_text.dumps(value)
    assert stored in text.splitlines()[4]  # on one line, as given
    read = {"a": [1, {"copie": json.loads(stored)}], "b": None}
    assert json.loads(text) == read
    assert json_text.dumps(json.loads(text)) == json.dumps(read, ensure_ascii=False, indent=2)


def test_raw_utf8_bytes_are_written_as_they_are_with_the_line_breaks_of_a_text_file():
    """`write` gives the bytes a file opened as text gets from `dumps`' text, with the line
    breaks of the system (here either kind), the copies given as UTF-8 bytes written untouched."""
    stored = json.dumps(
        {"id": 551, "texte": 'Zoé "dit"\nà \\ €', "n": [1, None]}, ensure_ascii=False
    )
    value = {
        "a": [1, {"copie": json_text.Raw(stored.encode("utf-8"))}, "œ"],
        "b": json_text.Raw(b"null"),
        "c": [json_text.Raw("[1,\n2]"), json_text.Raw(b"[3,\n4]")],
    }
    as_text = value | {
        "a": [1, {"copie": json_text.Raw(stored)}, "œ"],
        "b": json_text.Raw("null"),
        "c": [json_text.Raw("[1,\n2]"), json_text.Raw("[3,\n4]")],
    }
    text = json_text.dumps(as_text)
    assert json_text.dumps(value) == text
    for linesep in ("\n", "\r\n"):
        expected = io.BytesIO()
        with io.TextIOWrapper(expected, encoding="utf-8", newline=linesep) as as_file:
            as_file.write(text)
            as_file.flush()
            written = expected.getvalue()
        out = io.BytesIO()
        json_text.write(value, out, linesep=linesep)
        assert out.getvalue() == written
        assert stored.encode("utf-8") in out.getvalue()
