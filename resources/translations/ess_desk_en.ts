<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>Accessibility</name>
    <message>
        <source>Tab passe au champ suivant ; Ctrl+Tab insère une tabulation.</source>
        <translation>Tab moves to the next field; Ctrl+Tab inserts a tab.</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <source>Autres actions</source>
        <translation>More actions</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Nouvelle action</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>Modifier l&apos;action</source>
        <translation>Edit action</translation>
    </message>
    <message>
        <source>Nouvelle action — suite à la décision {ref}</source>
        <translation>New action — following decision {ref}</translation>
    </message>
    <message>
        <source>Ce qu&apos;il faut faire, en une ligne</source>
        <translation>What needs doing, in one line</translation>
    </message>
    <message>
        <source>Tapez un nom pour chercher…</source>
        <translation>Type a name to search…</translation>
    </message>
    <message>
        <source>Tapez le nom d&apos;une structure…</source>
        <translation>Type an organisation&apos;s name…</translation>
    </message>
    <message>
        <source>Sans échéance</source>
        <translation>No due date</translation>
    </message>
    <message>
        <source>A&amp;vancement</source>
        <translation>Pro&amp;gress</translation>
    </message>
    <message>
        <source>Facultatif : noté dans l&apos;historique si l&apos;état change</source>
        <translation>Optional: noted in the history if the status changes</translation>
    </message>
    <message>
        <source>— sans thème —</source>
        <translation>— no theme —</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Porteur (personne)</source>
        <translation>Owner (person)</translation>
    </message>
    <message>
        <source>Porteur (structure)</source>
        <translation>Owner (organisation)</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Priorité</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Séance</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Point de l&apos;ordre du jour</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>— aucune —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>— aucun —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>{ref} — {text}</source>
        <translation>{ref} — {text}</translation>
    </message>
    <message>
        <source>Personne inconnue : choisissez-la</source>
        <translation>Unknown person: choose one from the list</translation>
    </message>
    <message>
        <source>Structure inconnue</source>
        <translation>Unknown organisation</translation>
    </message>
</context>
<context>
    <name>ActionFilterBar</name>
    <message numerus="yes">
        <source> jours</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionOutputs</name>
    <message numerus="yes">
        <source>%n actions exportées dans {path}</source>
        <translation>
            <numerusform>%n action exported to {path}</numerusform>
            <numerusform>%n actions exported to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionUpdateDialog</name>
    <message>
        <source>Nouveau point de suivi</source>
        <translation>New progress update</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br/&gt;n°{id}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br/&gt;no. {id}</translation>
    </message>
    <message>
        <source>Où en est l&apos;action ? Ce qui a été fait, ce qui bloque…</source>
        <translation>Where does the action stand? What has been done, what is holding it up…</translation>
    </message>
    <message>
        <source>— hors séance —</source>
        <translation>— outside a meeting —</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Revue en séance</source>
        <translation>&amp;Reviewed at meeting</translation>
    </message>
    <message>
        <source>&amp;Statut</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Avancement</source>
        <translation>Pro&amp;gress</translation>
    </message>
    <message>
        <source>&amp;Commentaire</source>
        <translation>&amp;Comment</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Porteur</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>sans échéance</source>
        <translation>no due date</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priorité</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>sans thème</source>
        <translation>no theme</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>aucune (action ouverte hors séance)</source>
        <translation>none (action opened outside a meeting)</translation>
    </message>
    <message>
        <source>Créée le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <source>Close le</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <source>n°{n}</source>
        <translation>no. {n}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln actions affichées</source>
        <translation>
            <numerusform>%Ln action shown</numerusform>
            <numerusform>%Ln actions shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Ouvertes</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Porteur…</source>
        <translation>Owner…</translation>
    </message>
    <message>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Échéance sous</source>
        <translation>Due within</translation>
    </message>
    <message>
        <source>Échéance sous combien de jours</source>
        <translation>Due within how many days</translation>
    </message>
    <message>
        <source>Rechercher dans les actions</source>
        <translation>Search the actions</translation>
    </message>
    <message>
        <source>Rechercher (intitulé, porteur, thème…)</source>
        <translation>Search (title, owner, theme…)</translation>
    </message>
    <message>
        <source>Regrouper par porteur</source>
        <translation>Group by owner</translation>
    </message>
    <message>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Nouvelle action</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Nouvelle mise à jour</source>
        <translation>New progress update</translation>
    </message>
    <message>
        <source>Thèmes…</source>
        <translation>Themes…</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Rappels aux porteurs…</source>
        <translation>Reminders to owners…</translation>
    </message>
    <message>
        <source>Envoyer les rappels…</source>
        <translation>Send the reminders…</translation>
    </message>
    <message>
        <source>Un courriel à chaque porteur d&apos;actions ouvertes, par la boîte d&apos;envoi</source>
        <translation>An e-mail to each owner of open actions, through the outbox</translation>
    </message>
    <message>
        <source>Les actions affichées, vers Excel (.xlsx), CSV ou le tableau de suivi PDF</source>
        <translation>The actions shown, to Excel (.xlsx), CSV or the PDF action tracker</translation>
    </message>
    <message>
        <source>Pour chaque porteur : sa liste d&apos;actions ouvertes en PDF et un brouillon de courriel</source>
        <translation>For each owner: their list of open actions as a PDF and a draft email</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Action sélectionnée</source>
        <translation>Selected action</translation>
    </message>
    <message>
        <source>Répartition des actions affichées</source>
        <translation>Breakdown of the actions shown</translation>
    </message>
    <message>
        <source>Toutes les instances</source>
        <translation>All bodies</translation>
    </message>
    <message>
        <source>Tous les thèmes</source>
        <translation>All themes</translation>
    </message>
    <message>
        <source>Aucune action ne correspond à ces critères.</source>
        <translation>No actions match these criteria.</translation>
    </message>
    <message>
        <source>{count} en retard</source>
        <translation>{count} overdue</translation>
    </message>
    <message>
        <source>Choisissez une action pour voir son détail et son historique.</source>
        <translation>Choose an action to see its details and history.</translation>
    </message>
    <message>
        <source>Exporter les actions</source>
        <translation>Export actions</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV pour Excel (*.csv);;Tableau de suivi PDF (*.pdf)</source>
        <translation>Excel (*.xlsx);;CSV for Excel (*.csv);;PDF action tracker (*.pdf)</translation>
    </message>
    <message>
        <source>Export des actions…</source>
        <translation>Exporting actions…</translation>
    </message>
    <message>
        <source>Dossier où écrire les rappels</source>
        <translation>Folder to write the reminders to</translation>
    </message>
    <message>
        <source>Rappels aux porteurs</source>
        <translation>Reminders to owners</translation>
    </message>
    <message>
        <source>Dossier : {path}</source>
        <translation>Folder: {path}</translation>
    </message>
</context>
<context>
    <name>ActionsReviewTab</name>
    <message>
        <source>Suivi des actions — {meeting}</source>
        <translation>Action follow-up — {meeting}</translation>
    </message>
    <message>
        <source>Les actions ouvertes de l&apos;instance, les plus en retard d&apos;abord. ↑ ↓ pour choisir, Tab pour aller au statut, à l&apos;avancement et au commentaire ; Entrée enregistre et passe à la suivante ; Ctrl+Espace : sans changement.</source>
        <translation>The body&apos;s open actions, most overdue first. ↑ ↓ to choose, Tab to move to the status, progress and comment; Enter saves and moves on to the next one; Ctrl+Space: no change.</translation>
    </message>
    <message>
        <source>Ce qui a été dit en séance (facultatif)</source>
        <translation>What was said at the meeting (optional)</translation>
    </message>
    <message>
        <source>Enregistrer (Entrée)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <source>&amp;Sans changement (Ctrl+Espace)</source>
        <translation>&amp;No change (Ctrl+Space)</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Actions à passer en revue</source>
        <translation>Actions to review</translation>
    </message>
    <message>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Nouvelle action depuis un point…</source>
        <translation>New action from an item…</translation>
    </message>
    <message>
        <source>{done} / {total} revues</source>
        <translation>{done} / {total} reviewed</translation>
    </message>
    <message>
        <source>Aucune action ouverte pour cette instance à la date de la séance.</source>
        <translation>No open actions for this body on the date of the meeting.</translation>
    </message>
    <message>
        <source>Action {n} sur {total}</source>
        <translation>Action {n} of {total}</translation>
    </message>
    <message numerus="yes">
        <source> — en retard de %n jours</source>
        <translation>
            <numerusform> — %n day overdue</numerusform>
            <numerusform> — %n days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>n°{n}</source>
        <translation>no. {n}</translation>
    </message>
    <message>
        <source>Dernier point : {text}</source>
        <translation>Last update: {text}</translation>
    </message>
    <message>
        <source>Pas encore de point de suivi.</source>
        <translation>No progress update yet.</translation>
    </message>
    <message>
        <source>Toutes les actions ont été revues à cette séance.</source>
        <translation>All actions have been reviewed at this meeting.</translation>
    </message>
    <message>
        <source>Nouvelle action</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>L&apos;ordre du jour de cette séance n&apos;a pas encore de point.</source>
        <translation>This meeting&apos;s agenda has no items yet.</translation>
    </message>
    <message>
        <source>Nouvelle action depuis un point</source>
        <translation>New action from an item</translation>
    </message>
    <message>
        <source>Point de l&apos;ordre du jour du {day} :</source>
        <translation>Agenda item of {day}:</translation>
    </message>
</context>
<context>
    <name>ActionsTableModel</name>
    <message numerus="yes">
        <source>%Ln actions</source>
        <translation>
            <numerusform>%Ln action</numerusform>
            <numerusform>%Ln actions</numerusform>
        </translation>
    </message>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Porteur</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Priorité</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Dernier point</source>
        <translation>Last update</translation>
    </message>
    <message numerus="yes">
        <source>En retard de %n jours</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>{day} (retard : {days} j)</source>
        <translation>{day} ({days} d overdue)</translation>
    </message>
</context>
<context>
    <name>ActivityReportDialog</name>
    <message>
        <source>Rapport d&apos;activité</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <source>Année &amp;civile</source>
        <translation>&amp;Calendar year</translation>
    </message>
    <message>
        <source>&amp;Période du</source>
        <translation>&amp;Period from</translation>
    </message>
    <message>
        <source>Année du rapport</source>
        <translation>Year of the report</translation>
    </message>
    <message>
        <source>Premier jour de la période</source>
        <translation>First day of the period</translation>
    </message>
    <message>
        <source>Dernier jour de la période</source>
        <translation>Last day of the period</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>Créer le rapport…</source>
        <translation>Create the report…</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Période couverte</source>
        <translation>Period covered</translation>
    </message>
    <message>
        <source>Le rapport est public : les personnes qui n&apos;ont pas consenti à la publication de leur nom y sont désignées par leur qualité.</source>
        <translation>The report is public: people who have not consented to the publication of their name are referred to by their role.</translation>
    </message>
    <message>
        <source>Aucune instance : créez d&apos;abord le conseil.</source>
        <translation>No bodies: create the council first.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Rapport d&apos;activité en cours…</source>
        <translation>Creating the activity report…</translation>
    </message>
