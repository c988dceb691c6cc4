"""Text folding, French formatting and the council's settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conseil_desktop.db.models import QuorumRule, VocabularyKind
from conseil_desktop.errors import InvalidInputError
from conseil_desktop.services import council
from conseil_desktop.services.formatting import (
    fmt_date,
    fmt_date_words,
    fmt_money,
    fmt_phone,
    fmt_time,
)
from conseil_desktop.services.text import fold, person_search_key


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Élodie", "elodie"),
        ("Œuvray", "oeuvray"),
        ("Şükrü Yılmaz", "sukru yilmaz"),
        ("Nguyễn Thị Hương", "nguyen thi huong"),
        ("Łukasz", "lukasz"),
        ("N'Diaye", "n diaye"),
        ("Marie-Ève de La Fontaine-d'Argent", "marie eve de la fontaine d argent"),
        ("", ""),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@given(st.text())
def test_fold_is_idempotent_and_plain(value: str) -> None:
    once = fold(value)
    assert fold(once) == once
    assert once == once.strip()
    assert all(c.isascii() for c in once)


def test_search_key_finds_national_phone_forms() -> None:
    key = person_search_key("Œuvray", "Élodie", "Elodie@Example.fr", "+33612345678", "Régie")
    assert "oeuvray" in key and "elodie" in key and "0612345678" in key and "regie" in key


def test_french_formats() -> None:
    assert fmt_date(date(2026, 11, 25)) == "25/11/2026"
    assert fmt_date_words(date(2026, 11, 25)) == "mercredi 25 novembre 2026"
    assert fmt_date_words(date(2026, 12, 1)) == "mardi 1er décembre 2026"
    assert fmt_time(time(18, 30)) == "18 h 30"
    assert fmt_time(time(9, 0)) == "9 h"
    assert fmt_money(123450) == "1\u202f234,50\u00a0€"
    assert fmt_money(-5) == "-0,05\u00a0€"
    assert fmt_phone("+33612345678") == "06 12 34 56 78"
    assert fmt_phone("+4930123456") == "+4930123456"


def test_settings_round_trip(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        data = council.get_settings(session)
        assert data.notice_days == 21 and data.max_proxies_per_holder == 1
        assert data.quorum_rule is QuorumRule.FRACTION_OF_TITULAIRES
        council.update_settings(session, replace(
            data, council_name="  Conseil citoyen Bellefontaine-Milan ", notice_days=15,
            quorum_rule=QuorumRule.FIXED_COUNT, quorum_fixed_count=8,
        ))
    with storage.session_scope() as session:
        data = council.get_settings(session)
    assert data.council_name == "Conseil citoyen Bellefontaine-Milan"
    assert (data.notice_days, data.quorum_rule, data.quorum_fixed_count) == (
        15, QuorumRule.FIXED_COUNT, 8)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"council_name": " "}, "nom du conseil"),
        ({"recommended_min_members": 60}, "nombre minimal"),
        ({"min_resident_share_pct": 120}, "part minimale"),
        ({"quorum_denominator": 0}, "dénominateur"),
        ({"quorum_numerator": 3, "quorum_denominator": 2}, "dépasser 1"),
        ({"backups_kept": 0}, "au moins une sauvegarde"),
        ({"contract_start_year": 2030, "contract_end_year": 2024}, "contrat de ville"),
    ],
)
def test_invalid_settings_are_refused_and_not_saved(storage, changes, message) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        data = council.get_settings(session)
        with pytest.raises(InvalidInputError, match=message):
            council.update_settings(session, replace(data, **changes))
    with storage.session_scope() as session:
        assert council.get_settings(session) == data


def test_default_lists_follow_domain_md(storage) -> None:  # type: ignore[no-untyped-def]
    with storage.session_scope() as session:
        types = council.term_labels(session, VocabularyKind.MEETING_TYPE)
        themes = council.term_labels(session, VocabularyKind.THEME)
    assert types["pleniere"] == "Assemblée plénière"
    assert "Cohésion sociale" in themes.values()
    assert len(themes) == 6
