<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>Agenda item</source>
        <translation>Point de l'ordre du jour</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>Nouveau point de l'ordre du jour</translation>
    </message>
    <message>
        <source>a member or contact, or any name</source>
        <translation>un membre ou un contact, ou n'importe quel nom</translation>
    </message>
    <message>
        <source>one document per line</source>
        <translation>un document par ligne</translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;Title&lt;/b&gt; (required):</source>
        <translation>&lt;b&gt;&amp;Titre&lt;/b&gt; (obligatoire) :</translation>
    </message>
    <message>
        <source>&amp;Presenter:</source>
        <translation>&amp;Présenté par :</translation>
    </message>
    <message>
        <source>&amp;Documents:</source>
        <translation>&amp;Documents :</translation>
    </message>
    <message>
        <source>Give the agenda item a title.</source>
        <translation>Donnez un titre au point de l'ordre du jour.</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <source>Drag an item, or press Ctrl+Up / Ctrl+Down, to reorder</source>
        <translation>Faites glisser un point, ou utilisez Ctrl+Haut / Ctrl+Bas, pour changer l'ordre</translation>
    </message>
    <message>
        <source>presented by %1</source>
        <translation>présenté par %1</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation><numerusform>%n décision</numerusform><numerusform>%n décisions</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckinModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>College / organisation</source>
        <translation>Collège / structure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Pouvoir</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>(exception)</source>
        <translation>(dérogation)</translation>
    </message>
    <message>
        <source>Click to mark present</source>
        <translation>Cliquer pour marquer présent</translation>
    </message>
    <message>
        <source>The proxy holder is not marked present.</source>
        <translation>Le porteur du pouvoir n'est pas marqué présent.</translation>
    </message>
</context>
<context>
    <name>CheckinView</name>
    <message>
        <source>Check-in: %1</source>
        <translation>Émargement : %1</translation>
    </message>
    <message>
        <source>Type part of a name or a number, then Enter to mark present</source>
        <translation>Tapez une partie du nom ou le numéro, puis Entrée pour marquer présent</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulée)</translation>
    </message>
    <message>
        <source>&amp;Present (P)</source>
        <translation>&amp;Présent (P)</translation>
    </message>
    <message>
        <source>&amp;Excused (E)</source>
        <translation>&amp;Excusé (E)</translation>
    </message>
    <message>
        <source>&amp;Absent (A)</source>
        <translation>&amp;Absent (A)</translation>
    </message>
    <message>
        <source>&amp;Represented by… (R)</source>
        <translation>&amp;Représenté par… (R)</translation>
    </message>
    <message>
        <source>Arrival (&amp;H)</source>
        <translation>Arrivée (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Departure (D)</source>
        <translation>&amp;Départ (D)</translation>
    </message>
    <message>
        <source>&amp;Clear (Del)</source>
        <translation>Effa&amp;cer (Suppr)</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>Actualiser (F5)</translation>
    </message>
    <message>
        <source>Unmarked → absent…</source>
        <translation>Non pointés → absents…</translation>
    </message>
    <message>
        <source>At the end of the meeting: mark absent every invitee still not marked</source>
        <translation>En fin de réunion : marquer absents tous les invités qui ne sont pas encore pointés</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Chercher :</translation>
    </message>
</context>
<context>
    <name>CheckinWindow</name>
    <message>
        <source>Check-in</source>
        <translation>Émargement</translation>
    </message>
    <message>
        <source>Every invitee is already marked.</source>
        <translation>Tous les invités sont déjà pointés.</translation>
    </message>
    <message numerus="yes">
        <source>Mark the %n invitee(s) not marked as absent?</source>
        <translation><numerusform>Marquer absent l'invité non pointé ?</numerusform><numerusform>Marquer absents les %n invités non pointés ?</numerusform></translation>
    </message>
    <message>
        <source>%1 (%2 not counted: holder absent)</source>
        <translation>%1 (dont %2 non compté(s) : porteur absent)</translation>
    </message>
    <message>
        <source>Present: %1 · Represented: %2 · Excused: %3 · Absent: %4 · Expected: %5</source>
        <translation>Présents : %1 · Représentés : %2 · Excusés : %3 · Absents : %4 · Attendus : %5</translation>
    </message>
    <message>
        <source> · Guests: %1</source>
        <translation> · Invités extérieurs : %1</translation>
    </message>
    <message>
        <source>no name matches</source>
        <translation>aucun nom ne correspond</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 personne</translation>
    </message>
    <message>
        <source>%1 of %2 (↓ next)</source>
        <translation>%1 sur %2 (↓ suivant)</translation>
    </message>
    <message>
        <source>No. %1 %2: %3</source>
        <translation>N° %1 %2 : %3</translation>
    </message>
    <message>
        <source>No. %1 %2: arrived at %3</source>
        <translation>N° %1 %2 : arrivée à %3</translation>
    </message>
    <message>
        <source>No. %1 %2: left at %3</source>
        <translation>N° %1 %2 : départ à %3</translation>
    </message>
    <message>
        <source>No. %1 %2: represented by %3</source>
        <translation>N° %1 %2 : représenté par %3</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Pouvoir</translation>
    </message>
    <message>
        <source>%1

Record this proxy anyway, as an exception to the rules?</source>
        <translation>%1

Enregistrer quand même ce pouvoir, comme une dérogation au règlement ?</translation>
    </message>
    <message>
        <source>Too many proxies</source>
        <translation>Trop de pouvoirs</translation>
    </message>
    <message>
        <source>No. %1 %2: proxy not recorded</source>
        <translation>N° %1 %2 : pouvoir non enregistré</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>Colonnes par défaut</translation>
    </message>
</context>
<context>
    <name>CompositionDialog</name>
    <message>
        <source>Composition of the council</source>
        <translation>Composition du conseil</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
</context>
<context>
    <name>CompositionPage</name>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Minimum share of residents:</source>
        <translation>Part minimale d'habitants :</translation>
    </message>
    <message>
        <source>Women/men parity tolerance:</source>
        <translation>Tolérance sur la parité femmes-hommes :</translation>
    </message>
    <message>
        <source>Recommended minimum of members:</source>
        <translation>Nombre minimal de membres conseillé :</translation>
    </message>
    <message>
        <source>Recommended maximum of members:</source>
        <translation>Nombre maximal de membres conseillé :</translation>
    </message>
    <message>
        <source>Length of a mandate:</source>
        <translation>Durée d'un mandat :</translation>
    </message>
</context>
<context>
    <name>CompositionPanel</name>
    <message>
        <source>Rules to check</source>
        <translation>Règles à vérifier</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Membres actifs</translation>
    </message>
    <message>
        <source>Figure: %1</source>
        <translation>Chiffre : %1</translation>
    </message>
    <message>
        <source>Every rule of the council is met.</source>
        <translation>Toutes les règles du conseil sont respectées.</translation>
    </message>
    <message>
        <source>Full members / substitutes:</source>
        <translation>Titulaires / suppléants :</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Total :</translation>
    </message>
    <message>
        <source>%1 (recommended: %2 to %3)</source>
        <translation>%1 (recommandé : de %2 à %3)</translation>
    </message>
    <message>
        <source>Share of residents:</source>
        <translation>Part des habitants :</translation>
    </message>
    <message>
        <source>%1 (rule: at least %2)</source>
        <translation>%1 (règle : au moins %2)</translation>
    </message>
    <message>
        <source>Residents, women / men:</source>
        <translation>Habitants, femmes / hommes :</translation>
    </message>
    <message>
        <source>%1 — %2 women (rule: %3 to %4)</source>
        <translation>%1 — %2 de femmes (règle : de %3 à %4)</translation>
    </message>
    <message>
        <source>%1, sex not given: %2</source>
        <translation>%1, sexe non renseigné : %2</translation>
    </message>
    <message>
        <source>Mandates ending within %1 days (%2)</source>
        <translation>Mandats se terminant d'ici %1 jours (%2)</translation>
    </message>
    <message>
        <source>%1 — %2, ends on %3</source>
        <translation>%1 — %2, fin le %3</translation>
    </message>
    <message>
        <source>At least %1 unexcused absences in a row (%2)</source>
        <translation>Au moins %1 absences non excusées de suite (%2)</translation>
    </message>
    <message>
        <source>%1 — %2 absences in a row, last on %3</source>
        <translation>%1 — %2 absences de suite, la dernière le %3</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
</context>
<context>
    <name>ContactExports</name>
    <message>
        <source>Contacts (&amp;Excel)…</source>
        <translation>Con&amp;tacts (Excel)…</translation>
    </message>
    <message>
        <source>Contacts (&amp;vCard)…</source>
        <translation>Contacts (&amp;vCard)…</translation>
    </message>
    <message>
        <source>&amp;Useful addresses (PDF)…</source>
        <translation>&amp;Adresses utiles (PDF)…</translation>
    </message>
    <message>
        <source>The organisations' public addresses and phones, to print for residents.</source>
        <translation>Les adresses et téléphones publics des structures, à imprimer pour les habitants.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>vCard address book (*.vcf)</source>
        <translation>Carnet d'adresses vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Useful addresses</source>
        <translation>Adresses utiles</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reading the contacts…</source>
        <translation>Lecture des contacts…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Écriture du fichier…</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <source>Also a member of the council.</source>
        <translation>Également membre du conseil.</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>No role.</source>
        <translation>Aucun rôle.</translation>
    </message>
    <message>
        <source>Meetings attended as a guest</source>
        <translation>Réunions suivies comme invité</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
    <message>
        <source>in the neighbourhood</source>
        <translation>dans le quartier</translation>
    </message>
    <message>
        <source>funder</source>
        <translation>financeur</translation>
    </message>
    <message>
        <source>Archived on %1: hidden from the lists, kept for the history of its projects.</source>
        <translation>Archivée le %1 : masquée des listes, gardée pour l'historique de ses projets.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Nobody yet.</source>
        <translation>Personne pour l'instant.</translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation>Sans structure</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>No project.</source>
        <translation>Aucun projet.</translation>
    </message>
    <message>
        <source>done on %1</source>
        <translation>réalisée le %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>échéance le %1</translation>
    </message>
    <message>
        <source>meeting of %1</source>
        <translation>réunion du %1</translation>
    </message>
    <message>
        <source>Decisions in its charge</source>
        <translation>Décisions à sa charge</translation>
    </message>
</context>
<context>
    <name>ContactRemoval</name>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>“%1” is back in the lists.</source>
        <translation>« %1 » est de retour dans les listes.</translation>
    </message>
    <message>
        <source>Delete the organisation “%1”?</source>
        <translation>Supprimer la structure « %1 » ?</translation>
    </message>
    <message>
        <source>Delete an organisation</source>
        <translation>Supprimer une structure</translation>
    </message>
    <message>
        <source>Archive it instead?</source>
        <translation>Archiver plutôt ?</translation>
    </message>
    <message>
        <source>Archive an organisation</source>
        <translation>Archiver une structure</translation>
    </message>
    <message>
        <source>“%1” is archived: hidden from the lists, its projects keep their history.</source>
        <translation>« %1 » est archivée : masquée des listes, ses projets gardent leur historique.</translation>
    </message>
    <message>
        <source>“%1” is deleted.</source>
        <translation>« %1 » est supprimé(e).</translation>
    </message>
    <message>
        <source>Remove “%1” from the contacts?

Their roles in organisations are deleted. If they are a member of the council or are named in a meeting, project or decision, their record is kept.</source>
        <translation>Retirer « %1 » des contacts ?

Ses rôles dans les structures sont supprimés. Si cette personne est membre du conseil ou citée dans une réunion, un projet ou une décision, sa fiche est gardée.</translation>
    </message>
    <message>
        <source>Remove a contact</source>
        <translation>Retirer un contact</translation>
    </message>
    <message>
        <source>“%1” is no longer a contact. Their record is kept because they are a member of the council or are named in a meeting, project or decision.</source>
        <translation>« %1 » n'est plus un contact. Sa fiche est gardée car cette personne est membre du conseil ou citée dans une réunion, un projet ou une décision.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Kind</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation(s)</source>
        <translation>Structure(s)</translation>
    </message>
    <message>
        <source>Type or role(s)</source>
        <translation>Type ou fonction(s)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Organisation (archived)</source>
        <translation>Organisation (archivée)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Person (archived)</source>
        <translation>Personne (archivée)</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation><numerusform>%Ln contact</numerusform><numerusform>%Ln contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln contact(s)</source>
        <translation><numerusform>%1 sur %Ln contact</numerusform><numerusform>%1 sur %Ln contacts</numerusform></translation>
    </message>
    <message>
        <source>Select a contact to see its page.</source>
        <translation>Sélectionnez un contact pour voir sa fiche.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>File written: %1</source>
        <translation>Fichier écrit : %1</translation>
    </message>
    <message>
        <source>Export cancelled: no file written.</source>
        <translation>Export annulé : aucun fichier écrit.</translation>
    </message>
    <message>
        <source>Show archived organisations</source>
        <translation>Afficher les structures archivées</translation>
    </message>
    <message>
        <source>New &amp;organisation…</source>
        <translation>Nouvelle s&amp;tructure…</translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation>&amp;Nouveau contact…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Contact's page</source>
        <translation>Fiche du contact</translation>
    </message>
    <message>
        <source>Search a name, an organisation, a role, a phone…</source>
        <translation>Rechercher un nom, une structure, une fonction, un téléphone…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Type of organisation</source>
        <translation>Type de structure</translation>
    </message>
    <message>
        <source>Organisations or people</source>
        <translation>Organisations ou personnes</translation>
    </message>
    <message>
        <source>Organisations and people</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>A person with a role in an organisation (Ctrl+N)</source>
        <translation>Une personne qui a un rôle dans une structure (Ctrl+N)</translation>
    </message>
    <message>
        <source>Bring the archived organisation back into the lists</source>
        <translation>Remettre la structure archivée dans les listes</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Conseil Desktop met an unexpected error. Its details were written to the log file:</source>
        <translation>Conseil Desktop a rencontré une erreur inattendue. Le détail a été enregistré dans le journal :</translation>
    </message>
    <message>
        <source>%1

What was already saved is safe. If the problem comes back, send this file to the person who looks after the application.</source>
        <translation>%1

Ce qui était déjà enregistré n'est pas perdu. Si le problème revient, envoyez ce fichier à la personne qui s'occupe de l'application.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database is closed. Open a database from the File menu.</source>
        <translation>La base est fermée. Ouvrez une base depuis le menu Fichier.</translation>
    </message>
    <message>
        <source>Cannot read the backup “%1”: %2.</source>
        <translation>Impossible de lire la sauvegarde « %1 » : %2.</translation>
    </message>
</context>
<context>
    <name>DatesPage</name>
    <message>
        <source>Re&amp;calculate</source>
        <translation>Re&amp;calculer</translation>
    </message>
    <message>
        <source>Six months after the end of the financial year in which the project ends</source>
        <translation>Six mois après la fin de l'exercice au cours duquel le projet se termine</translation>
    </message>
    <message>
        <source>Submission deadline:</source>
        <translation>Date limite de dépôt :</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Début :</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>Fin :</translation>
    </message>
    <message>
        <source>Financial report due:</source>
        <translation>Compte rendu financier :</translation>
    </message>
    <message>
        <source>Outcome notes:</source>
        <translation>Bilan :</translation>
    </message>
    <message>
        <source>The financial report due date is not a valid date (dd/mm/yyyy).</source>
        <translation>La date du compte rendu financier n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
    <message>
        <source>The submission deadline is not a valid date (dd/mm/yyyy).</source>
        <translation>La date limite de dépôt n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
    <message>
        <source>The start date is not a valid date (dd/mm/yyyy).</source>
        <translation>La date de début n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
    <message>
        <source>The end date is not a valid date (dd/mm/yyyy).</source>
        <translation>La date de fin n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
    <message>
        <source>computed from the end date</source>
        <translation>calculée d'après la date de fin</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>saisie à la main</translation>
    </message>
</context>
<context>
    <name>DeadlineModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation><numerusform>en retard de %n jour</numerusform><numerusform>en retard de %n jours</numerusform></translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd'hui</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation><numerusform>dans %n jour</numerusform><numerusform>dans %n jours</numerusform></translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <source>Deadlines</source>
        <translation>Échéances</translation>
    </message>
    <message>
        <source>Deadlines of the next %1 days</source>
        <translation>Échéances des %1 prochains jours</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s)</source>
        <translation><numerusform>%n échéance</numerusform><numerusform>%n échéances</numerusform></translation>
    </message>
    <message>
        <source>%1, of which %2 overdue</source>
        <translation>%1, dont %2 en retard</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>New decision</source>
        <translation>Nouvelle décision</translation>
    </message>
    <message>
        <source>A member or contact</source>
        <translation>Un membre ou un contact</translation>
    </message>
    <message>
        <source>An organisation</source>
        <translation>Une structure</translation>
    </message>
    <message>
        <source>type a few letters of the name</source>
        <translation>tapez quelques lettres du nom</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Pour :</translation>
    </message>
    <message>
        <source>A&amp;gainst:</source>
        <translation>&amp;Contre :</translation>
    </message>
    <message>
        <source>Abs&amp;tention:</source>
        <translation>Abs&amp;tention :</translation>
    </message>
    <message>
        <source>&amp;Blank or spoilt:</source>
        <translation>&amp;Blanc ou nul :</translation>
    </message>
    <message>
        <source>&lt;b&gt;&amp;Decision&lt;/b&gt; (required):</source>
        <translation>&lt;b&gt;&amp;Décision&lt;/b&gt; (obligatoire) :</translation>
    </message>
    <message>
        <source>&amp;Vote mode:</source>
        <translation>&amp;Mode de décision :</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsable :</translation>
    </message>
    <message>
        <source>Dead&amp;line:</source>
        <translation>&amp;Échéance :</translation>
    </message>
    <message>
        <source>Write the text of the decision.</source>
        <translation>Écrivez le texte de la décision.</translation>
    </message>
    <message>
        <source>Owner: choose a name in the list offered while typing, or leave it empty.</source>
        <translation>Responsable : choisissez un nom dans la liste proposée pendant la saisie, ou laissez vide.</translation>
    </message>
    <message>
        <source>The deadline is not a valid date (dd/mm/yyyy).</source>
        <translation>L'échéance n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
    <message>
        <source>Record these counts all the same?</source>
        <translation>Enregistrer ces nombres quand même ?</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Preview — %1</source>
        <translation>Aperçu — %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation><numerusform>%Ln page</numerusform><numerusform>%Ln pages</numerusform></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Open in the PDF viewer</source>
        <translation>&amp;Ouvrir dans le lecteur PDF</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>No program could open the PDF. A copy is here until Conseil Desktop closes: %1
