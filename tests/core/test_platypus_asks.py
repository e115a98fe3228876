"""platypus's asks answered in fewer steps (`documents.platypus_asks`): a list item's space,
keep-with-next and breaks asked of its flowable, the frame's attributes set without its Python
`__setattr__`. Documents laid out so are those reportlab lays out; what `hasattr` says of an item
is unchanged."""

from __future__ import annotations

import io
import random

import pytest
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import LIIndenter

from ess_desk.documents import platypus_asks, style
from ess_desk.documents.style import Metadata, render_pdf, styles

_ASKS = ("getSpaceBefore", "getSpaceAfter", "getKeepWithNext")


class _PlainFrame(Frame):
    """reportlab's Frame with `_BodyFrame`'s two class answers, and nothing else of ours."""

    _generated_content = None
    lastFrame = True


def _reportlabs_ways(monkeypatch) -> None:
    for name in _ASKS:
        monkeypatch.delattr(LIIndenter, name)
    monkeypatch.setattr(style, "QuickDocTemplate", BaseDocTemplate)
    monkeypatch.setattr(style, "_BodyFrame", _PlainFrame)


def _paragraph_style(rng: random.Random, n: int, short: bool, breaks: bool) -> ParagraphStyle:
    """A style of space before and after; in a list of a few short items, kept with the next
    (reportlab can go round and round a longer one); in another, seldom after a break (not both:
    reportlab can go round and round a break before an item kept with another)."""
    st = styles()
    extra: dict = {}
    for name in ("spaceBefore", "spaceAfter"):
        if rng.random() < 0.5:
            extra[name] = rng.choice([0, 3, 12, 40])
    if short and rng.random() < 0.3:
        extra["keepWithNext"] = 1
    elif breaks and not short and rng.random() < 0.05:
        extra[rng.choice(["pageBreakBefore", "frameBreakBefore"])] = 1
    return ParagraphStyle(f"s{n}", parent=rng.choice([st.body, st.h2, st.cell]), **extra)


def _item(rng: random.Random, n: int, depth: int, short: bool, breaks: bool) -> ListItem | Flowable:
    length = rng.choice([2, 12] if short else [2, 12, 60, 400])
    st = _paragraph_style(rng, n, short, breaks)
    words = " ".join(f"mot{k} « l’ESS »" for k in range(length))
    flowable: Flowable = Paragraph(f"Élément {n} : {words}", st)
    if depth < 2 and rng.random() < 0.15:
        flowable = _list(rng, n * 10, depth + 1, short, breaks)
    elif rng.random() < 0.1:
        flowable = Spacer(1, rng.choice([4, 30] if short else [4, 30, 300]))
    kwargs: dict = {}
    if rng.random() < 0.3:
        kwargs["spaceBefore"] = rng.choice([0, 6, 20])
    if rng.random() < 0.3:
        kwargs["spaceAfter"] = rng.choice([0, 6, 20])
    return ListItem(flowable, **kwargs) if kwargs or rng.random() < 0.5 else flowable


def _list(
    rng: random.Random, n: int, depth: int = 0, short: bool = False, breaks: bool = False
) -> ListFlowable:
    count = rng.randint(1, 3 if short else 8)
    items = [_item(rng, n + k, depth, short, breaks) for k in range(count)]
    return ListFlowable(items, bulletType=rng.choice(["bullet", "1"]), start="•")


def _story(seed: int, breaks: bool) -> list[Flowable]:
    rng = random.Random(seed)
    st = styles()
    story: list[Flowable] = []
    for n in range(rng.randint(3, 14)):
        story.append(Paragraph(f"Titre {n}", st.h2))
        if rng.random() < 0.2:  # (kept together: a list shorter than a page)
            story.append(KeepTogether([_list(rng, n * 100, short=True)]))
        else:
            story.append(_list(rng, n * 100, short=rng.random() < 0.3, breaks=breaks))
        if rng.random() < 0.3:
            story.append(Spacer(1, rng.choice([10, 200])))
    return story


def _pdf(seed: int, breaks: bool) -> bytes:
    out = io.BytesIO()
    story = _story(seed, breaks)
    render_pdf(out, story, Metadata("Essai", "Conseil", "Listes"), invariant=True)
    return out.getvalue()


# Stories of lists (seeds fixed: reportlab itself goes round and round a few stories of breaks
# before items, which these are not).
@pytest.mark.parametrize(
    ("seed", "breaks"), [(n, False) for n in range(24)] + [(n, True) for n in range(12)]
)
def test_lists_are_laid_out_as_reportlab_lays_them_out(seed, breaks):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rl_config, "invariant", 1)
        ours = _pdf(seed, breaks)
        _reportlabs_ways(mp)
        theirs = _pdf(seed, breaks)
    assert ours == theirs
    assert ours.count(b"/Type /Page\n") > 1


def test_the_quick_ways_are_installed():
    style.register_fonts()
    assert platypus_asks.FORWARDED
    for name in _ASKS:
        assert getattr(LIIndenter.__dict__[name], "_ess_desk", False)
    doc = style.document(io.BytesIO(), Metadata("Essai", "Conseil", "Cadre"))
    assert isinstance(doc, platypus_asks.QuickDocTemplate)
    assert isinstance(doc.pageTemplates[0].frames[0], platypus_asks.QuickFrame)


