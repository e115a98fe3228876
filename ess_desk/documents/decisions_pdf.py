"""The decision register as PDF: one row per decision, newest first, on A4."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ess_desk.dates import display
from ess_desk.documents.style import ACCENT, LIGHT, Bookmark, Metadata, build_pdf, escape, styles
from ess_desk.i18n import _, ngettext
from ess_desk.minutes.decisions import DecisionRow


def build(
    rows: Sequence[DecisionRow], path: Path | str, title: str = "", council: str = ""
) -> Path:
    """Write the register (already filtered by the caller) as an A4 PDF."""
    st = styles()
    heading = title or _("Registre des décisions")
    story: list = [Bookmark(heading), Paragraph(escape(heading), st.title)]
    story.append(
        Paragraph(
            escape(
                ngettext("{count} décision.", "{count} décisions.", len(rows)).format(
                    count=len(rows)
                )
            ),
            st.small,
        )
    )
    story.append(Spacer(1, 3 * mm))
    header = [_("Numéro"), _("Séance"), _("Nature"), _("Texte"), _("Vote"), _("Statut")]
    data = [[Paragraph(escape(h), st.cell_bold) for h in header]]
    for r in rows:
        meeting = f"{display(r.meeting_date)}<br/>{escape(r.body)}"
        text = f"<b>{escape(r.item_title)}</b><br/>{escape(r.text).replace(chr(10), '<br/>')}"
        data.append(
            [
                Paragraph(f"<b>{escape(r.reference)}</b>", st.cell),
                Paragraph(meeting, st.cell),
                Paragraph(escape(r.kind_label), st.cell),
                Paragraph(text, st.cell),
                Paragraph(escape(r.outcome_label), st.cell),
                Paragraph(escape(r.status_label), st.cell),
            ]
        )
    if rows:
        table = Table(
            data,
            colWidths=[21 * mm, 25 * mm, 24 * mm, 58 * mm, 26 * mm, 20 * mm],
            repeatRows=1,
            splitInRow=1,  # a decision longer than a page goes on over the next one
        )
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                    ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa5a8")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    else:
        story.append(Paragraph(escape(_("Aucune décision.")), st.body))
    return build_pdf(
        path,
        story,
        Metadata(
            title=heading,
            author=council or _("Conseil de l'économie sociale et solidaire"),
            subject=_("Registre des décisions"),
            footer=heading,
        ),
    )
