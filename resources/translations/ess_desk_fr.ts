<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>ActionFilterBar</name>
    <message numerus="yes">
        <source> jours</source>
        <translation>
            <numerusform> jour</numerusform>
            <numerusform> jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionOutputs</name>
    <message numerus="yes">
        <source>%n actions exportées dans {path}</source>
        <translation>
            <numerusform>%n action exportée dans {path}</numerusform>
            <numerusform>%n actions exportées dans {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message numerus="yes">
        <source>%Ln actions affichées</source>
        <translation>
            <numerusform>%Ln action affichée</numerusform>
            <numerusform>%Ln actions affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionsReviewTab</name>
    <message numerus="yes">
        <source> — en retard de %n jours</source>
        <translation>
            <numerusform> — en retard de %n jour</numerusform>
            <numerusform> — en retard de %n jours</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>En retard de %n jours</source>
        <translation>
            <numerusform>En retard de %n jour</numerusform>
            <numerusform>En retard de %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodiesPage</name>
    <message numerus="yes">
        <source>Composition : %n mandats en cours</source>
        <translation>
            <numerusform>Composition : %n mandat en cours</numerusform>
            <numerusform>Composition : %n mandats en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sièges vacants à cette date</source>
        <translation>
            <numerusform>%n siège vacant à cette date</numerusform>
            <numerusform>%n sièges vacants à cette date</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodyDialog</name>
    <message numerus="yes">
        <source> jours francs</source>
        <translation>
            <numerusform> jour franc</numerusform>
            <numerusform> jours francs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> ans</source>
        <translation>
            <numerusform> an</numerusform>
            <numerusform> ans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodyRulesBox</name>
    <message numerus="yes">
        <source>%n pouvoirs au plus par mandataire</source>
        <translation>
            <numerusform>%n pouvoir au plus par mandataire</numerusform>
            <numerusform>%n pouvoirs au plus par mandataire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jours francs avant la séance</source>
        <translation>
            <numerusform>%n jour franc avant la séance</numerusform>
            <numerusform>%n jours francs avant la séance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ans</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>nouvelle convocation %n jours francs avant au moins</source>
        <translation>
            <numerusform>nouvelle convocation %n jour franc avant au moins</numerusform>
            <numerusform>nouvelle convocation %n jours francs avant au moins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>signé et publié sous %n jours</source>
        <translation>
            <numerusform>signé et publié sous %n jour</numerusform>
            <numerusform>signé et publié sous %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%n convocations en retard</source>
        <translation>
            <numerusform>%n convocation en retard</numerusform>
            <numerusform>%n convocations en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sièges</source>
        <translation>
            <numerusform>%n siège</numerusform>
            <numerusform>%n sièges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n collèges</source>
        <translation>
            <numerusform>%n collège</numerusform>
            <numerusform>%n collèges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… et %Ln autres</source>
        <translation>
            <numerusform>… et %Ln autre</numerusform>
            <numerusform>… et %Ln autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message numerus="yes">
        <source>%n décisions enregistrées dans {path}.</source>
        <translation>
            <numerusform>%n décision enregistrée dans {path}.</numerusform>
            <numerusform>%n décisions enregistrées dans {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n lignes de données</source>
        <translation>
            <numerusform>%n ligne de données</numerusform>
            <numerusform>%n lignes de données</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colonnes</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problèmes à corriger dans le fichier (ou dans la correspondance des colonnes) : rien ne sera importé tant qu&apos;il en reste.</source>
        <translation>
            <numerusform>%n problème à corriger dans le fichier (ou dans la correspondance des colonnes) : rien ne sera importé tant qu&apos;il en reste.</numerusform>
            <numerusform>%n problèmes à corriger dans le fichier (ou dans la correspondance des colonnes) : rien ne sera importé tant qu&apos;il en reste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message numerus="yes">
        <source>%Ln séances</source>
        <translation>
            <numerusform>%Ln séance</numerusform>
            <numerusform>%Ln séances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeTab</name>
    <message numerus="yes">
        <source>À envoyer au plus tard le &lt;b&gt;{day}&lt;/b&gt; (%n jours francs avant la séance).</source>
        <translation>
            <numerusform>À envoyer au plus tard le &lt;b&gt;{day}&lt;/b&gt; (%n jour franc avant la séance).</numerusform>
            <numerusform>À envoyer au plus tard le &lt;b&gt;{day}&lt;/b&gt; (%n jours francs avant la séance).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipationView</name>
    <message numerus="yes">
        <source>%n séances tenues</source>
        <translation>
            <numerusform>%n séance tenue</numerusform>
            <numerusform>%n séances tenues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n présences</source>
        <translation>
            <numerusform>%n présence</numerusform>
            <numerusform>%n présences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendues</source>
        <translation>
            <numerusform>%n attendue</numerusform>
            <numerusform>%n attendues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;(%n séances tenues sans présences saisies, non comptées)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:{colour}&apos;&gt;(%n séance tenue sans présences saisies, non comptée)&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&apos;color:{colour}&apos;&gt;(%n séances tenues sans présences saisies, non comptées)&lt;/span&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message numerus="yes">
        <source>Personne à revoir : aucune trace de plus de %n ans.</source>
        <translation>
            <numerusform>Personne à revoir : aucune trace de plus de %n an.</numerusform>
            <numerusform>Personne à revoir : aucune trace de plus de %n ans.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message numerus="yes">
        <source>En retard de %n jours</source>
        <translation>
            <numerusform>En retard de %n jour</numerusform>
            <numerusform>En retard de %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message numerus="yes">
        <source>%n dates proposées</source>
        <translation>
            <numerusform>%n date proposée</numerusform>
            <numerusform>%n dates proposées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signalées</source>
        <translation>
            <numerusform>%n signalée</numerusform>
            <numerusform>%n signalées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n séances seront créées</source>
        <translation>
            <numerusform>%n séance sera créée</numerusform>
            <numerusform>%n séances seront créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n séances créées pour « {body} ».</source>
        <translation>
            <numerusform>%n séance créée pour « {body} ».</numerusform>
            <numerusform>%n séances créées pour « {body} ».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>il y a %n jours</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
</context>
</TS>