Use “Save as…” to keep it.</source>
        <translation>Aucun logiciel n'a pu ouvrir le PDF. Une copie reste ici jusqu'à la fermeture de Conseil Desktop : %1
Utilisez « Enregistrer sous… » pour la garder.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Find duplicates</source>
        <translation>Rechercher les doublons</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Other record</source>
        <translation>Autre fiche</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Donnée</translation>
    </message>
    <message>
        <source>Kept after the merge</source>
        <translation>Gardé après la fusion</translation>
    </message>
    <message>
        <source>Green: taken from the other record, empty on the one kept. Yellow: the two records differ; the value of the record kept stays.</source>
        <translation>En vert : repris de l'autre fiche, vide sur celle qui est gardée. En jaune : les deux fiches diffèrent ; la valeur de la fiche gardée reste.</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>&amp;Rechercher à nouveau</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <source>Record to keep:</source>
        <translation>Fiche à garder :</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
    <message>
        <source>The first %1 probable duplicates (merge them, then search again):</source>
        <translation>Les %1 premiers doublons probables (fusionnez-les, puis relancez la recherche) :</translation>
    </message>
    <message numerus="yes">
        <source>%n probable duplicate(s):</source>
        <translation><numerusform>%n doublon probable :</numerusform><numerusform>%n doublons probables :</numerusform></translation>
    </message>
    <message>
        <source>No probable duplicate found.</source>
        <translation>Aucun doublon probable.</translation>
    </message>
    <message>
        <source>Taken from the other record (empty here).</source>
        <translation>Repris de l'autre fiche (vide sur celle-ci).</translation>
    </message>
    <message>
        <source>The two records differ: this value is kept.</source>
        <translation>Les deux fiches diffèrent : cette valeur est gardée.</translation>
    </message>
    <message>
        <source>The record of %1 (n° %2) is deleted; everything it holds moves to %3 (n° %4).</source>
        <translation>La fiche de %1 (n° %2) est supprimée ; tout ce qui s'y rattache passe sur %3 (n° %4).</translation>
    </message>
    <message>
        <source>Moved: %1.</source>
        <translation>Transféré : %1.</translation>
    </message>
    <message>
        <source>Meetings both were invited to (their two lines become one): %1.</source>
        <translation>Réunions où les deux étaient convoqués (leurs deux lignes n'en font plus qu'une) : %1.</translation>
    </message>
    <message>
        <source>Merge %1 (n° %2) into %3 (n° %4)?

The record n° %2 is deleted; its meetings, roles, consents and history go to n° %4. This cannot be undone.</source>
        <translation>Fusionner %1 (n° %2) dans %3 (n° %4) ?

