"""French sample data for the demo council (see services/demo/).

Names, streets, places and texts are invented or generic; e-mail addresses use
the reserved ``example.*`` domains so that no real mailbox can be written to.
"""

from __future__ import annotations

# Always present among the members (whenever there are at least 10): the
# names that break naive sorting, folding and printing. (last, first, sex)
SPECIAL_NAMES = [
    ("Yılmaz", "Şükrü", "M"),
    ("Nguyễn", "Thị Hương", "F"),
    ("N'Diaye", "Aminata", "F"),
    ("Kowalski", "Łukasz", "M"),
    ("Œuvray", "Élodie", "F"),
    ("de La Fontaine-d'Argent", "Marie-Ève", "F"),
]

# Families of names: (weight, last names, female first names, male first names).
# Most people get a first name of their family, some a French one.
NAME_GROUPS = [
    (42, ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Mercier",
          "Guérin", "Chevalier", "Hébert", "Bénard", "Castéran", "Fourcade", "Lasserre",
          "Bousquet", "Delpech", "Le Goff", "Faure", "Rivière"],
     ["Marie", "Élodie", "Chloé", "Léa", "Camille", "Sophie", "Nathalie", "Françoise",
      "Hélène", "Aurélie", "Geneviève", "Noémie", "Maëlys", "Zoé", "Josiane", "Inès"],
     ["Jean", "Pierre", "Michel", "Jérôme", "François", "Frédéric", "Théo", "Lucas", "Hugo",
      "Noël", "Gaël", "Raphaël", "Loïc", "André"]),
    (20, ["Benali", "Haddad", "Bouzid", "El Amrani", "Belkacem", "Mansouri", "Chérif",
          "Aït-Ahmed", "Khelifi", "Ben Saïd", "Zerrouki"],
     ["Fatima", "Khadija", "Yasmine", "Leïla", "Samira", "Nadia", "Souad", "Inès"],
     ["Mohamed", "Karim", "Youssef", "Rachid", "Mehdi", "Bilal", "Hamza", "Saïd"]),
    (12, ["Diallo", "Traoré", "Koné", "Camara", "Sow", "Diop", "Coulibaly", "Keïta", "Touré",
          "N'Guessan"],
     ["Aïcha", "Fatoumata", "Mariam", "Awa", "Kadiatou", "Aminata"],
     ["Moussa", "Mamadou", "Ibrahima", "Seydou", "Souleymane", "Oumar"]),
    (9, ["García", "Fernández", "Martínez", "Sánchez", "Gonçalves", "Pereira", "Rodrigues",
         "Carvalho", "da Conceição", "de Oliveira"],
     ["Ana", "Joana", "Graça", "Lucía", "Inês", "Carmen"],
     ["José", "João", "Tiago", "Rui", "Jesús", "Álvaro"]),
    (6, ["Yıldız", "Öztürk", "Çelik", "Şahin", "Aydın", "Kaya"],
     ["Zeynep", "Ayşe", "Elif", "Gülşen"], ["Emre", "Mehmet", "Murat", "Oğuz"]),
    (5, ["Trần", "Lê", "Phạm", "Đặng", "Võ", "Huỳnh"],
     ["Thị Mai", "Thu Trang", "Minh Anh", "Thị Lan"], ["Văn Minh", "Quang Huy", "Đức Anh"]),
    (6, ["Nowak", "Popescu", "Horváth", "Dvořák", "Petrović", "Ionescu"],
     ["Agnieszka", "Ioana", "Katarzyna", "Jelena"], ["Piotr", "Andrei", "Dragan", "Bogdan"]),
]

STREETS = [
    "allée de Bellefontaine", "rue de Milan", "place du Marché", "allée des Érables",
    "rue du Lac", "allée de la Fontaine", "chemin du Bois-Vert", "rue Olympe-de-Gouges",
    "allée Simone-Veil", "place Louise-Michel", "rue Aimé-Césaire", "allée Léo-Lagrange",
    "impasse des Lilas", "allée Jean-Moulin", "rue Gisèle-Halimi", "allée des Tilleuls",
]
BUILDINGS = ["Bât. A", "Bât. B", "Bât. C", "Bât. D", "Résidence Les Tilleuls", "Résidence Le Lac"]
CITY = "Toulouse"
POSTCODE = "31100"  # Bellefontaine and Milan (Grand Mirail) are in 31100
EMAIL_DOMAINS = ["example.org", "example.net", "example.com"]

