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
    out = io.StringIO()
    json_text.write(value, out, indent)
    assert out.getvalue() == expected


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


# -- loads_encoded: long strings kept as the text that encodes them ----------------------------

_MEMBERS = st.dictionaries(
    st.text(max_size=6), _SCALARS | st.lists(_SCALARS, max_size=3), max_size=5
)


def _indented(value):
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=300)
@given(_MEMBERS, st.sampled_from([0, 1, 8]))
def test_an_object_read_with_its_strings_kept_is_written_as_json_loads_reads_it(value, longer):
    text = json.dumps(value, ensure_ascii=False)
    assert json_text.dumps(json_text.loads_encoded(text, longer, worth_it=0)) == _indented(
        json.loads(text)
    )


def _written_otherwise(value):
    """Texts json.loads reads as `value` that json.dumps(…, ensure_ascii=False) would not write."""
    yield json.dumps(value)  # \\uXXXX for every letter outside ASCII
    yield json.dumps(value, ensure_ascii=False, indent=1)
    yield json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    yield json.dumps(value, ensure_ascii=False).replace("/", "\\/")
    yield json.dumps(value, ensure_ascii=False).replace("\\u001f", "\\u001F")


def test_texts_written_otherwise_are_read_and_written_as_json_loads_reads_them():
    value = {
        "texte": 'Zoé « dit » "oui"\n\tpuis\u2028 \\ fin / 12/03 \x1f \x00 ' * 8,
        "court": "é/\n",
        "nombres": [1, 1.5, -0.0, 1e300],
        "vide": "",
        "rien": None,
    }
    texts = [*_written_otherwise(value), json.dumps(value, ensure_ascii=False)]
    texts += [
        '{"a": "' + "x" * 40 + '", "a": "' + "y" * 40 + '"}',  # a key twice: the last value
        '{"a": "' + "x" * 40 + '", "b": 1} ',
        '{"a": "' + "x" * 40 + '",  "b": 1}',
        '{"a": "' + "x" * 40 + '\\/"}',
        '{"a": "' + "x" * 40 + '\\u00e9"}',
        '{"a": "' + "x" * 40 + '\\u005c"}',
        '{"a": "' + "x" * 40 + '", "b": -0, "c": 1E5, "d": NaN, "e": [1 , 2]}',
        '{"a": "' + "x" * 40 + '\\\\"}',
        '{"a": "' + "x" * 40 + '\\\\\\""}',
        "[1, 2]",
        '"texte"',
        "{}",
    ]
    for text in texts:
        for longer in (0, 4, 30):
            read = json_text.loads_encoded(text, longer, worth_it=0)
            assert json_text.dumps(read) == _indented(json.loads(text)), text


def test_invalid_texts_are_refused_as_json_loads_refuses_them():
    for text in (
        '{"a": "' + "x" * 40 + "}",
        '{"a": "' + "x" * 40 + '\\q"}',
        '{"a": "x\x01' + "x" * 40 + '"}',
        '{"a": "' + "x" * 40 + '", }',
        '{"a": "' + "x" * 40 + '"} x',
        '{"a" "' + "x" * 40 + '"}',
        "{",
        "",
    ):
        try:
            json.loads(text)
        except ValueError as exc:
            expected = str(exc)
        else:
            raise AssertionError(f"json reads {text!r}")
        try:
            json_text.loads_encoded(text, 0, worth_it=0)
        except ValueError as exc:
            assert str(exc) == expected
        else:
            raise AssertionError(f"{text!r} was read")


def test_long_strings_written_as_json_writes_them_are_kept():
    text = json.dumps({"id": 3, "texte": 'Zoé "dit"\nà \\ ' * 20, "court": "é"}, ensure_ascii=False)
    read = json_text.loads_encoded(text, 16, worth_it=0)
    assert isinstance(read["texte"], json_text.Encoded)
    assert read["court"] == "é" and read["id"] == 3
    # A control that only « \uXXXX » writes: the string is read, and written again.
    read = json_text.loads_encoded(json.dumps({"t": "\x01" * 40}), 0, worth_it=0)
    assert read == {"t": "\x01" * 40}
