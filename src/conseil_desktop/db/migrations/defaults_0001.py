"""Default lists and settings written by revision 0001 (frozen with it).

Plain Core tables, not the ORM models, so that later model changes cannot
alter what this revision does.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa

MEETING_TYPES = [
    ("pleniere", "Assemblée plénière"),
    ("bureau", "Bureau"),
    ("commission", "Commission"),
    ("groupe_travail", "Groupe de travail"),
    ("atelier", "Atelier"),
    ("preparation_copil", "Préparation COPIL / COTECH"),
    ("assemblee_generale", "Assemblée générale"),
    ("comite_fph", "Comité FPH"),
]
ROLES = [
    ("president", "Président·e"),
    ("secretaire", "Secrétaire"),
    ("tresorier", "Trésorier·ère"),
    ("animateur", "Animateur·rice"),
    ("representant_copil", "Représentant·e au COPIL"),
]
THEMES = [
    ("cohesion_sociale", "Cohésion sociale"),
    ("cadre_de_vie", "Cadre de vie et renouvellement urbain"),
    ("economie_emploi", "Développement économique et emploi"),
    ("jeunesse", "Jeunesse"),
    ("egalite_femmes_hommes", "Égalité femmes-hommes"),
    ("lutte_discriminations", "Lutte contre les discriminations"),
]
FUNDING_LINES = [
    ("appel_projets", "Appel à projets du contrat de ville"),
    ("fph", "Fonds de participation des habitants (FPH)"),
    ("budget_conseil", "Budget du conseil citoyen"),
    ("autre", "Autre"),
]
FUNDER_KINDS = [
    ("etat", "État"),
    ("metropole", "Métropole"),
    ("ville", "Ville"),
    ("departement", "Département"),
    ("region", "Région"),
    ("caf", "CAF"),
    ("bailleur", "Bailleur social"),
    ("autre", "Autre"),
]
ORGANISATION_KINDS = [
    ("mairie", "Mairie / mairie de quartier"),
    ("delegue_prefet", "Délégué du préfet"),
    ("metropole", "Métropole"),
    ("bailleur", "Bailleur social"),
    ("association", "Association"),
    ("centre_social", "Centre social"),
    ("ecole", "École"),
    ("entreprise", "Entreprise"),
    ("service_public", "Service public"),
    ("autre", "Autre"),
]

LISTS = {
    "type_reunion": MEETING_TYPES,
    "role": ROLES,
    "theme": THEMES,
    "ligne_financement": FUNDING_LINES,
    "type_financeur": FUNDER_KINDS,
    "type_organisation": ORGANISATION_KINDS,
}

GDPR_NOTICE = (
    "Les informations recueillies sont destinées au conseil citoyen pour la "
    "gestion de ses membres et de ses réunions. Elles sont conservées pendant "
    "la durée du mandat puis au plus 12 mois. Vous pouvez y accéder, les "
    "faire rectifier ou effacer en vous adressant au secrétariat du conseil."
)


def seed_defaults(bind: sa.engine.Connection) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)

    def tracked() -> list[sa.ColumnClause[object]]:
        return [
            sa.column("uuid", sa.String),
            sa.column("created_at", sa.DateTime),
            sa.column("updated_at", sa.DateTime),
        ]

    vocabulary = sa.table(
        "vocabulary_term",
        sa.column("kind", sa.String),
        sa.column("code", sa.String),
        sa.column("label", sa.String),
        sa.column("position", sa.Integer),
        sa.column("active", sa.Boolean),
        *tracked(),
    )
    rows = [
        {
            "kind": kind, "code": code, "label": label, "position": position,
            "active": True, "uuid": str(uuid.uuid4()), "created_at": now, "updated_at": now,
        }
        for kind, entries in LISTS.items()
        for position, (code, label) in enumerate(entries)
    ]
    bind.execute(vocabulary.insert(), rows)
    settings = sa.table(
        "council_settings",
        *[sa.column(name, sa.String) for name in (
            "council_name", "qpv_names", "legal_form", "host_structure",
            "prefectoral_decree_ref", "rules_version", "postal_address", "quorum_rule",
            "gdpr_notice",
        )],
        *[sa.column(name, sa.Integer) for name in (
            "min_resident_share_pct", "parity_tolerance_pct", "recommended_min_members",
            "recommended_max_members", "mandate_months", "notice_days",
            "max_proxies_per_holder", "quorum_numerator", "quorum_denominator",
            "quorum_fixed_count", "absence_run_threshold", "anonymise_after_months",
            "backups_kept",
        )],
        *tracked(),
    )
    bind.execute(settings.insert(), [{
        "council_name": "Conseil citoyen", "qpv_names": "", "legal_form": "",
        "host_structure": "", "prefectoral_decree_ref": "", "rules_version": "",
        "postal_address": "", "quorum_rule": "fraction_titulaires", "gdpr_notice": GDPR_NOTICE,
        "min_resident_share_pct": 50, "parity_tolerance_pct": 10,
        "recommended_min_members": 15, "recommended_max_members": 50, "mandate_months": 24,
        "notice_days": 21, "max_proxies_per_holder": 1, "quorum_numerator": 1,
        "quorum_denominator": 2, "quorum_fixed_count": 0, "absence_run_threshold": 3,
        "anonymise_after_months": 12, "backups_kept": 10,
        "uuid": str(uuid.uuid4()), "created_at": now, "updated_at": now,
    }])