MANDATE_MONTHS = 36
COUNCIL_SETTINGS = {
    "council_name": "Conseil citoyen Bellefontaine-Milan",
    "qpv_names": "Bellefontaine, Milan",
    "contract_start_year": 2024,
    "contract_end_year": 2030,
    "legal_form": "Collectif hébergé par une structure porteuse",
    "host_structure": "Association Bellefontaine Solidarités",
    "prefectoral_decree_ref": "Arrêté préfectoral n° 31-2024-06-112",
    "rules_version": "Règlement intérieur, version 3 (adoptée en plénière)",
    "postal_address": (
        "Maison de quartier de Bellefontaine\n12 allée de Bellefontaine\n31100 Toulouse"
    ),
    "mandate_months": MANDATE_MONTHS,
}

# (name, kind_code, is_funder, in_neighbourhood, street address, postcode)
INSTITUTIONS = [
    ("Ville de Toulouse", "mairie", True, False, "1 place du Capitole", "31000"),
    ("Mairie de quartier Bellefontaine", "mairie", False, True, "8 place du Marché", POSTCODE),
    ("Toulouse Métropole", "metropole", True, False, "6 rue René-Leduc", "31500"),
    ("Préfecture de la Haute-Garonne (État)", "service_public", True, False,
     "1 place Saint-Étienne", "31000"),
    ("Délégué du préfet – Grand Mirail", "delegue_prefet", False, True, "8 place du Marché",
     POSTCODE),
    ("CAF de la Haute-Garonne", "service_public", True, False, "24 rue Riquet", "31000"),
    ("Toulouse Métropole Habitat", "bailleur", True, False, "3 rue des Régans", "31000"),
    ("Les Chalets", "bailleur", True, False, "29 boulevard Gabriel-Koenigs", "31300"),
    ("Conseil départemental de la Haute-Garonne", "service_public", True, False,
     "1 boulevard de la Marquette", "31000"),
    ("Association Bellefontaine Solidarités", "association", False, True,
     "12 allée de Bellefontaine", POSTCODE),
    ("Centre social Bellefontaine", "centre_social", False, True, "4 allée de la Fontaine",
     POSTCODE),
    ("Centre social Milan", "centre_social", False, True, "17 rue de Milan", POSTCODE),
    ("École élémentaire du Lac", "ecole", False, True, "2 rue du Lac", POSTCODE),
    ("Collège Olympe-de-Gouges", "ecole", False, True, "40 rue Olympe-de-Gouges", POSTCODE),
]

# Local organisations are built as "<pattern> <place>": (pattern, kind_code)
LOCAL_PATTERNS = [
    ("Amicale des locataires", "association"), ("Les Jardins partagés", "association"),
    ("Football club", "association"), ("Association des parents d'élèves", "association"),
    ("Femmes solidaires", "association"), ("Atelier vélo", "association"),
    ("Association culturelle", "association"), ("Soutien scolaire", "association"),
    ("Théâtre et compagnie", "association"), ("Épicerie solidaire", "association"),
    ("Boulangerie", "entreprise"), ("Pharmacie", "entreprise"),
    ("Auto-école", "entreprise"), ("Maison des jeunes", "association"),
    ("Accueil des familles", "association"), ("Le Café des habitants", "association"),
]
LOCAL_PLACES = [
    "de Bellefontaine", "de Milan", "du Lac", "des Érables", "de la Fontaine",
    "du Bois-Vert", "des Tilleuls", "du Marché", "des Lilas", "du Grand Mirail",
]

# (masculine, feminine) role titles of contacts
CONTACT_TITLES = {
    "mairie": [("Chargé de mission politique de la ville",
                "Chargée de mission politique de la ville"),
               ("Adjoint au maire de quartier", "Adjointe au maire de quartier")],
    "delegue_prefet": [("Délégué du préfet", "Déléguée du préfet")],
    "metropole": [("Chef de projet contrat de ville", "Cheffe de projet contrat de ville")],
    "service_public": [("Conseiller technique", "Conseillère technique")],
    "bailleur": [("Chargé de développement social", "Chargée de développement social"),
                 ("Gardien d'immeuble", "Gardienne d'immeuble")],
    "association": [("Président", "Présidente"), ("Coordinateur", "Coordinatrice"),
                    ("Animateur", "Animatrice")],
    "centre_social": [("Directeur", "Directrice"), ("Référent familles", "Référente familles")],
    "ecole": [("Directeur", "Directrice"), ("Principal", "Principale")],
    "entreprise": [("Gérant", "Gérante")],
    "autre": [("Contact", "Contact")],
}