</context>
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>Modifier le point</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>Nouveau point</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>(personne de la base : aucune)</source>
        <translation>(person on record: none)</translation>
    </message>
    <message>
        <source>Intervenant en clair</source>
        <translation>Presenter as text</translation>
    </message>
    <message>
        <source>ou en clair : « Service développement économique »</source>
        <translation>or as free text: “Economic development department”</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Présenté par</source>
        <translation>Presented by</translation>
    </message>
    <message>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>Ordre du jour</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Glisser-déposer ou Ctrl+Haut / Ctrl+Bas pour changer l&apos;ordre des points.</source>
        <translation>Drag and drop, or use Ctrl+Up / Ctrl+Down, to reorder the items.</translation>
    </message>
    <message>
        <source>Ajouter un point…</source>
        <translation>Add an item…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Ctrl+Haut</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Ctrl+Bas</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Annexes</source>
        <translation>Annexes</translation>
    </message>
    <message>
        <source>Joindre à la séance…</source>
        <translation>Attach to the meeting…</translation>
    </message>
    <message>
        <source>Joindre au point choisi…</source>
        <translation>Attach to the selected item…</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Retirer l&apos;annexe</source>
        <translation>Remove annex</translation>
    </message>
    <message>
        <source>Annexes (PDF)</source>
        <translation>Annexes (PDF)</translation>
    </message>
    <message>
        <source>L&apos;ordre du jour est vide.</source>
        <translation>The agenda is empty.</translation>
    </message>
    <message>
        <source>L&apos;ordre du jour dépasse la fin prévue de {n} min (fin à {end}).</source>
        <translation>The agenda runs {n} min past the planned end (ends at {end}).</translation>
    </message>
    <message>
        <source>Fin de l&apos;ordre du jour à {end} (fin prévue : {planned}).</source>
        <translation>The agenda ends at {end} (planned end: {planned}).</translation>
    </message>
    <message>
        <source>non fixée</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Retirer un point</source>
        <translation>Remove an item</translation>
    </message>
    <message>
        <source>Retirer le point « {title} » de l&apos;ordre du jour ?</source>
        <translation>Remove the item “{title}” from the agenda?</translation>
    </message>
    <message>
        <source>Joindre une annexe</source>
        <translation>Attach an annex</translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf);;Tous (*)</source>
        <translation>PDF documents (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>Annexe envoyée aux membres</source>
        <translation>Annex sent to the members</translation>
    </message>
    <message>
        <source>Annexe publique</source>
        <translation>Public annex</translation>
    </message>
    <message>
        <source>Ouvrir l&apos;annexe</source>
        <translation>Open annex</translation>
    </message>
    <message>
        <source>Retirer une annexe</source>
        <translation>Remove an annex</translation>
    </message>
    <message>
        <source>Retirer l&apos;annexe « {name} » ?</source>
        <translation>Remove the annex “{name}”?</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Horaire</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Présenté par</source>
        <translation>Presented by</translation>
    </message>
    <message>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Annexes</source>
        <translation>Annexes</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
</context>
<context>
    <name>AnnexesTableModel</name>
    <message>
        <source>Annexe</source>
        <translation>Annex</translation>
    </message>
    <message>
        <source>Jointe à</source>
        <translation>Attached to</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Publique</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Aux membres</source>
        <translation>To members</translation>
    </message>
    <message>
        <source>La séance</source>
        <translation>The meeting</translation>
    </message>
    <message>
        <source>Point {n} : {title}</source>
        <translation>Item {n}: {title}</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Cochée, l&apos;annexe va dans le dossier public ; sinon il la cite par son titre.</source>
        <translation>Ticked, the annex goes into the public pack; otherwise the pack names it by its title.</translation>
    </message>
    <message>
        <source>Cochée, l&apos;annexe part avec la convocation (courriel et courrier) ; sinon elle reste un document du secrétariat.</source>
        <translation>Ticked, the annex goes with the notice (e-mail and post); otherwise it stays a document of the secretariat.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Vous pouvez remettre en place cette sauvegarde (le fichier actuel est gardé à part), ouvrir un autre fichier ou créer une nouvelle base.</source>
        <translation>You can put this backup back (the current file is kept aside), open another file or create a new database.</translation>
    </message>
    <message>
        <source>Vous pouvez ouvrir un autre fichier ou créer une nouvelle base.</source>
        <translation>You can open another file or create a new database.</translation>
    </message>
    <message>
        <source>Restaurer cette sauvegarde</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>Ouvrir un autre fichier…</source>
        <translation>Open another file…</translation>
    </message>
    <message>
        <source>Créer une nouvelle base…</source>
        <translation>Create a new database…</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Vous pouvez remettre en place cette sauvegarde (le fichier actuel est gardé à part).</source>
        <translation>You can put this backup back (the current file is kept aside).</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Sauvegarde remise en place</source>
        <translation>Backup put back</translation>
    </message>
    <message>
        <source>La sauvegarde {backup} est remise en place dans {path}. Le fichier inutilisable est gardé à part : {kept}.</source>
        <translation>The backup {backup} is put back in {path}. The unusable file is kept aside: {kept}.</translation>
    </message>
    <message>
        <source>Erreur : {message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <source>Ouvrir une base</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <source>Nouvelle base</source>
        <translation>New database</translation>
    </message>
</context>
<context>
    <name>ApprovalsBox</name>
    <message>
        <source>Procès-verbaux à approuver lors de cette séance</source>
        <translation>Minutes to approve at this meeting</translation>
    </message>
    <message>
        <source>Aucun procès-verbal n&apos;est soumis à l&apos;approbation de cette séance.</source>
        <translation>No minutes are submitted for approval at this meeting.</translation>
    </message>
    <message>
        <source>Procès-verbal de la séance « {title} » — {state}</source>
        <translation>Minutes of the meeting “{title}” — {state}</translation>
    </message>
    <message>
        <source>approuvé le {day}</source>
        <translation>approved on {day}</translation>
    </message>
    <message>
        <source>soumis aux membres le {day}</source>
        <translation>submitted to members on {day}</translation>
    </message>
    <message>
        <source>revenu au brouillon</source>
        <translation>returned to draft</translation>
    </message>
    <message>
        <source>Approuver…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>L&apos;approbation se fait une fois la séance marquée comme tenue.</source>
        <translation>Approval is possible once the meeting is marked as held.</translation>
    </message>
    <message>
        <source>Ce procès-verbal est revenu au brouillon.</source>
        <translation>These minutes have been returned to draft.</translation>
    </message>
    <message>
        <source>Approuver le procès-verbal</source>
        <translation>Approve the minutes</translation>
    </message>
    <message>
        <source>Approuver le procès-verbal de la séance du {day} ? Son texte sera figé et ne pourra plus être corrigé que par un erratum.</source>
        <translation>Approve the minutes of the meeting of {day}? Their text will be frozen and can then only be corrected by an erratum.</translation>
    </message>
    <message>
        <source>Approuver</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>Double-cliquez (ou F2) sur la présence, le pouvoir ou les heures.</source>
        <translation>Double-click (or press F2) on the attendance, proxy or times to change them.</translation>
    </message>
    <message>
        <source>Invités extérieurs</source>
        <translation>External guests</translation>
    </message>
    <message>
        <source>Nom de l&apos;invité(e)</source>
        <translation>Guest&apos;s name</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Structure de l&apos;invité(e)</source>
        <translation>Guest&apos;s organisation</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Invités extérieurs (ne comptent pas)</source>
        <translation>External guests (not counted)</translation>
    </message>
    <message>
        <source>Ouverture de la séance</source>
        <translation>Opening of the meeting</translation>
    </message>
    <message>
        <source>Ouverture enregistrée à {time}.</source>
        <translation>Opening recorded at {time}.</translation>
    </message>
    <message>
        <source>Enregistrer l&apos;ouverture à {time}</source>
        <translation>Record the opening at {time}</translation>
    </message>
    <message>
        <source>Présences</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Choisissez le mandataire de {name} dans la colonne « Pouvoir à / remplacé par ».</source>
        <translation>Choose who holds the proxy of {name} in the column “Proxy to / replaced by”.</translation>
    </message>
    <message>
        <source>Choisissez le/la suppléant(e) qui remplace {name} dans la colonne « Pouvoir à / remplacé par ».</source>
        <translation>Choose the substitute replacing {name} in the column “Proxy to / replaced by”.</translation>
    </message>
    <message>
        <source>Invités</source>
        <translation>Guests</translation>
    </message>
</context>
<context>
    <name>AttendanceTableModel</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Collège</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Qualité</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Présence</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Pouvoir à / remplacé par</source>
        <translation>Proxy to / replaced by</translation>
    </message>
    <message>
        <source>Arrivée</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>Départ</source>
        <translation>Departure</translation>
    </message>
    <message>
        <source>Non renseigné</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Choisir le mandataire…</source>
        <translation>Choose the proxy holder…</translation>
    </message>
    <message>
        <source>Choisir le/la suppléant(e)…</source>
        <translation>Choose the substitute…</translation>
    </message>
    <message>
        <source>Non renseigné : compté(e) absent(e)</source>
        <translation>Not recorded: counted as absent</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Aucune présence attendue sur cette période</source>
        <translation>No attendance expected in this period</translation>
    </message>
    <message>
        <source>ensemble : {rate}</source>
        <translation>overall: {rate}</translation>
    </message>
</context>
<context>
    <name>BodiesPage</name>
    <message>
        <source>Nouvelle instance</source>
        <translation>New body</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Bodies</translation>
    </message>
    <message>
        <source>Ajouter un collège</source>
        <translation>Add a college</translation>
    </message>
    <message>
        <source>Modifier le collège</source>
        <translation>Edit college</translation>
    </message>
    <message numerus="yes">
        <source>Composition : %n mandats en cours</source>
        <translation>
            <numerusform>Membership: %n current mandate</numerusform>
            <numerusform>Membership: %n current mandates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sièges vacants à cette date</source>
        <translation>
            <numerusform>%n vacant seat on this date</numerusform>
            <numerusform>%n vacant seats on this date</numerusform>
        </translation>
    </message>
    <message>
        <source>Collèges</source>
        <translation>Colleges</translation>
    </message>
    <message>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Nouveau mandat</source>
        <translation>New mandate</translation>
    </message>
    <message>
        <source>Modifier le mandat</source>
        <translation>Edit mandate</translation>
    </message>
    <message>
        <source>Terminer le mandat</source>
        <translation>End mandate</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Composition au</source>
        <translation>Membership as at</translation>
    </message>
    <message>
        <source>Aucune instance</source>
        <translation>No bodies</translation>
    </message>
    <message>
        <source>Créez le conseil plénier avec « Nouvelle instance ».</source>
        <translation>Create the plenary council with “New body”.</translation>
    </message>
    <message>
        <source>Cette instance n&apos;a pas de collège.</source>
        <translation>This body has no colleges.</translation>
    </message>
    <message>
        <source>Tous les sièges sont pourvus à cette date</source>
        <translation>All seats are filled on this date</translation>
    </message>
</context>
<context>
    <name>BodiesTree</name>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
</context>
<context>
    <name>BodyDialog</name>
    <message>
        <source>Nouvelle instance</source>
        <translation>New body</translation>
    </message>
    <message>
        <source>Modifier l&apos;instance</source>
        <translation>Edit body</translation>
    </message>
    <message>
        <source>— aucune —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>Quorum : numérateur</source>
        <translation>Quorum: numerator</translation>
    </message>
    <message>
        <source>Quorum : dénominateur</source>
        <translation>Quorum: denominator</translation>
    </message>
    <message>
        <source>des membres votants en exercice</source>
        <translation>of the voting members in office</translation>
    </message>
    <message>
        <source>Les membres représentés (pouvoir) comptent pour le quorum</source>
        <translation>Represented members (by proxy) count towards the quorum</translation>
    </message>
    <message numerus="yes">
        <source> jours francs</source>
        <translation>
            <numerusform> clear day</numerusform>
            <numerusform> clear days</numerusform>
        </translation>
    </message>
    <message>
        <source>— règles propres à l&apos;instance —</source>
        <translation>— the body&apos;s own rules —</translation>
    </message>
    <message>
        <source>Participation à distance (visio ou audio) permise : les membres à distance votent</source>
        <translation>Remote participation (video or audio) allowed: remote members vote</translation>
    </message>
    <message>
        <source>Les membres à distance comptent pour le quorum</source>
        <translation>Remote members count towards the quorum</translation>
    </message>
    <message>
        <source>La séance reconvoquée délibère sans condition de quorum</source>
        <translation>The reconvened meeting deliberates without quorum</translation>
    </message>
    <message>
        <source> jours (0 : pas de délai)</source>
        <translation> days (0: no time limit)</translation>
    </message>
    <message numerus="yes">
        <source> ans</source>
        <translation>
            <numerusform> year</numerusform>
            <numerusform> years</numerusform>
        </translation>
    </message>
    <message>
        <source>Voix prépondérante de la présidence en cas d&apos;égalité</source>
        <translation>Casting vote for the chair in the event of a tie</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Instance parente</source>
        <translation>Parent body</translation>
    </message>
    <message>
        <source>Jeu de règles</source>
        <translation>Rule set</translation>
    </message>
    <message>
        <source>Formule du quorum</source>
        <translation>Quorum formula</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Pouvoirs par mandataire</source>
        <translation>Proxies per holder</translation>
    </message>
    <message>
        <source>Délai de convocation</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <source>Durée du mandat</source>
        <translation>Mandate length</translation>
    </message>
    <message>
        <source>Jours fériés</source>
        <translation>Public holidays</translation>
    </message>
    <message>
        <source>Majorité</source>
        <translation>Majority</translation>
    </message>
    <message>
        <source>Nouvelle convocation après quorum manqué</source>
        <translation>New notice after a failed quorum</translation>
    </message>
    <message>
        <source>PV signé et publié sous</source>
        <translation>Minutes signed and published within</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Règles fixées par les statuts et le règlement intérieur.</source>
        <translation>Rules set by the statutes and internal rules.</translation>
    </message>
    <message>
        <source>Sources : délai de convocation, {notice} ; quorum et nouvelle convocation, {quorum} ; voix prépondérante, {casting} ; procès-verbal, {minutes}. Chaque valeur reste modifiable.</source>
        <translation>Sources: notice, {notice}; quorum and new notice, {quorum}; casting vote, {casting}; minutes, {minutes}. Every value stays editable.</translation>
    </message>
</context>
<context>
    <name>BodyRulesBox</name>
    <message>
        <source>Règles de fonctionnement</source>
        <translation>Rules of procedure</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>À distance</source>
        <translation>Remote</translation>
    </message>
    <message>
        <source>Pouvoirs</source>
        <translation>Proxies</translation>
    </message>
    <message>
        <source>Convocation</source>
        <translation>Notice of meeting</translation>
    </message>
    <message>
        <source>Quorum manqué</source>
        <translation>Quorum not reached</translation>
    </message>
    <message>
        <source>Durée des mandats</source>
        <translation>Mandate length</translation>
    </message>
    <message>
        <source>Jours fériés</source>
        <translation>Public holidays</translation>
    </message>
    <message>
        <source>Majorité</source>
        <translation>Majority</translation>
    </message>
    <message>
        <source>Procès-verbal</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Modifier les règles…</source>
        <translation>Edit the rules…</translation>
    </message>
    <message>
        <source>présents ou représentés</source>
        <translation>present or represented</translation>
    </message>
    <message>
        <source>présents (les pouvoirs ne comptent pas)</source>
        <translation>present (proxies do not count)</translation>
    </message>
    <message>
        <source>plus de {num}/{den} des membres votants en exercice, {represented}</source>
        <translation>more than {num}/{den} of the voting members in office, {represented}</translation>
    </message>
    <message>
        <source>au moins {num}/{den} des membres votants en exercice, {represented}</source>
        <translation>at least {num}/{den} of the voting members in office, {represented}</translation>
    </message>
    <message numerus="yes">
        <source>%n pouvoirs au plus par mandataire</source>
        <translation>
            <numerusform>at most %n proxy per holder</numerusform>
            <numerusform>at most %n proxies per holder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jours francs avant la séance</source>
        <translation>
            <numerusform>%n clear day before the meeting</numerusform>
            <numerusform>%n clear days before the meeting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ans</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source> ; voix prépondérante de la présidence en cas d&apos;égalité</source>
        <translation>; the chair has a casting vote in the event of a tie</translation>
    </message>
    <message>
        <source>non prévue : seuls les présents votent</source>
        <translation>not provided for: only those present vote</translation>
    </message>
    <message>
        <source>les membres à distance votent et comptent pour le quorum</source>
        <translation>remote members vote and count towards the quorum</translation>
    </message>
    <message>
        <source>les membres à distance votent, sans compter pour le quorum</source>
        <translation>remote members vote, without counting towards the quorum</translation>
    </message>
    <message numerus="yes">
        <source>nouvelle convocation %n jours francs avant au moins</source>
        <translation>
            <numerusform>new notice at least %n clear day before</numerusform>
            <numerusform>new notice at least %n clear days before</numerusform>
        </translation>
    </message>
    <message>
        <source>, séance sans condition de quorum</source>
        <translation>, meeting without a quorum requirement</translation>
    </message>
    <message numerus="yes">
        <source>signé et publié sous %n jours</source>
        <translation>
            <numerusform>signed and published within %n day</numerusform>
            <numerusform>signed and published within %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>pas de délai fixé</source>
        <translation>no time limit set</translation>
    </message>
</context>
<context>
    <name>ChairsDialog</name>
    <message>
        <source>Présidence de la séance</source>
        <translation>Chair of the meeting</translation>
    </message>
    <message>
        <source>Sans indication, le procès-verbal nomme le président ou les co-présidents présents à l&apos;ouverture. Indiquez qui a présidé s&apos;il en va autrement, et qui a pris la présidence en cours de séance (heure laissée vide : dès l&apos;ouverture).</source>
        <translation>Unless told otherwise, the minutes name the chair or co-chairs present at the opening. Say who chaired if it was otherwise, and who took the chair during the meeting (time left empty: from the opening).</translation>
    </message>
    <message>
        <source>Présidences enregistrées</source>
        <translation>Chairs recorded</translation>
    </message>
    <message>
        <source>par exemple : départ du président</source>
        <translation>for example: the chair left</translation>
    </message>
    <message>
        <source>Membre</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>À partir de</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Enregistrer la présidence</source>
        <translation>Record the chair</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>dès l&apos;ouverture</source>
        <translation>from the opening</translation>
    </message>
    <message>
        <source>à partir de {time}</source>
        <translation>from {time}</translation>
    </message>
</context>
<context>
    <name>CollegeDialog</name>
    <message>
        <source>Nouveau collège — {body}</source>
        <translation>New college — {body}</translation>
    </message>
    <message>
        <source>Modifier le collège — {body}</source>
        <translation>Edit college — {body}</translation>
    </message>
    <message>
        <source>Nombre de sièges limité à</source>
        <translation>Number of seats limited to</translation>
    </message>
    <message>
        <source>Nombre de sièges</source>
        <translation>Number of seats</translation>
    </message>
    <message>
        <source>Délibérative : ses membres votent</source>
        <translation>Voting: its members vote</translation>
    </message>
    <message>
        <source>Consultative : sans droit de vote</source>
        <translation>Advisory: no voting rights</translation>
    </message>
    <message>
        <source>Nom du collège</source>
        <translation>College name</translation>
    </message>
    <message>
        <source>Sièges</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Voix</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CollegesTableModel</name>
    <message>
        <source>Collège</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Sièges</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Voix</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Occupés</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>Vacants</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>{n} occupé</source>
        <translation>{n} filled</translation>
    </message>
    <message>
        <source>{n} occupés</source>
        <translation>{n} filled</translation>
    </message>
    <message>
        <source>{college} : sans limite de sièges, {filled}</source>
        <translation>{college}: unlimited seats, {filled}</translation>
    </message>
    <message>
        <source>{n} siège</source>
        <translation>{n} seat</translation>
    </message>
    <message>
        <source>{n} sièges</source>
        <translation>{n} seats</translation>
    </message>
    <message>
        <source>{n} vacant</source>
        <translation>{n} vacant</translation>
    </message>
    <message>
        <source>{n} vacants</source>
        <translation>{n} vacant</translation>
    </message>
    <message>
        <source>{college} : {total}, {filled}, {vacant}</source>
        <translation>{college}: {total}, {filled}, {vacant}</translation>
    </message>
    <message>
        <source>sans limite</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Délibérative</source>
        <translation>Voting</translation>
    </message>
    <message>
        <source>Consultative</source>
        <translation>Advisory</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Colonnes</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Toujours affichée</source>
        <translation>Always shown</translation>
    </message>
    <message>
        <source>{title} (masquée faute de place)</source>
        <translation>{title} (hidden for lack of room)</translation>
    </message>
</context>
<context>
    <name>ComplianceTab</name>
    <message>
        <source>Contrôle de régularité</source>
        <translation>Compliance check</translation>
    </message>
    <message>
        <source>Chaque vérification suit le texte cité dans sa source : le jeu de règles de l&apos;instance (décret n° 2006-672 pour une commission consultative, CGCT L. 2121-10 et suivants pour un organe délibérant) ou ses statuts.</source>
        <translation>Each check follows the text named as its source: the body&apos;s rule set (decree no. 2006-672 for a consultative commission, CGCT L. 2121-10 ff. for a deliberative assembly) or its statutes.</translation>
    </message>
    <message>
        <source> ; </source>
        <comment>list separator</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>Vérifications en échec : {n} sur {total} — {titles}.</source>
        <translation>Failing checks: {n} of {total} — {titles}.</translation>
    </message>
    <message>
        <source>Aucune vérification en échec : la séance est régulière à ce jour.</source>
        <translation>No failing check: the meeting is regular to date.</translation>
    </message>
</context>
<context>
    <name>ComplianceTableModel</name>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>✓ Conforme</source>
        <translation>✓ Passes</translation>
    </message>
    <message>
        <source>✗ En échec</source>
        <translation>✗ Fails</translation>
    </message>
    <message>
        <source>– Sans objet</source>
        <translation>– Not applicable</translation>
    </message>
</context>
<context>
    <name>ConvocationsDialog</name>
    <message>
        <source>Envoyer les convocations</source>
        <translation>Send the notices</translation>
    </message>
    <message>
        <source>Destinataires de la convocation</source>
        <translation>Recipients of the notice</translation>
    </message>
    <message>
        <source>Courriel trop lourd : que faire des annexes ?</source>
        <translation>E-mail too large: what to do with the annexes?</translation>
    </message>
    <message>
        <source>Les joindre en un seul PDF</source>
        <translation>Attach them as one PDF</translation>
    </message>
    <message>
        <source>Laisser les plus grosses de côté ; la lettre dit où les trouver :</source>
        <translation>Leave the largest out; the letter says where to find them:</translation>
    </message>
    <message>
        <source>Tout joindre quand même</source>
        <translation>Attach everything anyway</translation>
    </message>
    <message>
        <source>Où trouver les annexes laissées de côté</source>
        <translation>Where to find the annexes left out</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>&amp;Lettres postées le</source>
        <translation>&amp;Letters posted on</translation>
    </message>
    <message>
        <source>Envoyer l&apos;annulation</source>
        <translation>Send the cancellation</translation>
    </message>
    <message>
        <source>Envoyer</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Écrire les fichiers seulement</source>
        <translation>Write the files only</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Preuve d&apos;envoi (PDF)</source>
        <translation>Proof of sending (PDF)</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&lt;b&gt;{body} — {title}&lt;/b&gt;&lt;br/&gt;Lettres datées du {day} ; date limite d&apos;envoi : {deadline}.&lt;br/&gt;Par courriel : {email} ; par courrier : {post} (dont {refused} refus d&apos;être contacté par courriel).</source>
        <translation>&lt;b&gt;{body} — {title}&lt;/b&gt;&lt;br/&gt;Letters dated {day}; sending deadline: {deadline}.&lt;br/&gt;By e-mail: {email}; by post: {post} (of whom {refused} refused e-mail contact).</translation>
    </message>
    <message>
        <source>Chaque courriel : {size} Mo (limite : {limit} Mo).</source>
        <translation>Each e-mail: {size} MB (limit: {limit} MB).</translation>
    </message>
    <message>
        <source>Lettres sans adresse postale : {names}.</source>
        <translation>Letters without a postal address: {names}.</translation>
    </message>
    <message>
        <source>Convocations hors délai</source>
        <translation>Notices after the deadline</translation>
    </message>
    <message>
        <source>Produire les convocations quand même ?</source>
        <translation>Produce the notices anyway?</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Configurez d&apos;abord l&apos;envoi des courriels : Fichier › Envoi des courriels…</source>
        <translation>First set up e-mail sending: File › E-mail sending…</translation>
    </message>
    <message>
        <source>Lettres enregistrées comme postées : {n}.</source>
        <translation>Letters recorded as posted: {n}.</translation>
    </message>
    <message>
        <source>Preuve d&apos;envoi écrite : {path}</source>
        <translation>Proof of sending written: {path}</translation>
    </message>
</context>
<context>
    <name>CouncilFiles</name>
    <message>
        <source>Ouvrir une base</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <source>Nouvelle base</source>
        <translation>New database</translation>
    </message>
    <message>
        <source>Le fichier {path} existe déjà. Choisissez un autre nom, ou ouvrez-le avec Fichier › Ouvrir…</source>
        <translation>The file {path} already exists. Choose another name, or open it with File › Open…</translation>
    </message>
    <message>
        <source>Sauvegarde faite : {path}</source>
        <translation>Backup made: {path}</translation>
    </message>
    <message>
        <source>Sauvegarder maintenant</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Sauvegarde en cours…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Ouvrir une démonstration</source>
        <translation>Open a demonstration</translation>
    </message>
    <message>
        <source>demonstration-conseil-ess.sqlite</source>
        <translation>demonstration-ess-council.sqlite</translation>
    </message>
    <message>
        <source>Le fichier {path} existe déjà : choisissez un autre nom pour la démonstration.</source>
        <translation>The file {path} already exists: choose another name for the demonstration.</translation>
    </message>
    <message>
        <source>Création du conseil de démonstration…</source>
        <translation>Creating the demonstration council…</translation>
    </message>
    <message>
        <source>Sauvegarder une copie</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>Copie enregistrée : {path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
    <message>
        <source>Copie de la base en cours…</source>
        <translation>Copying the database…</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Remplacer tout le contenu de la base par la sauvegarde du {date} ? Le contenu actuel sera d&apos;abord gardé dans une copie.</source>
        <translation>Replace the entire contents of the database with the backup of {date}? The current contents will first be kept in a copy.</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>La base a été restaurée. L&apos;ancienne version est gardée dans {path}.</source>
        <translation>The database has been restored. The previous version is kept in {path}.</translation>
    </message>
    <message>
        <source>Restauration en cours…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>CountsTableModel</name>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>dont en retard</source>
        <translation>of which overdue</translation>
    </message>
    <message>
        <source>Par statut</source>
        <translation>By status</translation>
    </message>
    <message>
        <source>Par thème</source>
        <translation>By theme</translation>
    </message>
    <message>
        <source>Répartition</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <source>Nombre</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>aujourd&apos;hui</source>
        <translation>today</translation>
    </message>
    <message>
        <source>demain</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>dans {n} j</source>
        <translation>in {n} d</translation>
    </message>
    <message>
        <source>hier</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <source>il y a {n} j</source>
        <translation>{n} d ago</translation>
    </message>
    <message>
        <source>il y a {n} mois</source>
        <translation>{n} months ago</translation>
    </message>
    <message>
        <source>il y a {n} ans</source>
        <translation>{n} years ago</translation>
    </message>
    <message>
        <source>Convocation envoyée le {date}</source>
        <translation>Notice sent on {date}</translation>
    </message>
    <message>
        <source>Convocation envoyée en retard, le {date}</source>
        <translation>Notice sent late, on {date}</translation>
    </message>
    <message>
        <source>Convocation en retard (limite : {date})</source>
        <translation>Notice late (deadline: {date})</translation>
    </message>
    <message>
        <source>Convocation non envoyée</source>
        <translation>Notice not sent</translation>
    </message>
    <message>
        <source>À convoquer au plus tard le {date}</source>
        <translation>Notice to send by {date}</translation>
    </message>
    <message>
        <source>Date limite de convocation : {date}</source>
        <translation>Notice deadline: {date}</translation>
    </message>
    <message>
        <source>Soumis, à approuver à la séance du {date}</source>
        <translation>Submitted, for approval at the meeting of {date}</translation>
    </message>
    <message>
        <source>Soumis, à approuver (aucune séance prévue)</source>
        <translation>Submitted, for approval (no meeting planned)</translation>
    </message>
    <message>
        <source>À rédiger, puis soumettre</source>
        <translation>To draft, then submit</translation>
    </message>
    <message>
        <source>Brouillon à soumettre</source>
        <translation>Draft to submit</translation>
    </message>
    <message>
        <source>Soumis le {date}</source>
        <translation>Submitted on {date}</translation>
    </message>
    <message>
        <source>en retard de {n} j</source>
        <translation>{n} d late</translation>
    </message>
    <message>
        <source>{n} j de retard</source>
        <translation>{n} d overdue</translation>
    </message>
    <message>
        <source>Action n°{id} — {status}, {progress} %</source>
        <translation>Action no. {id} — {status}, {progress}%</translation>
    </message>
    <message>
        <source>Aucune sauvegarde automatique de cette base</source>
        <translation>No automatic backup of this database</translation>
    </message>
    <message>
        <source>à l&apos;instant</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>il y a {n} min</source>
        <translation>{n} min ago</translation>
    </message>
    <message>
        <source>il y a {n} h</source>
        <translation>{n} h ago</translation>
    </message>
    <message>
        <source>Dernière sauvegarde : {when} ({age})</source>
        <translation>Last backup: {when} ({age})</translation>
    </message>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Sauvegarder maintenant</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Une copie de la base, tout de suite, dans le dossier des sauvegardes (Ctrl+S)</source>
        <translation>A copy of the database, right now, in the backups folder (Ctrl+S)</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Relire la base (F5)</source>
        <translation>Reload the database (F5)</translation>
    </message>
    <message>
        <source>Prochaines séances</source>
        <translation>Upcoming meetings</translation>
    </message>
    <message>
        <source>Aucune séance prévue d&apos;ici {days} jours</source>
        <translation>No meetings scheduled in the next {days} days</translation>
    </message>
    <message>
        <source>Actions en retard</source>
        <translation>Overdue actions</translation>
    </message>
    <message>
        <source>Aucune action en retard</source>
        <translation>No overdue actions</translation>
    </message>
    <message>
        <source>Procès-verbaux en attente</source>
        <translation>Minutes pending</translation>
    </message>
    <message>
        <source>Tous les procès-verbaux sont approuvés</source>
        <translation>All minutes are approved</translation>
    </message>
    <message>
        <source>Échéances proches</source>
        <translation>Upcoming due dates</translation>
    </message>
    <message>
        <source>Aucune échéance dans les {days} prochains jours</source>
        <translation>No due dates in the next {days} days</translation>
    </message>
    <message>
        <source>Mandats qui se terminent</source>
        <translation>Mandates ending</translation>
    </message>
    <message>
        <source>Aucun mandat ne se termine d&apos;ici {days} jours</source>
        <translation>No mandates ending in the next {days} days</translation>
    </message>
    <message>
        <source>Sièges vacants</source>
        <translation>Vacant seats</translation>
    </message>
    <message>
        <source>Tous les sièges sont pourvus</source>
        <translation>All seats are filled</translation>
    </message>
    <message>
        <source>Séances à vérifier (contrôle de régularité)</source>
        <translation>Meetings to check (compliance check)</translation>
    </message>
    <message>
        <source>Aucune vérification en échec sur les séances récentes</source>
        <translation>No failing check on recent meetings</translation>
    </message>
    <message>
        <source>Signatures et publications</source>
        <translation>Signatures and publications</translation>
    </message>
    <message>
        <source>Listes des délibérations et procès-verbaux à jour</source>
        <translation>Lists of decisions and minutes up to date</translation>
    </message>
    <message>
        <source>Contrôle de régularité en cours…</source>
        <translation>Compliance check in progress…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bienvenue dans ESS Desk.&lt;/b&gt; Ce fichier est vide ; pour commencer :&lt;ol style=&apos;margin-left: 12px&apos;&gt;&lt;li&gt;Fichier › En-tête du conseil… : le nom, l&apos;adresse et le logo du conseil ;&lt;/li&gt;&lt;li&gt;Instances › Nouvelle instance : le conseil plénier, ses collèges et ses règles (quorum, pouvoirs, délai de convocation) ;&lt;/li&gt;&lt;li&gt;Fichier › Importer des membres… : la liste des membres depuis Excel ou CSV, avec un aperçu avant tout enregistrement.&lt;/li&gt;&lt;/ol&gt;Pour découvrir le logiciel sans toucher à ce fichier, ouvrez un conseil de démonstration, fictif, dans un fichier à part.</source>
        <translation>&lt;b&gt;Welcome to ESS Desk.&lt;/b&gt; This file is empty; to begin:&lt;ol style=&apos;margin-left: 12px&apos;&gt;&lt;li&gt;File › Council letterhead…: the council&apos;s name, address and logo;&lt;/li&gt;&lt;li&gt;Bodies › New body: the plenary council, its colleges and its rules (quorum, proxies, notice period);&lt;/li&gt;&lt;li&gt;File › Import members…: the list of members from Excel or CSV, with a preview before anything is saved.&lt;/li&gt;&lt;/ol&gt;To discover the program without touching this file, open a fictitious demonstration council in a separate file.</translation>
    </message>
    <message>
        <source>En-tête du conseil…</source>
        <translation>Council letterhead…</translation>
    </message>
    <message>
        <source>Nouvelle instance…</source>
        <translation>New body…</translation>
    </message>
    <message>
        <source>Importer des membres…</source>
        <translation>Import members…</translation>
    </message>
    <message>
        <source>Ouvrir une démonstration…</source>
        <translation>Open a demonstration…</translation>
    </message>
    <message>
        <source>Vue d&apos;ensemble</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>D&apos;ici {days} jours, avec la date limite de convocation (jours francs)</source>
        <translation>In the next {days} days, with the deadline for the notice of meeting (clear days)</translation>
    </message>
    <message numerus="yes">
        <source>%n convocations en retard</source>
        <translation>
            <numerusform>%n notice of meeting overdue</numerusform>
            <numerusform>%n notices of meeting overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>{seats} à pourvoir dans {colleges}</source>
        <translation>{seats} to fill in {colleges}</translation>
    </message>
    <message numerus="yes">
        <source>%n sièges</source>
        <translation>
            <numerusform>%n seat</numerusform>
            <numerusform>%n seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n collèges</source>
        <translation>
            <numerusform>%n college</numerusform>
            <numerusform>%n colleges</numerusform>
        </translation>
    </message>
    <message>
        <source>Convocation, quorum, déports, pouvoirs, voix prépondérante, procès-verbal, décisions : le détail est dans l&apos;onglet « Régularité » de la séance</source>
        <translation>Notice, quorum, withdrawals, proxies, casting vote, minutes, decisions: the details are in the meeting&apos;s “Compliance” tab</translation>
    </message>
    <message numerus="yes">
        <source>… et %Ln autres</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message>
        <source>Liste des délibérations après chaque séance, procès-verbal signé et publié après son approbation, dans le délai de chaque instance</source>
        <translation>List of decisions after each meeting, minutes signed and published after their approval, within each body&apos;s delay</translation>
    </message>
    <message>
        <source>{submit} à rédiger ou soumettre · {approve} à approuver</source>
        <translation>{submit} to draft or submit · {approve} to approve</translation>
    </message>
    <message>
        <source>Actions ouvertes dont l&apos;échéance est passée, les plus récentes d&apos;abord</source>
        <translation>Open actions past their due date, most recent first</translation>
    </message>
    <message>
        <source>Les voir toutes</source>
        <translation>See them all</translation>
    </message>
    <message>
        <source>Actions ouvertes à échéance d&apos;ici {days} jours</source>
        <translation>Open actions due in the next {days} days</translation>
    </message>
    <message>
        <source>D&apos;ici {days} jours, sans renouvellement enregistré</source>
        <translation>In the next {days} days, with no renewal recorded</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Calendrier</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Ce champ est à remplir.</source>
        <translation>This field must be filled in.</translation>
    </message>
    <message>
        <source>jj/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Choisir dans le calendrier</source>
        <translation>Choose in the calendar</translation>
    </message>
    <message>
        <source>Choisir dans le calendrier (Alt+Bas ou F4)</source>
        <translation>Choose in the calendar (Alt+Down or F4)</translation>
    </message>
    <message>
        <source>jj/mm/aaaa hh:mm</source>
        <translation>dd/mm/yyyy hh:mm</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Nouvelle décision</source>
        <translation>New decision</translation>
    </message>
    <message>
        <source>Décision {reference}</source>
        <translation>Decision {reference}</translation>
    </message>
    <message>
        <source>Point : {title}</source>
        <translation>Item: {title}</translation>
    </message>
    <message>
        <source>Par exemple : Le bureau émet un avis favorable au projet…</source>
        <translation>For example: The bureau gives a favourable opinion on the project…</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Texte adopté</source>
        <translation>Adopted text</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Texte de la décision</source>
        <translation>Text of the decision</translation>
    </message>
    <message>
        <source>Nouveau statut de la décision</source>
        <translation>New status of the decision</translation>
    </message>
    <message>
        <source>Changer le statut</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Suivi :</source>
        <translation>Follow-up:</translation>
    </message>
    <message>
        <source>Nouvelle action…</source>
        <translation>New action…</translation>
    </message>
    <message>
        <source>Une action de suivi de cette décision (son point et sa séance d&apos;origine).</source>
        <translation>An action following up this decision (its item and meeting of origin).</translation>
    </message>
    <message>
        <source>Le texte d&apos;une décision ne se modifie que dans le procès-verbal de sa séance, tant qu&apos;il est en brouillon ; son statut de suivi évolue à tout moment.</source>
        <translation>A decision&apos;s text can only be changed in the minutes of its meeting, while they are still a draft; its follow-up status can change at any time.</translation>
    </message>
    <message>
        <source>Texte adopté</source>
        <translation>Adopted text</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une décision.</source>
        <translation>Choose a decision first.</translation>
    </message>
    <message>
        <source>Aucune décision sélectionnée</source>
        <translation>No decision selected</translation>
    </message>
    <message>
        <source>Choisissez une décision pour lire son texte entier.</source>
        <translation>Choose a decision to read its full text.</translation>
    </message>
    <message>
        <source>{kind} {reference}</source>
        <translation>{kind} {reference}</translation>
    </message>
    <message>
        <source>non commencé</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Séance</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Procès-verbal</source>
        <translation>Minutes</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <source>Rechercher : numéro, mots du texte, point, instance…</source>
        <translation>Search: number, words in the text, item, body…</translation>
    </message>
    <message>
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Type de décision</source>
        <translation>Kind of decision</translation>
    </message>
    <message>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Classeur Excel (.xlsx)…</source>
        <translation>Excel workbook (.xlsx)…</translation>
    </message>
    <message>
        <source>CSV pour Excel (.csv)…</source>
        <translation>CSV for Excel (.csv)…</translation>
    </message>
    <message>
        <source>Registre en PDF…</source>
        <translation>Register as PDF…</translation>
    </message>
    <message>
        <source>Toutes les instances</source>
        <translation>All bodies</translation>
    </message>
    <message>
        <source>Toutes les années</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Aucune décision ne correspond à la recherche.</source>
        <translation>No decisions match the search.</translation>
    </message>
    <message>
        <source>1 décision</source>
        <translation>1 decision</translation>
    </message>
    <message>
        <source>{count} décisions</source>
        <translation>{count} decisions</translation>
    </message>
    <message numerus="yes">
        <source>%n décisions enregistrées dans {path}.</source>
        <translation>
            <numerusform>%n decision saved to {path}.</numerusform>
            <numerusform>%n decisions saved to {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Statut de la décision</source>
        <translation>Decision status</translation>
    </message>
    <message>
        <source>Registre des décisions</source>
        <translation>Register of decisions</translation>
    </message>
    <message>
        <source>Rechercher dans les décisions</source>
        <translation>Search the decisions</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV pour Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Exporter le registre des décisions</source>
        <translation>Export the register of decisions</translation>
    </message>
    <message>
        <source>Export du registre des décisions…</source>
        <translation>Exporting the register of decisions…</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>Ouvrir le fichier</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Exporter le registre</source>
        <translation>Export the register</translation>
    </message>
</context>
<context>
    <name>DecisionsTableModel</name>
    <message>
        <source>Numéro</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Séance</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Résultat du vote</source>
        <translation>Vote result</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>ESS Desk</source>
        <translation>ESS Desk</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EndMandateDialog</name>
    <message>
        <source>Terminer le mandat</source>
        <translation>End mandate</translation>
    </message>
    <message>
        <source>Mandat de {person} ({role}), commencé le {start}.</source>
        <translation>Mandate of {person} ({role}), started on {start}.</translation>
    </message>
    <message>
        <source>Dernier jour du mandat</source>
        <translation>Last day of the mandate</translation>
    </message>
</context>
<context>
    <name>ErratumDialog</name>
    <message>
        <source>Ajouter un erratum</source>
        <translation>Add an erratum</translation>
    </message>
    <message>
        <source>Le procès-verbal approuvé le {day} ne peut plus être réécrit. L&apos;erratum est daté, garde son motif, et sera imprimé à la suite du procès-verbal.</source>
        <translation>The minutes approved on {day} can no longer be rewritten. The erratum is dated, keeps its reason, and will be printed after the minutes.</translation>
    </message>
    <message>
        <source>Par exemple : erreur sur le nom d&apos;un présent</source>
        <translation>For example: wrong name for someone present</translation>
    </message>
    <message>
        <source>Par exemple : Au point 2, lire « Mme Martin » au lieu de « Mme Martine ».</source>
        <translation>For example: In item 2, read “Ms Martin” instead of “Ms Martine”.</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Motif</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>&amp;Correction</source>
        <translation>&amp;Correction</translation>
    </message>
    <message>
        <source>Ajouter l&apos;erratum</source>
        <translation>Add the erratum</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Aucun programme n&apos;a pu ouvrir « {name} ». Le fichier est enregistré dans {folder}.</source>
        <translation>No program could open “{name}”. The file is saved in {folder}.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Les fichiers sont enregistrés dans {folder}.</source>
        <translation>The files are saved in {folder}.</translation>
    </message>
    <message>
        <source>« {name} » est enregistré dans {folder}.</source>
        <translation>“{name}” is saved in {folder}.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Ouvrir le &amp;dossier</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <source>Le fichier {path} n&apos;a pas pu être écrit : {reason}</source>
        <translation>The file {path} could not be written: {reason}</translation>
    </message>
</context>
<context>
    <name>ExportRosterDialog</name>
    <message>
        <source>Exporter la composition d&apos;une instance</source>
        <translation>Export a body&apos;s membership</translation>
    </message>
    <message>
        <source>CSV pour Excel (.csv, point-virgule, UTF-8)</source>
        <translation>CSV for Excel (.csv, semicolon, UTF-8)</translation>
    </message>
    <message>
        <source>Classeur Excel (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>&amp;Composition au</source>
        <translation>&amp;Composition on</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Liste à remettre aux membres : coordonnées des seules personnes qui acceptent d&apos;être contactées</source>
        <translation>List to hand to the members: contact details of only the people who accept to be contacted</translation>
    </message>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>CSV pour Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporter la composition</source>
        <translation>Export the composition</translation>
    </message>
    <message>
        <source>Lignes écrites : {count}.</source>
        <translation>Rows written: {count}.</translation>
    </message>
    <message>
        <source>Export de la composition…</source>
        <translation>Exporting the membership…</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>ESS Desk — erreur inattendue</source>
        <translation>ESS Desk — unexpected error</translation>
    </message>
    <message>
        <source>L&apos;opération « {what} » n&apos;a pas abouti : une erreur inattendue.</source>
        <translation>The operation “{what}” did not complete: an unexpected error.</translation>
    </message>
    <message>
        <source>Une erreur inattendue s&apos;est produite.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>Une écriture en cours est annulée en entier : la base reste telle qu&apos;avant. Vous pouvez continuer à travailler ; si l&apos;erreur revient, copiez les détails et envoyez-les à la personne qui vous aide.</source>
        <translation>A write in progress is undone entirely: the database stays as it was. You can go on working; if the error comes back, copy the details and send them to whoever helps you.</translation>
    </message>
    <message>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Journal : {path}</source>
        <translation>Log: {path}</translation>
    </message>
    <message>
        <source>Journal : aucun (le dossier des journaux est inaccessible)</source>
        <translation>Log: none (the log folder cannot be reached)</translation>
    </message>
    <message>
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copie les détails dans le presse-papiers</source>
        <translation>Copies the details to the clipboard</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Copié</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Rouvrir la base</source>
        <translation>Open the database again</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>Aperçu du fichier</source>
        <translation>Preview of the file</translation>
    </message>
    <message>
        <source>Laisser la ligne de côté</source>
        <translation>Leave the row out</translation>
    </message>
    <message>
        <source>La ligne choisie ne sera pas importée (Suppr) ; un second clic la reprend.</source>
        <translation>The chosen row will not be imported (Del); a second click takes it back.</translation>
    </message>
    <message>
        <source>— ignorer —</source>
        <translation>— ignore —</translation>
    </message>
    <message>
        <source>Champ d&apos;ESS Desk pour la colonne « {header} »</source>
        <translation>ESS Desk field for the column “{header}”</translation>
    </message>
    <message>
        <source>Reprendre la ligne</source>
        <translation>Take the row back</translation>
    </message>
    <message>
        <source>Cellules corrigées ici : {n}</source>
        <translation>Cells corrected here: {n}</translation>
    </message>
    <message>
        <source>Lignes laissées de côté : {lines}</source>
        <translation>Rows left out: {lines}</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Rechercher partout (Ctrl+F)</source>
        <translation>Search everything (Ctrl+F)</translation>
    </message>
    <message>
        <source>Rechercher partout</source>
        <translation>Search everywhere</translation>
    </message>
    <message>
        <source>Personnes, structures, instances, séances, points, procès-verbaux, décisions et actions. Sans accents ni majuscules ; « entre guillemets » pour une expression exacte.</source>
        <translation>People, organisations, bodies, meetings, agenda items, minutes, decisions and actions. Accents and capitals are ignored; “in quotation marks” for an exact phrase.</translation>
    </message>
    <message>
        <source>Cette fiche n&apos;existe plus.</source>
        <translation>This record no longer exists.</translation>
    </message>
</context>
<context>
    <name>GuestsTableModel</name>
    <message>
        <source>Invité(e) extérieur(e)</source>
        <translation>External guest</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Quand</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Changement</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Importer des membres — {name}</source>
        <translation>Import members — {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fichier :&lt;/b&gt; {name} — {rows}, {cols}</source>
        <translation>&lt;b&gt;File:&lt;/b&gt; {name} — {rows}, {cols}</translation>
    </message>
    <message numerus="yes">
        <source>%n lignes de données</source>
        <translation>
            <numerusform>%n data row</numerusform>
            <numerusform>%n data rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colonnes</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message>
        <source>Vérifiez à quel champ correspond chaque colonne du fichier (liste sous chaque titre). Une cellule se corrige ici (double-clic, F2 ou en tapant), une ligne se laisse de côté (Suppr) ; tout est vérifié de nouveau aussitôt. Rien n&apos;est écrit tant que vous n&apos;avez pas cliqué sur « Importer », et le fichier reste tel quel.</source>
        <translation>Check which field each column of the file goes to (list under each title). A cell can be corrected here (double-click, F2 or typing), a row left out (Del); everything is checked again at once. Nothing is written until you click “Import”, and the file stays as it is.</translation>
    </message>
    <message>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>&amp;Instance des lignes sans colonne Instance :</source>
        <translation>&amp;Body of the rows without a Body column:</translation>
    </message>
    <message>
        <source>Problèmes trouvés</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import impossible</source>
        <translation>Import not possible</translation>
    </message>
    <message>
        <source>Le fichier {name} ne peut pas être lu.

{reason}</source>
        <translation>The file {name} cannot be read.

{reason}</translation>
    </message>
    <message>
        <source>Vérification du fichier en cours…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Vérification de {name}…</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <source>Le fichier ne peut pas être vérifié : {reason}</source>
        <translation>The file cannot be checked: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n problèmes à corriger dans le fichier (ou dans la correspondance des colonnes) : rien ne sera importé tant qu&apos;il en reste.</source>
        <translation>
            <numerusform>%n problem to fix in the file (or in the column mapping): nothing will be imported while it remains.</numerusform>
            <numerusform>%n problems to fix in the file (or in the column mapping): nothing will be imported while any remain.</numerusform>
        </translation>
    </message>
    <message>
        <source>Si ces problèmes étaient corrigés : </source>
        <translation>If these problems were fixed: </translation>
    </message>
    <message>
        <source>Aucun problème : le fichier peut être importé. Un point à vérifier ci-dessous (il n&apos;empêche pas l&apos;import).</source>
        <translation>No problems: the file can be imported. One point to check below (it does not prevent the import).</translation>
    </message>
    <message>
        <source>Aucun problème : le fichier peut être importé. {count} points à vérifier ci-dessous (ils n&apos;empêchent pas l&apos;import).</source>
        <translation>No problems: the file can be imported. {count} points to check below (they do not prevent the import).</translation>
    </message>
    <message>
        <source>Aucun problème : le fichier peut être importé.</source>
        <translation>No problems: the file can be imported.</translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Import de {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <source>L&apos;import a échoué, rien n&apos;a été écrit : {reason}</source>
        <translation>The import failed; nothing was written: {reason}</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>Cette séance n&apos;a pas encore d&apos;ordre du jour : le procès-verbal se rédige point par point, ajoutez d&apos;abord les points de l&apos;ordre du jour.</source>
        <translation>This meeting has no agenda yet: the minutes are written item by item, so add the agenda items first.</translation>
    </message>
    <message>
        <source>Gras</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Mettre la sélection en gras (Ctrl+B)</source>
        <translation>Make the selection bold (Ctrl+B)</translation>
    </message>
    <message>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Faire des lignes sélectionnées une liste à puces</source>
        <translation>Turn the selected lines into a bulleted list</translation>
    </message>
    <message>
        <source>Annuler la frappe</source>
        <translation>Undo typing</translation>
    </message>
    <message>
        <source>Annuler (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Rétablir (Ctrl+Y)</source>
        <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
        <source>**gras** · « - » en début de ligne : liste · ligne vide : paragraphe</source>
        <translation>**bold** · “-” at the start of a line: list · blank line: paragraph</translation>
    </message>
    <message>
        <source>Décisions et avis adoptés sur ce point</source>
        <translation>Decisions and opinions adopted on this item</translation>
    </message>
    <message>
        <source>Ajouter…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Nouvelle action…</source>
        <translation>New action…</translation>
    </message>
    <message>
        <source>présenté par {name}</source>
        <translation>presented by {name}</translation>
    </message>
    <message>
        <source>Pas de vote enregistré sur ce point.</source>
        <translation>No vote recorded on this item.</translation>
    </message>
    <message>
        <source>{count} ne prenant pas part au vote</source>
        <translation>{count} not voting</translation>
    </message>
    <message>
        <source>voix prépondérante de la présidence</source>
        <translation>chair&apos;s casting vote</translation>
    </message>
    <message>
        <source>quorum non atteint</source>
        <translation>quorum not reached</translation>
    </message>
    <message>
        <source>saisi dans l&apos;onglet des votes</source>
        <translation>entered in the Votes tab</translation>
    </message>
    <message>
        <source>Base ouverte en lecture seule.</source>
        <translation>Database open read-only.</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord une décision dans la liste.</source>
        <translation>Choose a decision in the list first.</translation>
    </message>
    <message>
        <source>Une action de suivi de la décision choisie.</source>
        <translation>An action following up the chosen decision.</translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>En-tête du conseil</source>
        <translation>Council letterhead</translation>
    </message>
    <message>
        <source>Conseil de l&apos;ESS de …</source>
        <translation>SSE council of …</translation>
    </message>
    <message>
        <source>14 chiffres</source>
        <translation>14 digits</translation>
    </message>
    <message>
        <source>SIRET de la collectivité dont relève le conseil : les données ouvertes des délibérations (SCDL) le demandent.</source>
        <translation>SIRET of the authority the council belongs to: the open data of decisions (SCDL) asks for it.</translation>
    </message>
    <message>
        <source>https://www.exemple.fr/conseil-ess/</source>
        <translation>https://www.example.org/council/</translation>
    </message>
    <message>
        <source>Adresse où le dossier de publication sera mis en ligne : les liens vers chaque délibération (DELIB_URL) en partent.</source>
        <translation>Address where the publication folder will be put online: the links to each decision (DELIB_URL) start from it.</translation>
    </message>
    <message>
        <source>Choisir une image…</source>
        <translation>Choose an image…</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Nom du conseil</source>
        <translation>Council name</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Signataire</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <source>Qualité</source>
        <comment>signatory&apos;s position</comment>
        <translation>Title</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>Adresse de publication</source>
        <translation>Publication address</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Aucun logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Logo du conseil</source>
        <translation>Council logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>MailOffers</name>
    <message>
        <source>Les messages attendent dans la boîte d&apos;envoi.</source>
        <translation>The messages wait in the outbox.</translation>
    </message>
    <message>
        <source>Configurez d&apos;abord l&apos;envoi des courriels : Fichier › Envoi des courriels…</source>
        <translation>First set up e-mail sending: File › E-mail sending…</translation>
    </message>
    <message>
        <source>Envoyer le projet de procès-verbal</source>
        <translation>Send the draft minutes</translation>
    </message>
    <message>
        <source>Envoyer le projet de procès-verbal aux membres par courriel ? Ceux qui n&apos;ont pas d&apos;adresse ou ont refusé d&apos;être contactés sont listés pour un courrier.</source>
        <translation>Send the draft minutes to the members by e-mail? Those without an address or who refused to be contacted are listed for a letter.</translation>
    </message>
    <message>
        <source>Envoyer</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Par courrier : {names}</source>
        <translation>By post: {names}</translation>
    </message>
    <message>
        <source>Envoyer les rappels</source>
        <translation>Send the reminders</translation>
    </message>
    <message>
        <source>Sans adresse électronique : {names}</source>
        <translation>No e-mail address: {names}</translation>
    </message>
    <message>
        <source>Refus d&apos;être contacté par courriel : {names}</source>
        <translation>Refused e-mail contact: {names}</translation>
    </message>
    <message>
        <source>Aucune nouvelle relance à envoyer aujourd&apos;hui.</source>
        <translation>No new reminder to send today.</translation>
    </message>
</context>
<context>
    <name>MailSession</name>
    <message>
        <source>Mot de passe du serveur de courriel</source>
        <translation>Mail server password</translation>
    </message>
    <message>
        <source>Mot de passe de {user} sur {host} (gardé jusqu&apos;à la fermeture de la fenêtre) :</source>
        <translation>Password of {user} on {host} (kept until the window closes):</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <source>Envoi des courriels</source>
        <translation>E-mail sending</translation>
    </message>
    <message>
        <source>STARTTLS (port 587, recommandé)</source>
        <translation>STARTTLS (port 587, recommended)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
    <message>
        <source>Aucun chiffrement (port 25)</source>
        <translation>No encryption (port 25)</translation>
    </message>
    <message>
        <source>Garder le mot de passe dans le trousseau du système</source>
        <translation>Keep the password in the system&apos;s password store</translation>
    </message>
    <message>
        <source>Le mot de passe n&apos;est jamais enregistré dans la base du conseil.</source>
        <translation>The password is never saved in the council&apos;s database.</translation>
    </message>
    <message>
        <source>Aucun trousseau de mots de passe sur ce poste : le mot de passe sera demandé une fois à chaque ouverture d&apos;ESS Desk.</source>
        <translation>No password store on this computer: the password will be asked once each time ESS Desk opens.</translation>
    </message>
    <message>
        <source>(facultatif) certificat d&apos;une autorité interne</source>
        <translation>(optional) certificate of an internal authority</translation>
    </message>
    <message>
        <source>Tester la connexion</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <source>Serveur</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Sécurité</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Identifiant</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Adresse d&apos;expédition</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <source>Nom de l&apos;expéditeur</source>
        <translation>Sender name</translation>
    </message>
    <message>
        <source>Réponses à</source>
        <translation>Replies to</translation>
    </message>
    <message>
        <source>Taille maximale d&apos;un courriel</source>
        <translation>Largest size of an e-mail</translation>
    </message>
    <message>
        <source>Certificat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Connexion réussie.</source>
        <translation>Connected.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Base ESS Desk (*.sqlite *.sqlite3 *.db);;Tous les fichiers (*)</source>
        <translation>ESS Desk database (*.sqlite *.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Fichiers de membres (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>Member files (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Membres</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Bodies</translation>
    </message>
    <message>
        <source>Séances</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Décisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Nouvelle base…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <source>Ouvrir…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Sauvegarder maintenant</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Sauvegarder une copie…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <source>Importer des membres…</source>
        <translation>Import members…</translation>
    </message>
    <message>
        <source>Exporter la composition…</source>
        <translation>Export membership…</translation>
    </message>
    <message>
        <source>Revue de conservation (RGPD)…</source>
        <translation>Retention review (GDPR)…</translation>
    </message>
    <message>
        <source>Rapport d&apos;activité…</source>
        <translation>Activity report…</translation>
    </message>
    <message>
        <source>Publication…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>En-tête du conseil…</source>
        <translation>Council letterhead…</translation>
    </message>
    <message>
        <source>Envoi des courriels…</source>
        <translation>E-mail sending…</translation>
    </message>
    <message>
        <source>Boîte d&apos;envoi…</source>
        <translation>Outbox…</translation>
    </message>
    <message>
        <source>Préférences…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Nouvelle personne…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Rechercher partout…</source>
        <translation>Search everything…</translation>
    </message>
    <message>
        <source>Filtrer la liste</source>
        <translation>Filter the list</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>À propos d&apos;ESS Desk</source>
        <translation>About ESS Desk</translation>
    </message>
    <message>
        <source>Base : {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Lecture seule — {message}</source>
        <translation>Read-only — {message}</translation>
    </message>
    <message>
        <source>{message} Vous pouvez consulter les données mais pas les modifier.</source>
        <translation>{message} You can view the data but not change it.</translation>
    </message>
    <message>
        <source>Modifications enregistrées au fur et à mesure</source>
        <translation>Changes are saved as you go</translation>
    </message>
    <message>
        <source>Dernière sauvegarde : {date}</source>
        <translation>Last backup: {date}</translation>
    </message>
    <message>
        <source>Aucune sauvegarde automatique</source>
        <translation>No automatic backups</translation>
    </message>
    <message>
        <source>Réactiver</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Importer des membres</source>
        <translation>Import members</translation>
    </message>
    <message>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>La nouvelle langue s&apos;appliquera au prochain démarrage d&apos;ESS Desk.</source>
        <translation>The new language will apply the next time ESS Desk starts.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ESS Desk {version}&lt;/h3&gt;&lt;p&gt;Le secrétariat d&apos;un conseil local de l&apos;économie sociale et solidaire : membres, instances, séances, décisions et suivi des actions, hors ligne, dans un seul fichier.&lt;/p&gt;&lt;p&gt;Base ouverte : {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ESS Desk {version}&lt;/h3&gt;&lt;p&gt;The secretariat of a local social and solidarity economy council: members, bodies, meetings, decisions and action follow-up, offline, in a single file.&lt;/p&gt;&lt;p&gt;Open database: {path}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MandateDialog</name>
    <message>
        <source>Nouveau mandat</source>
        <translation>New mandate</translation>
    </message>
    <message>
        <source>Modifier le mandat</source>
        <translation>Edit mandate</translation>
    </message>
    <message>
        <source>Tapez un nom pour chercher…</source>
        <translation>Type a name to search…</translation>
    </message>
    <message>
        <source>Sans date de fin</source>
        <translation>No end date</translation>
    </message>
    <message>
        <source>&amp;Suppléant(e) de</source>
        <translation>&amp;Substitute for</translation>
    </message>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Collège</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>— sans collège —</source>
        <translation>— no college —</translation>
    </message>
    <message>
        <source>sans limite</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>{n} sièges</source>
        <translation>{n} seats</translation>
    </message>
    <message>
        <source>— personne : suppléant(e) du collège —</source>
        <translation>— nobody: substitute for the whole college —</translation>
    </message>
    <message>
        <source>Mandat n°{id} (du {start})</source>
        <translation>Mandate no. {id} (from {start})</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Modifier la séance</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <source>Nouvelle séance</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>&amp;Type de séance</source>
        <translation>&amp;Type of meeting</translation>
    </message>
    <message>
        <source>Ti&amp;tre</source>
        <translation>Ti&amp;tle</translation>
    </message>
    <message>
        <source>&amp;Début</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;Fin prévue</source>
        <translation>Planned &amp;end</translation>
    </message>
    <message>
        <source>&amp;Lieu</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>Lien de &amp;visioconférence</source>
        <translation>&amp;Video conference link</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Par défaut : « {title} »</source>
        <translation>By default: “{title}”</translation>
    </message>
    <message>
        <source>Hôtel de ville, salle du conseil</source>
        <translation>Town hall, council chamber</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MeetingModels</name>
    <message>
        <source>Suppléant(e) de {name}</source>
        <translation>Substitute for {name}</translation>
    </message>
    <message>
        <source>Suppléant(e) du collège</source>
        <translation>College substitute</translation>
    </message>
    <message>
        <source>Titulaire</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>{n} Ko</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} Mo</source>
        <translation>{n} MB</translation>
    </message>
</context>
<context>
    <name>MeetingSteps</name>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Convoquer</source>
        <translation>Convene</translation>
    </message>
    <message>
        <source>Marquer tenue</source>
        <translation>Mark as held</translation>
    </message>
    <message>
        <source>Clore la séance</source>
        <translation>Close the meeting</translation>
    </message>
    <message>
        <source>Annuler la séance…</source>
        <translation>Cancel the meeting…</translation>
    </message>
    <message>
        <source>Reporter…</source>
        <translation>Postpone…</translation>
    </message>
    <message>
        <source>Reconvoquer…</source>
        <translation>Reconvene…</translation>
    </message>
    <message>
        <source>Quorum non atteint : convoquer à nouveau l&apos;instance sur le même ordre du jour ; elle délibérera sans condition de quorum si son règlement le prévoit.</source>
        <translation>Quorum not reached: call the body again on the same agenda; it will deliberate without quorum if its rules provide for it.</translation>
    </message>
    <message>
        <source>Marque la séance convoquée (l&apos;onglet Convocation enregistre la date d&apos;envoi).</source>
        <translation>Marks the meeting as convened (the Notice of meeting tab records the date sent).</translation>
    </message>
    <message>
        <source>Dossier de séance…</source>
        <translation>Meeting pack…</translation>
    </message>
    <message>
        <source>Un seul PDF : couverture, sommaire, convocation, ordre du jour, PV à approuver, suivi des actions, composition, émargement et annexes.</source>
        <translation>A single PDF: cover, contents, notice of meeting, agenda, minutes to approve, action follow-up, membership, sign-in sheet and annexes.</translation>
    </message>
    <message>
        <source>Base ouverte en lecture seule : {message}</source>
        <translation>Database open read-only: {message}</translation>
    </message>
    <message>
        <source>La séance a eu lieu : le procès-verbal peut être soumis, et les procès-verbaux inscrits à son ordre du jour approuvés.</source>
        <translation>The meeting took place: its minutes can be submitted, and the minutes on its agenda approved.</translation>
    </message>
    <message>
        <source>Une fois la séance close, présences et votes ne changent plus.</source>
        <translation>Once the meeting is closed, attendance and votes no longer change.</translation>
    </message>
    <message>
        <source>La séance reste dans la liste, marquée annulée.</source>
        <translation>The meeting stays in the list, marked cancelled.</translation>
    </message>
    <message>
        <source>Une nouvelle séance est créée avec le même ordre du jour.</source>
        <translation>A new meeting is created with the same agenda.</translation>
    </message>
    <message>
        <source>La séance est close : plus rien ne change.</source>
        <translation>The meeting is closed: nothing changes any more.</translation>
    </message>
    <message>
        <source>La séance est annulée.</source>
        <translation>The meeting is cancelled.</translation>
    </message>
    <message>
        <source>La séance est reportée : voyez la nouvelle séance.</source>
        <translation>The meeting is postponed: see the new meeting.</translation>
    </message>
    <message>
        <source>Marquez d&apos;abord la séance tenue.</source>
        <translation>Mark the meeting held first.</translation>
    </message>
    <message>
        <source>La séance est déjà convoquée.</source>
        <translation>The meeting is already convened.</translation>
    </message>
    <message>
        <source>La séance a déjà eu lieu.</source>
        <translation>The meeting has already taken place.</translation>
    </message>
    <message>
        <source>La séance est déjà marquée tenue.</source>
        <translation>The meeting is already marked held.</translation>
    </message>
    <message>
        <source>La séance a eu lieu : elle ne peut plus être annulée ni reportée.</source>
        <translation>The meeting took place: it can no longer be cancelled or postponed.</translation>
    </message>
    <message>
        <source>Une fois la séance close, présences et votes ne peuvent plus changer.</source>
        <translation>Once the meeting is closed, attendance and votes can no longer change.</translation>
    </message>
    <message>
        <source>Clore</source>
        <translation>Close meeting</translation>
    </message>
    <message>
        <source>Ne pas clore</source>
        <translation>Do not close</translation>
    </message>
    <message>
        <source>Annuler la séance</source>
        <translation>Cancel the meeting</translation>
    </message>
    <message>
        <source>Annuler cette séance ? Elle restera dans la liste, marquée annulée.</source>
        <translation>Cancel this meeting? It will stay in the list, marked as cancelled.</translation>
    </message>
    <message>
        <source>Garder la séance</source>
        <translation>Keep the meeting</translation>
    </message>
    <message>
        <source>Tenue</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Statut de la séance</source>
        <translation>Meeting status</translation>
    </message>
    <message>
        <source>Reporter la séance</source>
        <translation>Postpone the meeting</translation>
    </message>
    <message>
        <source>La séance est reportée ; la nouvelle séance reprend son ordre du jour.</source>
        <translation>The meeting is postponed; the new meeting takes over its agenda.</translation>
    </message>
    <message>
        <source>Dossier de séance</source>
        <translation>Meeting pack</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Préparation du dossier de séance…</source>
        <translation>Preparing the meeting pack…</translation>
    </message>
    <message>
        <source>Annexes non jointes : {names}.</source>
        <translation>Annexes left out: {names}.</translation>
    </message>
    <message>
        <source>{message}{details}

Faire le dossier sans ces annexes ? Sa couverture indiquera lesquelles n&apos;y sont pas.</source>
        <translation>{message}{details}

Make the pack without these annexes? Its cover will state which ones are missing.</translation>
    </message>
    <message>
        <source>Faire le dossier sans elles</source>
        <translation>Make it without them</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>Procès-verbal</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Suivi des actions</source>
        <translation>Action follow-up</translation>
    </message>
    <message>
        <source>{n} présent</source>
        <translation>{n} present</translation>
    </message>
    <message>
        <source>{n} présents</source>
        <translation>{n} present</translation>
    </message>
    <message>
        <source>{n} représenté</source>
        <translation>{n} represented</translation>
    </message>
    <message>
        <source>{n} représentés</source>
        <translation>{n} represented</translation>
    </message>
    <message>
        <source>Quorum atteint</source>
        <translation>Quorum reached</translation>
    </message>
    <message>
        <source>Quorum non atteint</source>
        <translation>Quorum not reached</translation>
    </message>
    <message>
        <source>{head} : {present} + {represented} = {counted} / {required} requis</source>
        <translation>{head}: {present} + {represented} = {counted} / {required} required</translation>
    </message>
    <message>
        <source>{head} : {present} = {counted} / {required} requis (les pouvoirs ne comptent pas)</source>
        <translation>{head}: {present} = {counted} / {required} required (proxies do not count)</translation>
    </message>
    <message>
        <source>← Séances</source>
        <translation>← Meetings</translation>
    </message>
    <message>
        <source>Retour à la liste des séances (Alt+Gauche)</source>
        <translation>Back to the list of meetings (Alt+Left)</translation>
    </message>
    <message>
        <source>Régularité</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <source>{present} + {n} à distance</source>
        <translation>{present} + {n} remote</translation>
    </message>
    <message>
        <source>Séance reconvoquée, sans condition de quorum</source>
        <translation>Reconvened meeting, without quorum</translation>
    </message>
    <message>
        <source>Onglets de la séance</source>
        <translation>Tabs of the meeting</translation>
    </message>
    <message>
        <source>Ordre du jour</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Convocation</source>
        <translation>Notice of meeting</translation>
    </message>
    <message>
        <source>Présences</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Cet onglet n&apos;a pas pu être chargé : {reason}</source>
        <translation>This tab could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>{body} · {kind} · {when}{end}</source>
        <translation>{body} · {kind} · {when}{end}</translation>
    </message>
    <message>
        <source>Lieu : {place}</source>
        <translation>Venue: {place}</translation>
    </message>
    <message>
        <source>Visioconférence : {link}</source>
        <translation>Video conference: {link}</translation>
    </message>
    <message>
        <source>Lieu à préciser</source>
        <translation>Venue to be confirmed</translation>
    </message>
    <message>
        <source>Reportée : &lt;a href=&apos;meeting:{id}&apos;&gt;voir la nouvelle séance&lt;/a&gt;</source>
        <translation>Postponed: &lt;a href=&apos;meeting:{id}&apos;&gt;see the new meeting&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>À venir d&apos;abord</source>
        <translation>Upcoming first</translation>
    </message>
    <message>
        <source>Du plus ancien au plus récent</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <source>Du plus récent au plus ancien</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Ordre</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Nouvelle séance</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>Calendrier annuel…</source>
        <translation>Annual calendar…</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message numerus="yes">
        <source>%Ln séances</source>
        <translation>
            <numerusform>%Ln meeting</numerusform>
            <numerusform>%Ln meetings</numerusform>
        </translation>
    </message>
    <message>
        <source>Séances</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Toutes les instances</source>
        <translation>All bodies</translation>
    </message>
    <message>
        <source>Toutes les années</source>
        <translation>All years</translation>
    </message>
</context>
<context>
    <name>MeetingsTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Convoquer avant le</source>
        <translation>Send notice by</translation>
    </message>
    <message>
        <source>Convocation à envoyer au plus tard le {day}</source>
        <translation>Notice of meeting to be sent by {day} at the latest</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Filtrer les membres</source>
        <translation>Filter the members</translation>
    </message>
    <message>
        <source>Rechercher un nom, une structure, une instance, un courriel…</source>
        <translation>Search for a name, organisation, body, email…</translation>
    </message>
    <message>
        <source>Afficher les personnes archivées</source>
        <translation>Show archived people</translation>
    </message>
    <message>
        <source>Nouvelle personne…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Exporter la fiche (RGPD)…</source>
        <translation>Export the record (GDPR)…</translation>
    </message>
    <message>
        <source>Anonymiser…</source>
        <translation>Anonymise…</translation>
    </message>
    <message>
        <source>Membres</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Surligné : mandat se terminant dans les 90 jours</source>
        <translation>Highlighted: mandate ending within 90 days</translation>
    </message>
    <message>
        <source>Réactiver</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Réactiver la fiche de {name} ?</source>
        <translation>Reactivate {name}&apos;s record?</translation>
    </message>
    <message>
        <source>Archiver la fiche de {name} ? Elle n&apos;apparaîtra plus dans la liste (cochez « Afficher les personnes archivées » pour la retrouver) ; ses mandats et son historique sont conservés.</source>
        <translation>Archive {name}&apos;s record? It will no longer appear in the list (tick “Show archived people” to find it again); their mandates and history are kept.</translation>
    </message>
</context>
<context>
    <name>MembersTableModel</name>
    <message>
        <source>Nom</source>
        <comment>last name</comment>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Bodies</translation>
    </message>
    <message>
        <source>Collèges</source>
        <translation>Colleges</translation>
    </message>
    <message>
        <source>Rôles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Fin de mandat</source>
        <translation>Mandate end</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Fin du premier mandat en cours à se terminer ; surlignée quand elle tombe dans les {days} jours.</source>
        <translation>End of the first current mandate to expire; highlighted when it falls within {days} days.</translation>
    </message>
    <message>
        <source>Personne archivée</source>
        <translation>Archived person</translation>
    </message>
    <message>
        <source>Mandat se terminant aujourd&apos;hui ({date})</source>
        <translation>Mandate ending today ({date})</translation>
    </message>
    <message>
        <source>Mandat se terminant demain ({date})</source>
        <translation>Mandate ending tomorrow ({date})</translation>
    </message>
    <message>
        <source>Mandat se terminant dans {days} jours, le {date}</source>
        <translation>Mandate ending in {days} days, on {date}</translation>
    </message>
</context>
<context>
    <name>MinutesButtons</name>
    <message>
        <source>Soumettre aux membres…</source>
        <translation>Submit to members…</translation>
    </message>
    <message>
        <source>Inscrit l&apos;approbation du procès-verbal à l&apos;ordre du jour de la prochaine séance de l&apos;instance.</source>
        <translation>Puts the approval of the minutes on the agenda of the body&apos;s next meeting.</translation>
    </message>
    <message>
        <source>Revenir au brouillon</source>
        <translation>Return to draft</translation>
    </message>
    <message>
        <source>Ajouter un erratum…</source>
        <translation>Add an erratum…</translation>
    </message>
    <message>
        <source>Présidence…</source>
        <translation>Chair…</translation>
    </message>
    <message>
        <source>Qui a présidé la séance, et qui a pris la présidence en cours de séance</source>
        <translation>Who chaired the meeting, and who took the chair during the meeting</translation>
    </message>
    <message>
        <source>Signatures…</source>
        <translation>Signatures…</translation>
    </message>
    <message>
        <source>Signer électroniquement le procès-verbal approuvé (président puis secrétaire de séance) et vérifier ses signatures</source>
        <translation>Sign the approved minutes electronically (chair then secretary of the meeting) and verify their signatures</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Procès-verbal (PDF)…</source>
        <translation>Minutes (PDF)…</translation>
    </message>
    <message>
        <source>Procès-verbal public (PDF)…</source>
        <translation>Public minutes (PDF)…</translation>
    </message>
    <message>
        <source>Relevé de décisions (PDF)…</source>
        <translation>Decision summary (PDF)…</translation>
    </message>
    <message>
        <source>Relevé de décisions public (PDF)…</source>
        <translation>Public decision summary (PDF)…</translation>
    </message>
    <message>
        <source>Procès-verbal (Word)…</source>
        <translation>Minutes (Word)…</translation>
    </message>
    <message>
        <source>Procès-verbal public (Word)…</source>
        <translation>Public minutes (Word)…</translation>
    </message>
    <message>
        <source>Relevé de décisions (Word)…</source>
        <translation>Decision summary (Word)…</translation>
    </message>
    <message>
        <source>Base ouverte en lecture seule.</source>
        <translation>Database open read-only.</translation>
    </message>
    <message>
        <source>Seul un brouillon se soumet.</source>
        <translation>Only a draft can be submitted.</translation>
    </message>
    <message>
        <source>Avant de soumettre : {list}</source>
        <translation>Before submitting: {list}</translation>
    </message>
    <message>
        <source>(public)</source>
        <translation>(public)</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Document Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Exporter le procès-verbal</source>
        <translation>Export the minutes</translation>
    </message>
</context>
<context>
    <name>MinutesHeader</name>
    <message>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>Secrétaire de séance</source>
        <translation>Meeting secretary</translation>
    </message>
    <message>
        <source>Séance levée à</source>
        <translation>Meeting closed at</translation>
    </message>
    <message>
        <source>L&apos;en-tête et la liste des présents viennent de la séance : ils ne se retapent pas ici.</source>
        <translation>The header and the list of those present come from the meeting: no need to retype them here.</translation>
    </message>
    <message>
        <source>Présidence : {names}</source>
        <translation>Chair: {names}</translation>
    </message>
    <message>
        <source>Lieu : {place}</source>
        <translation>Venue: {place}</translation>
    </message>
    <message>
        <source>Ouverture : {time}</source>
        <translation>Opened: {time}</translation>
    </message>
    <message>
        <source>Membres en exercice : {in_office} · présents : {present} · représentés : {represented}</source>
        <translation>Members in office: {in_office} · present: {present} · represented: {represented}</translation>
    </message>
    <message>
        <source>quorum ({required}) atteint</source>
        <translation>quorum ({required}) reached</translation>
    </message>
    <message>
        <source>quorum ({required}) non atteint</source>
        <translation>quorum ({required}) not reached</translation>
    </message>
</context>
<context>
    <name>MinutesPlaceholder</name>
    <message>
        <source>Commencer le procès-verbal</source>
        <translation>Start the minutes</translation>
    </message>
    <message>
        <source>Cette séance n&apos;a pas eu lieu : elle n&apos;a pas de procès-verbal.</source>
        <translation>This meeting did not take place: it has no minutes.</translation>
    </message>
    <message>
        <source>Le procès-verbal s&apos;ouvre une fois la séance marquée tenue (bouton « Marquer tenue » en haut de la page, à partir de son heure de début).</source>
        <translation>The minutes open once the meeting is marked held (the “Mark held” button at the top of the page, from its start time).</translation>
    </message>
    <message>
        <source>Le procès-verbal de cette séance n&apos;est pas encore commencé. Il se rédige d&apos;ordinaire pendant ou après la séance.</source>
        <translation>The minutes of this meeting have not been started yet. They are usually written during or after the meeting.</translation>
    </message>
</context>
<context>
    <name>MinutesSidePanel</name>
    <message>
        <source>Historique du procès-verbal</source>
        <translation>History of the minutes</translation>
    </message>
    <message>
        <source>Errata</source>
        <translation>Errata</translation>
    </message>
    <message>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Choisissez une ligne pour voir le détail du changement.</source>
        <translation>Choose a row to see the details of the change.</translation>
    </message>
    <message>
        <source>Erratum du {day} — {reason}
{text}</source>
        <translation>Erratum of {day} — {reason}
{text}</translation>
    </message>
    <message>
        <source>Aucun erratum.</source>
        <translation>No errata.</translation>
    </message>
    <message>
        <source>Errata ({count})</source>
        <translation>Errata ({count})</translation>
    </message>
</context>
<context>
    <name>MinutesTab</name>
    <message>
        <source>Revenir au brouillon</source>
        <translation>Return to draft</translation>
    </message>
    <message>
        <source>Procès-verbal</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Points de l&apos;ordre du jour</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <source>Exporter le procès-verbal</source>
        <translation>Export the minutes</translation>
    </message>
    <message>
        <source>Export du procès-verbal…</source>
        <translation>Exporting the minutes…</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>Le procès-verbal a été enregistré dans {path}.</source>
        <translation>The minutes have been saved to {path}.</translation>
    </message>
    <message>
        <source>Ouvrir le fichier</source>
        <translation>Open the file</translation>
    </message>
</context>
<context>
    <name>MinutesTop</name>
    <message>
        <source>Procès-verbal — {title}</source>
        <translation>Minutes — {title}</translation>
    </message>
    <message>
        <source>Procès-verbal approuvé lors de la séance du {day}. Il est figé : une correction s&apos;ajoute comme erratum, daté et motivé, imprimé à la suite du procès-verbal.</source>
        <translation>Minutes approved at the meeting of {day}. They are now frozen: a correction is added as an erratum, dated and with a reason, and printed after the minutes.</translation>
    </message>
    <message>
        <source>Soumis aux membres le {day} ; il sera approuvé lors de la séance du {next}. Pour le modifier encore, revenez au brouillon.</source>
        <translation>Submitted to members on {day}; the minutes will be approved at the meeting of {next}. To change them again, return them to draft.</translation>
    </message>
    <message>
        <source>Base ouverte en lecture seule : {message}</source>
        <translation>Database open read-only: {message}</translation>
    </message>
    <message>
        <source>Modifications en cours…</source>
        <translation>Unsaved changes…</translation>
    </message>
    <message>
        <source>Enregistré à {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Non enregistré : {message}</source>
        <translation>Not saved: {message}</translation>
    </message>
</context>
<context>
    <name>NoticeTab</name>
    <message>
        <source>Enregistrer l&apos;envoi</source>
        <translation>Record the sending</translation>
    </message>
    <message>
        <source>Envoyée le</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Envoi de la convocation</source>
        <translation>Sending the notice of meeting</translation>
    </message>
    <message>
        <source>Feuille d&apos;émargement (PDF)…</source>
        <translation>Sign-in sheet (PDF)…</translation>
    </message>
    <message>
        <source>Séance au format .ics…</source>
        <translation>Meeting as .ics…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Convocation envoyée le {day}.</source>
        <translation>Notice of meeting sent on {day}.</translation>
    </message>
    <message>
        <source>Aucun envoi enregistré.</source>
        <translation>No sending recorded.</translation>
    </message>
    <message>
        <source>Convocation</source>
        <translation>Notice of meeting</translation>
    </message>
    <message>
        <source>Feuille d&apos;émargement</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Feuille d&apos;émargement enregistrée : {path}</source>
        <translation>Sign-in sheet saved: {path}</translation>
    </message>
    <message>
        <source>Préparation de la feuille d&apos;émargement…</source>
        <translation>Preparing the sign-in sheet…</translation>
    </message>
    <message>
        <source>Envoyer les convocations…</source>
        <translation>Send the notices…</translation>
    </message>
    <message>
        <source>Pour chaque personne convoquée : la lettre (avec le formulaire de pouvoir pour les membres votants d&apos;une instance qui l&apos;admet), l&apos;ordre du jour, les annexes destinées aux membres et l&apos;invitation d&apos;agenda, par courriel ; les lettres à poster en un PDF, l&apos;adresse placée pour une enveloppe à fenêtre.</source>
        <translation>For each person convened: the letter (with the proxy form for voting members of a body that allows proxies), the agenda, the annexes meant for the members and the calendar invitation, by e-mail; the letters to post in one PDF, the address placed for a window envelope.</translation>
    </message>
    <message numerus="yes">
        <source>À envoyer au plus tard le &lt;b&gt;{day}&lt;/b&gt; (%n jours francs avant la séance).</source>
        <translation>
            <numerusform>To be sent by &lt;b&gt;{day}&lt;/b&gt; at the latest (%n clear day before the meeting).</numerusform>
            <numerusform>To be sent by &lt;b&gt;{day}&lt;/b&gt; at the latest (%n clear days before the meeting).</numerusform>
        </translation>
    </message>
    <message>
        <source>Prévenir de l&apos;annulation…</source>
        <translation>Announce the cancellation…</translation>
    </message>
    <message>
        <source>Envoyer les convocations</source>
        <translation>Send the notices</translation>
    </message>
    <message>
        <source>Séance au format .ics</source>
        <translation>Meeting as .ics</translation>
    </message>
    <message>
        <source>Calendrier iCalendar (*.ics)</source>
        <translation>iCalendar file (*.ics)</translation>
    </message>
    <message>
        <source>Invitation de calendrier enregistrée : {path}</source>
        <translation>Calendar invitation saved: {path}</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Nouvelle structure</source>
        <translation>New organisation</translation>
    </message>
    <message>
        <source>14 chiffres, facultatif</source>
        <translation>14 digits, optional</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>SIRET :</source>
        <translation>SIRET:</translation>
    </message>
    <message>
        <source>Créer la structure</source>
        <translation>Create the organisation</translation>
    </message>
</context>
<context>
    <name>OutboxButton</name>
    <message>
        <source>Envoi des courriels… {done} / {total}</source>
        <translation>Sending e-mails… {done} / {total}</translation>
    </message>
    <message>
        <source>{n} en attente</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>{n} en échec</source>
        <translation>{n} failed</translation>
    </message>
    <message>
        <source>Boîte d&apos;envoi : {state}</source>
        <translation>Outbox: {state}</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Boîte d&apos;envoi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Messages de la boîte d&apos;envoi</source>
        <translation>Messages in the outbox</translation>
    </message>
    <message>
        <source>Afficher aussi les messages envoyés</source>
        <translation>Show sent messages too</translation>
    </message>
    <message>
        <source>Envoyer maintenant</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Renvoyer</source>
        <translation>Resend</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Take out</translation>
    </message>
    <message>
        <source>Noter un retour…</source>
        <translation>Record a bounce…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Configurez d&apos;abord l&apos;envoi : Fichier › Envoi des courriels…</source>
        <translation>First set up sending: File › E-mail sending…</translation>
    </message>
    <message>
        <source>Envoi en cours…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Noter un retour</source>
        <translation>Record a bounce</translation>
    </message>
    <message>
        <source>Message de non-distribution reçu pour {to} (vide pour l&apos;effacer) :</source>
        <translation>Non-delivery report received for {to} (empty to clear it):</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Mis en file</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Envoyé le</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Destinataire</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Réponse du serveur ou erreur</source>
        <translation>Server reply or error</translation>
    </message>
    <message>
        <source>en attente</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>envoyé</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>en échec</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>{reply} — retour : {bounce}</source>
        <translation>{reply} — bounce: {bounce}</translation>
    </message>
</context>
<context>
    <name>PackDialog</name>
    <message>
        <source>Membres</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Le dossier complet : convocation, ordre du jour, PV à approuver, suivi des actions, composition avec coordonnées, feuille d&apos;émargement, pouvoir et annexes.</source>
        <translation>The full pack: notice of meeting, agenda, minutes to approve, action follow-up, membership with contact details, sign-in sheet, proxy form and annexes.</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>Facilitators</translation>
    </message>
    <message>
        <source>Pour la présidence et l&apos;animation : conducteur minuté avec les notes de chaque point, contrôle du quorum à cocher et liste des orateurs.</source>
        <translation>For the chair and facilitators: timed running order with the notes for each agenda item, quorum checklist and list of speakers.</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>À publier : sans coordonnées, sans le nom des personnes qui n&apos;y ont pas consenti, sans feuille d&apos;émargement ni pouvoir.</source>
        <translation>For publication: no contact details, no names of people who have not consented, no sign-in sheet or proxy form.</translation>
    </message>
    <message>
        <source>Dossier de séance</source>
        <translation>Meeting pack</translation>
    </message>
    <message>
        <source>Un seul PDF, numéroté de bout en bout, annexes comprises : {title}.</source>
        <translation>A single PDF, numbered throughout, annexes included: {title}.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Créer le dossier…</source>
        <translation>Create the pack…</translation>
    </message>
</context>
<context>
    <name>ParticipationModel</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Attendus</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Présents</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Représentés</source>
        <translation>Represented</translation>
    </message>
    <message>
        <source>Remplacés</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>Excusés</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Absents</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Taux</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Présences attendues : une par séance tenue et par siège</source>
        <translation>Expected attendances: one per meeting held and per seat</translation>
    </message>
    <message>
        <source>Représenté(e) par un pouvoir donné à un autre membre</source>
        <translation>Represented by a proxy given to another member</translation>
    </message>
    <message>
        <source>Remplacé(e) par son suppléant, présent à sa place</source>
        <translation>Replaced by their substitute, present in their place</translation>
    </message>
    <message>
        <source>(présents + représentés + remplacés) ÷ attendus</source>
        <translation>(present + represented + replaced) ÷ expected</translation>
    </message>
</context>
<context>
    <name>ParticipationView</name>
    <message>
        <source>12 derniers mois</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Année {year}</source>
        <translation>Year {year}</translation>
    </message>
    <message>
        <source>Période choisie</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>Par collège</source>
        <translation>By college</translation>
    </message>
    <message>
        <source>Par structure</source>
        <translation>By organisation</translation>
    </message>
    <message>
        <source>Par membre</source>
        <translation>By member</translation>
    </message>
    <message>
        <source>Exporter en Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>du</source>
        <translation>from</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Regrouper</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Taux de participation = (présents + représentés par un pouvoir + remplacés par leur suppléant) ÷ présences attendues, sur les séances tenues de la période dont les présences sont saisies. Sont attendus les titulaires d&apos;un siège (membres, présidence, vice-présidence) ; pas les suppléants ni les invités permanents.</source>
        <translation>Attendance rate = (present + represented by a proxy + replaced by their substitute) ÷ expected attendances, over the meetings held in the period whose attendance has been recorded. Those expected are the holders of a seat (members, chair, vice-chair); not substitutes or permanent guests.</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Graphique de participation</source>
        <translation>Participation chart</translation>
    </message>
    <message>
        <source>Toutes les instances</source>
        <translation>All bodies</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&lt;b&gt;{rate}&lt;/b&gt; de participation sur {meetings} — {took_part} sur {expected}</source>
        <translation>&lt;b&gt;{rate}&lt;/b&gt; attendance over {meetings} — {took_part} of {expected}</translation>
    </message>
    <message numerus="yes">
        <source>%n séances tenues</source>
        <translation>
            <numerusform>%n meeting held</numerusform>
            <numerusform>%n meetings held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n présences</source>
        <translation>
            <numerusform>%n attendance</numerusform>
            <numerusform>%n attendances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendues</source>
        <translation>
            <numerusform>%n expected</numerusform>
            <numerusform>%n expected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;(%n séances tenues sans présences saisies, non comptées)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:{colour}&apos;&gt;(%n meeting held with no attendance recorded, not counted)&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&apos;color:{colour}&apos;&gt;(%n meetings held with no attendance recorded, not counted)&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Aucune séance tenue avec des présences saisies sur cette période.</source>
        <translation>No meetings held with attendance recorded in this period.</translation>
    </message>
    <message>
        <source>Exporter la participation</source>
        <translation>Export attendance</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export de la participation…</source>
        <translation>Exporting attendance…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Nouvelle personne</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Modifier la personne</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>prenom.nom@exemple.fr</source>
        <translation>first.last@example.org</translation>
    </message>
    <message>
        <source>Tapez quelques lettres du nom de la structure</source>
        <translation>Type a few letters of the organisation&apos;s name</translation>
    </message>
    <message>
        <source>Nouvelle structure…</source>
        <translation>New organisation…</translation>
    </message>
    <message>
        <source>ex. directrice, trésorier, chargée de mission</source>
        <translation>e.g. director, treasurer, project officer</translation>
    </message>
    <message>
        <source>numéro et rue (si autre que la structure)</source>
        <translation>number and street (if not the organisation&apos;s)</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Accepte que son nom soit publié (comptes rendus, site)</source>
        <translation>Agrees to their name being published (reports, website)</translation>
    </message>
    <message>
        <source>Accepte d&apos;être contacté(e) par le secrétariat</source>
        <translation>Agrees to be contacted by the secretariat</translation>
    </message>
    <message>
        <source>Civilité :</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Prénom :</source>
        <translation>First name:</translation>
    </message>
    <message>
        <source>Nom :</source>
        <translation>Last name:</translation>
    </message>
    <message>
        <source>Courriel :</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Téléphone :</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Structure :</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Fonction :</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Adresse postale :</source>
        <translation>Postal address:</translation>
    </message>
    <message>
        <source>Code postal et ville :</source>
        <translation>Postcode and town:</translation>
    </message>
    <message>
        <source>Consentements :</source>
        <translation>Consent:</translation>
    </message>
    <message>
        <source>Notes :</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Aucune structure ne s&apos;appelle « {name} » : choisissez-la dans la liste ou créez-la avec « Nouvelle structure… ».</source>
        <translation>No organisation is called “{name}”: choose it from the list or create it with “New organisation…”.</translation>
    </message>
</context>
<context>
    <name>PersonHistory</name>
    <message>
        <source>civilité</source>
        <translation>title</translation>
    </message>
    <message>
        <source>prénom</source>
        <translation>first name</translation>
    </message>
    <message>
        <source>nom</source>
        <translation>last name</translation>
    </message>
    <message>
        <source>courriel</source>
        <translation>email</translation>
    </message>
    <message>
        <source>téléphone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>structure</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>fonction</source>
        <translation>position</translation>
    </message>
    <message>
        <source>accord de publication</source>
        <translation>consent to publication</translation>
    </message>
    <message>
        <source>accord pour être contacté(e)</source>
        <translation>consent to be contacted</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>vide</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>fiche créée</source>
        <translation>record created</translation>
    </message>
    <message>
        <source>fiche supprimée</source>
        <translation>record deleted</translation>
    </message>
    <message>
        <source>fiche anonymisée (RGPD)</source>
        <translation>record anonymised (GDPR)</translation>
    </message>
    <message>
        <source>fiche archivée</source>
        <translation>record archived</translation>
    </message>
    <message>
        <source>fiche réactivée</source>
        <translation>record restored</translation>
    </message>
    <message>
        <source>{field} modifié ({old} → {new})</source>
        <translation>{field} changed ({old} → {new})</translation>
    </message>
    <message>
        <source>fiche enregistrée sans changement</source>
        <translation>record saved without change</translation>
    </message>
    <message>
        <source>Aucune personne</source>
        <translation>No one</translation>
    </message>
    <message>
        <source>1 personne</source>
        <translation>1 person</translation>
    </message>
    <message>
        <source>{count} personnes</source>
        <translation>{count} people</translation>
    </message>
    <message>
        <source>{shown} sur {total} personnes</source>
        <translation>{shown} of {total} people</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>Mandats de la personne</source>
        <translation>The person&apos;s mandates</translation>
    </message>
    <message>
        <source>Historique de la personne</source>
        <translation>The person&apos;s history</translation>
    </message>
    <message>
        <source>Mandats</source>
        <translation>Mandates</translation>
    </message>
    <message>
        <source>Historique de la fiche</source>
        <translation>Record history</translation>
    </message>
    <message>
        <source>Aucune personne sélectionnée</source>
        <translation>No person selected</translation>
    </message>
    <message>
        <source>Choisissez une personne dans la liste pour voir sa fiche.</source>
        <translation>Choose a person in the list to see their record.</translation>
    </message>
    <message>
        <source>(archivée)</source>
        <translation>(archived)</translation>
    </message>
    <message>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Nom publiable</source>
        <translation>Name may be published</translation>
    </message>
    <message>
        <source>Accord de contact</source>
        <translation>Agrees to be contacted</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{role} de {name}</source>
        <translation>{role} for {name}</translation>
    </message>
    <message>
        <source>du {start} au {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <source>depuis le {start}</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>Mandat terminé</source>
        <translation>Mandate ended</translation>
    </message>
    <message>
        <source>Aucun mandat</source>
        <translation>No mandates</translation>
    </message>
    <message>
        <source>n°{n}</source>
        <translation>no. {n}</translation>
    </message>
</context>
<context>
    <name>PostponeDialog</name>
    <message>
        <source>Reporter la séance</source>
        <translation>Postpone the meeting</translation>
    </message>
    <message>
        <source>La séance « {title} » sera marquée reportée. Une nouvelle séance est créée à la date choisie, avec le même ordre du jour.</source>
        <translation>The meeting “{title}” will be marked as postponed. A new meeting is created on the chosen date, with the same agenda.</translation>
    </message>
    <message>
        <source>&amp;Nouvelle date</source>
        <translation>&amp;New date</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Postpone</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <source>Ligne laissée de côté : elle ne sera pas importée.</source>
        <translation>Row left out: it will not be imported.</translation>
    </message>
    <message>
        <source>Corrigé ici (dans le fichier : « {value} »)</source>
        <translation>Corrected here (in the file: “{value}”)</translation>
    </message>
    <message>
        <source>(colonne {n})</source>
        <translation>(column {n})</translation>
    </message>
    <message>
        <source>Ligne {n} (de côté)</source>
        <translation>Row {n} (left out)</translation>
    </message>
    <message>
        <source>Ligne {n}</source>
        <translation>Row {n}</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporter la fiche (RGPD)</source>
        <translation>Export the record (GDPR)</translation>
    </message>
    <message>
        <source>Fiche personnelle écrite : {path}</source>
        <translation>Personal file written: {path}</translation>
    </message>
    <message>
        <source>Préparation de la fiche personnelle…</source>
        <translation>Preparing the personal file…</translation>
    </message>
    <message>
        <source>Anonymiser {name} ?</source>
        <translation>Anonymise {name}?</translation>
    </message>
    <message>
        <source>Anonymiser ces {count} personnes ? ({names})</source>
        <translation>Anonymise these {count} people? ({names})</translation>
    </message>
    <message>
        <source>Leur nom, civilité, courriel, téléphone, fonction et notes seront effacés et remplacés par « Personne anonymisée n°… » dans la fiche, les textes des séances non approuvées, les actions et le journal d&apos;audit ; les accords seront retirés. Les procès-verbaux approuvés, archives publiques, ne changent pas.</source>
        <translation>Their name, title, email, telephone, position and notes will be erased and replaced by “Anonymised person no. …” in the record, the texts of meetings not yet approved, the actions and the audit log; their consents will be withdrawn. Approved minutes, which are public archives, do not change.</translation>
    </message>
    <message>
        <source>C&apos;est irréversible : exportez d&apos;abord la fiche si elle doit être gardée.</source>
        <translation>This cannot be undone: export the record first if it needs to be kept.</translation>
    </message>
    <message>
        <source>Anonymiser</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <source>Anonymiser définitivement</source>
        <translation>Anonymise permanently</translation>
    </message>
    <message>
        <source>Anonymisation en cours…</source>
        <translation>Anonymising…</translation>
    </message>
    <message>
        <source>Anonymiser les sauvegardes</source>
        <translation>Anonymise the backups</translation>
    </message>
    <message>
        <source>Les sauvegardes de {folder} ({count}) contiennent encore l&apos;identité. Les anonymiser elles aussi, de la même façon ? Chaque copie est réécrite sur place.</source>
        <translation>The backups in {folder} ({count}) still hold the identity. Anonymise them too, the same way? Each copy is rewritten in place.</translation>
    </message>
    <message>
        <source>Anonymisation des sauvegardes en cours…</source>
        <translation>Anonymising the backups…</translation>
    </message>
    <message>
        <source>Personne</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Fin du dernier mandat</source>
        <translation>End of last mandate</translation>
    </message>
    <message>
        <source>Dernière trace</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <source>Depuis</source>
        <translation>Time since</translation>
    </message>
    <message>
        <source>aucun mandat</source>
        <translation>no mandates</translation>
    </message>
    <message>
        <source>1 an</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>{count} ans</source>
        <translation>{count} years</translation>
    </message>
    <message>
        <source>Fiche archivée</source>
        <translation>Record archived</translation>
    </message>
    <message>
        <source>Revue de conservation (RGPD)</source>
        <translation>Retention review (GDPR)</translation>
    </message>
    <message>
        <source>Les personnes ci-dessous n&apos;ont plus de mandat en cours ni à venir, et leur dernier lien avec le conseil (fin de mandat, point présenté, action portée) remonte à plus que la durée de conservation. Anonymisez celles dont les données n&apos;ont plus lieu d&apos;être gardées : leur identité est remplacée partout, sauf dans les procès-verbaux approuvés (archives publiques).</source>
        <translation>The people below have no current or upcoming mandate, and their last link with the council (end of a mandate, agenda item presented, action owned) goes back further than the retention period. Anonymise those whose data no longer needs to be kept: their identity is replaced everywhere except in approved minutes (public archives).</translation>
    </message>
    <message>
        <source> ans</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Réglage de la base : s&apos;applique à tous ses utilisateurs.</source>
        <translation>Database setting: applies to all its users.</translation>
    </message>
    <message>
        <source>&amp;Durée de conservation après le dernier lien :</source>
        <translation>&amp;Retention after the last link:</translation>
    </message>
    <message>
        <source>Personnes sans lien depuis la durée choisie</source>
        <translation>People without a link for the period chosen</translation>
    </message>
    <message>
        <source>Tout sélectionner</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Exporter la fiche…</source>
        <translation>Export the record…</translation>
    </message>
    <message>
        <source>Anonymiser la sélection…</source>
        <translation>Anonymise the selection…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{count} personnes à revoir</source>
        <translation>{count} people to review</translation>
    </message>
    <message>
        <source>1 personne à revoir</source>
        <translation>1 person to review</translation>
    </message>
</context>
<context>
    <name>ProblemsTableModel</name>
    <message>
        <source>Ligne</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Colonne</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problème</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>À vérifier : {message}</source>
        <translation>To check: {message}</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Premier jour de la période</source>
        <translation>First day of the period</translation>
    </message>
    <message>
        <source>Dernier jour de la période</source>
        <translation>Last day of the period</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Période du</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Le dossier se met en ligne tel quel : pour chaque séance, la liste des délibérations (CGCT, art. L. 2121-25) et le procès-verbal signé (art. L. 2121-15), le registre de la période, les données ouvertes au format SCDL « Délibérations » et une page index.html. Seules les personnes qui y ont consenti sont nommées ; aucune coordonnée n&apos;y figure. Le SIRET et l&apos;adresse de publication se règlent dans Fichier › En-tête.</source>
        <translation>The folder goes online as it is: for each meeting, the list of decisions (CGCT, art. L. 2121-25) and the signed minutes (art. L. 2121-15), the register of the period, the open data in the SCDL “Délibérations” format and an index.html page. Only people who consented are named; no contact detail appears. The SIRET and the publication address are set in File › Letterhead.</translation>
    </message>
    <message>
        <source>Publications à faire</source>
        <translation>Publications to do</translation>
    </message>
    <message>
        <source>Choisir le dossier et publier…</source>
        <translation>Choose the folder and publish…</translation>
    </message>
    <message>
        <source>À afficher, signer ou publier :</source>
        <translation>To post, sign or publish:</translation>
    </message>
    <message>
        <source>Rien en attente pour cette instance.</source>
        <translation>Nothing waiting for this body.</translation>
    </message>
    <message>
        <source>Dossier de publication</source>
        <translation>Publication folder</translation>
    </message>
    <message>
        <source>Dossier de publication en cours…</source>
        <translation>Making the publication folder…</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Qualité</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Envoi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>membre</source>
        <translation>member</translation>
    </message>
    <message>
        <source>voix consultative</source>
        <translation>advisory</translation>
    </message>
    <message>
        <source>suppléant(e)</source>
        <translation>substitute</translation>
    </message>
    <message>
        <source>invité(e)</source>
        <translation>guest</translation>
    </message>
    <message>
        <source>courriel</source>
        <translation>email</translation>
    </message>
    <message>
        <source>courrier (refus d&apos;être contacté par courriel)</source>
        <translation>post (refused email contact)</translation>
    </message>
    <message>
        <source>courrier</source>
        <translation>post</translation>
    </message>
    <message>
        <source>SANS ADRESSE POSTALE</source>
        <translation>NO POSTAL ADDRESS</translation>
    </message>
</context>
<context>
    <name>ReconveneDialog</name>
    <message>
        <source>elle délibérera sans condition de quorum sur les points repris</source>
        <translation>it will deliberate without quorum on the items taken up</translation>
    </message>
    <message>
        <source>le quorum restera exigé (règlement de l&apos;instance)</source>
        <translation>the quorum will still be required (the body&apos;s rules)</translation>
    </message>
    <message>
        <source>Reconvoquer l&apos;instance</source>
        <translation>Reconvene the body</translation>
    </message>
    <message>
        <source>Le quorum n&apos;est pas atteint à la séance « {title} ». Une nouvelle séance est convoquée sur le même ordre du jour ; {without} ({source}). Convocation à envoyer au moins {days} jours francs avant : au plus tôt le {day} si elle part aujourd&apos;hui.</source>
        <translation>The quorum is not reached at the meeting “{title}”. A new meeting is called on the same agenda; {without} ({source}). The notice goes out at least {days} clear days before: {day} at the earliest if it is sent today.</translation>
    </message>
    <message>
        <source>&amp;Nouvelle séance le</source>
        <translation>&amp;New meeting on</translation>
    </message>
    <message>
        <source>Reconvoquer</source>
        <translation>Reconvene</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Choisissez la sauvegarde à remettre en place. Le contenu actuel de la base sera d&apos;abord gardé dans une copie.</source>
        <translation>Choose the backup to put back. The current contents of the database will first be kept in a copy.</translation>
    </message>
    <message>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>(copie avant {reason})</source>
        <translation>(copy before {reason})</translation>
    </message>
    <message>
        <source>Aucune sauvegarde automatique pour cette base.</source>
        <translation>No automatic backups for this database.</translation>
    </message>
    <message>
        <source>Autre fichier…</source>
        <translation>Other file…</translation>
    </message>
    <message>
        <source>Restaurer…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Restaurer depuis un fichier</source>
        <translation>Restore from a file</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message numerus="yes">
        <source>Personne à revoir : aucune trace de plus de %n ans.</source>
        <translation>
            <numerusform>Nobody to review: no trace older than %n year.</numerusform>
            <numerusform>Nobody to review: no trace older than %n years.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Revue</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Porteur</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Dernier point</source>
        <translation>Last update</translation>
    </message>
    <message numerus="yes">
        <source>En retard de %n jours</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Revue à cette séance</source>
        <translation>Reviewed at this meeting</translation>
    </message>
    <message>
        <source>{day} (retard : {days} j)</source>
        <translation>{day} ({days} d overdue)</translation>
    </message>
</context>
<context>
    <name>RollCallPanel</name>
    <message>
        <source>Appel nominal</source>
        <translation>Roll call</translation>
    </message>
    <message>
        <source>Tous « pour »</source>
        <translation>All “for”</translation>
    </message>
    <message>
        <source>{member} (vote exprimé par {holder})</source>
        <translation>{member} (vote cast by {holder})</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <source>Collège</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Début</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Suppléant(e) de / Suppléant(e)s</source>
        <translation>Substitute for / Substitutes</translation>
    </message>
    <message>
        <source>(sans collège)</source>
        <translation>(no college)</translation>
    </message>
    <message>
        <source>sans fin</source>
        <translation>no end</translation>
    </message>
    <message>
        <source>(tout le collège)</source>
        <translation>(whole college)</translation>
    </message>
    <message>
        <source>Suppléant(e) de {name}</source>
        <translation>Substitute for {name}</translation>
    </message>
    <message>
        <source>Suppléant(e)s : {names}</source>
        <translation>Substitutes: {names}</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Date et heure de la séance</source>
        <translation>Date and time of the meeting</translation>
    </message>
    <message>
        <source>Calendrier annuel des séances</source>
        <translation>Annual meeting calendar</translation>
    </message>
    <message>
        <source>Chaque mois</source>
        <translation>Every month</translation>
    </message>
    <message>
        <source>Chaque trimestre</source>
        <translation>Every quarter</translation>
    </message>
    <message>
        <source>le 1er</source>
        <translation>on the 1st</translation>
    </message>
    <message>
        <source>le 2e</source>
        <translation>on the 2nd</translation>
    </message>
    <message>
        <source>le 3e</source>
        <translation>on the 3rd</translation>
    </message>
    <message>
        <source>le 4e</source>
        <translation>on the 4th</translation>
    </message>
    <message>
        <source>le dernier</source>
        <translation>on the last</translation>
    </message>
    <message>
        <source>lundi</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>mardi</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>mercredi</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>jeudi</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>vendredi</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>janv.</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>févr.</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>mars</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>avr.</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>mai</source>
        <translation>May</translation>
    </message>
    <message>
        <source>juin</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>juil.</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>août</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>sept.</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>oct.</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>nov.</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>déc.</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>Règle iCalendar (RRULE) : modifiable à la main pour les cas particuliers.</source>
        <translation>iCalendar rule (RRULE): can be edited by hand for special cases.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Hôtel de ville, salle du conseil</source>
        <translation>Town hall, council chamber</translation>
    </message>
    <message>
        <source>Règle</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Fréquence</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Quel jour du mois</source>
        <translation>Which day of the month</translation>
    </message>
    <message>
        <source>Jour de la semaine</source>
        <translation>Day of the week</translation>
    </message>
    <message>
        <source>Sauf en :</source>
        <translation>Except in:</translation>
    </message>
    <message>
        <source>RR&amp;ULE :</source>
        <translation>RR&amp;ULE:</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>D&amp;u</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;au</source>
        <translation>&amp;to</translation>
    </message>
    <message>
        <source>&amp;Heure</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <source>Du&amp;rée</source>
        <translation>Du&amp;ration</translation>
    </message>
    <message>
        <source>&amp;Lieu</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>Dates proposées</source>
        <translation>Proposed dates</translation>
    </message>
    <message>
        <source>Double-cliquez sur une date pour la déplacer. Les dates signalées (jour férié, fermeture du secrétariat) ne sont pas cochées tant qu&apos;elles ne sont pas déplacées.</source>
        <translation>Double-click a date to move it. Flagged dates (public holiday, secretariat closed) stay unticked until they are moved.</translation>
    </message>
    <message>
        <source>Créer les séances</source>
        <translation>Create the meetings</translation>
    </message>
    <message>
        <source>Exporter en .ics…</source>
        <translation>Export as .ics…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Créez d&apos;abord les séances.</source>
        <translation>Create the meetings first.</translation>
    </message>
    <message>
        <source>Indiquez la période et l&apos;heure des séances.</source>
        <translation>Give the period and the time of the meetings.</translation>
    </message>
    <message>
        <source>Aucune date ne correspond à cette règle.</source>
        <translation>No dates match this rule.</translation>
    </message>
    <message>
        <source>{proposed}, dont {flagged} ; {created}.</source>
        <translation>{proposed}, {flagged}; {created}.</translation>
    </message>
    <message numerus="yes">
        <source>%n dates proposées</source>
        <translation>
            <numerusform>%n date proposed</numerusform>
            <numerusform>%n dates proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signalées</source>
        <translation>
            <numerusform>%n flagged</numerusform>
            <numerusform>%n flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n séances seront créées</source>
        <translation>
            <numerusform>%n meeting will be created</numerusform>
            <numerusform>%n meetings will be created</numerusform>
        </translation>
    </message>
    <message>
        <source>{proposed} ; {created}.</source>
        <translation>{proposed}; {created}.</translation>
    </message>
    <message numerus="yes">
        <source>%n séances créées pour « {body} ».</source>
        <translation>
            <numerusform>%n meeting created for “{body}”.</numerusform>
            <numerusform>%n meetings created for “{body}”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendrier annuel</source>
        <translation>Annual calendar</translation>
    </message>
    <message>
        <source>Exporter le calendrier</source>
        <translation>Export the calendar</translation>
    </message>
    <message>
        <source>Calendrier iCalendar (*.ics)</source>
        <translation>iCalendar file (*.ics)</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Remarque</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Jour férié : {name}</source>
        <translation>Public holiday: {name}</translation>
    </message>
    <message>
        <source>Secrétariat fermé ce jour-là</source>
        <translation>Secretariat closed that day</translation>
    </message>
    <message>
        <source>Date déplacée</source>
        <translation>Date moved</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>↑ ↓ pour choisir · Entrée pour ouvrir · Échap pour fermer</source>
        <translation>↑ ↓ to choose · Enter to open · Esc to close</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Plus de résultats : {kind}…</source>
        <translation>More results: {kind}…</translation>
    </message>
    <message>
        <source>Aucun résultat pour « {text} »</source>
        <translation>No results for “{text}”</translation>
    </message>
</context>
<context>
    <name>SectionTexts</name>
    <message>
        <source>Texte du point {number}. {title}</source>
        <translation>Text of item {number}. {title}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>La nouvelle langue s&apos;applique au prochain démarrage d&apos;ESS Desk.</source>
        <translation>The new language applies the next time ESS Desk starts.</translation>
    </message>
    <message>
        <source> sauvegardes</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>Une copie automatique de la base est faite à l&apos;ouverture, au plus une par jour ; les plus anciennes au-delà de ce nombre sont effacées.</source>
        <translation>An automatic copy of the database is made when it is opened, at most one a day; the oldest ones beyond this number are deleted.</translation>
    </message>
    <message>
        <source>Langue :</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Sauvegardes à garder :</source>
        <translation>Backups to keep:</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Signatures du procès-verbal</source>
        <translation>Signatures of the minutes</translation>
    </message>
    <message>
        <source>Vérification des signatures</source>
        <translation>Verification of the signatures</translation>
    </message>
    <message>
        <source>Le procès-verbal approuvé est signé par le président de séance, puis par le secrétaire de séance (CGCT, art. L. 2121-15). Le texte approuvé ne change pas : le fichier signé est un nouveau fichier, gardé dans la base avec son empreinte.</source>
        <translation>The approved minutes are signed by the chair of the meeting, then by the secretary of the meeting (CGCT, art. L. 2121-15). The approved text does not change: the signed file is a new file, kept in the database with its digest.</translation>
    </message>
    <message>
        <source>Président de séance</source>
        <translation>Chair of the meeting</translation>
    </message>
    <message>
        <source>Secrétaire de séance</source>
        <translation>Meeting secretary</translation>
    </message>
    <message>
        <source>Fichier de certificat (.p12, .pfx)</source>
        <translation>Certificate file (.p12, .pfx)</translation>
    </message>
    <message>
        <source>Carte à puce ou jeton USB (PKCS#11)</source>
        <translation>Smart card or USB token (PKCS#11)</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Signataire</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <source>Certificat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Nom de la carte</source>
        <translation>Card name</translation>
    </message>
    <message>
        <source>Nom de la clé</source>
        <translation>Key label</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Enregistrer le PDF signé…</source>
        <translation>Save the signed PDF…</translation>
    </message>
    <message>
        <source>Vérifier un PDF…</source>
        <translation>Verify a PDF…</translation>
    </message>
    <message>
        <source>Réglages de la signature…</source>
        <translation>Signing settings…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Procès-verbal approuvé</source>
        <translation>Approved minutes</translation>
    </message>
    <message>
        <source>Feuille d&apos;erratum du {day}</source>
        <translation>Erratum sheet of {day}</translation>
    </message>
    <message>
        <source>Le procès-verbal de cette séance n&apos;est pas encore approuvé : il se signe une fois approuvé.</source>
        <translation>The minutes of this meeting are not approved yet: they are signed once approved.</translation>
    </message>
    <message>
        <source>Pas encore signé : le président de séance signe d&apos;abord.</source>
        <translation>Not signed yet: the chair of the meeting signs first.</translation>
    </message>
    <message>
        <source>Reste à signer : {role}.</source>
        <translation>Still to sign: {role}.</translation>
    </message>
    <message>
        <source>Signé par le président et le secrétaire de séance.</source>
        <translation>Signed by the chair and the secretary of the meeting.</translation>
    </message>
    <message>
        <source>Signature {n}</source>
        <translation>Signature {n}</translation>
    </message>
    <message>
        <source>SHA-256 du fichier signé : {digest}</source>
        <translation>SHA-256 of the signed file: {digest}</translation>
    </message>
    <message>
        <source>Module PKCS#11</source>
        <translation>PKCS#11 module</translation>
    </message>
    <message>
        <source>Code PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Bibliothèques (*.so *.dll *.dylib)</source>
        <translation>Libraries (*.so *.dll *.dylib)</translation>
    </message>
    <message>
        <source>Certificats PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 certificates (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Choisissez le certificat ou le module de la carte.</source>
        <translation>Choose the certificate or the card&apos;s module.</translation>
    </message>
    <message>
        <source>Signer le procès-verbal</source>
        <translation>Sign the minutes</translation>
    </message>
    <message>
        <source>Procès-verbal signé - {day}.pdf</source>
        <translation>Signed minutes - {day}.pdf</translation>
    </message>
    <message>
        <source>Enregistrer le PDF signé</source>
        <translation>Save the signed PDF</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Enregistrement du PDF signé…</source>
        <translation>Saving the signed PDF…</translation>
    </message>
    <message>
        <source>Vérifier un PDF signé</source>
        <translation>Verify a signed PDF</translation>
    </message>
    <message>
        <source>Fichier vérifié : {path}</source>
        <translation>File verified: {path}</translation>
    </message>
    <message>
        <source>Ce PDF ne porte aucune signature électronique.</source>
        <translation>This PDF carries no electronic signature.</translation>
    </message>
</context>
<context>
    <name>SigningSettingsDialog</name>
    <message>
        <source>Réglages de la signature</source>
        <translation>Signing settings</translation>
    </message>
    <message>
        <source>Essayer le serveur</source>
        <translation>Try the server</translation>
    </message>
    <message>
        <source>Avec un serveur d&apos;horodatage (RFC 3161, fourni par votre prestataire de certificats), chaque signature porte l&apos;heure certifiée par ce serveur. Sans serveur, ou s&apos;il ne répond pas, la signature porte l&apos;heure de l&apos;ordinateur, indiquée comme telle.</source>
        <translation>With a timestamp server (RFC 3161, provided by your certificate provider), each signature carries the time certified by that server. Without a server, or when it does not answer, the signature carries the computer&apos;s time, stated as such.</translation>
    </message>
    <message>
        <source>Autorités de confiance</source>
        <translation>Trusted authorities</translation>
    </message>
    <message>
        <source>Ajouter un certificat…</source>
        <translation>Add a certificate…</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Les signatures sont vérifiées avec ces autorités : ajoutez le certificat de l&apos;autorité qui a délivré les certificats du président et du secrétaire (fichier .pem, .crt, .cer ou .der, fourni par le prestataire). Sans autorité, la vérification dit que l&apos;identité du signataire n&apos;a pas été rapprochée.</source>
        <translation>Signatures are verified against these authorities: add the certificate of the authority that issued the chair&apos;s and the secretary&apos;s certificates (a .pem, .crt, .cer or .der file, from the provider). Without an authority, the verification says that the signatory&apos;s identity was not checked.</translation>
    </message>
    <message>
        <source>Serveur d&apos;horodatage</source>
        <translation>Timestamp server</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{who} — valable jusqu&apos;au {day} — SHA-256 {digest}…</source>
        <translation>{who} — valid until {day} — SHA-256 {digest}…</translation>
    </message>
    <message>
        <source>Aucune autorité enregistrée.</source>
        <translation>No authority recorded.</translation>
    </message>
    <message>
        <source>Certificat d&apos;une autorité de confiance</source>
        <translation>Certificate of a trusted authority</translation>
    </message>
    <message>
        <source>Certificats (*.pem *.crt *.cer *.der);;Tous les fichiers (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>Ces certificats sont déjà dans la liste.</source>
        <translation>These certificates are already in the list.</translation>
    </message>
    <message>
        <source>Demande d&apos;un horodatage d&apos;essai…</source>
        <translation>Asking for a test timestamp…</translation>
    </message>
</context>
<context>
    <name>SubmitMinutesDialog</name>
    <message>
        <source>Soumettre le procès-verbal</source>
        <translation>Submit the minutes</translation>
    </message>
    <message>
        <source>Une fois soumis, le procès-verbal part aux membres : son approbation est inscrite à l&apos;ordre du jour de la prochaine séance de l&apos;instance ; pour le modifier ensuite, il faudra revenir au brouillon.</source>
        <translation>Once submitted, the minutes go to the members: their approval is put on the agenda of the body&apos;s next meeting; to change them afterwards, return them to draft.</translation>
    </message>
    <message>
        <source>Soumettre</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Avant de soumettre, il reste à faire :</source>
        <translation>Before submitting, still to do:</translation>
    </message>
    <message>
        <source>Avant de soumettre, il reste une chose à faire :</source>
        <translation>Before submitting, one thing is left to do:</translation>
    </message>
    <message>
        <source>Tout est prêt : le procès-verbal peut être soumis.</source>
        <translation>All is ready: the minutes can be submitted.</translation>
    </message>
    <message>
        <source>Faites d&apos;abord ce qui est listé ci-dessus.</source>
        <translation>First do what is listed above.</translation>
    </message>
    <message>
        <source>Marquer la séance tenue</source>
        <translation>Mark the meeting held</translation>
    </message>
    <message>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <source>Secrétaire de séance</source>
        <translation>Meeting secretary</translation>
    </message>
    <message>
        <source>Enregistrer le/la secrétaire</source>
        <translation>Save the secretary</translation>
    </message>
    <message>
        <source>Séance levée à</source>
        <translation>Meeting closed at</translation>
    </message>
    <message>
        <source>Enregistrer l&apos;heure</source>
        <translation>Save the time</translation>
    </message>
    <message>
        <source>Créer la prochaine séance…</source>
        <translation>Create the next meeting…</translation>
    </message>
    <message>
        <source>Marquer tenue</source>
        <translation>Mark as held</translation>
    </message>
    <message>
        <source>Tenue</source>
        <translation>Held</translation>
    </message>
</context>
<context>
    <name>SummaryEditor</name>
    <message>
        <source>Résumé des échanges sur ce point. Laissez une ligne vide entre deux paragraphes ; commencez une ligne par « - » pour une liste ; **gras**.</source>
        <translation>Summary of the discussion on this item. Leave a blank line between paragraphs; start a line with “-” for a list; **bold**.</translation>
    </message>
</context>
<context>
    <name>ThemesDialog</name>
    <message>
        <source>Thèmes des actions</source>
        <translation>Action themes</translation>
    </message>
    <message>
        <source>Les thèmes classent les actions. Un thème archivé n&apos;est plus proposé, mais les actions qu&apos;il classe le gardent.</source>
        <translation>Themes classify actions. An archived theme is no longer offered, but the actions it classifies keep it.</translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Ajouter…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Renommer…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Archiver</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Réactiver</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Nom du thème :</source>
        <translation>Theme name:</translation>
    </message>
    <message>
        <source>Nouveau thème</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Renommer le thème</source>
        <translation>Rename theme</translation>
    </message>
    <message>
        <source>Supprimer le thème</source>
        <translation>Delete theme</translation>
    </message>
    <message>
        <source>Supprimer le thème « {name} » ?</source>
        <translation>Delete the theme “{name}”?</translation>
    </message>
</context>
<context>
    <name>ThemesTableModel</name>
    <message>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>archivé</source>
        <translation>archived</translation>
    </message>
    <message>
        <source>proposé</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <source>Vote sur le point « {title} »</source>
        <translation>Vote on the item “{title}”</translation>
    </message>
    <message>
        <source>Pour</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Contre</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>Le règlement de cette instance ne prévoit pas de voix prépondérante.</source>
        <translation>This body&apos;s rules do not provide for a casting vote.</translation>
    </message>
    <message>
        <source>Mode de scrutin</source>
        <translation>Way of voting</translation>
    </message>
    <message>
        <source>Heure du vote</source>
        <translation>Time of the vote</translation>
    </message>
    <message>
        <source>Abstention</source>
        <translation>Abstentions</translation>
    </message>
    <message>
        <source>Non indiqué</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Bulletins blancs</source>
        <translation>Blank papers</translation>
    </message>
    <message>
        <source>Bulletins nuls</source>
        <translation>Spoilt papers</translation>
    </message>
    <message>
        <source>Ne prend pas part au vote</source>
        <translation>Not voting</translation>
    </message>
    <message>
        <source>Vote de la présidence</source>
        <translation>The chair&apos;s vote</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Enregistrer le vote</source>
        <translation>Record the vote</translation>
    </message>
    <message>
        <source>Voix par collège</source>
        <translation>Votes by college</translation>
    </message>
    <message>
        <source>Détailler par collège</source>
        <translation>Break down by college</translation>
    </message>
    <message>
        <source>Cette instance n&apos;a pas de collège votant.</source>
        <translation>This body has no voting college.</translation>
    </message>
    <message>
        <source>Collège</source>
        <translation>College</translation>
    </message>
    <message>
        <source>Ne prend pas part</source>
        <translation>Not voting</translation>
    </message>
    <message>
        <source>quorum atteint</source>
        <translation>quorum reached</translation>
    </message>
    <message>
        <source>sans quorum ({counted} / {required} requis)</source>
        <translation>no quorum ({counted} / {required} required)</translation>
    </message>
    <message>
        <source>À {time} : {n} voix présentes ou représentées (déports déduits), {quorum}.</source>
        <translation>At {time}: {n} votes present or represented (withdrawals deducted), {quorum}.</translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <source>Points soumis au vote</source>
        <translation>Items put to the vote</translation>
    </message>
    <message>
        <source>Enregistrer le vote…</source>
        <translation>Record the vote…</translation>
    </message>
    <message>
        <source>Déports…</source>
        <translation>Withdrawals…</translation>
    </message>
    <message>
        <source>Noter les membres intéressés qui quittent la séance pour ce point.</source>
        <translation>Record the members with an interest who leave the meeting for this item.</translation>
    </message>
    <message>
        <source>Aucun point de type « Avis / vote » ou « Approbation du procès-verbal » à l&apos;ordre du jour.</source>
        <translation>No item of type “Opinion / vote” or “Approval of the minutes” on the agenda.</translation>
    </message>
    <message>
        <source>la présidence a voix prépondérante en cas d&apos;égalité</source>
        <translation>the chair has a casting vote in the event of a tie</translation>
    </message>
    <message>
        <source>pas de voix prépondérante</source>
        <translation>no casting vote</translation>
    </message>
    <message>
        <source>Règle de majorité : {rule} ; {casting}.</source>
        <translation>Majority rule: {rule}; {casting}.</translation>
    </message>
    <message>
        <source>quorum atteint ({counted} / {required})</source>
        <translation>quorum reached ({counted} / {required})</translation>
    </message>
    <message>
        <source>vote sans quorum ({counted} / {required} requis)</source>
        <translation>vote without quorum ({counted} / {required} required)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;{outcome}&lt;/b&gt; — {counts}, {nppp} ne prennent pas part ; {flag}.</source>
        <translation>&lt;b style=&apos;color:{colour}&apos;&gt;{outcome}&lt;/b&gt; — {counts}, {nppp} not voting; {flag}.</translation>
    </message>
</context>
<context>
    <name>VotesTableModel</name>
    <message>
        <source>Point</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Pour</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Contre</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>Abstention</source>
        <translation>Abstentions</translation>
    </message>
    <message>
        <source>Ne prend pas part</source>
        <translation>Not voting</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Voix prépondérante</source>
        <translation>Casting vote</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Non voté</source>
        <translation>Not voted</translation>
    </message>
    <message>
        <source>Atteint</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>Sans quorum</source>
        <translation>No quorum</translation>
    </message>
</context>
<context>
    <name>WindowPages</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>WithdrawalsDialog</name>
    <message>
        <source>Déports sur le point « {title} »</source>
        <translation>Withdrawals from the item “{title}”</translation>
    </message>
    <message>
        <source>Un membre intéressé à l&apos;affaire quitte la séance pour ce point et ne prend pas part au vote ({source}). Le procès-verbal le dira.</source>
        <translation>A member with an interest in the matter leaves the meeting for this item and takes no part in the vote ({source}). The minutes will say so.</translation>
    </message>
    <message>
        <source>Membres déportés</source>
        <translation>Withdrawn members</translation>
    </message>
    <message>
        <source>ex. administratrice de la structure concernée</source>
        <translation>e.g. board member of the organisation concerned</translation>
    </message>
    <message>
        <source>&amp;Motif (facultatif)</source>
        <translation>&amp;Reason (optional)</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>il y a %n jours</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