def _items() -> list[LIIndenter]:
    """Items over paragraphs, a spacer and another item, with and without their own values
    (`handle_keepWithNext` writes « keepWithNext » into an item's own dictionary)."""
    st = styles()
    spaced = ParagraphStyle("spaced", parent=st.body, spaceBefore=7, spaceAfter=9, keepWithNext=1)
    items = [
        LIIndenter(Paragraph("a", st.body)),
        LIIndenter(Paragraph("b", spaced)),
        LIIndenter(Paragraph("c", spaced), spaceBefore=2, spaceAfter=3),
        LIIndenter(Spacer(1, 5)),
        LIIndenter(LIIndenter(Paragraph("d", spaced), spaceAfter=4)),
    ]
    kept = LIIndenter(Paragraph("e", spaced))
    kept.__dict__["keepWithNext"] = 0
    styled = LIIndenter(Paragraph("f", st.body))
    styled.__dict__["style"] = spaced
    spacer = Spacer(1, 2)
    spacer.spaceBefore = 11  # type: ignore[attr-defined]
    return [*items, kept, styled, LIIndenter(spacer)]


def test_an_items_asks_are_answered_as_reportlab_answers_them():
    style.register_fonts()
    for item in _items():
        for name in _ASKS:
            assert getattr(item, name)() == getattr(Flowable, name)(item), name
        for name in ("spaceBefore", "spaceAfter", "keepWithNext", "style", "frameAction"):
            assert hasattr(item, name) == hasattr(item._flowable, name) or name in vars(item)


@pytest.mark.parametrize("mark", ["pageBreakBefore", "frameBreakBefore", None])
def test_a_break_before_an_item_is_put_as_reportlab_puts_it(mark):
    st = styles()
    extra = {mark: 1} if mark else {}
    paragraph_style = ParagraphStyle("b", parent=st.body, **extra)

    def flowables() -> list:
        inner = Paragraph("x", paragraph_style)
        return [LIIndenter(LIIndenter(inner)), Paragraph("y", st.body)]

    ours = flowables()
    theirs = flowables()
    assert [type(f) for f in ours] == [type(f) for f in theirs]
    platypus_asks.QuickDocTemplate(io.BytesIO()).handle_breakBefore(ours)
    BaseDocTemplate(io.BytesIO()).handle_breakBefore(theirs)
    assert [type(f).__name__ for f in ours] == [type(f).__name__ for f in theirs]
    assert [getattr(f, "_skipMeNextTime", None) for f in ours] == [
        getattr(f, "_skipMeNextTime", None) for f in theirs
    ]
    # the second time, the mark is taken off and nothing is put before the item
    item = ours[-2]
    again = [item]
    platypus_asks.QuickDocTemplate(io.BytesIO()).handle_breakBefore(again)
    assert again == [item] and not hasattr(item, "_skipMeNextTime")


def test_a_frames_attributes_and_geometry_are_those_of_reportlabs_frame():
    quick = platypus_asks.QuickFrame(10, 20, 300, 400, leftPadding=5, id="a")
    plain = Frame(10, 20, 300, 400, leftPadding=5, id="a")
    for frame in (quick, plain):
        frame.width = 250
        frame.topPadding = 7
        frame._y = 123
        frame.anything = "x"  # type: ignore[attr-defined]
    assert vars(quick) == vars(plain)
    assert quick.width == plain.width == 250 and quick._aW == plain._aW
    with pytest.raises(AttributeError):
        quick.missing  # noqa: B018 - the attribute asked


def test_the_items_are_added_the_quick_way_unless_the_frame_has_a_background(monkeypatch):
    from reportlab.lib import colors
    from reportlab.platypus.flowables import FrameBG

    added = []
    add_item = platypus_asks._add_item

    def counted(frame, item, canv, try_split):
        added.append(item)
        return add_item(frame, item, canv, try_split)

    monkeypatch.setattr(platypus_asks, "_add_item", counted)
    monkeypatch.setattr(rl_config, "invariant", 1)
    assert _pdf(3, False)
    assert added
    st = styles()

    def story() -> list[Flowable]:
        return [
            FrameBG(color=colors.lightgrey, start="frame"),
            ListFlowable([ListItem(Paragraph(f"Élément {n}", st.body)) for n in range(40)]),
            FrameBG(start=False),
            ListFlowable([ListItem(Paragraph(f"Point {n}", st.body)) for n in range(3)]),
        ]

    def pdf() -> bytes:
        out = io.BytesIO()
        render_pdf(out, story(), Metadata("Essai", "Conseil", "Fond"), invariant=True)
        return out.getvalue()

    added.clear()
    ours = pdf()
    # (the items of the second list only: the first one's are on a background)
    assert {item._flowable.getPlainText() for item in added} == {f"Point {n}" for n in range(3)}
    with pytest.MonkeyPatch.context() as mp:
        _reportlabs_ways(mp)
        assert pdf() == ours


def test_a_frames_deep_copy_is_what_deepcopy_makes_of_reportlabs_frame():
    import copy

    from reportlab.lib import colors
    from reportlab.platypus.flowables import FrameBG

    quick = platypus_asks.QuickFrame(10, 20, 300, 400, id="a")
    plain = Frame(10, 20, 300, 400, id="a")
    for frame in (quick, plain):
        frame._frameBGs = [FrameBG(color=colors.red)]
        frame._leftExtraIndent = 1.5
        frame.label = "x"  # type: ignore[attr-defined]
    ours, theirs = copy.deepcopy(quick), copy.deepcopy(plain)
    assert type(ours) is platypus_asks.QuickFrame
    assert vars(ours).keys() == vars(theirs).keys()
    for key, value in vars(ours).items():
        if key == "_frameBGs":
            assert value is not quick._frameBGs and value[0] is not quick._frameBGs[0]
            assert vars(value[0]) == vars(theirs._frameBGs[0])
        else:
            assert value == vars(theirs)[key] and value is vars(quick)[key]
    shared = [quick, quick]
    twice = copy.deepcopy(shared)
    assert twice[0] is twice[1]