La fiche n° %2 est supprimée ; ses réunions, fonctions, consentements et son historique passent sur la fiche n° %4. Cette opération est irréversible.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
</context>
<context>
    <name>ExceptHook</name>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Unexpected error (%1). Details are in the log file: %2</source>
        <translation>Erreur inattendue (%1). Le détail est dans le journal : %2</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the members</source>
        <translation>Exporter les membres</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>PDF list (.pdf)</source>
        <translation>Liste PDF (.pdf)</translation>
    </message>
    <message>
        <source>CSV text (.csv)</source>
        <translation>Texte CSV (.csv)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Personal data: export it only when needed.</source>
        <translation>Donnée personnelle : ne l'exportez qu'en cas de besoin.</translation>
    </message>
    <message>
        <source>Every member</source>
        <translation>Tous les membres</translation>
    </message>
    <message>
        <source>Only the %1 members shown in the list</source>
        <translation>Seulement les %1 membres affichés dans la liste</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Tick at least one column.</source>
        <translation>Cochez au moins une colonne.</translation>
    </message>
    <message>
        <source>Reading the members…</source>
        <translation>Lecture des membres…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Écriture du fichier…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV text (*.csv)</source>
        <translation>Texte CSV (*.csv)</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>File written: %1 (%2 members).</source>
        <translation>Fichier écrit : %1 (%2 membres).</translation>
    </message>