DESIGNATION_SOURCES = [
    "liste du bailleur", "liste des volontaires", "liste électorale",
    "fournisseur d'énergie",
]
CONSENT_SOURCES = ["formulaire papier", "réunion plénière", "courriel", "entretien individuel"]

PLACES = [
    "Maison de quartier de Bellefontaine", "Centre social Milan",
    "Centre social Bellefontaine", "Salle polyvalente du Lac", "Médiathèque Grand-M",
]

COMMISSIONS = ["cadre de vie", "jeunesse", "tranquillité publique", "animation", "communication"]
WORKING_GROUPS = ["jardins partagés", "fête de quartier", "mobilités", "accès aux droits"]

APPROVAL_ITEM = "Approbation du compte rendu précédent"
APPROVAL_DECISION = "Le compte rendu de la séance du {prev} est approuvé."

# Agenda items: (title, decision texts). Placeholders: {org}, {amount}, {member}.
AGENDA_TOPICS = [
    ("Fonds de participation des habitants : examen des demandes",
     ["Une aide FPH de {amount} € est attribuée à « {org} » pour son projet.",
      "La demande de « {org} » est ajournée dans l'attente d'un budget détaillé."]),
    ("Renouvellement urbain : point d'étape du NPNRU",
     ["Le conseil demande une réunion publique sur le calendrier des démolitions.",
      "{member} suivra les ateliers de concertation du NPNRU."]),
    ("Tranquillité publique : échanges avec la police municipale",
     ["Un courrier sera adressé à la mairie de quartier sur l'éclairage de l'allée du Lac."]),
    ("Appel à projets du contrat de ville",
     ["Le conseil soutient le dossier déposé par « {org} ».",
      "Le conseil rendra un avis écrit sur les dossiers avant le comité technique."]),
    ("Préparation du COPIL du contrat de ville",
     ["{member} portera la parole du conseil au COPIL.",
      "Les trois priorités du conseil pour le COPIL sont adoptées."]),
    ("Fête de quartier : organisation",
     ["La fête de quartier aura lieu sur la place du Marché ; budget de {amount} €.",
      "{member} coordonne les stands avec « {org} »."]),
    ("Propreté et encombrants",
     ["Une opération de nettoyage est organisée avec « {org} »."]),
    ("Accès aux droits et permanences",
     ["Le conseil demande une permanence CAF mensuelle au centre social."]),
    ("Jardins partagés : bilan de la saison",
     ["Deux nouvelles parcelles sont ouvertes aux familles du quartier."]),
    ("Mobilités : ligne de bus et pistes cyclables",
     ["Le conseil transmet la pétition des habitants à Toulouse Métropole."]),
    ("Communication : journal du conseil",
     ["Le prochain numéro du journal sera distribué dans les boîtes aux lettres.",
      "{member} prend en charge la mise en page du journal."]),
    ("Accueil des nouveaux membres", ["Les nouveaux membres sont accueillis et présentés."]),
    ("Questions diverses", []),
]
AGENDA_SUMMARY = "Échanges entre les membres présents ; les points de vue sont consignés."


# (title, theme code)
PROJECT_TITLES = [
    ("Fête de quartier", "cohesion_sociale"), ("Jardins partagés du Lac", "cadre_de_vie"),
    ("Atelier vélo solidaire", "cadre_de_vie"), ("Soutien scolaire au centre social", "jeunesse"),
    ("Repair café", "cadre_de_vie"), ("Sorties familles à la mer", "cohesion_sociale"),
    ("Tournoi de football inter-quartiers", "jeunesse"), ("Fresque participative", "cadre_de_vie"),
    ("Cours de français pour adultes", "cohesion_sociale"),
    ("Journal du quartier", "cohesion_sociale"), ("Cinéma en plein air", "cohesion_sociale"),
    ("Ateliers numériques pour les seniors", "cohesion_sociale"),
    ("Forum de l'emploi et de la création d'activité", "economie_emploi"),
    ("Permanence d'accès aux droits", "cohesion_sociale"),
    ("Marche exploratoire des femmes", "egalite_femmes_hommes"),
    ("Semaine contre les discriminations", "lutte_discriminations"),
    ("Chantier éducatif pour les 16-25 ans", "economie_emploi"),
]
OUTCOME_NOTES = [
    "Environ {n} participants, dont une majorité de familles du quartier.",
    "Action réalisée comme prévu ; {n} habitants touchés.",
    "Bonne participation ({n} personnes) ; à reconduire l'an prochain.",
]
