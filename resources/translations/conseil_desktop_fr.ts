<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CompositionPage</name>
    <message>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Minimum share of residents:</source>
        <translation>Part minimale d&apos;habitants&#xa0;:</translation>
    </message>
    <message>
        <source>Women/men parity tolerance:</source>
        <translation>Tolérance sur la parité femmes-hommes&#xa0;:</translation>
    </message>
    <message>
        <source>Recommended minimum of members:</source>
        <translation>Nombre minimal de membres conseillé&#xa0;:</translation>
    </message>
    <message>
        <source>Recommended maximum of members:</source>
        <translation>Nombre maximal de membres conseillé&#xa0;:</translation>
    </message>
    <message>
        <source>Length of a mandate:</source>
        <translation>Durée d&apos;un mandat&#xa0;:</translation>
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
        <translation>Conseil Desktop a rencontré une erreur inattendue. Le détail a été enregistré dans le journal&#xa0;:</translation>
    </message>
    <message>
        <source>%1

What was already saved is safe. If the problem comes back, send this file to the person who looks after the application.</source>
        <translation>%1

Ce qui était déjà enregistré n&apos;est pas perdu. Si le problème revient, envoyez ce fichier à la personne qui s&apos;occupe de l&apos;application.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot read the backup “%1”: %2.</source>
        <translation>Impossible de lire la sauvegarde «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
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
        <translation>Erreur inattendue (%1). Le détail est dans le journal&#xa0;: %2</translation>
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
        <translation>Le fichier «&#xa0;%1&#xa0;» existe déjà&#xa0;: une nouvelle base ne le remplace jamais. Voulez-vous plutôt l&apos;ouvrir&#xa0;?</translation>
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
        <source>A copy of the database was saved as “%1”.</source>
        <translation>Une copie de la base a été enregistrée&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>The current database will first be backed up, then replaced by the backup taken on %1. Continue?</source>
        <translation>La base actuelle sera d&apos;abord sauvegardée, puis remplacée par la sauvegarde du %1. Continuer&#xa0;?</translation>
    </message>
    <message>
        <source>The backup taken on %1 was restored.</source>
        <translation>La sauvegarde du %1 a été restaurée.</translation>
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
        <translation>Nom du conseil (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>Priority neighbourhood(s):</source>
        <translation>Quartier(s) prioritaire(s)&#xa0;:</translation>
    </message>
    <message>
        <source>Contrat de ville:</source>
        <translation>Contrat de ville&#xa0;:</translation>
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
        <translation>Forme juridique&#xa0;:</translation>
    </message>
    <message>
        <source>Host structure:</source>
        <translation>Structure porteuse&#xa0;:</translation>
    </message>
    <message>
        <source>Prefectoral decree:</source>
        <translation>Arrêté préfectoral&#xa0;:</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>du</translation>
    </message>
    <message>
        <source>Version of the rules:</source>
        <translation>Version du règlement intérieur&#xa0;:</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Adresse postale&#xa0;:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo&#xa0;:</translation>
    </message>
    <message>
        <source>The date of the prefectoral decree is not a valid date (dd/mm/yyyy).</source>
        <translation>La date de l&apos;arrêté préfectoral n&apos;est pas une date valide (jj/mm/aaaa).</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln fiche</numerusform>
            <numerusform>%Ln fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln record(s)</source>
        <translation>
            <numerusform>%1 sur %Ln fiche</numerusform>
            <numerusform>%1 sur %Ln fiches</numerusform>
        </translation>
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
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une image lisible.</translation>
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
Gestion hors ligne d&apos;un conseil citoyen.

Base ouverte&#xa0;: %2
Dossier des données (sauvegardes, préférences)&#xa0;: %3
Journal&#xa0;: %4</translation>
    </message>
    <message>
        <source>About Conseil Desktop</source>
        <translation>À propos de Conseil Desktop</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base&#xa0;: %1</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Fermeture</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Notice before a meeting:</source>
        <translation>Délai de convocation&#xa0;:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Proxies one member may hold:</source>
        <translation>Pouvoirs par membre au plus&#xa0;:</translation>
    </message>
    <message>
        <source>Quorum:</source>
        <translation>Quorum&#xa0;:</translation>
    </message>
    <message>
        <source>of the active full members</source>
        <translation>des titulaires actifs</translation>
    </message>
    <message>
        <source>Fraction:</source>
        <translation>Fraction&#xa0;:</translation>
    </message>
    <message>
        <source>Fixed number of members:</source>
        <translation>Nombre fixe de membres&#xa0;:</translation>
    </message>
    <message>
        <source>Flag unexcused absences in a row from:</source>
        <translation>Signaler les absences non excusées à partir de&#xa0;:</translation>
    </message>
    <message>
        <source> absences</source>
        <translation> absences de suite</translation>
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
        <translation>Impossible d&apos;ouvrir la base</translation>
    </message>
    <message>
        <source>%1

Restore this backup into a new file, “%2”, and open it? The damaged file will be left as it is.</source>
        <translation>%1

Restaurer cette sauvegarde dans un nouveau fichier, «&#xa0;%2&#xa0;», et l&apos;ouvrir&#xa0;? Le fichier endommagé restera tel quel.</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
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
    <name>PrivacyPage</name>
    <message>
        <source>Personal data notice, printed on forms and sheets:</source>
        <translation>Mention sur les données personnelles, imprimée sur les formulaires et les feuilles&#xa0;:</translation>
    </message>
    <message>
        <source>Offer to anonymise departed members after:</source>
        <translation>Proposer d&apos;anonymiser les anciens membres après&#xa0;:</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Automatic backups kept:</source>
        <translation>Sauvegardes automatiques conservées&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>%1 KB</source>
        <translation>%1&#xa0;Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1&#xa0;Mo</translation>
    </message>
    <message>
        <source>On opening</source>
        <translation>À l&apos;ouverture</translation>
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
        <translation>Avant une mise à jour de l&apos;application</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Choose the backup to restore. The database as it is now will be backed up first, so this can be undone.</source>
        <translation>Choisissez la sauvegarde à restaurer. La base telle qu&apos;elle est maintenant sera d&apos;abord sauvegardée&#xa0;: vous pourrez revenir en arrière.</translation>
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
        <translation>Cette base n&apos;a encore aucune sauvegarde.</translation>
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
    <name>SmokeTest</name>
    <message numerus="yes">
        <source>%1: %Ln row(s) read in %2 s</source>
        <translation>
            <numerusform>%1&#xa0;: %Ln ligne lue en %2 s</numerusform>
            <numerusform>%1&#xa0;: %Ln lignes lues en %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Smoke test failed: unexpected error. Details are in the log file: %1</source>
        <translation>Échec du test de démarrage&#xa0;: erreur inattendue. Le détail est dans le journal&#xa0;: %1</translation>
    </message>
</context>
</TS>