</context>
<context>
    <name>ExportThread</name>
    <message>
        <source>Reading the projects…</source>
        <translation>Lecture des projets…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Écriture du fichier…</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2.</source>
        <translation>Impossible d'écrire « %1 » : %2.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base…</translation>
    </message>
    <message>
        <source>&amp;Open a database…</source>
        <translation>&amp;Ouvrir une base…</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Enregistrer une copie…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Conseil Desktop databases (*.db);;All files (*)</source>
        <translation>Bases Conseil Desktop (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <source>new-council</source>
        <translation>nouveau-conseil</translation>
    </message>
    <message>
        <source>The file “%1” already exists: a new database never replaces it. Open it instead?</source>
        <translation>Le fichier « %1 » existe déjà : une nouvelle base ne le remplace jamais. Voulez-vous plutôt l'ouvrir ?</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <source>-copy</source>
        <translation>-copie</translation>
    </message>
    <message>
        <source>A copy must have another name than the open database.</source>
        <translation>La copie doit porter un autre nom que la base ouverte.</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>Copie de la base…</translation>
    </message>
    <message>
        <source>A copy of the database was saved as “%1”.</source>
        <translation>Une copie de la base a été enregistrée : « %1 ».</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>The current database will first be backed up, then replaced by the backup taken on %1. Continue?</source>
        <translation>La base actuelle sera d'abord sauvegardée, puis remplacée par la sauvegarde du %1. Continuer ?</translation>
    </message>
    <message>
        <source>The backup taken on %1 was restored.</source>
        <translation>La sauvegarde du %1 a été restaurée.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search a title, a holder, a theme…</source>
        <translation>Rechercher un titre, un porteur, un thème…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Funding line</source>
        <translation>Ligne de financement</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Tous les thèmes</translation>
    </message>
    <message>
        <source>All funding lines</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Close the form without saving your changes?</source>
        <translation>Fermer la fiche sans enregistrer vos modifications ?</translation>
    </message>
</context>
<context>
    <name>FundersEditor</name>
    <message>
        <source>&amp;Add a funder</source>
        <translation>&amp;Ajouter un financeur</translation>
    </message>
    <message>
        <source>&amp;Remove this funder</source>
        <translation>&amp;Retirer ce financeur</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Date de décision</translation>
    </message>
    <message>
        <source>Remove the line of the funder being edited</source>
        <translation>Retirer la ligne du financeur en cours de saisie</translation>
    </message>
    <message>
        <source>type a few letters of the organisation</source>
        <translation>tapez quelques lettres de la structure</translation>
    </message>
    <message>
        <source>1 234,50 €</source>
        <translation>1 234,50 €</translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>pas encore décidé</translation>
    </message>
    <message>
        <source>amount requested</source>
        <translation>montant demandé</translation>
    </message>
    <message>
        <source>amount granted</source>
        <translation>montant accordé</translation>
    </message>
    <message>
        <source>Funding line %1: choose the funder, or remove the line.</source>
        <translation>Financement n° %1 : choisissez le financeur, ou retirez la ligne.</translation>
    </message>
    <message>
        <source>Funding line %1, %2: %3</source>
        <translation>Financement n° %1, %2 : %3</translation>
    </message>
    <message>
        <source>Funding line %1: the decision date is not a valid date (dd/mm/yyyy).</source>
        <translation>Financement n° %1 : la date de décision n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
    <message>
        <source>Total requested: %1 — granted: %2</source>
        <translation>Total demandé : %1 — accordé : %2</translation>
    </message>
</context>
<context>
    <name>FundingTable</name>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>A member or contact</source>
        <translation>Un membre ou un contact</translation>
    </message>
    <message>
        <source>An organisation</source>
        <translation>Une structure</translation>
    </message>
    <message>
        <source>e.g. Shared gardens of the Lac district</source>
        <translation>ex. : Jardins partagés du quartier du Lac</translation>
    </message>
    <message>
        <source>type a few letters of the name</source>
        <translation>tapez quelques lettres du nom</translation>
    </message>
    <message>
        <source>&lt;b&gt;Title&lt;/b&gt; (required):</source>
        <translation>&lt;b&gt;Titre&lt;/b&gt; (obligatoire) :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>Porteur :</translation>
    </message>
    <message>
        <source>Neighbourhood:</source>
        <translation>Quartier :</translation>
    </message>
    <message>
        <source>Main theme:</source>
        <translation>Thème principal :</translation>
    </message>
    <message>
        <source>Cross-cutting themes:</source>
        <translation>Thèmes transversaux :</translation>
    </message>
    <message>
        <source>Funding line:</source>
        <translation>Ligne de financement :</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Année :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Holder: choose “%1” in the list of names offered while typing (an organisation is first created in the Contacts tab).</source>
        <translation>Porteur : choisissez « %1 » dans la liste des noms proposés pendant la saisie (une structure se crée d'abord dans l'onglet Contacts).</translation>
    </message>
    <message>
        <source>No SIRET or RNA number recorded (it is entered in the Contacts tab).</source>
        <translation>Aucun numéro SIRET ou RNA enregistré (il se saisit dans l'onglet Contacts).</translation>
    </message>
</context>
<context>
    <name>GlobalExports</name>
    <message>
        <source>Reading the database…</source>
        <translation>Lecture de la base…</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>Écriture du document…</translation>
    </message>
    <message>
        <source>Meetings &amp;calendar (.ics)…</source>
        <translation>&amp;Calendrier des réunions (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Open actions register…</source>
        <translation>&amp;Relevé des actions ouvertes…</translation>
    </message>
    <message>
        <source>Open actions register (&amp;Excel)…</source>
        <translation>Relevé des actions ouvertes (E&amp;xcel)…</translation>
    </message>
    <message>
        <source>&amp;Attendance workbook (Excel)…</source>
        <translation>Cah&amp;ier des présences (Excel)…</translation>
    </message>
    <message>
        <source>Meetings calendar</source>
        <translation>Calendrier des réunions</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Actions ouvertes</translation>
    </message>
    <message>
        <source>Open actions register</source>
        <translation>Relevé des actions ouvertes</translation>
    </message>
    <message>
        <source>Attendance, all years</source>
        <translation>Présences, toutes les années</translation>
    </message>
    <message>
        <source>Attendance %1</source>
        <translation>Présences %1</translation>
    </message>
    <message>
        <source>Attendance workbook</source>
        <translation>Cahier des présences</translation>
    </message>
</context>
<context>
    <name>GuestConversionDialog</name>
    <message>
        <source>Make the guest a member</source>
        <translation>Faire de l'invité un membre</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Prénom :</translation>
    </message>
    <message>
        <source>College:</source>
        <translation>Collège :</translation>
    </message>
    <message>
        <source>Seat:</source>
        <translation>Siège :</translation>
    </message>
</context>
<context>
    <name>GuestPanel</name>
    <message>
        <source>Guests (not members)</source>
        <translation>Invités (hors membres)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation or quality</source>
        <translation>Organisation ou qualité</translation>
    </message>
    <message>
        <source>Add a guest</source>
        <translation>Ajouter un invité</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>Make a member…</source>
        <translation>Convertir en membre…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>%1 (in the base)</source>
        <translation>%1 (fiche dans la base)</translation>
    </message>
    <message>
        <source>Edit a guest</source>
        <translation>Modifier un invité</translation>
    </message>
    <message>
        <source>Guest times</source>
        <translation>Heures de l'invité</translation>
    </message>
    <message>
        <source>Remove %1 from the guests of this meeting?</source>
        <translation>Retirer %1 des invités de cette réunion ?</translation>
    </message>
    <message>
        <source>Remove a guest</source>
        <translation>Retirer un invité</translation>
    </message>
    <message>
        <source>Make a member</source>
        <translation>Convertir en membre</translation>
    </message>
    <message>
        <source>%1 is already linked to a person of the base.</source>
        <translation>%1 est déjà lié à une fiche de la base.</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>several names separated by commas</source>
        <translation>plusieurs noms séparés par des virgules</translation>
    </message>
    <message>
        <source>association, collective…</source>
        <translation>association, collectif…</translation>
    </message>
    <message>
        <source>Council name (required):</source>
        <translation>Nom du conseil (obligatoire) :</translation>
    </message>
    <message>
        <source>Priority neighbourhood(s):</source>
        <translation>Quartier(s) prioritaire(s) :</translation>
    </message>
    <message>
        <source>Contrat de ville:</source>
        <translation>Contrat de ville :</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Legal form:</source>
        <translation>Forme juridique :</translation>
    </message>
    <message>
        <source>Host structure:</source>
        <translation>Structure porteuse :</translation>
    </message>
    <message>
        <source>Prefectoral decree:</source>
        <translation>Arrêté préfectoral :</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>du</translation>
    </message>
    <message>
        <source>Version of the rules:</source>
        <translation>Version du règlement intérieur :</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Adresse postale :</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo :</translation>
    </message>
    <message>
        <source>The date of the prefectoral decree is not a valid date (dd/mm/yyyy).</source>
        <translation>La date de l'arrêté préfectoral n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;Preview &gt;</source>
        <translation>&amp;Aperçu &gt;</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import (%Ln row(s))</source>
        <translation><numerusform>&amp;Importer (%Ln ligne)</numerusform><numerusform>&amp;Importer (%Ln lignes)</numerusform></translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Comparing with the members already recorded…</source>
        <translation>Comparaison avec les membres déjà enregistrés…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Import saved.</source>
        <translation>Import enregistré.</translation>
    </message>
    <message>
        <source>Import saved: %1.</source>
        <translation>Import enregistré : %1.</translation>
    </message>
    <message>
        <source>Organisations created: %1.</source>
        <translation>Structures créées : %1.</translation>
    </message>
    <message>
        <source>Nothing needed to change: every member was already up to date.</source>
        <translation>Rien à changer : tous les membres étaient déjà à jour.</translation>
    </message>
    <message>
        <source>Warning: the undo record could not be saved, this import cannot be undone.</source>
        <translation>Attention : le journal d'annulation n'a pas pu être enregistré, cet import ne pourra pas être annulé.</translation>
    </message>
    <message>
        <source>You can undo this import here, or later with “Undo the last import” (until the next import).</source>
        <translation>Vous pouvez annuler cet import ici, ou plus tard avec « Annuler le dernier import » (jusqu'au prochain import).</translation>
    </message>
    <message>
        <source>The import has been undone.</source>
        <translation>L'import a été annulé.</translation>
    </message>
    <message>
        <source>Delete the saved mapping “%1”?</source>
        <translation>Supprimer la correspondance enregistrée « %1 » ?</translation>
    </message>
    <message>
        <source>Spreadsheets and text tables (%1)</source>
        <translation>Tableurs et tableaux texte (%1)</translation>
    </message>
    <message>
        <source>Undo the last import</source>
        <translation>Annuler le dernier import</translation>
    </message>
    <message>
        <source>Undoing the last import…</source>
        <translation>Annulation du dernier import…</translation>
    </message>
    <message>
        <source>Undo the import of “%1” of %2?

The people it created are deleted (unless they have been edited or used since) and the fields it changed get their former value back.</source>
        <translation>Annuler l'import de « %1 » du %2 ?

Les fiches qu'il a créées sont supprimées (sauf si elles ont été modifiées ou utilisées depuis) et les champs qu'il a modifiés retrouvent leur ancienne valeur.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>&amp;All active members</source>
        <translation>Tous les membres &amp;actifs</translation>
    </message>
    <message>
        <source>One &amp;college:</source>
        <translation>Un &amp;collège :</translation>
    </message>
    <message>
        <source>&amp;Titulaires only</source>
        <translation>&amp;Titulaires seulement</translation>
    </message>
    <message>
        <source>A list &amp;picked by hand:</source>
        <translation>Une &amp;liste choisie :</translation>
    </message>
    <message>
        <source>Search a name…</source>
        <translation>Chercher un nom…</translation>
    </message>
    <message>
        <source>Tick those shown</source>
        <translation>Cocher ceux affichés</translation>
    </message>
    <message>
        <source>Untick those shown</source>
        <translation>Décocher ceux affichés</translation>
    </message>
    <message>
        <source>Attendance already recorded is kept: only invitations with nothing recorded are removed.</source>
        <translation>Les présences déjà enregistrées sont conservées : seules les invitations sans rien d'enregistré sont retirées.</translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation>&amp;Inviter</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticked</source>
        <translation><numerusform>%Ln coché</numerusform><numerusform>%Ln cochés</numerusform></translation>
    </message>
</context>
<context>
    <name>InviteesTable</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Proxy given to</source>
        <translation>Pouvoir donné à</translation>
    </message>
    <message>
        <source>Arrival / departure</source>
        <translation>Arrivée / départ</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Invité extérieur</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>&amp;Save the summary</source>
        <translation>&amp;Enregistrer le compte rendu</translation>
    </message>
    <message>
        <source>Add a deci&amp;sion…</source>
        <translation>Ajouter une déci&amp;sion…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Debate summary:</source>
        <translation>Compte rendu des débats :</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>Gras (Ctrl+B)</translation>
    </message>
    <message>
        <source>Italics (Ctrl+I)</source>
        <translation>Italique (Ctrl+I)</translation>
    </message>
    <message>
        <source>Bulleted list (Ctrl+L)</source>
        <translation>Liste à puces (Ctrl+L)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Decisions:</source>
        <translation>Décisions :</translation>
    </message>
    <message>
        <source>Select an agenda item, or add one.</source>
        <translation>Choisissez un point de l'ordre du jour, ou ajoutez-en un.</translation>
    </message>
    <message>
        <source>Presented by %1</source>
        <translation>Présenté par %1</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>Documents : %1</translation>
    </message>
</context>
<context>
    <name>LinksTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Choisir un logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>“%1” is not an image that can be read.</source>
        <translation>« %1 » n'est pas une image lisible.</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Aucun logo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Council &amp;settings…</source>
        <translation>&amp;Paramètres du conseil…</translation>
    </message>
    <message>
        <source>Council &amp;composition…</source>
        <translation>&amp;Composition du conseil…</translation>
    </message>
    <message>
        <source>&amp;About Conseil Desktop</source>
        <translation>À &amp;propos de Conseil Desktop</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>&amp;Council</source>
        <translation>&amp;Conseil</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Council settings saved.</source>
        <translation>Paramètres du conseil enregistrés.</translation>
    </message>
    <message>
        <source>Conseil Desktop %1
Offline management of a conseil citoyen.

Open database: %2
Data folder (backups, preferences): %3
Log file: %4</source>
        <translation>Conseil Desktop %1
Gestion hors ligne d'un conseil citoyen.

Base ouverte : %2
Dossier des données (sauvegardes, préférences) : %3
Journal : %4</translation>
    </message>
    <message>
        <source>About Conseil Desktop</source>
        <translation>À propos de Conseil Desktop</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Fermeture</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Choose a saved mapping…</source>
        <translation>Choisir une correspondance enregistrée…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Title in the file</source>
        <translation>Titre dans le fichier</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Importée comme</translation>
    </message>
    <message>
        <source>e.g. Town hall list</source>
        <translation>ex. : Liste de la mairie</translation>
    </message>
    <message>
        <source>Save this mapping</source>
        <translation>Enregistrer cette correspondance</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>Correspondance enregistrée :</translation>
    </message>
    <message>
        <source>Save under the name:</source>
        <translation>Enregistrer sous le nom :</translation>
    </message>
    <message>
        <source>Saved mapping “%1” applied. Check the columns below before the preview.</source>
        <translation>Correspondance enregistrée « %1 » appliquée. Vérifiez les colonnes ci-dessous avant l'aperçu.</translation>
    </message>
    <message>
        <source>Sheet “%1” of “%2”: the titles are on line %3. Check what each column holds and correct it if needed; columns left out are not imported.</source>
        <translation>Feuille « %1 » de « %2 » : les titres sont en ligne %3. Vérifiez ce que contient chaque colonne et corrigez si besoin ; les colonnes écartées ne sont pas importées.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>forbidden data, never imported</source>
        <translation>donnée interdite, jamais importée</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— ne pas importer —</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <source>&amp;New meeting…</source>
        <translation>&amp;Nouvelle réunion…</translation>
    </message>
    <message>
        <source>&amp;Open the meeting</source>
        <translation>&amp;Ouvrir la réunion</translation>
    </message>
    <message>
        <source>&amp;Edit the details…</source>
        <translation>&amp;Modifier les informations…</translation>
    </message>
    <message>
        <source>&amp;Sign-in…</source>
        <translation>Émar&amp;gement…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>D&amp;upliquer…</translation>
    </message>
    <message>
        <source>Linked &amp;projects…</source>
        <translation>&amp;Projets liés…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Open ac&amp;tions…</source>
        <translation>Ac&amp;tions en cours…</translation>
    </message>
    <message>
        <source>Duplicate a meeting</source>
        <translation>Dupliquer une réunion</translation>
    </message>
    <message>
        <source>Date of the next meeting after “%1” (same place, times, agenda items and invitees):</source>
        <translation>Date de la réunion suivant « %1 » (mêmes lieu, horaires, points de l'ordre du jour et invités) :</translation>
    </message>
    <message>
        <source>Delete a meeting</source>
        <translation>Supprimer une réunion</translation>
    </message>
    <message>
        <source>Delete the meeting “%1”? Its agenda, invitations and decisions are deleted with it. This cannot be undone.</source>
        <translation>Supprimer la réunion « %1 » ? Son ordre du jour, ses invitations et ses décisions sont supprimés avec elle. C'est définitif.</translation>
    </message>
    <message>
        <source>%1

Delete it all the same, with its attendance record?</source>
        <translation>%1

La supprimer quand même, avec son émargement ?</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Remise en main propre</translation>
    </message>
    <message>
        <source>E-mail and post</source>
        <translation>Courriel et courrier</translation>
    </message>
    <message>
        <source>e.g. Maison de quartier, salle 2</source>
        <translation>ex. : Maison de quartier, salle 2</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>This meeting was ca&amp;ncelled</source>
        <translation>Cette réunion a été ann&amp;ulée</translation>
    </message>
    <message>
        <source>left empty: the type and the date</source>
        <translation>laissé vide : le type et la date</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>T&amp;itre :</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>&amp;Facilitator(s):</source>
        <translation>&amp;Animation :</translation>
    </message>
    <message>
        <source>&amp;Secretary(ies):</source>
        <translation>&amp;Secrétariat :</translation>
    </message>
    <message>
        <source>by</source>
        <translation>par</translation>
    </message>
    <message>
        <source>&amp;Convened on:</source>
        <translation>&amp;Convoquée le :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Réunion : %1</translation>
    </message>
    <message>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>The convocation date is not a valid date (dd/mm/yyyy).</source>
        <translation>La date de convocation n'est pas une date valide (jj/mm/aaaa).</translation>
    </message>
    <message>
        <source>%1: “%2” is not one person of the list. Choose the name in the list offered while typing, or clear the field.</source>
        <translation>%1 : « %2 » ne désigne pas une personne de la liste. Choisissez le nom dans la liste proposée pendant la saisie, ou videz le champ.</translation>
    </message>
    <message>
        <source>The %1 time “%2” is not a time: type it as 18:30 or 18 h 30.</source>
        <translation>L'heure de %1 « %2 » n'est pas une heure : tapez-la sous la forme 18:30 ou 18 h 30.</translation>
    </message>
    <message>
        <source>Meeting not saved</source>
        <translation>Réunion non enregistrée</translation>
    </message>
    <message>
        <source>Facilitation</source>
        <translation>Animation</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Secrétariat</translation>
    </message>
    <message>
        <source>Meeting saved, with a remark</source>
        <translation>Réunion enregistrée, avec une remarque</translation>
    </message>
</context>
<context>
    <name>MeetingDocuments</name>
    <message>
        <source>&amp;Convocation letters</source>
        <translation>&amp;Lettres de convocation</translation>
    </message>
    <message>
        <source>Convocations</source>
        <translation>Convocations</translation>
    </message>
    <message>
        <source>Convocation letters to &amp;post (not by e-mail)</source>
        <translation>Lettres de convocation à en&amp;voyer par courrier</translation>
    </message>
    <message>
        <source>Address &amp;labels</source>
        <translation>É&amp;tiquettes d'adresses</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Feuille d'émargement</translation>
    </message>
    <message>
        <source>&amp;Sign-in sheet…</source>
        <translation>&amp;Feuille d'émargement…</translation>
    </message>
    <message>
        <source>Sign-in sheet &amp;with attendance (archive copy)…</source>
        <translation>Feuille d'émargement &amp;avec les présences (exemplaire d'archive)…</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Émargement</translation>
    </message>
    <message>
        <source>&amp;Minutes (procès-verbal)</source>
        <translation>&amp;Procès-verbal</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Procès-verbal</translation>
    </message>
    <message>
        <source>&amp;Decision register</source>
        <translation>&amp;Relevé de décisions</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Relevé de décisions</translation>
    </message>
    <message>
        <source>Meeting &amp;file (dossier de séance)</source>
        <translation>&amp;Dossier de séance</translation>
    </message>
    <message>
        <source>Meeting file</source>
        <translation>Dossier de séance</translation>
    </message>
    <message>
        <source>Calendar &amp;event (.ics)…</source>
        <translation>Évé&amp;nement d'agenda (.ics)…</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Reading the meeting…</source>
        <translation>Lecture de la réunion…</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>Écriture du document…</translation>
    </message>
    <message numerus="yes">
        <source>Labels: %1 of %Ln invitee(s).</source>
        <translation><numerusform>Étiquettes : %1 sur %Ln invité.</numerusform><numerusform>Étiquettes : %1 sur %Ln invités.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Convened by e-mail, so no label: %Ln.</source>
        <translation><numerusform>Convoqué par courriel, donc sans étiquette : %Ln.</numerusform><numerusform>Convoqués par courriel, donc sans étiquette : %Ln.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %Ln other(s)</source>
        <translation><numerusform>%1 et %Ln autre</numerusform><numerusform>%1 et %Ln autres</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Without a complete postal address, so no label (%Ln): %1.</source>
        <translation><numerusform>Sans adresse postale complète, donc sans étiquette (%Ln personne) : %1.</numerusform><numerusform>Sans adresse postale complète, donc sans étiquette (%Ln personnes) : %1.</numerusform></translation>
    </message>
    <message>
        <source>Address labels</source>
        <translation>Étiquettes d'adresses</translation>
    </message>
</context>
<context>
    <name>MeetingLinkDialog</name>
    <message>
        <source>Link “%1” to a meeting</source>
        <translation>Lier « %1 » à une réunion</translation>
    </message>
    <message>
        <source>Search a meeting by title, place or date…</source>
        <translation>Rechercher une réunion par titre, lieu ou date…</translation>
    </message>
    <message>
        <source>Decision concerning the project (optional):</source>
        <translation>Décision concernant le projet (facultatif) :</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulée)</translation>
    </message>
    <message>
        <source>(the meeting as a whole, no particular decision)</source>
        <translation>(la réunion dans son ensemble, sans décision précise)</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Informations…</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>In&amp;viter…</translation>
    </message>
    <message>
        <source>Si&amp;gn-in</source>
        <translation>É&amp;margement</translation>
    </message>
    <message>
        <source>D&amp;ocuments</source>
        <translation>D&amp;ocuments</translation>
    </message>
    <message>
        <source>&amp;Add an item…</source>
        <translation>&amp;Ajouter un point…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up)</source>
        <translation>Monter (Ctrl+Haut)</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down)</source>
        <translation>Descendre (Ctrl+Bas)</translation>
    </message>
    <message>
        <source>A&amp;genda:</source>
        <translation>Ordre du &amp;jour :</translation>
    </message>
    <message>
        <source>Agenda and decisions</source>
        <translation>Ordre du jour et décisions</translation>
    </message>
    <message>
        <source>Invitees</source>
        <translation>Invités</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Réunion : %1</translation>
    </message>
    <message>
        <source>Invitees (%1)</source>
        <translation>Invités (%1)</translation>
    </message>
</context>
<context>
    <name>MeetingProjectsDialog</name>
    <message>
        <source>Projects discussed: %1</source>
        <translation>Projets abordés : %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulée)</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Réunion :</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>No project is linked to this meeting yet. Projects are linked from the Projects tab.</source>
        <translation>Aucun projet n'est encore lié à cette réunion. Les projets se lient depuis l'onglet Projets.</translation>
    </message>
    <message>
        <source>Projects discussed at this meeting:</source>
        <translation>Projets abordés lors de cette réunion :</translation>
    </message>
    <message>
        <source>Projects discussed</source>
        <translation>Projets abordés</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>reached</source>
        <translation>atteint</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>non atteint</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invités</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Present: %1 — represented: %2</source>
        <translation>Présents : %1 — représentés : %2</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Notice before a meeting:</source>
        <translation>Délai de convocation :</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Proxies one member may hold:</source>
        <translation>Pouvoirs par membre au plus :</translation>
    </message>
    <message>
        <source>Quorum:</source>
        <translation>Quorum :</translation>
    </message>
    <message>
        <source>of the active full members</source>
        <translation>des titulaires actifs</translation>
    </message>
    <message>
        <source>Fraction:</source>
        <translation>Fraction :</translation>
    </message>
    <message>
        <source>Fixed number of members:</source>
        <translation>Nombre fixe de membres :</translation>
    </message>
    <message>
        <source>Flag unexcused absences in a row from:</source>
        <translation>Signaler les absences non excusées à partir de :</translation>
    </message>
    <message>
        <source> absences</source>
        <translation> absences de suite</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>&amp;New meeting</source>
        <translation>&amp;Nouvelle réunion</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Sign-&amp;in</source>
        <translation>É&amp;margement</translation>
    </message>
    <message>
        <source>Open ac&amp;tions…</source>
        <translation>Ac&amp;tions en cours…</translation>
    </message>
    <message>
        <source>Search a title, a place, a type…</source>
        <translation>Chercher un titre, un lieu, un type…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Upcoming (%1)</source>
        <translation>À venir (%1)</translation>
    </message>
    <message>
        <source>Past (%1)</source>
        <translation>Passées (%1)</translation>
    </message>
    <message>
        <source>Meetings shown: %1</source>
        <translation>Réunions affichées : %1</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <source>&amp;New member…</source>
        <translation>&amp;Nouveau membre…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Archive…</source>
        <translation>&amp;Archiver…</translation>
    </message>
    <message>
        <source>&amp;Bring back to the list</source>
        <translation>&amp;Remettre dans la liste</translation>
    </message>
    <message>
        <source>&amp;Undo the last change</source>
        <translation>Ann&amp;uler la dernière modification</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Annuler la dernière modification (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Personal data sheet…</source>
        <translation>&amp;Fiche de données personnelles…</translation>
    </message>
    <message>
        <source>A&amp;nonymise…</source>
        <translation>An&amp;onymiser…</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Importer des membres…</translation>
    </message>
    <message>
        <source>Undo the last i&amp;mport…</source>
        <translation>Annuler le dernier i&amp;mport…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>Rechercher les &amp;doublons…</translation>
    </message>
    <message>
        <source>E&amp;xport all members…</source>
        <translation>E&amp;xporter tous les membres…</translation>
    </message>
    <message>
        <source>Export the members &amp;shown…</source>
        <translation>Exporter les membres &amp;affichés…</translation>
    </message>
    <message>
        <source>P&amp;urge former members…</source>
        <translation>P&amp;urger les anciens membres…</translation>
    </message>
    <message>
        <source>Member added.</source>
        <translation>Membre ajouté.</translation>
    </message>
    <message>
        <source>Edit a member</source>
        <translation>Modifier un membre</translation>
    </message>
    <message>
        <source>the changes to %1</source>
        <translation>les modifications de la fiche de %1</translation>
    </message>
    <message>
        <source>%1 saved. Ctrl+Z undoes the changes.</source>
        <translation>Fiche de %1 enregistrée. Ctrl+Z annule les modifications.</translation>
    </message>
    <message>
        <source>Archive a member</source>
        <translation>Archiver un membre</translation>
    </message>
    <message>
        <source>Archive %1? They leave the list of members; their attendance, roles and history are kept, and “Archived” shows them again. An active member is recorded as resigned from today.</source>
        <translation>Archiver %1 ? La fiche quitte la liste des membres ; les présences, les rôles et l'historique sont conservés, et la case « Archivés » la montre à nouveau. Un membre actif est enregistré comme démissionnaire à la date du jour.</translation>
    </message>
    <message>
        <source>the archiving of %1</source>
        <translation>l'archivage de %1</translation>
    </message>
    <message>
        <source>%1 archived. Ctrl+Z brings them back.</source>
        <translation>%1 : fiche archivée. Ctrl+Z la remet dans la liste.</translation>
    </message>
    <message>
        <source>Bring back to the list</source>
        <translation>Remettre dans la liste</translation>
    </message>
    <message>
        <source>bringing back %1</source>
        <translation>le retour de %1 dans la liste</translation>
    </message>
    <message>
        <source>%1 is back in the list (status unchanged).</source>
        <translation>%1 est de retour dans la liste (statut inchangé).</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Annulé : %1.</translation>
    </message>
    <message>
        <source>Import done.</source>
        <translation>Import terminé.</translation>
    </message>
    <message>
        <source>The last import was undone.</source>
        <translation>Le dernier import a été annulé.</translation>
    </message>
    <message>
        <source>Duplicates merged.</source>
        <translation>Doublons fusionnés.</translation>
    </message>
</context>
<context>
    <name>MemberConsentsPage</name>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Donnée le</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>e.g. paper form</source>
        <translation>ex. formulaire papier</translation>
    </message>
    <message>
        <source>Photos and the newsletter need the person's consent; their contact details are shared with the other members only if they agreed. A new answer replaces the one recorded, with its date and source.</source>
        <translation>Les photos et la lettre d'information demandent le consentement de la personne ; ses coordonnées ne sont communiquées aux autres membres que si elle l'a accepté. Une nouvelle réponse remplace celle enregistrée, avec sa date et sa source.</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Non demandé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>give the date of the answer.</source>
        <translation>indiquez la date de la réponse.</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Archive…</source>
        <translation>&amp;Archiver…</translation>
    </message>
    <message>
        <source>Select a member to see their details.</source>
        <translation>Sélectionnez un membre pour voir sa fiche.</translation>
    </message>
    <message>
        <source>Archived on %1</source>
        <translation>Archivé le %1</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>Over 12 months: %1</source>
        <translation>Sur 12 mois : %1</translation>
    </message>
    <message>
        <source>Unexcused absences in a row: %1</source>
        <translation>Absences non excusées d'affilée : %1</translation>
    </message>
    <message>
        <source>Not invited to any meeting yet.</source>
        <translation>Pas encore convoqué(e) à une réunion.</translation>
    </message>
    <message>
        <source>Older meetings not shown: %1</source>
        <translation>Réunions plus anciennes non affichées : %1</translation>
    </message>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulée)</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>&amp;Identity and contact</source>
        <translation>&amp;Identité et coordonnées</translation>
    </message>
    <message>
        <source>&amp;Membership</source>
        <translation>&amp;Adhésion</translation>
    </message>
    <message>
        <source>&amp;Status and history</source>
        <translation>&amp;Statut et historique</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;Rôles</translation>
    </message>
    <message>
        <source>C&amp;onsents</source>
        <translation>C&amp;onsentements</translation>
    </message>
    <message>
        <source>* required field</source>
        <translation>* champ obligatoire</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <source>Member: %1</source>
        <translation>Membre : %1</translation>
    </message>
    <message>
        <source>Nothing was saved. Please correct:</source>
        <translation>Rien n'a été enregistré. Veuillez corriger :</translation>
    </message>
    <message>
        <source>Nothing was saved:</source>
        <translation>Rien n'a été enregistré :</translation>
    </message>
    <message>
        <source>A member of the council already has this name:</source>
        <translation>Un membre du conseil porte déjà ce nom :</translation>
    </message>
    <message>
        <source>%1 members of the council already have this name:</source>
        <translation>%1 membres du conseil portent déjà ce nom :</translation>
    </message>
    <message>
        <source>… and %1 others</source>
        <translation>… et %1 autres</translation>
    </message>
    <message>
        <source>Save a second record anyway? Answer Yes only if this is someone else with the same name (Find duplicates merges two records of one person).</source>
        <translation>Enregistrer quand même une seconde fiche ? Répondez Oui seulement s'il s'agit d'une autre personne du même nom (Rechercher les doublons fusionne deux fiches d'une même personne).</translation>
    </message>
    <message>
        <source>Already a member</source>
        <translation>Déjà membre</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source>Search a name, an e-mail, a phone, an organisation…</source>
        <translation>Rechercher un nom, un courriel, un téléphone, une structure…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Titulaire / suppléant</source>
        <translation>Titulaire / suppléant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivés</translation>
    </message>
    <message>
        <source>Also show the archived members</source>
        <translation>Afficher aussi les membres archivés</translation>
    </message>
    <message>
        <source>All colleges</source>
        <translation>Tous les collèges</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Former members</source>
        <translation>Anciens membres</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Titulaires and suppléants</source>
        <translation>Titulaires et suppléants</translation>
    </message>
    <message>
        <source>Titulaires</source>
        <translation>Titulaires</translation>
    </message>
    <message>
        <source>Suppléants</source>
        <translation>Suppléants</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Tous les rôles</translation>
    </message>
    <message>
        <source>With a role</source>
        <translation>Avec un rôle</translation>
    </message>
