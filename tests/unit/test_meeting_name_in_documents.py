"""A title that already names the body is not repeated after it on the printed documents
(« Assemblée plénière — Assemblée plénière de décembre » read twice the same words)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from conseil_desktop.export.pdf.convocation import write_convocations
from conseil_desktop.export.signin_rows import heading_lines
from tests.unit.doc_b_samples import snapshot


def test_heading_says_the_body_once() -> None:
    named = replace(snapshot(items=1), type_label="Assemblée plénière",
                    title="Assemblée plénière de décembre")
    assert heading_lines(named)[0] == "Assemblée plénière de décembre"
    other = replace(named, title="Plénière de novembre")
    assert heading_lines(other)[0] == "Assemblée plénière — Plénière de novembre"
    assert heading_lines(replace(named, title=""))[0] == "Assemblée plénière"


def test_convocation_says_the_body_once(tmp_path: Path) -> None:
    named = replace(snapshot(items=1), type_label="Assemblée plénière",
                    title="assemblée plénière de décembre")
    out = tmp_path / "convocations.pdf"
    write_convocations(out, named, {})
    lines = PdfReader(out).pages[0].extract_text().splitlines()
    assert not [line for line in lines if line.rstrip().endswith("«")
                or line.lstrip().startswith("»")]  # guillemets stay with their words
    first = " ".join(" ".join(lines).split())
    assert "Conseil citoyen des Hauts-de-Rive : « assemblée plénière de décembre »." in first
    assert "Assemblée plénière « " not in first