</context>
<context>
    <name>MemberIdentityPage</name>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>number and street</source>
        <translation>numéro et rue</translation>
    </message>
    <message>
        <source>building, staircase, flat…</source>
        <translation>bâtiment, escalier, appartement…</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Prénom :</translation>
    </message>
    <message>
        <source>used only for the women/men parity statistics</source>
        <translation>sert uniquement aux statistiques de parité femmes/hommes</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sexe :</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Date de naissance :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Postcode and town:</source>
        <translation>Code postal et ville :</translation>
    </message>
    <message>
        <source>Convocations by:</source>
        <translation>Convocations par :</translation>
    </message>
</context>
<context>
    <name>MemberRolesPage</name>
    <message>
        <source>&amp;Add the role</source>
        <translation>A&amp;jouter le rôle</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>&amp;End the selected role on</source>
        <translation>&amp;Terminer le rôle sélectionné le</translation>
    </message>
    <message>
        <source>&amp;Remove the selected role</source>
        <translation>Su&amp;pprimer le rôle sélectionné</translation>
    </message>
    <message>
        <source>Only for a role entered by mistake: a role that ended stays in the history.</source>
        <translation>Seulement pour un rôle saisi par erreur : un rôle terminé reste dans l'historique.</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle :</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>The list of roles is set in Settings. Leave “to” empty for a role held today.</source>
        <translation>La liste des rôles se règle dans les Paramètres. Laissez « au » vide pour un rôle exercé aujourd'hui.</translation>
    </message>
    <message>
        <source>No role to choose: add roles in Settings.</source>
        <translation>Aucun rôle à choisir : ajoutez des rôles dans les Paramètres.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>This role already ended on %1.</source>
        <translation>Ce rôle a déjà pris fin le %1.</translation>
    </message>
    <message>
        <source>Give the date on which the role ends.</source>
        <translation>Indiquez la date de fin du rôle.</translation>
    </message>
    <message>
        <source>The member already holds the role “%1”.</source>
        <translation>Le membre a déjà le rôle « %1 ».</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(en cours)</translation>
    </message>
</context>
<context>
    <name>MemberStatusPage</name>
    <message>
        <source>&amp;Change the status</source>
        <translation>&amp;Changer le statut</translation>
    </message>
    <message>
        <source>Become &amp;titulaire</source>
        <translation>Passer &amp;titulaire</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>&amp;Forget the unsaved changes</source>
        <translation>Ou&amp;blier les changements non enregistrés</translation>
    </message>
    <message>
        <source>A new member is recorded as active from the day they joined. Status changes come later, once the member is saved.</source>
        <translation>Un nouveau membre est enregistré comme actif à partir de sa date d'entrée. Les changements de statut se font ensuite, une fois le membre enregistré.</translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation>&amp;Nouveau statut :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;À compter du :</translation>
    </message>
    <message>
        <source>History (oldest first):</source>
        <translation>Historique (du plus ancien au plus récent) :</translation>
    </message>
    <message>
        <source>Roles still held: %1. End them on the Roles page if the person has left them.</source>
        <translation>Rôles encore en cours : %1. Terminez-les dans la page Rôles si la personne les a quittés.</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>Date d'effet</translation>
    </message>
    <message>
        <source>Current status: &lt;b&gt;%1&lt;/b&gt; — &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Statut actuel : &lt;b&gt;%1&lt;/b&gt; — &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Current status: &lt;b&gt;%1&lt;/b&gt; since %2 — &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Statut actuel : &lt;b&gt;%1&lt;/b&gt; depuis le %2 — &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(once saved)</source>
        <translation>(après enregistrement)</translation>
    </message>
    <message>
        <source>to be saved</source>
        <translation>à enregistrer</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Titulaire / suppléant</source>
        <translation>Titulaire / suppléant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Date d'adhésion</translation>
    </message>
    <message>
        <source>Mandate ends</source>
        <translation>Fin de mandat</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>Statut depuis le</translation>
    </message>
    <message>
        <source>Designation</source>
        <translation>Mode de désignation</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>&amp;New member…</source>
        <translation>&amp;Nouveau membre…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>Co&amp;lonnes</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Affichés : %1 sur %2</translation>
    </message>
</context>
<context>
    <name>MembershipPage</name>
    <message>
        <source>type a few letters, then pick it in the list</source>
        <translation>tapez quelques lettres, puis choisissez-la dans la liste</translation>
    </message>
    <message>
        <source>e.g. landlord's list, electoral roll, volunteers' list</source>
        <translation>ex. liste du bailleur, liste électorale, liste de volontaires</translation>
    </message>
    <message>
        <source>To make a suppléant titulaire, use “Become titulaire” on the Status page: the change is kept with its date.</source>
        <translation>Pour faire passer un suppléant titulaire, utilisez « Passer titulaire » dans la page Statut : le changement est gardé avec sa date.</translation>
    </message>
    <message>
        <source>This member is under 16: note the date of the parental authorisation.</source>
        <translation>Ce membre a moins de 16 ans : notez la date de l'autorisation parentale.</translation>
    </message>
    <message>
        <source>College:</source>
        <translation>Collège :</translation>
    </message>
    <message>
        <source>Structure represented:</source>
        <translation>Structure représentée :</translation>
    </message>
    <message>
        <source>Designation:</source>
        <translation>Mode de désignation :</translation>
    </message>
    <message>
        <source>Source of the designation:</source>
        <translation>Source de la désignation :</translation>
    </message>
    <message>
        <source>Seat:</source>
        <translation>Siège :</translation>
    </message>
    <message>
        <source>Joined on:</source>
        <translation>Date d'entrée :</translation>
    </message>
    <message>
        <source>End of mandate:</source>
        <translation>Fin du mandat :</translation>
    </message>
    <message>
        <source>for members under 16 (association rule)</source>
        <translation>pour les membres de moins de 16 ans (règle associative)</translation>
    </message>
    <message>
        <source>Parental authorisation on:</source>
        <translation>Autorisation parentale du :</translation>
    </message>
    <message>
        <source>Change it here only to correct a mistake. A suppléant who becomes titulaire: use “Become titulaire” on the Status page, which keeps the date.</source>
        <translation>Ne le changez ici que pour corriger une erreur de saisie. Pour un suppléant qui devient titulaire, utilisez « Passer titulaire » dans la page Statut, qui garde la date.</translation>
    </message>
    <message>
        <source>“%1” is not in the list of structures: pick an existing one (or add it first in the Contacts tab).</source>
        <translation>« %1 » n'est pas dans la liste des structures : choisissez-en une existante (ou ajoutez-la d'abord dans l'onglet Contacts).</translation>
    </message>
</context>
<context>
    <name>NotedTime</name>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Time noted:</source>
        <translation>Heure notée :</translation>
    </message>
</context>
<context>
    <name>OpenActionsWindow</name>
    <message>
        <source>Open actions</source>
        <translation>Actions en cours</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Date de la réunion</translation>
    </message>
    <message>
        <source>Mark as &amp;done today</source>
        <translation>Marquer comme &amp;faite aujourd'hui</translation>
    </message>
    <message>
        <source>Open the &amp;meeting</source>
        <translation>Ouvrir la &amp;réunion</translation>
    </message>
    <message>
        <source>Und&amp;o (reopen the action)</source>
        <translation>Annu&amp;ler (rouvrir l'action)</translation>
    </message>
    <message>
        <source>Open actions: %1, of which %2 overdue.</source>
        <translation>Actions en cours : %1, dont %2 en retard.</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Database already open</source>
        <translation>Base déjà ouverte</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Base endommagée</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d'ouvrir la base</translation>
    </message>
    <message>
        <source>The database is open, but its automatic backup failed: %1

Your work is saved in the database as usual; free some space so that the next backups can be taken.</source>
        <translation>La base est ouverte, mais sa sauvegarde automatique a échoué : %1

Votre travail est enregistré dans la base comme d'habitude ; libérez de la place pour que les prochaines sauvegardes puissent se faire.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sauvegarde impossible</translation>
    </message>
    <message>
        <source>%1

Restore this backup into a new file, “%2”, and open it? The damaged file will be left as it is.</source>
        <translation>%1

Restaurer cette sauvegarde dans un nouveau fichier, « %2 », et l'ouvrir ? Le fichier endommagé restera tel quel.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
</context>
<context>
    <name>OptionalYearSpinBox</name>
    <message>
        <source>not set</source>
        <translation>non renseignée</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Nobody yet. “Add a person…” saves the organisation, then opens the form of a contact who has a role in it.</source>
        <translation>Personne pour l'instant. « Ajouter une personne… » enregistre la structure, puis ouvre la fiche d'un contact qui y a un rôle.</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>&amp;Ajouter une personne…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Nouvelle structure</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Structure : %1</translation>
    </message>
    <message>
        <source>Remove the role of %1 in this organisation?

Their other roles, and their record if they are a member, are kept.</source>
        <translation>Retirer le rôle de %1 dans cette structure ?

Ses autres rôles, et sa fiche si cette personne est membre, sont gardés.</translation>
    </message>
    <message>
        <source>Remove a person</source>
        <translation>Retirer une personne</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>building, floor…</source>
        <translation>bâtiment, étage…</translation>
    </message>
    <message>
        <source>In the neighbourhood</source>
        <translation>Dans le quartier</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Name (required):</source>
        <translation>Nom (obligatoire) :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>SIRET:</source>
        <translation>SIRET :</translation>
    </message>
    <message>
        <source>RNA:</source>
        <translation>RNA :</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Address (continued):</source>
        <translation>Complément d'adresse :</translation>
    </message>
    <message>
        <source>Postcode and city:</source>
        <translation>Code postal et ville :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>Site web :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
</context>
<context>
    <name>PageActions</name>
    <message>
        <source>Agenda item not added</source>
        <translation>Point non ajouté</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Point de l'ordre du jour</translation>
    </message>
    <message>
        <source>Delete an agenda item</source>
        <translation>Supprimer un point de l'ordre du jour</translation>
    </message>
    <message>
        <source>Delete the item “%1”?</source>
        <translation>Supprimer le point « %1 » ?</translation>
    </message>
    <message>
        <source>%1

Delete it all the same?</source>
        <translation>%1

Le supprimer quand même ?</translation>
    </message>
    <message>
        <source>Agenda order not saved</source>
        <translation>Ordre du jour non enregistré</translation>
    </message>
    <message>
        <source>Summary not saved</source>
        <translation>Compte rendu non enregistré</translation>
    </message>
    <message>
        <source>Decision not saved</source>
        <translation>Décision non enregistrée</translation>
    </message>
    <message>
        <source>Delete a decision</source>
        <translation>Supprimer une décision</translation>
    </message>
    <message>
        <source>Delete this decision?</source>
        <translation>Supprimer cette décision ?</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Invitations</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulée)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>convened on %1</source>
        <translation>convoquée le %1</translation>
    </message>
    <message>
        <source>Facilitation: %1</source>
        <translation>Animation : %1</translation>
    </message>
    <message>
        <source>Secretary: %1</source>
        <translation>Secrétariat : %1</translation>
    </message>
    <message>
        <source>Invited %1 · present %2 · represented %3 · excused %4 · absent %5 · not recorded %6</source>
        <translation>Invités %1 · présents %2 · représentés %3 · excusés %4 · absents %5 · non renseignés %6</translation>
    </message>
    <message>
        <source>guests %1</source>
        <translation>invités extérieurs %1</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <source>type a few letters of the name, then Enter</source>
        <translation>tapez quelques lettres du nom, puis Entrée</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>type a few letters of the name, then Enter</source>
        <translation>tapez quelques lettres du nom, puis Entrée</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Aj&amp;outer</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Reti&amp;rer</translation>
    </message>
    <message>
        <source>Members and contacts involved in the project:</source>
        <translation>Membres et contacts impliqués dans le projet :</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Already a member of the council?</source>
        <translation>Déjà membre du conseil ?</translation>
    </message>
    <message>
        <source>&amp;Link an existing member…</source>
        <translation>&amp;Lier un membre existant…</translation>
    </message>
    <message>
        <source>Do &amp;not link</source>
        <translation>&amp;Ne pas lier</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Last name (required):</source>
        <translation>Nom (obligatoire) :</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Prénom :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <source>Type a few letters of their name…</source>
        <translation>Tapez quelques lettres de son nom…</translation>
    </message>
    <message>
        <source>Roles in organisations</source>
        <translation>Rôles dans des structures</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Contact : %1</translation>
    </message>
    <message>
        <source>Also a member of the council: the same record is used in the Members tab.</source>
        <translation>Également membre du conseil : la même fiche est utilisée dans l'onglet Membres.</translation>
    </message>
    <message>
        <source>Member to link:</source>
        <translation>Membre à lier :</translation>
    </message>
    <message>
        <source>The roles below will be added to the record of the member %1: no second record is created for the same person.</source>
        <translation>Les rôles ci-dessous seront ajoutés à la fiche du membre %1 : aucune seconde fiche n'est créée pour la même personne.</translation>
    </message>
    <message>
        <source>%1 is already a member of the council.

Add these roles to the member's record rather than creating a second record for the same person?

Answer No only if this contact is someone else with the same name.</source>
        <translation>%1 est déjà membre du conseil.

Ajouter ces rôles à la fiche de ce membre plutôt que de créer une seconde fiche pour la même personne ?

Répondez Non seulement s'il s'agit d'une autre personne portant le même nom.</translation>
    </message>
    <message>
        <source>Already a member</source>
        <translation>Déjà membre</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>to create</source>
        <translation>à créer</translation>
    </message>
    <message>
        <source>to update</source>
        <translation>à mettre à jour</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangés</translation>
    </message>
    <message>
        <source>in error</source>
        <translation>en erreur</translation>
    </message>
    <message>
        <source>Rows in error, and values left out</source>
        <translation>Lignes en erreur et valeurs écartées</translation>
    </message>
    <message>
        <source>Rows to create</source>
        <translation>Lignes à créer</translation>
    </message>
    <message>
        <source>Rows to update</source>
        <translation>Lignes à mettre à jour</translation>
    </message>
    <message>
        <source>Unchanged rows</source>
        <translation>Lignes inchangées</translation>
    </message>
    <message>
        <source>Every row</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Dry run of “%1”, sheet “%2”: nothing has been written yet.</source>
        <translation>Simulation de l'import de « %1 », feuille « %2 » : rien n'a encore été enregistré.</translation>
    </message>
    <message>
        <source>Columns not imported: %1.</source>
        <translation>Colonnes non importées : %1.</translation>
    </message>
    <message>
        <source>No row can be imported: correct the file, then try again.</source>
        <translation>Aucune ligne ne peut être importée : corrigez le fichier puis recommencez.</translation>
    </message>
    <message>
        <source>Rows in error will be skipped; the others will be imported.</source>
        <translation>Les lignes en erreur seront ignorées ; les autres seront importées.</translation>
    </message>
    <message>
        <source>value left out</source>
        <translation>valeur écartée</translation>
    </message>
    <message>
        <source>new member: %1</source>
        <translation>nouveau membre : %1</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Gathering the data…</source>
        <translation>Rassemblement des données…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Écriture du PDF…</translation>
    </message>
    <message>
        <source>Personal data sheet</source>
        <translation>Fiche de données personnelles</translation>
    </message>
    <message>
        <source>Personal data - %1.pdf</source>
        <translation>Données personnelles - %1.pdf</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Personal data sheet written: %1</source>
        <translation>Fiche de données personnelles enregistrée : %1</translation>
    </message>
    <message>
        <source>Anonymise</source>
        <translation>Anonymiser</translation>
    </message>
    <message>
        <source>This person has already been anonymised.</source>
        <translation>Cette personne a déjà été anonymisée.</translation>
    </message>
    <message>
        <source>%1 is still an active member: record their departure first (resignation, move or exclusion), then anonymise their data.</source>
        <translation>%1 est encore membre actif : enregistrez d'abord son départ (démission, déménagement ou exclusion), puis anonymisez ses données.</translation>
    </message>
    <message>
        <source>Anonymise %1 (n° %2)?

Their name, contact details, birth date, address, roles and consents are erased for good; only anonymous attendance figures are kept. This cannot be undone.</source>
        <translation>Anonymiser %1 (n° %2) ?

Son nom, ses coordonnées, sa date de naissance, son adresse, ses fonctions et ses consentements sont effacés définitivement ; seules des statistiques de présence anonymes sont gardées. Cette opération est irréversible.</translation>
    </message>
    <message>
        <source>%1 has been anonymised.</source>
        <translation>%1 a été anonymisé(e).</translation>
    </message>
    <message>
        <source>Purge former members</source>
        <translation>Purger les anciens membres</translation>
    </message>
    <message>
        <source>No former member left more than %1 months ago: nobody to anonymise.</source>
        <translation>Aucun ancien membre parti depuis plus de %1 mois : personne à anonymiser.</translation>
    </message>
    <message numerus="yes">
        <source>Anonymise %Ln former member(s) for good? This cannot be undone.</source>
        <translation><numerusform>Anonymiser définitivement %Ln ancien membre ? Cette opération est irréversible.</numerusform><numerusform>Anonymiser définitivement %Ln anciens membres ? Cette opération est irréversible.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln former member(s) anonymised.</source>
        <translation><numerusform>%Ln ancien membre anonymisé.</numerusform><numerusform>%Ln anciens membres anonymisés.</numerusform></translation>
    </message>
    <message>
        <source>Anonymising…</source>
        <translation>Anonymisation…</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Personal data notice, printed on forms and sheets:</source>
        <translation>Mention sur les données personnelles, imprimée sur les formulaires et les feuilles :</translation>
    </message>
    <message>
        <source>Offer to anonymise departed members after:</source>
        <translation>Proposer d'anonymiser les anciens membres après :</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Automatic backups kept:</source>
        <translation>Sauvegardes automatiques conservées :</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Change the &amp;status…</source>
        <translation>Changer le s&amp;tatut…</translation>
    </message>
    <message>
        <source>&amp;Link to a meeting…</source>
        <translation>&amp;Lier à une réunion…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete a project</source>
        <translation>Supprimer un projet</translation>
    </message>
    <message>
        <source>Delete the project “%1”? Its funders, its status history and its links to meetings are deleted with it. This cannot be undone.</source>
        <translation>Supprimer le projet « %1 » ? Ses financements, l'historique de ses statuts et ses liens avec les réunions seront supprimés avec lui. Cette suppression est définitive.</translation>
    </message>
    <message>
        <source>Change the status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <source>Link to a meeting</source>
        <translation>Lier à une réunion</translation>
    </message>
    <message>
        <source>Remove the link</source>
        <translation>Retirer le lien</translation>
    </message>
</context>
<context>
    <name>ProjectDetailPanel</name>
    <message>
        <source>SIRET %1</source>
        <translation>SIRET %1</translation>
    </message>
    <message>
        <source>RNA %1</source>
        <translation>RNA %1</translation>
    </message>
    <message>
        <source>Select a project to see it in full here.</source>
        <translation>Sélectionnez un projet pour en voir ici la fiche complète.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Change the &amp;status…</source>
        <translation>Changer le &amp;statut…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Link to a meeting…</source>
        <translation>&amp;Lier à une réunion…</translation>
    </message>
    <message>
        <source>Remove the lin&amp;k</source>
        <translation>Retirer le lie&amp;n</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>Porteur :</translation>
    </message>
    <message>
        <source>Neighbourhood:</source>
        <translation>Quartier :</translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation>Thèmes :</translation>
    </message>
    <message>
        <source>Submission deadline:</source>
        <translation>Date limite de dépôt :</translation>
    </message>
    <message>
        <source>Carried out:</source>
        <translation>Réalisation :</translation>
    </message>
    <message>
        <source>Financial report due:</source>
        <translation>Compte rendu financier :</translation>
    </message>
    <message>
        <source>Next deadline:</source>
        <translation>Prochaine échéance :</translation>
    </message>
    <message>
        <source>People involved:</source>
        <translation>Personnes impliquées :</translation>
    </message>
    <message>
        <source>Funders</source>
        <translation>Financements</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des statuts</translation>
    </message>
    <message>
        <source>Meetings and decisions</source>
        <translation>Réunions et décisions</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>%1 (computed)</source>
        <translation>%1 (calculé)</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Funders</source>
        <translation>&amp;Financements</translation>
    </message>
    <message>
        <source>Dates and &amp;outcome</source>
        <translation>Dates et &amp;bilan</translation>
    </message>
    <message>
        <source>&amp;People involved</source>
        <translation>&amp;Personnes impliquées</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>Status at creation:</source>
        <translation>Statut à la création :</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projet : %1</translation>
    </message>
    <message>
        <source>Project not saved</source>
        <translation>Projet non enregistré</translation>
    </message>
    <message>
        <source>Project saved, with remarks</source>
        <translation>Projet enregistré, avec des remarques</translation>
    </message>
</context>
<context>
    <name>ProjectExports</name>
    <message>
        <source>Project portfolio (&amp;Excel)…</source>
        <translation>Portefeuille des projets (&amp;Excel)…</translation>
    </message>
    <message>
        <source>Project portfolio (&amp;PDF)…</source>
        <translation>Portefeuille des projets (&amp;PDF)…</translation>
    </message>
    <message>
        <source>Project portfolio %1 (&amp;Excel)…</source>
        <translation>Portefeuille des projets %1 (&amp;Excel)…</translation>
    </message>
    <message>
        <source>Project portfolio %1 (&amp;PDF)…</source>
        <translation>Portefeuille des projets %1 (&amp;PDF)…</translation>
    </message>
    <message>
        <source>projects-%1</source>
        <translation>projets-%1</translation>
    </message>
    <message>
        <source>project-portfolio</source>
        <translation>portefeuille-projets</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the project portfolio</source>
        <translation>Exporter le portefeuille des projets</translation>
    </message>
    <message>
        <source>Exporting the project portfolio…</source>
        <translation>Export du portefeuille des projets…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>%1 written (%2).</source>
        <translation>Fichier écrit : %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation><numerusform>%n projet</numerusform><numerusform>%n projets</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Funding line</source>
        <translation>Ligne de financement</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Prochaine échéance</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation><numerusform>%n projet</numerusform><numerusform>%n projets</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) shown</source>
        <translation><numerusform>%n projet affiché</numerusform><numerusform>%n projets affichés</numerusform></translation>
    </message>
    <message>
        <source>Requested: %1 — Granted: %2</source>
        <translation>Demandé : %1 — Accordé : %2</translation>
    </message>
</context>
<context>
    <name>ProxyPicker</name>
    <message>
        <source>Type part of the proxy holder's name</source>
        <translation>Tapez une partie du nom du porteur du pouvoir</translation>
    </message>
    <message>
        <source>Give the proxy</source>
        <translation>Donner le pouvoir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter: choose · Escape: cancel</source>
        <translation>Entrée : choisir · Échap : annuler</translation>
    </message>
    <message>
        <source>Proxy of %1 (no. %2) given to:</source>
        <translation>Pouvoir de %1 (n° %2) donné à :</translation>
    </message>
    <message>
        <source>, already carries 1 proxy</source>
        <translation>, porte déjà 1 pouvoir</translation>
    </message>
    <message>
        <source>, already carries %1 proxies</source>
        <translation>, porte déjà %1 pouvoirs</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Purge former members</source>
        <translation>Purger les anciens membres</translation>
    </message>
    <message numerus="yes">
        <source>%Ln former member(s) left more than %1 months ago (the delay set in the council settings). Anonymising them erases their identity for good and keeps only anonymous attendance figures.</source>
        <translation><numerusform>%Ln ancien membre parti depuis plus de %1 mois (le délai fixé dans les réglages du conseil). L'anonymiser efface définitivement son identité et ne garde que des statistiques de présence anonymes.</numerusform><numerusform>%Ln anciens membres partis depuis plus de %1 mois (le délai fixé dans les réglages du conseil). Les anonymiser efface définitivement leur identité et ne garde que des statistiques de présence anonymes.</numerusform></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Anonymise them (%1)…</source>
        <translation>Les anonymiser (%1)…</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>Impression &amp;planifiée :</translation>
    </message>
    <message>
        <source>&amp;Billing information:</source>
        <translation>Informations de &amp;facturation :</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>P&amp;riorité de la tâche :</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>Pre&amp;mières :</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>Fi&amp;nales :</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Ordre des pages :</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Pages par feui&amp;lle :</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>Pages à &amp;imprimer :</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>On opening</source>
        <translation>À l'ouverture</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>À la fermeture</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
    <message>
        <source>Before an update of the application</source>
        <translation>Avant une mise à jour de l'application</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The database as it is now will be backed up first, so this can be undone.</source>
        <translation>Choisissez la sauvegarde à restaurer. La base telle qu'elle est maintenant sera d'abord sauvegardée : vous pourrez revenir en arrière.</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>This database has no backup yet.</source>
        <translation>Cette base n'a encore aucune sauvegarde.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Undo this import…</source>
        <translation>Annuler cet import…</translation>
    </message>
</context>
<context>
    <name>RolesEditor</name>
    <message>
        <source>Organisation</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Téléphone pro.</translation>
    </message>
    <message>
        <source>Work e-mail</source>
        <translation>Courriel pro.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>&amp;Add a role</source>
        <translation>A&amp;jouter un rôle</translation>
    </message>
    <message>
        <source>president, director…</source>
        <translation>président, directrice…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Role %1: no organisation is called “%2”. Pick one from the suggestions, or create it first with “New organisation”.</source>
        <translation>Rôle %1 : aucune structure ne s'appelle « %2 ». Choisissez-en une parmi les suggestions, ou créez-la d'abord avec « Nouvelle structure ».</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Council settings</source>
        <translation>Paramètres du conseil</translation>
    </message>
    <message>
        <source>The council</source>
        <translation>Le conseil</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composition</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet to import:</source>
        <translation>Feuille à importer :</translation>
    </message>
    <message>
        <source>“%1” (%2) has several sheets. Which one lists the members?</source>
        <translation>« %1 » (%2) contient plusieurs feuilles. Laquelle liste les membres ?</translation>
    </message>
</context>
<context>
    <name>SigninOptionsDialog</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>Feuille d'émargement</translation>
    </message>
    <message>
        <source>&amp;Landscape page</source>
        <translation>Page à l'&amp;italienne (paysage)</translation>
    </message>
    <message>
        <source>&amp;Group the rows by college</source>
        <translation>&amp;Regrouper les lignes par collège</translation>
    </message>
    <message>
        <source>&amp;Arrival time column</source>
        <translation>Colonne de l'heure d'&amp;arrivée</translation>
    </message>
    <message>
        <source>&amp;Blank rows for walk-ins:</source>
        <translation>&amp;Lignes vierges pour les personnes non inscrites :</translation>
    </message>
</context>
<context>
    <name>SmokeTest</name>
    <message numerus="yes">
        <source>%1: %Ln row(s) read in %2 s</source>
        <translation>
            <numerusform>%1 : %Ln ligne lue en %2 s</numerusform>
            <numerusform>%1 : %Ln lignes lues en %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Smoke test failed: unexpected error. Details are in the log file: %1</source>
        <translation>Échec du test de démarrage : erreur inattendue. Le détail est dans le journal : %1</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Member %1 of %2…</source>
        <translation>Membre %1 sur %2…</translation>
    </message>
    <message>
        <source>Sheet %1 of %2…</source>
        <translation>Feuille %1 sur %2…</translation>
    </message>
    <message>
        <source>Page %1 of %2…</source>
        <translation>Page %1 sur %2…</translation>
    </message>
    <message>
        <source>Compressing the file…</source>
        <translation>Compression du fichier…</translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation>Lecture de la base…</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change the status of “%1”</source>
        <translation>Changer le statut de « %1 »</translation>
    </message>
    <message>
        <source>e.g. file sent to the prefecture</source>
        <translation>ex. : dossier envoyé à la préfecture</translation>
    </message>
    <message>
        <source>Current status:</source>
        <translation>Statut actuel :</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>Nouveau statut :</translation>
    </message>
    <message>
        <source>Usual next steps: %1.</source>
        <translation>Étapes suivantes habituelles : %1.</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Depuis le :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Historique :</translation>
    </message>
    <message>
        <source>Give the date of the new status (dd/mm/yyyy).</source>
        <translation>Indiquez la date du nouveau statut (jj/mm/aaaa).</translation>
    </message>
</context>
<context>
    <name>SummaryEdit</name>
    <message>
        <source>What was said: the main points of the debate…</source>
        <translation>Ce qui a été dit : les points principaux des échanges…</translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
</context>
<context>
    <name>YearDialog</name>
    <message>
        <source>Attendance workbook</source>
        <translation>Cahier des présences</translation>
    </message>
    <message>
        <source>The workbook holds a summary, the members × meetings matrix and one sheet per meeting held. Cancelled meetings and meetings still to come are left out.</source>
        <translation>Le classeur contient une synthèse, la matrice membres × réunions et une feuille par réunion tenue. Les réunions annulées ou à venir n'y figurent pas.</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>&amp;Meetings of:</source>
        <translation>&amp;Réunions de :</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
</context>
</TS>
