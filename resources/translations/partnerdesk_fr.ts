<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivitiesToUpdateModel</name>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>ActivityCountsModel</name>
    <message numerus="yes">
        <source>%Ln joint activities in %2, %3. Click to list them.</source>
        <translation>
            <numerusform>Une activité conjointe en %3 dans «&#xa0;%2&#xa0;». Cliquez pour l&apos;afficher.</numerusform>
            <numerusform>%Ln activités conjointes en %3 dans «&#xa0;%2&#xa0;». Cliquez pour les afficher.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementDeadlineModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>Examen en retard</translation>
    </message>
</context>
<context>
    <name>AreaDetails</name>
    <message>
        <source>What falls under this area, and where it comes from (articles of the instruments).</source>
        <translation>Ce que couvre ce domaine, et d&apos;où il vient (articles des instruments).</translation>
    </message>
    <message>
        <source>Save description</source>
        <translation>Enregistrer la description</translation>
    </message>
    <message>
        <source>Save the description (%1)</source>
        <translation>Enregistrer la description (%1)</translation>
    </message>
    <message>
        <source>Filed under this area and its sub-areas:</source>
        <translation>Classé sous ce domaine et ses sous-domaines&#xa0;:</translation>
    </message>
    <message>
        <source>No area selected</source>
        <translation>Aucun domaine sélectionné</translation>
    </message>
    <message>
        <source>Select an area in the tree, or add one.</source>
        <translation>Sélectionnez un domaine dans l&apos;arborescence, ou ajoutez-en un.</translation>
    </message>
    <message>
        <source>Top-level area</source>
        <translation>Domaine de premier niveau</translation>
    </message>
    <message>
        <source>Under “%1”</source>
        <translation>Sous «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Under an archived area</source>
        <translation>Sous un domaine archivé</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>Nouveau domaine</translation>
    </message>
    <message>
        <source>Type its name, then press Enter (Escape: cancel).</source>
        <translation>Saisissez son nom, puis appuyez sur Entrée (Échap&#xa0;: annuler).</translation>
    </message>
    <message>
        <source>Show agreements</source>
        <translation>Afficher les accords</translation>
    </message>
    <message>
        <source>Show agreements (%1)</source>
        <translation>Afficher les accords (%1)</translation>
    </message>
    <message>
        <source>Show consultations</source>
        <translation>Afficher les consultations</translation>
    </message>
    <message>
        <source>Show consultations (%1)</source>
        <translation>Afficher les consultations (%1)</translation>
    </message>
    <message>
        <source>Show joint activities</source>
        <translation>Afficher les activités conjointes</translation>
    </message>
    <message>
        <source>Show joint activities (%1)</source>
        <translation>Afficher les activités conjointes (%1)</translation>
    </message>
</context>
<context>
    <name>AreaMerge</name>
    <message>
        <source>Merge “%1” into “%2”?</source>
        <translation>Fusionner «&#xa0;%1&#xa0;» dans «&#xa0;%2&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>What is filed under it will be filed under “%1” instead (now, counting its sub-areas: agreements: %2, consultations: %3, joint activities: %4).</source>
        <translation>Ce qui y est classé sera classé sous «&#xa0;%1&#xa0;» à la place (actuellement, sous-domaines compris&#xa0;: accords&#xa0;: %2, consultations&#xa0;: %3, activités conjointes&#xa0;: %4).</translation>
    </message>
    <message>
        <source>Its sub-areas (%1) move under “%2”, with what is filed under them.</source>
        <translation>Ses sous-domaines (%1) passent sous «&#xa0;%2&#xa0;», avec ce qui y est classé.</translation>
    </message>
    <message>
        <source>It is then archived; restoring it brings it back empty.</source>
        <translation>Il est ensuite archivé&#xa0;; le restaurer le rétablit vide.</translation>
    </message>
    <message>
        <source>Merge areas</source>
        <translation>Fusionner les domaines</translation>
    </message>
    <message>
        <source>Merging “%1” into “%2”…</source>
        <translation>Fusion de «&#xa0;%1&#xa0;» dans «&#xa0;%2&#xa0;»…</translation>
    </message>
    <message>
        <source>Merged “%1” into “%2”. “%1” is archived.</source>
        <translation>«&#xa0;%1&#xa0;» a été fusionné dans «&#xa0;%2&#xa0;». «&#xa0;%1&#xa0;» est archivé.</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>Non fusionné&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AreaPickerDialog</name>
    <message>
        <source>Type to filter by code or name…</source>
        <translation>Filtrer par code ou par nom…</translation>
    </message>
    <message>
        <source>Move an area</source>
        <translation>Déplacer un domaine</translation>
    </message>
    <message>
        <source>Place “%1” under:</source>
        <translation>Placer «&#xa0;%1&#xa0;» sous&#xa0;:</translation>
    </message>
    <message>
        <source>Move here</source>
        <translation>Déplacer ici</translation>
    </message>
    <message>
        <source>An area cannot be placed under itself or under one of its own sub-areas.</source>
        <translation>Un domaine ne peut être placé ni sous lui-même ni sous l&apos;un de ses propres sous-domaines.</translation>
    </message>
    <message>
        <source>(Top level: no parent area)</source>
        <translation>(Premier niveau&#xa0;: aucun domaine parent)</translation>
    </message>
    <message>
        <source>Merge an area</source>
        <translation>Fusionner un domaine</translation>
    </message>
    <message>
        <source>Merge “%1” into which area? What is filed under it will be filed there.</source>
        <translation>Dans quel domaine fusionner «&#xa0;%1&#xa0;»&#xa0;? Ce qui y est classé y sera classé.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>An area cannot be merged into itself or into one of its own sub-areas.</source>
        <translation>Un domaine ne peut être fusionné ni dans lui-même ni dans l&apos;un de ses propres sous-domaines.</translation>
    </message>
</context>
<context>
    <name>AreaTreePane</name>
    <message>
        <source>Thematic areas</source>
        <translation>Domaines thématiques</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Afficher les archivés</translation>
    </message>
    <message>
        <source>Show archived areas too (greyed), to restore them</source>
        <translation>Afficher aussi les domaines archivés (grisés), pour les restaurer</translation>
    </message>
    <message>
        <source>Archived: select it and press Restore to use it again.</source>
        <translation>Archivé&#xa0;: sélectionnez-le et appuyez sur Restaurer pour l&apos;utiliser de nouveau.</translation>
    </message>
    <message>
        <source>Name of the new area</source>
        <translation>Nom du nouveau domaine</translation>
    </message>
</context>
<context>
    <name>ChecklistInput</name>
    <message>
        <source>Type to narrow the list</source>
        <translation>Tapez pour filtrer la liste</translation>
    </message>
</context>
<context>
    <name>ClashBox</name>
    <message>
        <source>Common version: not known (the merge keeps each store&apos;s value, not the one they started from).</source>
        <translation>Version commune&#xa0;: inconnue (la fusion garde la valeur de chaque base, pas celle dont elles sont parties).</translation>
    </message>
    <message>
        <source>%1 (shown now)</source>
        <translation>%1 (valeur affichée)</translation>
    </message>
    <message>
        <source>Keep %1: %2</source>
        <translation>Garder %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Keep both, joined (edit them before resolving)</source>
        <translation>Garder les deux, réunies (modifiables avant de résoudre)</translation>
    </message>
    <message>
        <source>Both values, joined</source>
        <translation>Les deux valeurs, réunies</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Résoudre</translation>
    </message>
    <message>
        <source>As created</source>
        <translation>À la création</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Store %1</source>
        <translation>Base %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>unknown officer</source>
        <translation>agent inconnu</translation>
    </message>
</context>
<context>
    <name>ComingUpModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 au %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Fields in conflict</source>
        <translation>Champs en conflit</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Constaté le</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Records in conflict</source>
        <translation>Fiches en conflit</translation>
    </message>
    <message>
        <source>No conflicts: every field merged by itself.</source>
        <translation>Aucun conflit&#xa0;: chaque champ a fusionné de lui-même.</translation>
    </message>
    <message>
        <source>The store is open read-only: the conflicts can be read here, and resolved once it is opened for writing.</source>
        <translation>La base est ouverte en lecture seule&#xa0;: les conflits se lisent ici, et se résolvent une fois la base ouverte en écriture.</translation>
    </message>
    <message>
        <source>Two stores changed these fields to different values. Choose the value to keep for each; your choice travels with the next sync.</source>
        <translation>Deux bases ont donné des valeurs différentes à ces champs. Choisissez la valeur à garder pour chacun&#xa0;; votre choix part avec la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Ouvrir la fiche</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>Non résolu</translation>
    </message>
</context>
<context>
    <name>ConnectTeamServerDialog</name>
    <message>
        <source>Connect to a team server</source>
        <translation>Se connecter à un serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>The team server is your organization&apos;s PostgreSQL database. Its administrator gives you its address and your user name. This laptop keeps working offline and syncs whenever the server can be reached.</source>
        <translation>Le serveur d&apos;équipe est la base de données PostgreSQL de votre organisation. Son administrateur vous donne son adresse et votre nom d&apos;utilisateur. Cet ordinateur continue de fonctionner hors ligne et se synchronise dès que le serveur est joignable.</translation>
    </message>
    <message>
        <source>&amp;Keep the password in this computer&apos;s keyring</source>
        <translation>&amp;Garder le mot de passe dans le trousseau de cet ordinateur</translation>
    </message>
    <message>
        <source>optional: the organization&apos;s CA certificate</source>
        <translation>facultatif&#xa0;: le certificat de l&apos;autorité de l&apos;organisation</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Certificate authority</source>
        <translation>&amp;Autorité de certification</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>Se co&amp;nnecter</translation>
    </message>
    <message>
        <source>The organization&apos;s certificate authority</source>
        <translation>L&apos;autorité de certification de l&apos;organisation</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%Ln partners</source>
        <translation>
            <numerusform>%Ln partenaire</numerusform>
            <numerusform>%Ln partenaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln thematic areas</source>
        <translation>
            <numerusform>%Ln domaine thématique</numerusform>
            <numerusform>%Ln domaines thématiques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln agreements</source>
        <translation>
            <numerusform>%Ln accord</numerusform>
            <numerusform>%Ln accords</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln consultations</source>
        <translation>
            <numerusform>%Ln consultation</numerusform>
            <numerusform>%Ln consultations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln joint activities</source>
        <translation>
            <numerusform>%Ln activité conjointe</numerusform>
            <numerusform>%Ln activités conjointes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-ups</source>
        <translation>
            <numerusform>%Ln suivi</numerusform>
            <numerusform>%Ln suivis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <translation>
            <numerusform>%Ln jour</numerusform>
            <numerusform>%Ln jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hours</source>
        <translation>
            <numerusform>%Ln heure</numerusform>
            <numerusform>%Ln heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minutes</source>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln fiche</numerusform>
            <numerusform>%Ln fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes</source>
        <translation>
            <numerusform>%Ln modification</numerusform>
            <numerusform>%Ln modifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attached files</source>
        <translation>
            <numerusform>%Ln pièce jointe</numerusform>
            <numerusform>%Ln pièces jointes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountryPicker</name>
    <message>
        <source>“%1” is not a country of the list: choose it there, typing part of its name or its two-letter code (Switzerland, CH).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un pays de la liste&#xa0;: choisissez-le dans la liste en tapant une partie de son nom ou son code à deux lettres (Suisse, CH).</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>All areas</source>
        <translation>Tous les domaines</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Tous les partenaires</translation>
    </message>
    <message>
        <source>all years</source>
        <translation>toutes les années</translation>
    </message>
    <message>
        <source>%1 × %2 (%3): %4</source>
        <translation>%1 × %2 (%3)&#xa0;: %4</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>A&amp;nnée</translation>
    </message>
    <message>
        <source>Show partners with nothing recorded</source>
        <translation>Afficher les partenaires pour lesquels rien n&apos;est enregistré</translation>
    </message>
    <message>
        <source>Each cell: agreements · consultations · joint activities. Double-click a cell for its joint activities; right-click for its agreements or consultations.</source>
        <translation>Chaque cellule&#xa0;: accords · consultations · activités conjointes. Double-cliquez sur une cellule pour ouvrir ses activités conjointes&#xa0;; cliquez avec le bouton droit pour ses accords ou ses consultations.</translation>
    </message>
    <message>
        <source>Partners × thematic areas</source>
        <translation>Partenaires × domaines thématiques</translation>
    </message>
    <message>
        <source>Participants in joint activities</source>
        <translation>Participants aux activités conjointes</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Décompte en cours…</translation>
    </message>
    <message>
        <source>Cancelled activities are not counted. Participants, women and men are the sums of the figures recorded for each activity held (completed or ongoing); an activity without figures counts only among the joint activities. Participants expected at activities not held yet are counted apart.</source>
        <translation>Les activités annulées ne sont pas comptées. Participants, femmes et hommes sont les sommes des chiffres enregistrés pour chaque activité tenue (terminée ou en cours)&#xa0;; une activité sans chiffres ne compte que parmi les activités conjointes. Les participants attendus aux activités pas encore tenues sont comptés à part.</translation>
    </message>
    <message>
        <source>E&amp;xport to XLSX…</source>
        <translation>E&amp;xporter en XLSX…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Partners: %1 · thematic areas: %2</source>
        <translation>Partenaires&#xa0;: %1 · domaines thématiques&#xa0;: %2</translation>
    </message>
    <message>
        <source>Open its agreements</source>
        <translation>Ouvrir ses accords</translation>
    </message>
    <message>
        <source>Open its consultations</source>
        <translation>Ouvrir ses consultations</translation>
    </message>
    <message>
        <source>Open its joint activities</source>
        <translation>Ouvrir ses activités conjointes</translation>
    </message>
    <message>
        <source>Export coverage</source>
        <translation>Exporter la couverture</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation en cours…</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non exporté&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Look ahead:</source>
        <translation>&amp;Horizon&#xa0;:</translation>
    </message>
    <message>
        <source>Look ahead</source>
        <translation>Horizon</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>situation au %1</translation>
    </message>
    <message>
        <source>Agreements to act on</source>
        <translation>Accords à traiter</translation>
    </message>
    <message>
        <source>reviews, expiries and notice deadlines in the next %1 days</source>
        <translation>examens, expirations et délais de préavis dans les %1 prochains jours</translation>
    </message>
    <message>
        <source>No agreement deadline in the next %1 days.</source>
        <translation>Aucune échéance d&apos;accord dans les %1 prochains jours.</translation>
    </message>
    <message>
        <source>late, then due in the next %1 days</source>
        <translation>en retard, puis à échéance dans les %1 prochains jours</translation>
    </message>
    <message>
        <source>%1 late; then due in the next %2 days</source>
        <translation>%1 en retard&#xa0;; puis à échéance dans les %2 prochains jours</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>No follow-up late or due in the next %1 days.</source>
        <translation>Aucun suivi en retard ou à échéance dans les %1 prochains jours.</translation>
    </message>
    <message>
        <source>Planned but past — record what happened</source>
        <translation>Planifiées mais passées — indiquez ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>joint activities still proposed, planned, confirmed or ongoing whose dates have passed: open one to record whether it was held, postponed or cancelled</source>
        <translation>activités conjointes encore proposées, planifiées, confirmées ou en cours dont les dates sont passées&#xa0;: ouvrez-en une pour indiquer si elle a eu lieu, a été reportée ou annulée</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>consultations and joint activities in the next %1 days</source>
        <translation>consultations et activités conjointes dans les %1 prochains jours</translation>
    </message>
    <message>
        <source>No consultation or joint activity in the next %1 days.</source>
        <translation>Aucune consultation ni activité conjointe dans les %1 prochains jours.</translation>
    </message>
    <message>
        <source>Joint activities by thematic area and year</source>
        <translation>Activités conjointes par domaine thématique et par année</translation>
    </message>
    <message>
        <source>click a count to list those activities</source>
        <translation>cliquez sur un nombre pour afficher ces activités</translation>
    </message>
    <message>
        <source>No joint activity linked to a thematic area yet.</source>
        <translation>Aucune activité conjointe n&apos;est encore rattachée à un domaine thématique.</translation>
    </message>
    <message>
        <source>Open the agreements in force</source>
        <translation>Ouvrir les accords en vigueur</translation>
    </message>
    <message>
        <source>Open the follow-ups list</source>
        <translation>Ouvrir la liste des suivis</translation>
    </message>
    <message>
        <source>Upcoming consultations</source>
        <translation>Consultations à venir</translation>
    </message>
    <message>
        <source>Upcoming joint activities</source>
        <translation>Activités conjointes à venir</translation>
    </message>
</context>
<context>
    <name>DashboardSection</name>
    <message>
        <source>Showing %1 of %2.</source>
        <translation>Affichage&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>DurationInput</name>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Fichier %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter this list…</source>
        <translation>Filtrer cette liste…</translation>
    </message>
    <message>
        <source>Filter this list</source>
        <translation>Filtrer cette liste</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Filtrer par type</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Filter by year</source>
        <translation>Filtrer par année</translation>
    </message>
    <message>
        <source>Any thematic area</source>
        <translation>Tous les domaines thématiques</translation>
    </message>
    <message>
        <source>Filter by thematic area</source>
        <translation>Filtrer par domaine thématique</translation>
    </message>
    <message>
        <source>Any partner</source>
        <translation>Tous les partenaires</translation>
    </message>
    <message>
        <source>Filter by partner</source>
        <translation>Filtrer par partenaire</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Dates from</source>
        <translation>Dates à partir du</translation>
    </message>
    <message>
        <source>Dates to</source>
        <translation>Dates jusqu&apos;au</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivés</translation>
    </message>
    <message>
        <source>Show archived records instead of current ones</source>
        <translation>Afficher les fiches archivées au lieu des fiches actuelles</translation>
    </message>
    <message>
        <source>1 record from the portfolio</source>
        <translation>1 fiche du portefeuille</translation>
    </message>
    <message>
        <source>%1 records from the portfolio</source>
        <translation>%1 fiches du portefeuille</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to PartnerDesk</source>
        <translation>Bienvenue dans PartnerDesk</translation>
    </message>
    <message>
        <source>PartnerDesk keeps your organization&apos;s cooperation agreements, consultations, joint activities and follow-ups. First, tell it which organization is yours.</source>
        <translation>PartnerDesk conserve les accords de coopération, les consultations, les activités conjointes et les suivis de votre organisation. Indiquez d&apos;abord quelle est votre organisation.</translation>
    </message>
    <message>
        <source>Start with the sample partnerships (seen from the World Customs Organization), to try PartnerDesk</source>
        <translation>Commencer avec les partenariats d&apos;exemple (vus depuis l&apos;Organisation mondiale des douanes), pour essayer PartnerDesk</translation>
    </message>
    <message>
        <source>Start with our own organization:</source>
        <translation>Commencer avec notre propre organisation&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. International Organization for Migration</source>
        <translation>p. ex. Organisation internationale pour les migrations</translation>
    </message>
    <message>
        <source>e.g. Geneva</source>
        <translation>p. ex. Genève</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Headquarters city</source>
        <translation>Ville du siège</translation>
    </message>
    <message>
        <source>Headquarters country</source>
        <translation>Pays du siège</translation>
    </message>
</context>
<context>
    <name>FollowUpsDueModel</name>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
</context>
<context>
    <name>FollowUpsFromDecisions</name>
    <message>
        <source>Follow-ups from decisions</source>
        <translation>Suivis issus des décisions</translation>
    </message>
    <message>
        <source>Each ticked decision becomes a follow-up of “%1”. Say who acts and by when.</source>
        <translation>Chaque décision cochée devient un suivi de «&#xa0;%1&#xa0;». Indiquez qui agit et pour quand.</translation>
    </message>
    <message>
        <source>Create follow-ups</source>
        <translation>Créer les suivis</translation>
    </message>
</context>
<context>
    <name>ImportRegistrationDialog</name>
    <message>
        <source>Import a registration sheet</source>
        <translation>Importer une liste d’inscription</translation>
    </message>
    <message>
        <source>&amp;Read the sheet</source>
        <translation>&amp;Lire la liste</translation>
    </message>
    <message numerus="yes">
        <source>%Ln participants can be added to the list.</source>
        <translation>
            <numerusform>%Ln participant peut être ajouté à la liste.</numerusform>
            <numerusform>%Ln participants peuvent être ajoutés à la liste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are left out: see Problems (correct them in the file and import it again, or add those people by hand).</source>
        <translation>
            <numerusform>%Ln ligne est laissée de côté&#xa0;: voir Problèmes (corrigez-la dans le fichier et importez-le à nouveau, ou ajoutez cette personne à la main).</numerusform>
            <numerusform>%Ln lignes sont laissées de côté&#xa0;: voir Problèmes (corrigez-les dans le fichier et importez-le à nouveau, ou ajoutez ces personnes à la main).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be added: see Problems.</source>
        <translation>Rien ne peut être ajouté&#xa0;: voir Problèmes.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %Ln participants</source>
        <translation>
            <numerusform>&amp;Ajouter %Ln participant</numerusform>
            <numerusform>&amp;Ajouter %Ln participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSpreadsheetDialog</name>
    <message>
        <source>Import from a spreadsheet</source>
        <translation>Importer depuis une feuille de calcul</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file</source>
        <translation>Un fichier .csv ou .xlsx</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <source>How the letters of a CSV file are written: choose it when they look wrong</source>
        <translation>Comment les lettres d’un fichier CSV sont codées&#xa0;: choisissez-le quand elles s’affichent mal</translation>
    </message>
    <message>
        <source>Found by itself</source>
        <translation>Détecté automatiquement</translation>
    </message>
    <message>
        <source>Unicode (UTF-8)</source>
        <translation>Unicode (UTF-8)</translation>
    </message>
    <message>
        <source>Unicode (UTF-16)</source>
        <translation>Unicode (UTF-16)</translation>
    </message>
    <message>
        <source>Western European (Windows-1252)</source>
        <translation>Europe occidentale (Windows-1252)</translation>
    </message>
    <message>
        <source>Central European (Windows-1250)</source>
        <translation>Europe centrale (Windows-1250)</translation>
    </message>
    <message>
        <source>Cyrillic (Windows-1251)</source>
        <translation>Cyrillique (Windows-1251)</translation>
    </message>
    <message>
        <source>Cyrillic (KOI8-R)</source>
        <translation>Cyrillique (KOI8-R)</translation>
    </message>
    <message>
        <source>Arabic (Windows-1256)</source>
        <translation>Arabe (Windows-1256)</translation>
    </message>
    <message>
        <source>Arabic (ISO-8859-6)</source>
        <translation>Arabe (ISO-8859-6)</translation>
    </message>
    <message>
        <source>Greek (Windows-1253)</source>
        <translation>Grec (Windows-1253)</translation>
    </message>
    <message>
        <source>Hebrew (Windows-1255)</source>
        <translation>Hébreu (Windows-1255)</translation>
    </message>
    <message>
        <source>Turkish (Windows-1254)</source>
        <translation>Turc (Windows-1254)</translation>
    </message>
    <message>
        <source>Thai (Windows-874)</source>
        <translation>Thaï (Windows-874)</translation>
    </message>
    <message>
        <source>Chinese, simplified (GB18030)</source>
        <translation>Chinois simplifié (GB18030)</translation>
    </message>
    <message>
        <source>Chinese, traditional (Big5)</source>
        <translation>Chinois traditionnel (Big5)</translation>
    </message>
    <message>
        <source>Japanese (Shift-JIS)</source>
        <translation>Japonais (Shift-JIS)</translation>
    </message>
    <message>
        <source>Japanese (EUC-JP)</source>
        <translation>Japonais (EUC-JP)</translation>
    </message>
    <message>
        <source>Korean (EUC-KR)</source>
        <translation>Coréen (EUC-KR)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Fiches</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>F&amp;euille</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>Co&amp;dage</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>Champ de destination</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Which column goes where</source>
        <translation>Quelle colonne va dans quel champ</translation>
    </message>
    <message>
        <source>The first rows, as they will come in</source>
        <translation>Les premières lignes, telles qu&apos;elles seront importées</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>C&amp;heck the whole file</source>
        <translation>&amp;Vérifier tout le fichier</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Choisir une feuille de calcul</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n&apos;a été importé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problems: nothing can be imported until they are corrected.</source>
        <translation>
            <numerusform>%Ln problème&#xa0;: rien ne peut être importé tant qu&apos;il n&apos;est pas corrigé.</numerusform>
            <numerusform>%Ln problèmes&#xa0;: rien ne peut être importé tant qu&apos;ils ne sont pas corrigés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %Ln problems. Correct the file, then import it again.</source>
        <translation>
            <numerusform>Rien n&apos;a été importé&#xa0;: %Ln problème. Corrigez le fichier, puis importez-le de nouveau.</numerusform>
            <numerusform>Rien n&apos;a été importé&#xa0;: %Ln problèmes. Corrigez le fichier, puis importez-le de nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>encodage %1</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.ods *.xls);;All files (*)</source>
        <translation>Feuilles de calcul (*.csv *.xlsx *.ods *.xls);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>virgule</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>point-virgule</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>separated by %1</source>
        <translation>séparateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>— leave out —</source>
        <translation>— ne pas importer —</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l&apos;aperçu…</translation>
    </message>
    <message>
        <source>Columns left out: %1.</source>
        <translation>Colonnes non importées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No problem found: the file can be imported.</source>
        <translation>Aucun problème trouvé&#xa0;: le fichier peut être importé.</translation>
    </message>
    <message>
        <source>Imported %1: %2.</source>
        <translation>%1 importé&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>Create partner “%1”…</source>
        <translation>Créer le partenaire «&#xa0;%1&#xa0;»…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portefeuille</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Tout rechercher</translation>
    </message>
    <message>
        <source>Search everything (%1)</source>
        <translation>Tout rechercher (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln conflit</numerusform>
            <numerusform>%Ln conflits</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the conflicts between stores to resolve them</source>
        <translation>Ouvrir les conflits entre bases pour les résoudre</translation>
    </message>
    <message>
        <source>Store: %1 — open read-only: changes cannot be saved</source>
        <translation>Base&#xa0;: %1 — ouverte en lecture seule&#xa0;: les modifications ne peuvent pas être enregistrées</translation>
    </message>
    <message>
        <source>Store: %1 — the last change is not confirmed on disk: close every other program that opens the store, then save again</source>
        <translation>Base&#xa0;: %1 — la dernière modification n&apos;est pas confirmée sur le disque&#xa0;: fermez tout autre programme qui ouvre la base, puis enregistrez de nouveau</translation>
    </message>
    <message>
        <source>Store: %1 — saved on disk; another program removed its journal at %2, and nothing was lost</source>
        <translation>Base&#xa0;: %1 — enregistrée sur le disque&#xa0;; un autre programme a supprimé son journal à %2, et rien n&apos;a été perdu</translation>
    </message>
    <message>
        <source>Store: %1 — saved on disk</source>
        <translation>Base&#xa0;: %1 — enregistrée sur le disque</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <source>Backup written and verified: %1</source>
        <translation>Sauvegarde écrite et vérifiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <source>Merge a sync bundle</source>
        <translation>Fusionner un lot de synchronisation</translation>
    </message>
    <message>
        <source>PartnerDesk sync bundle (*%1);;All files (*)</source>
        <translation>Lot de synchronisation PartnerDesk (*%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This computer offers no keyring: the password is kept only until PartnerDesk closes.</source>
        <translation>Cet ordinateur n&apos;offre pas de trousseau&#xa0;: le mot de passe n&apos;est gardé que jusqu&apos;à la fermeture de PartnerDesk.</translation>
    </message>
    <message>
        <source>Synced with the team server %1.</source>
        <translation>Synchronisé avec le serveur d&apos;équipe %1.</translation>
    </message>
    <message>
        <source>Changes sent: %1</source>
        <translation>Modifications envoyées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was synced: the merged records would break a rule.</source>
        <translation>Rien n&apos;a été synchronisé&#xa0;: les fiches fusionnées enfreindraient une règle.</translation>
    </message>
    <message>
        <source>Sync with the team server</source>
        <translation>Synchroniser avec le serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>Open a list (partners, agreements…) to export it.</source>
        <translation>Ouvrez une liste (partenaires, accords…) pour l&apos;exporter.</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Exporter cette liste</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>Tout exporter</translation>
    </message>
    <message>
        <source>Excel workbook, a sheet per kind (*.xlsx)</source>
        <translation>Classeur Excel, une feuille par type de fiche (*.xlsx)</translation>
    </message>
    <message>
        <source>PartnerDesk exchange file (*.json)</source>
        <translation>Fichier d&apos;échange PartnerDesk (*.json)</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendrier (*.ics)</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <source>Select a partner, or a consultation or an agreement with a partner, to prepare its briefing.</source>
        <translation>Sélectionnez un partenaire, ou une consultation ou un accord avec un partenaire, pour préparer sa note d&apos;information.</translation>
    </message>
    <message>
        <source>Officer name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Name written in the change history (empty: your computer login):</source>
        <translation>Nom inscrit dans l&apos;historique des modifications (vide&#xa0;: votre identifiant de session)&#xa0;:</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language of the window:</source>
        <translation>Langue de la fenêtre&#xa0;:</translation>
    </message>
    <message>
        <source>About PartnerDesk</source>
        <translation>À propos de PartnerDesk</translation>
    </message>
    <message>
        <source>PartnerDesk %1
Cooperation agreements, consultations, joint activities and follow-ups, offline.

Store: %2</source>
        <translation>PartnerDesk %1
Accords de coopération, consultations, activités conjointes et suivis, hors ligne.

Base&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-ups created.</source>
        <translation>
            <numerusform>%Ln suivi créé.</numerusform>
            <numerusform>%Ln suivis créés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewPartnerDialog</name>
    <message>
        <source>New partner</source>
        <translation>Nouveau partenaire</translation>
    </message>
    <message>
        <source>“%1” is not a partner yet. Add it to the partners:</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas encore un partenaire. L&apos;ajouter aux partenaires&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Acronym</source>
        <translation>&amp;Sigle</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Add partner</source>
        <translation>Ajouter le partenaire</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>AAAA-MM-JJ HH:MM</translation>
    </message>
    <message>
        <source>Choose in a calendar</source>
        <translation>Choisir dans un calendrier</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
</context>
<context>
    <name>ParticipantCounts</name>
    <message>
        <source>women: %1</source>
        <translation>femmes&#xa0;: %1</translation>
    </message>
    <message>
        <source>men: %1</source>
        <translation>hommes&#xa0;: %1</translation>
    </message>
    <message>
        <source>not recorded: %1</source>
        <translation>non enregistré&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln participants (%1)</source>
        <translation>
            <numerusform>%Ln participant (%1)</numerusform>
            <numerusform>%Ln participants (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>et %Ln autre</numerusform>
            <numerusform>et %Ln autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln countries: %1</source>
        <translation>
            <numerusform>%Ln pays&#xa0;: %1</numerusform>
            <numerusform>%Ln pays&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>country not recorded: %1</source>
        <translation>pays non enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsReportModel</name>
    <message>
        <source>Thematic area</source>
        <translation>Domaine thématique</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Joint activities</source>
        <translation>Activités conjointes</translation>
    </message>
    <message>
        <source>With participant figures</source>
        <translation>Avec chiffres de participation</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Femmes</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Hommes</translation>
    </message>
    <message>
        <source>Expected (not held yet)</source>
        <translation>Attendus (pas encore tenues)</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Tous les domaines</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
</context>
<context>
    <name>PartsInput</name>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
</context>
<context>
    <name>PartsModel</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Portfolio</source>
        <translation>Portefeuille</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>The review as the store knew it on that day: a past day recomputes it</source>
        <translation>La revue telle que la base la connaissait ce jour-là&#xa0;: un jour passé la recalcule</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>&amp;Thresholds…</source>
        <translation>&amp;Seuils…</translation>
    </message>
    <message>
        <source>Change the limits behind the verdicts</source>
        <translation>Modifier les limites qui fondent les appréciations</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Rapport…</translation>
    </message>
    <message>
        <source>The review as of this day, as a PDF report or an Excel workbook</source>
        <translation>La revue à cette date, en rapport PDF ou en classeur Excel</translation>
    </message>
    <message>
        <source>Agreements and their verdicts</source>
        <translation>Accords et leurs appréciations</translation>
    </message>
    <message>
        <source>Held per year</source>
        <translation>Tenu chaque année</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Filter the agreements…</source>
        <translation>Filtrer les accords…</translation>
    </message>
    <message>
        <source>Filter the agreements</source>
        <translation>Filtrer les accords</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Toutes les appréciations</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Appréciation</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Agreement kind</source>
        <translation>Type d’accord</translation>
    </message>
    <message>
        <source>Any partner kind</source>
        <translation>Tous les types de partenaire</translation>
    </message>
    <message>
        <source>Partner kind</source>
        <translation>Type de partenaire</translation>
    </message>
    <message>
        <source>Any thematic area</source>
        <translation>Tous les domaines thématiques</translation>
    </message>
    <message>
        <source>Filter by thematic area</source>
        <translation>Filtrer par domaine thématique</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>Tous les pays</translation>
    </message>
    <message>
        <source>Partner country</source>
        <translation>Pays du partenaire</translation>
    </message>
    <message>
        <source>Any year signed</source>
        <translation>Toutes les années de signature</translation>
    </message>
    <message>
        <source>Year signed</source>
        <translation>Année de signature</translation>
    </message>
    <message>
        <source>Filter by %1</source>
        <translation>Filtrer par %1</translation>
    </message>
    <message>
        <source>Show only these agreements; click again for all</source>
        <translation>N’afficher que ces accords&#xa0;; cliquer à nouveau pour tous</translation>
    </message>
    <message>
        <source>The review could not be computed.</source>
        <translation>La revue n’a pas pu être calculée.</translation>
    </message>
    <message>
        <source>No agreement was signed, in force or recorded on %1.</source>
        <translation>Aucun accord n’était signé, en vigueur ou enregistré le %1.</translation>
    </message>
    <message>
        <source>No agreements recorded yet. Record your organization&apos;s agreements on the Agreements page: each one is assessed here, with what was held under it and what is due.</source>
        <translation>Aucun accord enregistré pour l’instant. Enregistrez les accords de votre organisation dans la page Accords&#xa0;: chacun est apprécié ici, avec ce qui a été tenu à son titre et ce qui est dû.</translation>
    </message>
    <message>
        <source>In force: %1</source>
        <translation>En vigueur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Review due by the end of %1: %2</source>
        <translation>Révision due d’ici fin %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No partner recorded</source>
        <translation>Aucun partenaire enregistré</translation>
    </message>
    <message>
        <source>%1: %2 (%3 dormant)</source>
        <translation>%1&#xa0;: %2 (%3 en sommeil)</translation>
    </message>
    <message>
        <source>By partner kind: %1</source>
        <translation>Par type de partenaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 of %2 agreements shown · as of %3</source>
        <translation>%1 accords affichés sur %2 · au %3</translation>
    </message>
    <message>
        <source>Held per year under %1</source>
        <translation>Tenu chaque année au titre de %1</translation>
    </message>
    <message>
        <source>(with its project agreements)</source>
        <translation>(avec ses accords de projet)</translation>
    </message>
    <message>
        <source>Held per year under the agreement shown</source>
        <translation>Tenu chaque année au titre de l’accord affiché</translation>
    </message>
    <message>
        <source>Held per year under the %1 agreements shown</source>
        <translation>Tenu chaque année au titre des %1 accords affichés</translation>
    </message>
    <message>
        <source>(partners: %1)</source>
        <translation>(partenaires&#xa0;: %1)</translation>
    </message>
    <message>
        <source>Nothing held in these years</source>
        <translation>Rien n’a été tenu ces années-là</translation>
    </message>
    <message>
        <source>Finding the records…</source>
        <translation>Recherche des fiches…</translation>
    </message>
    <message>
        <source>No record behind this figure.</source>
        <translation>Aucune fiche derrière ce chiffre.</translation>
    </message>
</context>
<context>
    <name>PortfolioReportDialog</name>
    <message>
        <source>Portfolio report</source>
        <translation>Rapport sur le portefeuille</translation>
    </message>
    <message>
        <source>Every agreement, its verdict and its figures, as of %1.</source>
        <translation>Chaque accord, son appréciation et ses chiffres, au %1.</translation>
    </message>
    <message>
        <source>PDF report, for reading and printing</source>
        <translation>Rapport PDF, à lire et à imprimer</translation>
    </message>
    <message>
        <source>Excel workbook, one row per agreement</source>
        <translation>Classeur Excel, une ligne par accord</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Summary: counts by verdict and partner kind, the years&apos; chart</source>
        <translation>Synthèse&#xa0;: décomptes par appréciation et type de partenaire, graphique des années</translation>
    </message>
    <message>
        <source>The instruments: each with its verdict and figures</source>
        <translation>Les instruments&#xa0;: chacun avec son appréciation et ses chiffres</translation>
    </message>
    <message>
        <source>The rules behind the verdicts</source>
        <translation>Les règles qui fondent les appréciations</translation>
    </message>
    <message>
        <source>Your name, for the footer</source>
        <translation>Votre nom, pour le pied de page</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>Pap&amp;ier</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Rubriques</translation>
    </message>
    <message>
        <source>Prepared &amp;by</source>
        <translation>Préparé &amp;par</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Tick a section.</source>
        <translation>Cochez une rubrique.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the portfolio report</source>
        <translation>Enregistrer le rapport sur le portefeuille</translation>
    </message>
    <message>
        <source>Saved %1 (%2 agreements).</source>
        <translation>%1 enregistré (%2 accords).</translation>
    </message>
    <message>
        <source>an unexpected error, written to the log</source>
        <translation>une erreur inattendue, consignée dans le journal</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Rédaction du rapport…</translation>
    </message>
</context>
<context>
    <name>PortfolioTableModel</name>
    <message>
        <source>in the last %1 years</source>
        <translation>au cours des %1 dernières années</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Its reference, or its title when it has none</source>
        <translation>Sa référence, ou son titre s’il n’en a pas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Partner kind</source>
        <translation>Type de partenaire</translation>
    </message>
    <message>
        <source>The kind of its first partner</source>
        <translation>Le type de son premier partenaire</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Appréciation</translation>
    </message>
    <message>
        <source>Its colour and tooltip give the reasons</source>
        <translation>Sa couleur et son info-bulle en donnent les motifs</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motifs</translation>
    </message>
    <message>
        <source>Officers&apos; assessment</source>
        <translation>Évaluation des agents</translation>
    </message>
    <message>
        <source>The latest assessment recorded on the agreement by that day</source>
        <translation>La dernière évaluation enregistrée sur l’accord à cette date</translation>
    </message>
    <message>
        <source>Last held</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>The last consultation or joint activity held</source>
        <translation>La dernière consultation ou activité conjointe tenue</translation>
    </message>
    <message>
        <source>Activities
(%1 years)</source>
        <translation>Activités
(%1 ans)</translation>
    </message>
    <message>
        <source>Joint activities held %1</source>
        <translation>Activités conjointes tenues %1</translation>
    </message>
    <message>
        <source>Participants
(women/men)</source>
        <translation>Participants
(femmes/hommes)</translation>
    </message>
    <message>
        <source>In the joint activities held %1</source>
        <translation>Aux activités conjointes tenues %1</translation>
    </message>
    <message>
        <source>Consultations
(%1 years)</source>
        <translation>Consultations
(%1 ans)</translation>
    </message>
    <message>
        <source>Consultations held %1</source>
        <translation>Consultations tenues %1</translation>
    </message>
    <message>
        <source>Commitments
met · pending · not met</source>
        <translation>Engagements
tenus · en attente · non tenus</translation>
    </message>
    <message>
        <source>Follow-ups
open</source>
        <translation>Suivis
en cours</translation>
    </message>
    <message>
        <source>Follow-ups
late</source>
        <translation>Suivis
en retard</translation>
    </message>
    <message>
        <source>Open follow-ups past their due date</source>
        <translation>Suivis en cours dont l’échéance est passée</translation>
    </message>
    <message>
        <source>Project
agreements</source>
        <translation>Accords
de projet</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <source>The nearest of the review, the expiry and the last day to give notice</source>
        <translation>La plus proche de la révision, de l’expiration et du dernier jour de préavis</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signé</translation>
    </message>
    <message>
        <source>The year of the last signature</source>
        <translation>L’année de la dernière signature</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Préavis</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>dans %1 jours</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>il y a %1 jours</translation>
    </message>
    <message>
        <source>Double-click to open the records behind this figure</source>
        <translation>Double-cliquez pour ouvrir les fiches derrière ce chiffre</translation>
    </message>
    <message>
        <source>%1 met, %2 pending, %3 not met</source>
        <translation>%1 tenus, %2 en attente, %3 non tenus</translation>
    </message>
</context>
<context>
    <name>PortfolioThresholdsDialog</name>
    <message>
        <source>Portfolio thresholds</source>
        <translation>Seuils du portefeuille</translation>
    </message>
    <message>
        <source>The verdicts of the portfolio review follow these limits. They are kept in the store, so every officer sharing it sees the same verdicts.</source>
        <translation>Les appréciations de la revue du portefeuille suivent ces limites. Elles sont conservées dans la base&#xa0;: chaque agent qui la partage voit les mêmes appréciations.</translation>
    </message>
</context>
<context>
    <name>PrepareBriefingDialog</name>
    <message>
        <source>Prepare briefing</source>
        <translation>Préparer une note d&apos;information</translation>
    </message>
    <message>
        <source>Briefing on %1</source>
        <translation>Note d&apos;information sur %1</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Partenaire</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>The newest or nearest entries of each list are printed; the sheet says how many more PartnerDesk holds.</source>
        <translation>Les entrées les plus récentes ou les plus proches de chaque liste sont imprimées &#xa0;; la fiche indique combien d’autres PartnerDesk contient.</translation>
    </message>
    <message>
        <source>Your name, for the footer</source>
        <translation>Votre nom, pour le pied de page</translation>
    </message>
    <message>
        <source>Prepared &amp;by</source>
        <translation>Préparée &amp;par</translation>
    </message>
    <message>
        <source>Pape&amp;r</source>
        <translation>&amp;Papier</translation>
    </message>
    <message>
        <source>&amp;Headings in</source>
        <translation>&amp;Titres en</translation>
    </message>
    <message>
        <source>At &amp;most per section</source>
        <translation>Au plus par &amp;section</translation>
    </message>
    <message>
        <source>&amp;Talking points</source>
        <translation>Éléments de &amp;langage</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the briefing (%1)</source>
        <translation>Imprimer la note d’information (%1)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save the briefing as a PDF file (%1)</source>
        <translation>Enregistrer la note d’information en PDF (%1)</translation>
    </message>
    <message>
        <source>Period of past consultations and activities</source>
        <translation>Période des consultations et activités passées</translation>
    </message>
    <message>
        <source>%1 (two years back)</source>
        <translation>%1 (deux ans en arrière)</translation>
    </message>
    <message>
        <source>no end: everything upcoming</source>
        <translation>sans fin&#xa0;: tout ce qui est à venir</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <source>Agreements and open follow-ups are shown whatever their dates.</source>
        <translation>Les accords et les suivis ouverts sont présentés quelles que soient leurs dates.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Rubriques</translation>
    </message>
    <message>
        <source>Purpose of the meeting</source>
        <translation>Objet de la réunion</translation>
    </message>
    <message>
        <source>The partner at a glance</source>
        <translation>Le partenaire en bref</translation>
    </message>
    <message>
        <source>Framework of cooperation</source>
        <translation>Cadre de la coopération</translation>
    </message>
    <message>
        <source>Focal points, the meeting&apos;s participants and other contacts (personal data)</source>
        <translation>Points focaux, participants à la réunion et autres contacts (données personnelles)</translation>
    </message>
    <message>
        <source>Focal points and other contacts (personal data)</source>
        <translation>Points focaux et autres contacts (données personnelles)</translation>
    </message>
    <message>
        <source>Thematic areas of cooperation</source>
        <translation>Domaines thématiques de la coopération</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Joint activities</source>
        <translation>Activités conjointes</translation>
    </message>
    <message>
        <source>Open follow-up actions</source>
        <translation>Suivis ouverts</translation>
    </message>
    <message>
        <source>Participant lists of joint activities (personal data)</source>
        <translation>Listes de participants des activités conjointes (données personnelles)</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
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
        <source>%1: “%2” is not a date; write it as YYYY-MM-DD.</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas une date&#xa0;; écrivez-la AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>Preview not updated. %1</source>
        <translation>Aperçu non mis à jour. %1</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Pas d’aperçu&#xa0;: %1</translation>
    </message>
    <message>
        <source>These characters have no font and will print as empty boxes: %1</source>
        <translation>Ces caractères n’ont pas de police et s’imprimeront comme des cases vides&#xa0;: %1</translation>
    </message>
    <message>
        <source>Saving the briefing…</source>
        <translation>Enregistrement de la note d’information…</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>Enregistré&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <source>Print the briefing</source>
        <translation>Imprimer la note d’information</translation>
    </message>
    <message>
        <source>Not printed: %1</source>
        <translation>Non imprimé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Preparing the pages for the printer…</source>
        <translation>Préparation des pages pour l’imprimante…</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>Impression de la page %1 sur %2…</translation>
    </message>
    <message>
        <source>the printer could not be opened</source>
        <translation>l’imprimante n’a pas pu être ouverte</translation>
    </message>
    <message>
        <source>the printer refused a new page</source>
        <translation>l’imprimante a refusé une nouvelle page</translation>
    </message>
    <message>
        <source>Sent %1 to the printer.</source>
        <translation>Envoyé à l’imprimante&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Points the official should make, one per line</source>
        <translation>Points que la personne doit aborder, un par ligne</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>Éléments de langage</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the briefing</source>
        <translation>Enregistrer la note d&apos;information</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <source>Agreements</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Joint activities</source>
        <translation>Activités conjointes</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Sub-organizations</source>
        <translation>Sous-organisations</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Agreements under it</source>
        <translation>Accords qui en relèvent</translation>
    </message>
    <message>
        <source>Thematic areas</source>
        <translation>Domaines thématiques</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Provient de</translation>
    </message>
    <message>
        <source>Sub-areas</source>
        <translation>Sous-domaines</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Plan the next edition: same partners, areas and agreement; new dates</source>
        <translation>Préparer l&apos;édition suivante&#xa0;: mêmes partenaires, domaines et accord&#xa0;; nouvelles dates</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Joindre un fichier…</translation>
    </message>
    <message>
        <source>Follow-ups from decisions…</source>
        <translation>Suivis issus des décisions…</translation>
    </message>
    <message>
        <source>Select a record in the list to see it here, or press %1 to add one.</source>
        <translation>Sélectionnez une fiche dans la liste pour l&apos;afficher ici, ou appuyez sur %1 pour en ajouter une.</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>Planned but past: its dates have passed and its status is still “%1”. Record what happened (Edit): Completed, with its participants and results; Postponed; or Cancelled.</source>
        <translation>Planifiée mais passée&#xa0;: ses dates sont passées et son statut est toujours «&#xa0;%1&#xa0;». Indiquez ce qui s&apos;est passé (Modifier)&#xa0;: Terminée, avec ses participants et ses résultats&#xa0;; Reportée&#xa0;; ou Annulée.</translation>
    </message>
    <message>
        <source>Conflict: two stores changed %1 to different values; this view shows one of them.</source>
        <translation>Conflit&#xa0;: deux bases ont donné des valeurs différentes à %1&#xa0;; cette fiche montre l&apos;une d&apos;elles.</translation>
    </message>
    <message>
        <source>Choose the value to keep</source>
        <translation>Choisir la valeur à garder</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more, not listed here.</source>
        <translation>
            <numerusform>… et %Ln de plus, non énuméré ici.</numerusform>
            <numerusform>… et %Ln de plus, non énumérés ici.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln earlier changes</source>
        <translation>
            <numerusform>et %Ln modification antérieure</numerusform>
            <numerusform>et %Ln modifications antérieures</numerusform>
        </translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
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
        <source>(archived or missing record)</source>
        <translation>(fiche archivée ou introuvable)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivage</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Impossible d&apos;ouvrir le fichier</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Fichier non joint</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>“%1” is not a partner yet: choose a partner in the list, or add it with “Create partner”.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas encore un partenaire&#xa0;: choisissez un partenaire dans la liste, ou ajoutez-le avec «&#xa0;Créer le partenaire&#xa0;».</translation>
    </message>
    <message>
        <source>“%1” names nothing in the list: choose one there.</source>
        <translation>«&#xa0;%1&#xa0;» ne désigne rien dans la liste&#xa0;: choisissez-y une fiche.</translation>
    </message>
    <message>
        <source>Import registration sheet…</source>
        <translation>Importer une liste d’inscription…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Next edition of “%1”</source>
        <translation>Édition suivante de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Nouvelle fiche&#xa0;: %1</translation>
    </message>
    <message>
        <source>Counted from the participant list</source>
        <translation>Compté d&apos;après la liste des participants</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Still needed before saving:</source>
        <translation>Encore nécessaire avant d&apos;enregistrer&#xa0;:</translation>
    </message>
    <message>
        <source>Correct the fields marked in red first.</source>
        <translation>Corrigez d&apos;abord les champs signalés en rouge.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln participants added: save the activity to keep them.</source>
        <translation>
            <numerusform>%Ln participant ajouté&#xa0;: enregistrez l’activité pour le conserver.</numerusform>
            <numerusform>%Ln participants ajoutés&#xa0;: enregistrez l’activité pour les conserver.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Save the changes to this %1?</source>
        <translation>Enregistrer les modifications de cette fiche (%1)&#xa0;?</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Archive %1</source>
        <translation>Archiver %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Restauré.</translation>
    </message>
    <message>
        <source>Archived. Undo (%1) brings it back.</source>
        <translation>Archivé. Annuler (%1) le rétablit.</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>(archived or missing record)</source>
        <translation>(fiche archivée ou introuvable)</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Conflict: two stores changed this record; see the Conflicts page</source>
        <translation>Conflit&#xa0;: deux bases ont modifié cette fiche&#xa0;; voir la page Conflits</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>PartnerDesk cannot open its store</source>
        <translation>PartnerDesk ne peut pas ouvrir sa base</translation>
    </message>
    <message>
        <source>Looking for a sound backup…</source>
        <translation>Recherche d’une sauvegarde saine…</translation>
    </message>
    <message>
        <source>&amp;Restore the newest backup</source>
        <translation>&amp;Restaurer la sauvegarde la plus récente</translation>
    </message>
    <message>
        <source>&amp;Choose a backup file…</source>
        <translation>&amp;Choisir un fichier de sauvegarde…</translation>
    </message>
    <message>
        <source>Start with an &amp;empty store</source>
        <translation>Commencer avec une base &amp;vide</translation>
    </message>
    <message>
        <source>The damaged store is kept beside it, untouched.</source>
        <translation>La base endommagée est conservée à côté, intacte.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>No sound backup was found in %1.</source>
        <translation>Aucune sauvegarde saine n’a été trouvée dans %1.</translation>
    </message>
    <message>
        <source>The newest sound backup was taken on %1 (%2).</source>
        <translation>La sauvegarde saine la plus récente date du %1 (%2).</translation>
    </message>
    <message>
        <source>Taken on %1. The file that could not be opened is kept beside the store.</source>
        <translation>Faite le %1. Le fichier qui ne pouvait pas être ouvert est conservé à côté de la base.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Choisir une sauvegarde</translation>
    </message>
    <message>
        <source>PartnerDesk stores (*.sqlite);;All files (*)</source>
        <translation>Bases PartnerDesk (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>Restauration de %1…</translation>
    </message>
    <message>
        <source>Restored from the backup %1.</source>
        <translation>Restaurée à partir de la sauvegarde %1.</translation>
    </message>
    <message>
        <source>The store that could not be opened was kept as %1.</source>
        <translation>La base qui ne pouvait pas être ouverte a été conservée sous %1.</translation>
    </message>
    <message>
        <source>Start with an empty store</source>
        <translation>Commencer avec une base vide</translation>
    </message>
    <message>
        <source>The damaged store will be kept beside it, untouched, and PartnerDesk will start with an empty store. Go on?</source>
        <translation>La base endommagée sera conservée à côté, intacte, et PartnerDesk démarrera avec une base vide. Continuer&#xa0;?</translation>
    </message>
    <message>
        <source>The damaged store was kept as %1; this is a new, empty store.</source>
        <translation>La base endommagée a été conservée sous %1&#xa0;; voici une nouvelle base vide.</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>Rien n&apos;a été restauré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records match “%1”.</source>
        <translation>
            <numerusform>Une fiche correspond à «&#xa0;%1&#xa0;».</numerusform>
            <numerusform>%Ln fiches correspondent à «&#xa0;%1&#xa0;».</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try fewer or shorter words.</source>
        <translation>Aucun résultat pour «&#xa0;%1&#xa0;». Essayez avec moins de mots, ou des mots plus courts.</translation>
    </message>
</context>
<context>
    <name>StorageCounts</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThematicAreaActions</name>
    <message>
        <source>Add area</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add an area at the top level of the tree</source>
        <translation>Ajouter un domaine au premier niveau de l&apos;arborescence</translation>
    </message>
    <message>
        <source>Add sub-area</source>
        <translation>Sous-domaine</translation>
    </message>
    <message>
        <source>Add a sub-area under the selected area</source>
        <translation>Ajouter un sous-domaine sous le domaine sélectionné</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Edit the name in the tree; Tab goes to the code</source>
        <translation>Modifier le nom dans l&apos;arborescence&#xa0;; Tab passe au code</translation>
    </message>
    <message>
        <source>Move under…</source>
        <translation>Déplacer sous…</translation>
    </message>
    <message>
        <source>Place the selected area under another one, or at the top level</source>
        <translation>Placer le domaine sélectionné sous un autre, ou au premier niveau</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <source>Fold the selected area into another one: what is filed under it moves there</source>
        <translation>Fondre le domaine sélectionné dans un autre&#xa0;: ce qui y est classé y est déplacé</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Archive the selected area</source>
        <translation>Archiver le domaine sélectionné</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Bring the archived area back into use</source>
        <translation>Remettre en usage le domaine archivé</translation>
    </message>
    <message>
        <source>Archive the selected area (it can be restored: tick “Show archived”)</source>
        <translation>Archiver le domaine sélectionné (il pourra être restauré&#xa0;: cochez «&#xa0;Afficher les archivés&#xa0;»)</translation>
    </message>
</context>
<context>
    <name>ThematicAreasPage</name>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Added “%1”.</source>
        <translation>«&#xa0;%1&#xa0;» ajouté.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Description saved.</source>
        <translation>Description enregistrée.</translation>
    </message>
    <message>
        <source>“%1” is now a top-level area.</source>
        <translation>«&#xa0;%1&#xa0;» est désormais un domaine de premier niveau.</translation>
    </message>
    <message>
        <source>“%1” is now under “%2”.</source>
        <translation>«&#xa0;%1&#xa0;» est désormais sous «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Restored “%1”.</source>
        <translation>«&#xa0;%1&#xa0;» restauré.</translation>
    </message>
    <message>
        <source>Archived “%1”. Tick “Show archived” to see it and restore it.</source>
        <translation>«&#xa0;%1&#xa0;» archivé. Cochez «&#xa0;Afficher les archivés&#xa0;» pour le voir et le restaurer.</translation>
    </message>
</context>
<context>
    <name>YearChart</name>
    <message>
        <source>Joint activities</source>
        <translation>Activités conjointes</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>%1: %2 joint activities, %3 consultations</source>
        <translation>%1&#xa0;: %2 activités conjointes, %3 consultations</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>Add a record to the list shown</source>
        <translation>Ajouter une fiche à la liste affichée</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the record being edited</source>
        <translation>Enregistrer la fiche en cours de modification</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Modifier la fiche sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <source>Plan the next edition of the selected joint activity: same partners, areas and agreement; new dates</source>
        <translation>Préparer l&apos;édition suivante de l&apos;activité conjointe sélectionnée&#xa0;: mêmes partenaires, domaines et accord&#xa0;; nouvelles dates</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>Arc&amp;hiver</translation>
    </message>
    <message>
        <source>Archive the selected record (it can be restored)</source>
        <translation>Archiver la fiche sélectionnée (elle pourra être restaurée)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Rétablir ce qui a été annulé</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Re&amp;chercher…</translation>
    </message>
    <message>
        <source>Search every record</source>
        <translation>Rechercher dans toutes les fiches</translation>
    </message>
    <message>
        <source>&amp;Prepare briefing…</source>
        <translation>&amp;Préparer une note d&apos;information…</translation>
    </message>
    <message>
        <source>Print the briefing sheet on the selected partner, consultation or agreement</source>
        <translation>Imprimer la note d&apos;information sur le partenaire, la consultation ou l&apos;accord sélectionné</translation>
    </message>
    <message>
        <source>Briefing…</source>
        <translation>Note d&apos;information…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder</translation>
    </message>
    <message>
        <source>Write a verified copy of the store to the backups folder</source>
        <translation>Écrire une copie vérifiée de la base dans le dossier des sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>&amp;Importer depuis une feuille de calcul…</translation>
    </message>
    <message>
        <source>Bring in partners, contacts, agreements or activities from CSV or XLSX</source>
        <translation>Importer des partenaires, des contacts, des accords ou des activités depuis un fichier CSV ou XLSX</translation>
    </message>
    <message>
        <source>&amp;Merge a sync bundle…</source>
        <translation>&amp;Fusionner un lot de synchronisation…</translation>
    </message>
    <message>
        <source>Bring in another store&apos;s changes from a sync bundle (.pdsync), field by field</source>
        <translation>Reprendre les modifications d’une autre base depuis un lot de synchronisation (.pdsync), champ par champ</translation>
    </message>
    <message>
        <source>Connect to a &amp;team server…</source>
        <translation>Se c&amp;onnecter à un serveur d&apos;équipe…</translation>
    </message>
    <message>
        <source>Sync this laptop with your organization&apos;s team server (PostgreSQL)</source>
        <translation>Synchroniser cet ordinateur avec le serveur d&apos;équipe de votre organisation (PostgreSQL)</translation>
    </message>
    <message>
        <source>S&amp;ync with the team server</source>
        <translation>Synchroniser avec le serve&amp;ur d&apos;équipe</translation>
    </message>
    <message>
        <source>Send this laptop&apos;s changes to the team server and take the others&apos;, field by field</source>
        <translation>Envoyer les modifications de cet ordinateur au serveur d&apos;équipe et reprendre celles des autres, champ par champ</translation>
    </message>
    <message>
        <source>Disconnect from the team server</source>
        <translation>Se déconnecter du serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>Stop syncing with the team server and forget its password on this laptop</source>
        <translation>Arrêter la synchronisation avec le serveur d&apos;équipe et oublier son mot de passe sur cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Export this list…</source>
        <translation>E&amp;xporter cette liste…</translation>
    </message>
    <message>
        <source>Export the list as it is filtered: XLSX, CSV, or its dates as a calendar</source>
        <translation>Exporter la liste telle qu&apos;elle est filtrée&#xa0;: XLSX, CSV, ou ses dates sous forme de calendrier</translation>
    </message>
    <message>
        <source>Export e&amp;verything…</source>
        <translation>Exporter &amp;tout…</translation>
    </message>
    <message>
        <source>Export the whole store: exchange file (JSON), XLSX workbook or calendar</source>
        <translation>Exporter toute la base&#xa0;: fichier d&apos;échange (JSON), classeur XLSX ou calendrier</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>Exporter le &amp;calendrier…</translation>
    </message>
    <message>
        <source>Meetings, activities, follow-up due dates and agreement deadlines as an iCalendar file</source>
        <translation>Réunions, activités, échéances des suivis et des accords dans un fichier iCalendar</translation>
    </message>
    <message>
        <source>Close editor</source>
        <translation>Fermer l&apos;éditeur</translation>
    </message>
    <message>
        <source>Close the editor (asks before losing changes)</source>
        <translation>Fermer l&apos;éditeur (demande confirmation avant de perdre des modifications)</translation>
    </message>
    <message>
        <source>Officer &amp;name…</source>
        <translation>&amp;Votre nom…</translation>
    </message>
    <message>
        <source>The name written in the change history</source>
        <translation>Le nom inscrit dans l&apos;historique des modifications</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Langue…</translation>
    </message>
    <message>
        <source>Choose the language of the window</source>
        <translation>Choisir la langue de la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close PartnerDesk</source>
        <translation>Fermer PartnerDesk</translation>
    </message>
    <message>
        <source>&amp;About PartnerDesk</source>
        <translation>À &amp;propos de PartnerDesk</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>%1

Open it read-only (you can read, search and print briefings, not change anything), or quit?</source>
        <translation>%1

L’ouvrir en lecture seule (vous pourrez consulter, chercher et imprimer des notes d’information, sans rien modifier), ou quitter&#xa0;?</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>PartnerDesk cannot open its store.

%1</source>
        <translation>PartnerDesk ne peut pas ouvrir sa base.

%1</translation>
    </message>
    <message>
        <source>a PartnerDesk store</source>
        <translation>une base PartnerDesk</translation>
    </message>
    <message>
        <source>The check of the whole store found damage:
%1

PartnerDesk will close this store and offer to restore the newest good backup.</source>
        <translation>La vérification de toute la base a trouvé un dommage&#xa0;:
%1

PartnerDesk va fermer cette base et proposer de restaurer la sauvegarde saine la plus récente.</translation>
    </message>
    <message>
        <source>Backup taken and verified: %1</source>
        <translation>Sauvegarde faite et vérifiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unsaved work found</source>
        <translation>Travail non enregistré retrouvé</translation>
    </message>
    <message>
        <source>PartnerDesk stopped while %1 had unsaved changes. Open them to review and save?</source>
        <translation>PartnerDesk s&apos;est arrêté alors que des modifications n&apos;étaient pas enregistrées (%1). Les ouvrir pour les vérifier et les enregistrer&#xa0;?</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Online meeting</source>
        <translation>Réunion en ligne</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Cancelled: {title}</source>
        <translation>Annulée&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Postponed: {title}</source>
        <translation>Reportée&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Postponed from</source>
        <translation>Reportée, initialement prévue</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Joint activity</source>
        <translation>Activité conjointe</translation>
    </message>
    <message>
        <source>{title} — session {number} of {count}</source>
        <translation>{title} — séance {number} sur {count}</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>Modalité de la séance</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>Done: {text}</source>
        <translation>Fait&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Dropped: {text}</source>
        <translation>Abandonné&#xa0;: {text}</translation>
    </message>
    <message>
        <source>LATE — due: {text}</source>
        <translation>EN RETARD — échéance&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Due: {text}</source>
        <translation>Échéance&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Achevé le</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Prochain examen</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Last day to give notice of termination</source>
        <translation>Dernier jour pour notifier la dénonciation</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Entry into force</source>
        <translation>Entrée en vigueur</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Termination notice (months)</source>
        <translation>Préavis de dénonciation (mois)</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>Academia / research</source>
        <translation>Milieu universitaire / recherche</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Arrangement on cooperation</source>
        <translation>Arrangement de coopération</translation>
    </message>
    <message>
        <source>Joint assessment</source>
        <translation>Évaluation conjointe</translation>
    </message>
    <message>
        <source>Awaiting signature</source>
        <translation>En attente de signature</translation>
    </message>
    <message>
        <source>Bilateral consultation</source>
        <translation>Consultation bilatérale</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Awareness campaign</source>
        <translation>Campagne de sensibilisation</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Conference</source>
        <translation>Conférence</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Cooperation agreement</source>
        <translation>Accord de coopération</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>En sommeil</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>Exchange of letters</source>
        <translation>Échange de lettres</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation>Point focal</translation>
    </message>
    <message>
        <source>Head of organization</source>
        <translation>Chef de l&apos;organisation</translation>
    </message>
    <message>
        <source>High-level visit</source>
        <translation>Visite de haut niveau</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybride</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Chef de file</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En présentiel</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Information material</source>
        <translation>Matériel d&apos;information</translation>
    </message>
    <message>
        <source>Intergovernmental organization</source>
        <translation>Organisation intergouvernementale</translation>
    </message>
    <message>
        <source>Joint declaration</source>
        <translation>Déclaration conjointe</translation>
    </message>
    <message>
        <source>Letter of intent</source>
        <translation>Lettre d&apos;intention</translation>
    </message>
    <message>
        <source>Memorandum of understanding</source>
        <translation>Mémorandum d&apos;accord</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Très bon</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Maintenir</translation>
    </message>
    <message>
        <source>Revise</source>
        <translation>Réviser</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Dénoncer</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Respecté</translation>
    </message>
    <message>
        <source>National administration</source>
        <translation>Administration nationale</translation>
    </message>
    <message>
        <source>NGO / civil society</source>
        <translation>ONG / société civile</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Non respecté</translation>
    </message>
    <message>
        <source>Observer at a partner&apos;s meeting</source>
        <translation>Observateur à une réunion d&apos;un partenaire</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Reportée</translation>
    </message>
    <message>
        <source>Private sector</source>
        <translation>Secteur privé</translation>
    </message>
    <message>
        <source>Project agreement</source>
        <translation>Accord de projet</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposée</translation>
    </message>
    <message>
        <source>Prospective</source>
        <translation>En prospection</translation>
    </message>
    <message>
        <source>Regional body</source>
        <translation>Organisme régional</translation>
    </message>
    <message>
        <source>Joint research / publication</source>
        <translation>Recherche / publication conjointe</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Séminaire</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Standard operating procedure</source>
        <translation>Procédure opérationnelle normalisée</translation>
    </message>
    <message>
        <source>Steering committee</source>
        <translation>Comité de pilotage</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <source>Technical assistance mission</source>
        <translation>Mission d&apos;assistance technique</translation>
    </message>
    <message>
        <source>Technical contact</source>
        <translation>Contact technique</translation>
    </message>
    <message>
        <source>Technical meeting</source>
        <translation>Réunion technique</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Dénoncé</translation>
    </message>
    <message>
        <source>Training course</source>
        <translation>Formation</translation>
    </message>
    <message>
        <source>UN entity</source>
        <translation>Entité des Nations Unies</translation>
    </message>
    <message>
        <source>Under negotiation</source>
        <translation>En négociation</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Organisateur</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Financement</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Voyages</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>Experts</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>Interprétation</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Matériel</translation>
    </message>
</context>
<context>
    <name>coverage</name>
    <message>
        <source>No thematic area</source>
        <translation>Sans domaine thématique</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Tous les domaines</translation>
    </message>
    <message>
        <source>All partners</source>
        <translation>Tous les partenaires</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Activities report</source>
        <translation>Rapport sur les activités</translation>
    </message>
    <message>
        <source>Area code</source>
        <translation>Code du domaine</translation>
    </message>
    <message>
        <source>Thematic area</source>
        <translation>Domaine thématique</translation>
    </message>
    <message>
        <source>With participant figures</source>
        <translation>Avec chiffres de participation</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Femmes</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Hommes</translation>
    </message>
    <message>
        <source>Expected (not held yet)</source>
        <translation>Attendus (pas encore tenues)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>PartnerDesk coverage, {day}</source>
        <translation>Couverture PartnerDesk, {day}</translation>
    </message>
    <message>
        <source>Counted: agreements, consultations and joint activities that are not archived (cancelled activities are left out).</source>
        <translation>Décompte&#xa0;: accords, consultations et activités conjointes non archivés (les activités annulées sont exclues).</translation>
    </message>
    <message>
        <source>Partner: the parties to an agreement, the organizations present at a consultation, the lead and partner organizations of an activity (our own organization is left out).</source>
        <translation>Partenaire&#xa0;: les parties à un accord, les organisations présentes à une consultation, l&apos;organisation chef de file et les organisations partenaires d&apos;une activité (notre propre organisation est exclue).</translation>
    </message>
    <message>
        <source>Thematic area: a record filed under sub-areas counts once for their top-level area. A record under two areas, or with two partners, counts in both cells, and once in “All areas” and “All partners”.</source>
        <translation>Domaine thématique&#xa0;: une fiche classée sous des sous-domaines compte une seule fois pour leur domaine de premier niveau. Une fiche classée sous deux domaines, ou avec deux partenaires, compte dans les deux cellules, et une seule fois dans «&#xa0;Tous les domaines&#xa0;» et «&#xa0;Tous les partenaires&#xa0;».</translation>
    </message>
    <message>
        <source>Year: an agreement&apos;s entry into force (else its last signature), a consultation&apos;s start, an activity&apos;s first day. Records without a date count in “All years” only.</source>
        <translation>Année&#xa0;: l&apos;entrée en vigueur d&apos;un accord (à défaut, sa dernière signature), le début d&apos;une consultation, le premier jour d&apos;une activité. Les fiches sans date ne comptent que dans «&#xa0;Toutes les années&#xa0;».</translation>
    </message>
    <message>
        <source>Participants: the sum of the figures recorded on each activity held (completed or ongoing); “With participant figures” says how many of them have them. Participants expected at activities not held yet are counted apart, never as participants.</source>
        <translation>Participants&#xa0;: la somme des chiffres enregistrés pour chaque activité tenue (terminée ou en cours)&#xa0;; «&#xa0;Avec chiffres de participation&#xa0;» indique combien en ont. Les participants attendus aux activités pas encore tenues sont comptés à part, jamais comme participants.</translation>
    </message>
    <message>
        <source>Columns: “{area}” itself (records filed directly under it) and its sub-areas, into which deeper areas roll up; only records filed in that branch count.</source>
        <translation>Colonnes&#xa0;: «&#xa0;{area}&#xa0;» lui-même (fiches classées directement sous ce domaine) et ses sous-domaines, dans lesquels sont regroupés les domaines de niveau inférieur&#xa0;; seules comptent les fiches classées dans cette branche.</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Next review</source>
        <translation>Prochain examen</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Last day to give notice of termination</source>
        <translation>Dernier jour pour notifier la dénonciation</translation>
    </message>
</context>
<context>
    <name>durations</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h&#xa0;%2</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>There was not enough memory to finish: nothing was changed. Close other programs and try again.</source>
        <translation>La mémoire a manqué pour terminer&#xa0;: rien n&apos;a été modifié. Fermez d&apos;autres programmes et réessayez.</translation>
    </message>
    <message>
        <source>{file}: {reason}. Nothing was changed.</source>
        <translation>{file}&#xa0;: {reason}. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>A file or the disk could not be used: {reason}. Nothing was changed.</source>
        <translation>Un fichier ou le disque n&apos;a pas pu être utilisé&#xa0;: {reason}. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>PartnerDesk</source>
        <translation>PartnerDesk</translation>
    </message>
</context>
<context>
    <name>exchange_file</name>
    <message>
        <source>%1 cannot be imported: this window has the store open read-only.</source>
        <translation>%1 ne peut pas être importé&#xa0;: cette fenêtre a ouvert la base en lecture seule.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 holds %2.</source>
        <translation>%1 contient %2.</translation>
    </message>
    <message>
        <source>%1 holds no records.</source>
        <translation>%1 ne contient aucun enregistrement.</translation>
    </message>
    <message>
        <source>It was exported on %1.</source>
        <translation>Il a été exporté le %1.</translation>
    </message>
    <message>
        <source>Importing it adds %1, changes %2 this store holds and leaves %3 as they are.</source>
        <translation>L&apos;importer ajoute %1, modifie %2 déjà présents dans cette base et laisse %3 tels quels.</translation>
    </message>
    <message>
        <source>Import an exchange file?</source>
        <translation>Importer un fichier d&apos;échange&#xa0;?</translation>
    </message>
    <message>
        <source>Import it into this store?</source>
        <translation>L&apos;importer dans cette base&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>%1 was not imported.</source>
        <translation>%1 n&apos;a pas été importé.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>Imported %1: %2.</source>
        <translation>%1 importé&#xa0;: %2.</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
    <message>
        <source>%1 cannot be imported; nothing was imported.</source>
        <translation>%1 ne peut pas être importé&#xa0;; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Import an exchange file</source>
        <translation>Importer un fichier d&apos;échange</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Acronym</source>
        <translation>Sigle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Active from</source>
        <translation>Début de fonction</translation>
    </message>
    <message>
        <source>Active to</source>
        <translation>Fin de fonction</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Amendement</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>Amendements</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Évalué par</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Évaluations</translation>
    </message>
    <message>
        <source>Beneficiary countries</source>
        <translation>Pays bénéficiaires</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Achevé le</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Date of signature</source>
        <translation>Date de signature</translation>
    </message>
    <message>
        <source>Date of assessment</source>
        <translation>Date de l’évaluation</translation>
    </message>
    <message>
        <source>Dormant after (years)</source>
        <translation>En sommeil après (années)</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Date d&apos;échéance</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Durée (minutes)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Entry into force</source>
        <translation>Entrée en vigueur</translation>
    </message>
    <message>
        <source>Expiring within (days)</source>
        <translation>Arrive à échéance sous (jours)</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Headquarters address</source>
        <translation>Adresse du siège</translation>
    </message>
    <message>
        <source>In force since</source>
        <translation>En vigueur depuis</translation>
    </message>
    <message>
        <source>Key provisions</source>
        <translation>Dispositions principales</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Chef de file</translation>
    </message>
    <message>
        <source>Lead organization</source>
        <translation>Organisation chef de file</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>Enseignements tirés</translation>
    </message>
    <message>
        <source>Mandate summary</source>
        <translation>Résumé du mandat</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name in French</source>
        <translation>Nom en français</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Prochain examen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Organizations present</source>
        <translation>Organisations présentes</translation>
    </message>
    <message>
        <source>Our organization</source>
        <translation>Notre organisation</translation>
    </message>
    <message>
        <source>Parent agreement</source>
        <translation>Accord-cadre</translation>
    </message>
    <message>
        <source>Parent area</source>
        <translation>Domaine parent</translation>
    </message>
    <message>
        <source>Parent organization</source>
        <translation>Organisation mère</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Participants (men)</source>
        <translation>Participants (hommes)</translation>
    </message>
    <message>
        <source>Participants (total)</source>
        <translation>Participants (total)</translation>
    </message>
    <message>
        <source>Participants (women)</source>
        <translation>Participants (femmes)</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Place of signature</source>
        <translation>Lieu de signature</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Quiet after (years)</source>
        <translation>Peu actif après (années)</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Appréciation</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Reference code</source>
        <translation>Code de référence</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Relationship status</source>
        <translation>Statut de la relation</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Review due within (days)</source>
        <translation>Révision due sous (jours)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Signatory&apos;s title</source>
        <translation>Fonction du signataire</translation>
    </message>
    <message>
        <source>Source record</source>
        <translation>Fiche d&apos;origine</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Supersedes</source>
        <translation>Remplace</translation>
    </message>
    <message>
        <source>Termination notice (months)</source>
        <translation>Préavis de dénonciation (mois)</translation>
    </message>
    <message>
        <source>Thematic areas</source>
        <translation>Domaines thématiques</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Title / position</source>
        <translation>Titre / fonction</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>Satisfaction moyenne</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Coûts</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Evaluation forms returned</source>
        <translation>Formulaires d&apos;évaluation rendus</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Key feedback</source>
        <translation>Principaux commentaires</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Narrative report</source>
        <translation>Rapport narratif</translation>
    </message>
    <message>
        <source>Organization (not a partner)</source>
        <translation>Organisation (non partenaire)</translation>
    </message>
    <message>
        <source>Original end date</source>
        <translation>Date de fin initiale</translation>
    </message>
    <message>
        <source>Original start date</source>
        <translation>Date de début initiale</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Payé par</translation>
    </message>
    <message>
        <source>Participant list</source>
        <translation>Liste des participants</translation>
    </message>
    <message>
        <source>Participants expected</source>
        <translation>Participants attendus</translation>
    </message>
    <message>
        <source>Reason for postponement</source>
        <translation>Motif du report</translation>
    </message>
    <message>
        <source>Satisfaction scale (highest score)</source>
        <translation>Échelle de satisfaction (note maximale)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Thematic area</source>
        <translation>Domaine thématique</translation>
    </message>
    <message>
        <source>Thematic areas</source>
        <translation>Domaines thématiques</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Accords</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Joint activity</source>
        <translation>Activité conjointe</translation>
    </message>
    <message>
        <source>Joint activities</source>
        <translation>Activités conjointes</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Suivis</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Nothing was saved (1 problem): {problems}</source>
        <translation>Rien n&apos;a été enregistré (1 problème)&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>Nothing was saved ({count} problems): {problems}</source>
        <translation>Rien n&apos;a été enregistré ({count} problèmes)&#xa0;: {problems}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>ajoutés&#xa0;: {added}, mis à jour&#xa0;: {updated}, inchangés&#xa0;: {unchanged}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>{file}, {place}</source>
        <translation>{file}, {place}</translation>
    </message>
    <message>
        <source>{where}: {limit}.</source>
        <translation>{where}&#xa0;: {limit}.</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} octets</translation>
    </message>
    <message>
        <source>{file} ({size}): {limit}.</source>
        <translation>{file} ({size})&#xa0;: {limit}.</translation>
    </message>
    <message>
        <source>an exchange file may be at most {limit}</source>
        <translation>un fichier d&apos;échange ne peut pas dépasser {limit}</translation>
    </message>
    <message>
        <source>an exchange file may hold at most {limit} records</source>
        <translation>un fichier d&apos;échange peut contenir au plus {limit} fiches</translation>
    </message>
    <message>
        <source>a spreadsheet may be at most {limit}</source>
        <translation>une feuille de calcul ne peut pas dépasser {limit}</translation>
    </message>
    <message>
        <source>a sheet may hold at most {limit} rows</source>
        <translation>une feuille peut contenir au plus {limit} lignes</translation>
    </message>
    <message>
        <source>a sheet may have at most {limit} columns</source>
        <translation>une feuille peut avoir au plus {limit} colonnes</translation>
    </message>
    <message>
        <source>a sheet may hold at most {limit} filled cells</source>
        <translation>une feuille peut contenir au plus {limit} cellules remplies</translation>
    </message>
    <message>
        <source>a cell may hold at most {limit} characters</source>
        <translation>une cellule peut contenir au plus {limit} caractères</translation>
    </message>
    <message>
        <source>a workbook may hold at most {limit} parts</source>
        <translation>un classeur peut contenir au plus {limit} parties</translation>
    </message>
    <message>
        <source>each part of a workbook may unpack to at most {limit}</source>
        <translation>chaque partie d&apos;un classeur peut occuper au plus {limit} une fois décompressée</translation>
    </message>
    <message>
        <source>a workbook may hold at most {limit} different texts</source>
        <translation>un classeur peut contenir au plus {limit} textes différents</translation>
    </message>
    <message>
        <source>a workbook may declare at most {limit} cell styles</source>
        <translation>un classeur peut déclarer au plus {limit} styles de cellule</translation>
    </message>
    <message>
        <source>an attached file may be at most {limit}</source>
        <translation>un fichier joint ne peut pas dépasser {limit}</translation>
    </message>
    <message>
        <source>a sync bundle may be at most {limit}</source>
        <translation>un paquet de synchronisation ne peut pas dépasser {limit}</translation>
    </message>
    <message>
        <source>a sync bundle may hold at most {limit} parts</source>
        <translation>un paquet de synchronisation peut contenir au plus {limit} parties</translation>
    </message>
    <message>
        <source>the JSON part of a sync bundle may unpack to at most {limit}</source>
        <translation>la partie JSON d&apos;un paquet de synchronisation ne peut pas dépasser {limit} une fois décompressée</translation>
    </message>
    <message>
        <source>a sync bundle may carry at most {limit} changes</source>
        <translation>un paquet de synchronisation peut porter au plus {limit} modifications</translation>
    </message>
    <message>
        <source>a sync bundle may carry at most {limit} records</source>
        <translation>un paquet de synchronisation peut porter au plus {limit} fiches</translation>
    </message>
    <message>
        <source>{count} GB</source>
        <translation>{count}&#xa0;Go</translation>
    </message>
    <message>
        <source>{count} MB</source>
        <translation>{count}&#xa0;Mo</translation>
    </message>
    <message>
        <source>{path} is a link to nothing, not {what}.</source>
        <translation>{path} est un lien vers rien, pas {what}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not {what}: choose a file in it.</source>
        <translation>{path} est un dossier, et non {what}&#xa0;: choisissez un fichier dans ce dossier.</translation>
    </message>
    <message>
        <source>{path} is a named pipe, not {what}: PartnerDesk reads only files saved on a disk (a pipe could keep it waiting forever).</source>
        <translation>{path} est un tube nommé, et non {what}&#xa0;: PartnerDesk ne lit que des fichiers enregistrés sur un disque (un tube pourrait le faire attendre indéfiniment).</translation>
    </message>
    <message>
        <source>{path} is a device, not {what}: PartnerDesk reads only files saved on a disk.</source>
        <translation>{path} est un périphérique, et non {what}&#xa0;: PartnerDesk ne lit que des fichiers enregistrés sur un disque.</translation>
    </message>
    <message>
        <source>{path} is not a regular file but a socket or another special file, not {what}.</source>
        <translation>{path} n&apos;est pas un fichier ordinaire mais un socket ou un autre fichier spécial, et non {what}.</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <translation>ce fichier ou ce dossier n&apos;existe pas</translation>
    </message>
    <message>
        <source>permission denied (you are not allowed to do this)</source>
        <translation>permission refusée (vous n&apos;avez pas le droit de le faire)</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>c&apos;est un dossier, et non un fichier</translation>
    </message>
    <message>
        <source>a part of its path is not a folder</source>
        <translation>une partie de son chemin n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>it is a link that leads round in a circle</source>
        <translation>c&apos;est un lien qui tourne en rond</translation>
    </message>
    <message>
        <source>its name is too long</source>
        <translation>son nom est trop long</translation>
    </message>
    <message>
        <source>the disk could not be read or written (it, or the connection to it, may be failing)</source>
        <translation>le disque n&apos;a pas pu être lu ou écrit (le disque, ou la connexion vers lui, est peut-être défaillant)</translation>
    </message>
    <message>
        <source>the device it names is not there</source>
        <translation>le périphérique qu&apos;il désigne est absent</translation>
    </message>
    <message>
        <source>the disk or folder is read-only</source>
        <translation>le disque ou le dossier est en lecture seule</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>your disk quota is used up</source>
        <translation>votre quota de disque est épuisé</translation>
    </message>
    <message>
        <source>it is in use by another program</source>
        <translation>il est utilisé par un autre programme</translation>
    </message>
    <message>
        <source>a file of that name is in the way</source>
        <translation>un fichier de ce nom existe déjà</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>Impossible de lire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>There is not enough memory to read {path}: close other programs, or split the file, and try again.</source>
        <translation>La mémoire manque pour lire {path}&#xa0;: fermez d&apos;autres programmes, ou divisez le fichier, et réessayez.</translation>
    </message>
    <message>
        <source>{file}, {part}: it declares an XML document type, which no spreadsheet program writes (it is how XML bombs are made).</source>
        <translation>{file}, {part}&#xa0;: elle déclare un type de document XML, ce qu&apos;aucun tableur n&apos;écrit (c&apos;est ainsi que sont faites les bombes XML).</translation>
    </message>
    <message>
        <source>an exchange file</source>
        <translation>un fichier d&apos;échange</translation>
    </message>
    <message>
        <source>a sync bundle</source>
        <translation>un paquet de synchronisation</translation>
    </message>
    <message>
        <source>{file} is not a sync bundle (it is not a zip container).</source>
        <translation>{file} n&apos;est pas un paquet de synchronisation (ce n&apos;est pas une archive zip).</translation>
    </message>
    <message>
        <source>{file} is damaged: its zip container cannot be read ({error}).</source>
        <translation>{file} est endommagé&#xa0;: son archive zip est illisible ({error}).</translation>
    </message>
    <message>
        <source>{file}: the part “{part}” is not one a sync bundle holds (only {json} and attachments/ followed by a SHA-256).</source>
        <translation>{file}&#xa0;: la partie «&#xa0;{part}&#xa0;» n&apos;a pas sa place dans un paquet de synchronisation (seulement {json} et attachments/ suivi d&apos;un SHA-256).</translation>
    </message>
    <message>
        <source>{file}: a part is named twice.</source>
        <translation>{file}&#xa0;: une partie porte deux fois le même nom.</translation>
    </message>
    <message>
        <source>{file} is not a sync bundle: it holds no {json}.</source>
        <translation>{file} n&apos;est pas un paquet de synchronisation&#xa0;: il ne contient pas de {json}.</translation>
    </message>
    <message>
        <source>{file} is not a sync bundle (its JSON must be an object).</source>
        <translation>{file} n&apos;est pas un paquet de synchronisation (son JSON doit être un objet).</translation>
    </message>
    <message>
        <source>“{key}” is not a part of a sync bundle.</source>
        <translation>«&#xa0;{key}&#xa0;» ne fait pas partie d&apos;un paquet de synchronisation.</translation>
    </message>
    <message>
        <source>store_id must be an id (a UUID).</source>
        <translation>store_id doit être un identifiant (un UUID).</translation>
    </message>
    <message>
        <source>for_store_id must be an id (a UUID) or empty.</source>
        <translation>for_store_id doit être un identifiant (un UUID) ou vide.</translation>
    </message>
    <message>
        <source>vector must map store ids to whole numbers.</source>
        <translation>vector doit associer des identifiants de base à des nombres entiers.</translation>
    </message>
    <message>
        <source>“{key}” must be a list.</source>
        <translation>«&#xa0;{key}&#xa0;» doit être une liste.</translation>
    </message>
    <message>
        <source>records must map kinds of record to lists.</source>
        <translation>records doit associer des types de fiche à des listes.</translation>
    </message>
    <message>
        <source>{count} changes</source>
        <translation>{count} modifications</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} fiches</translation>
    </message>
    <message>
        <source>A record must be an object with an id (a UUID).</source>
        <translation>Une fiche doit être un objet avec un identifiant (un UUID).</translation>
    </message>
    <message>
        <source>The file is not a PartnerDesk sync bundle (format is “{found}”, expected “{expected}”).</source>
        <translation>Le fichier n&apos;est pas un paquet de synchronisation PartnerDesk (le format est «&#xa0;{found}&#xa0;», «&#xa0;{expected}&#xa0;» attendu).</translation>
    </message>
    <message>
        <source>Bundle version “{version}” is not a whole number.</source>
        <translation>La version du paquet «&#xa0;{version}&#xa0;» n&apos;est pas un nombre entier.</translation>
    </message>
    <message>
        <source>The bundle was written by a newer PartnerDesk (bundle format version {version}); this version reads version {supported}. Update PartnerDesk, then sync again.</source>
        <translation>Le paquet a été écrit par une version plus récente de PartnerDesk (format de paquet version {version})&#xa0;; cette version lit la version {supported}. Mettez PartnerDesk à jour, puis synchronisez à nouveau.</translation>
    </message>
    <message>
        <source>schema_revision must be text.</source>
        <translation>schema_revision doit être un texte.</translation>
    </message>
    <message>
        <source>The bundle comes from a store with a newer schema (revision {theirs}) than this PartnerDesk knows (revision {ours}). Update PartnerDesk, then sync again; nothing was changed.</source>
        <translation>Le paquet vient d&apos;une base au schéma plus récent (révision {theirs}) que celui que connaît ce PartnerDesk (révision {ours}). Mettez PartnerDesk à jour, puis synchronisez à nouveau&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>A conflict must name a record (kind, id), a field and at least two sides, each with store_id, seq, changed_at, changed_by and value.</source>
        <translation>Un conflit doit nommer une fiche (type, identifiant), un champ et au moins deux versions, chacune avec store_id, seq, changed_at, changed_by et value.</translation>
    </message>
    <message>
        <source>An attachment must have an id, its record&apos;s kind and id, a file name (at most 255 characters, no folder in it), a size of at most {limit}, a SHA-256 and when it was attached.</source>
        <translation>Une pièce jointe doit avoir un identifiant, le type et l&apos;identifiant de sa fiche, un nom de fichier (255 caractères au plus, sans dossier), une taille d&apos;au plus {limit}, un SHA-256 et sa date d&apos;ajout.</translation>
    </message>
    <message>
        <source>{file}: the attached file “{name}” is missing or not of the size it says (attachments[{n}]).</source>
        <translation>{file}&#xa0;: la pièce jointe «&#xa0;{name}&#xa0;» manque ou n&apos;a pas la taille annoncée (attachments[{n}]).</translation>
    </message>
    <message>
        <source>{file}: the attached file “{name}” belongs to a record that is neither in the bundle nor in this store.</source>
        <translation>{file}&#xa0;: la pièce jointe «&#xa0;{name}&#xa0;» appartient à une fiche qui n&apos;est ni dans le paquet ni dans cette base.</translation>
    </message>
    <message>
        <source>{file}: the attached file “{name}” is damaged (its bytes do not match its SHA-256).</source>
        <translation>{file}&#xa0;: la pièce jointe «&#xa0;{name}&#xa0;» est endommagée (ses octets ne correspondent pas à son SHA-256).</translation>
    </message>
    <message>
        <source>{file} cannot be imported: it is not UTF-8 text.</source>
        <translation>{file} ne peut pas être importé&#xa0;: ce n&apos;est pas du texte UTF-8.</translation>
    </message>
    <message>
        <source>{file} cannot be imported: it is empty.</source>
        <translation>{file} ne peut pas être importé&#xa0;: le fichier est vide.</translation>
    </message>
    <message>
        <source>{file} cannot be imported: it ends too early (line {line}); it may be truncated.</source>
        <translation>{file} ne peut pas être importé&#xa0;: il s&apos;arrête trop tôt (ligne {line})&#xa0;; il est peut-être tronqué.</translation>
    </message>
    <message>
        <source>{file} cannot be imported: it is not valid JSON: {error} at line {line}, column {column}.</source>
        <translation>{file} ne peut pas être importé&#xa0;: ce n&apos;est pas du JSON valide&#xa0;: {error} à la ligne {line}, colonne {column}.</translation>
    </message>
    <message>
        <source>The file is not a PartnerDesk exchange document (it must be a JSON object).</source>
        <translation>Le fichier n&apos;est pas un document d&apos;échange PartnerDesk (ce doit être un objet JSON).</translation>
    </message>
    <message>
        <source>The file is not a PartnerDesk exchange document (format is “{found}”, expected “{expected}”).</source>
        <translation>Le fichier n&apos;est pas un document d&apos;échange PartnerDesk (format «&#xa0;{found}&#xa0;» au lieu de «&#xa0;{expected}&#xa0;»).</translation>
    </message>
    <message>
        <source>The file was written by a newer PartnerDesk (format version {version}); this version reads version {supported}. Update PartnerDesk.</source>
        <translation>Le fichier a été écrit par une version plus récente de PartnerDesk (version de format {version})&#xa0;; cette version lit la version {supported}. Mettez PartnerDesk à jour.</translation>
    </message>
    <message>
        <source>Format version “{version}” is not supported; this version reads version {supported}.</source>
        <translation>La version de format «&#xa0;{version}&#xa0;» n&apos;est pas prise en charge&#xa0;; cette version lit la version {supported}.</translation>
    </message>
    <message>
        <source>“{key}” is not a part of the exchange format.</source>
        <translation>«&#xa0;{key}&#xa0;» ne fait pas partie du format d&apos;échange.</translation>
    </message>
    <message>
        <source>“{key}” must be a list of records.</source>
        <translation>«&#xa0;{key}&#xa0;» doit être une liste de fiches.</translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged; {conflicts} field(s) in conflict with a newer edit here, on {records} record(s)</source>
        <translation>ajoutés&#xa0;: {added}, mis à jour&#xa0;: {updated}, inchangés&#xa0;: {unchanged}&#xa0;; champs en conflit avec une modification plus récente faite ici&#xa0;: {conflicts}, sur {records} fiche(s)</translation>
    </message>
    <message>
        <source>The id {id} is used twice in the file (also by {other}).</source>
        <translation>L&apos;identifiant {id} est utilisé deux fois dans le fichier (aussi par {other}).</translation>
    </message>
    <message>
        <source>The id {id} already belongs to a {kind} in this store.</source>
        <translation>L&apos;identifiant {id} appartient déjà à une autre fiche de cette base (type&#xa0;: {kind}).</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>thematic area</source>
        <translation>domaine thématique</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>accord</translation>
    </message>
    <message>
        <source>consultation</source>
        <translation>consultation</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>activité</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>suivi</translation>
    </message>
    <message>
        <source>{field} cannot be empty.</source>
        <translation>{field}&#xa0;: ce champ ne peut pas être vide.</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>{field}&#xa0;: ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>{field} must be text.</source>
        <translation>{field}&#xa0;: ce champ doit contenir du texte.</translation>
    </message>
    <message>
        <source>{field} is too long: {length} characters, at most {max}.</source>
        <translation>{field}&#xa0;: le texte est trop long ({length} caractères, au plus {max}).</translation>
    </message>
    <message>
        <source>{field} “{value}” does not look like an email address (name@example.org).</source>
        <translation>{field}&#xa0;: «&#xa0;{value}&#xa0;» ne ressemble pas à une adresse électronique (nom@exemple.org).</translation>
    </message>
    <message>
        <source>{field} {value} is not a real date.</source>
        <translation>{field}&#xa0;: {value} n&apos;existe pas dans le calendrier.</translation>
    </message>
    <message>
        <source>{field} must be a date written YYYY-MM-DD, not “{value}”.</source>
        <translation>{field}&#xa0;: une date écrite AAAA-MM-JJ est attendue, et non «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>{field} {value} is out of range (years {min} to {max}).</source>
        <translation>{field}&#xa0;: {value} est hors limites (années {min} à {max}).</translation>
    </message>
    <message>
        <source>{field} must be a date and time written YYYY-MM-DDTHH:MM, not “{value}”.</source>
        <translation>{field}&#xa0;: une date et une heure écrites AAAA-MM-JJTHH:MM sont attendues, et non «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>{field} must be a date and time written YYYY-MM-DDTHH:MM.</source>
        <translation>{field}&#xa0;: une date et une heure écrites AAAA-MM-JJTHH:MM sont attendues.</translation>
    </message>
    <message>
        <source>{field} is out of range (years {min} to {max}).</source>
        <translation>{field}&#xa0;: hors limites (années {min} à {max}).</translation>
    </message>
    <message>
        <source>{field} must be an ISO 8601 timestamp.</source>
        <translation>{field}&#xa0;: un horodatage ISO 8601 est attendu.</translation>
    </message>
    <message>
        <source>{field} must be a whole number, not “{value}”.</source>
        <translation>{field}&#xa0;: un nombre entier est attendu, et non «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>{field} cannot be negative.</source>
        <translation>{field}&#xa0;: la valeur ne peut pas être négative.</translation>
    </message>
    <message>
        <source>{field} is too large (at most {max}).</source>
        <translation>{field}&#xa0;: la valeur est trop grande (au maximum {max}).</translation>
    </message>
    <message>
        <source>{field} must be true or false.</source>
        <translation>{field}&#xa0;: la valeur doit être true (vrai) ou false (faux).</translation>
    </message>
    <message>
        <source>{field} “{value}” is not one of: {allowed}.</source>
        <translation>{field}&#xa0;: «&#xa0;{value}&#xa0;» ne fait pas partie des valeurs admises&#xa0;: {allowed}.</translation>
    </message>
    <message>
        <source>{field} “{value}” is not an ISO 3166 country code (for example BE, CH, ZM).</source>
        <translation>{field}&#xa0;: «&#xa0;{value}&#xa0;» n&apos;est pas un code de pays ISO 3166 (par exemple BE, CH, ZM).</translation>
    </message>
    <message>
        <source>{field} “{value}” is not a known time zone (for example Europe/Brussels).</source>
        <translation>{field}&#xa0;: «&#xa0;{value}&#xa0;» n&apos;est pas un fuseau horaire connu (par exemple Europe/Brussels).</translation>
    </message>
    <message>
        <source>{field} must be a list.</source>
        <translation>{field}&#xa0;: une liste est attendue.</translation>
    </message>
    <message>
        <source>{field} “{value}” is not a language code (for example en, fr, ar, zh).</source>
        <translation>{field}&#xa0;: «&#xa0;{value}&#xa0;» n&apos;est pas un code de langue (par exemple en, fr, ar, zh).</translation>
    </message>
    <message>
        <source>{field} must be a number, not “{value}”.</source>
        <translation>{field}&#xa0;: il faut un nombre, pas «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>{field} has more than {count} decimals: {value}.</source>
        <translation>{field}&#xa0;: plus de {count} décimales&#xa0;: {value}.</translation>
    </message>
    <message>
        <source>{field} “{value}” is not an ISO 4217 currency code (for example EUR, USD, KES).</source>
        <translation>{field}&#xa0;: «&#xa0;{value}&#xa0;» n&apos;est pas un code de devise ISO 4217 (par exemple EUR, USD, KES).</translation>
    </message>
    <message>
        <source>{field} must be an object.</source>
        <translation>{field}&#xa0;: il faut un objet.</translation>
    </message>
    <message>
        <source>{item} {number} must be an object.</source>
        <translation>{item} {number}&#xa0;: un objet est attendu.</translation>
    </message>
    <message>
        <source>“{key}” is not a field of {parts}.</source>
        <translation>«&#xa0;{key}&#xa0;» n&apos;est pas un champ de la liste «&#xa0;{parts}&#xa0;».</translation>
    </message>
    <message>
        <source>its id {id} is given to another one too.</source>
        <translation>son identifiant {id} est aussi donné à un autre.</translation>
    </message>
    <message>
        <source>{item} {number}: {message}</source>
        <translation>{item} {number}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{field} “{value}” is not a valid id (a UUID such as 0f8e…).</source>
        <translation>{field}&#xa0;: «&#xa0;{value}&#xa0;» n&apos;est pas un identifiant valide (un UUID tel que 0f8e…).</translation>
    </message>
    <message>
        <source>no organization has the id {id}.</source>
        <translation>aucune organisation n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>no contact has the id {id}.</source>
        <translation>aucun contact n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>no thematic area has the id {id}.</source>
        <translation>aucun domaine thématique n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>no agreement has the id {id}.</source>
        <translation>aucun accord n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>no consultation has the id {id}.</source>
        <translation>aucune consultation n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>no joint activity has the id {id}.</source>
        <translation>aucune activité conjointe n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>no follow-up has the id {id}.</source>
        <translation>aucun suivi n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>no {kind} has the id {id}.</source>
        <translation>aucune fiche «&#xa0;{kind}&#xa0;» n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>An organization cannot be placed under itself or under one of its own sub-organizations.</source>
        <translation>Une organisation ne peut être placée ni sous elle-même ni sous l&apos;une de ses propres sous-organisations.</translation>
    </message>
    <message>
        <source>Another organization is already marked as ours; only one can be.</source>
        <translation>Une autre organisation est déjà marquée comme la nôtre&#xa0;; une seule peut l&apos;être.</translation>
    </message>
    <message>
        <source>Active to ({end}) is before active from ({start}).</source>
        <translation>La fin de fonction ({end}) est antérieure au début de fonction ({start}).</translation>
    </message>
    <message>
        <source>A thematic area cannot be placed under itself or under one of its own sub-areas.</source>
        <translation>Un domaine thématique ne peut être placé ni sous lui-même ni sous l&apos;un de ses propres sous-domaines.</translation>
    </message>
    <message>
        <source>An agreement needs at least two parties (it has {count}).</source>
        <translation>Un accord doit compter au moins deux parties (il en compte {count}).</translation>
    </message>
    <message>
        <source>this organization is already a party.</source>
        <translation>cette organisation est déjà partie à l&apos;accord.</translation>
    </message>
    <message>
        <source>Expiry date ({end}) is before entry into force ({start}).</source>
        <translation>La date d&apos;expiration ({end}) est antérieure à l&apos;entrée en vigueur ({start}).</translation>
    </message>
    <message>
        <source>Entry into force ({start}) is before the first signature ({signed}).</source>
        <translation>L&apos;entrée en vigueur ({start}) est antérieure à la première signature ({signed}).</translation>
    </message>
    <message>
        <source>An agreement cannot be placed under itself or under one of its own sub-agreements.</source>
        <translation>Un accord ne peut être placé ni sous lui-même ni sous l&apos;un de ses propres accords subordonnés.</translation>
    </message>
    <message>
        <source>An agreement cannot supersede itself.</source>
        <translation>Un accord ne peut pas se remplacer lui-même.</translation>
    </message>
    <message>
        <source>An agreement cannot supersede one that supersedes it, directly or through a chain of agreements.</source>
        <translation>Un accord ne peut pas remplacer un accord qui le remplace, directement ou par une chaîne d&apos;accords.</translation>
    </message>
    <message>
        <source>the party who undertook it is not a party to this agreement.</source>
        <translation>la partie qui s&apos;y est engagée n&apos;est pas partie à cet accord.</translation>
    </message>
    <message>
        <source>choose a contact or type a name.</source>
        <translation>choisissez un contact ou saisissez un nom.</translation>
    </message>
    <message>
        <source>End date ({end}) is before start date ({start}).</source>
        <translation>La date de fin ({end}) est antérieure à la date de début ({start}).</translation>
    </message>
    <message>
        <source>Women ({women}) and men ({men}) add up to more than the total ({total}).</source>
        <translation>Le nombre de femmes ({women}) et d&apos;hommes ({men}) dépasse le total ({total}).</translation>
    </message>
    <message>
        <source>this organization is already listed.</source>
        <translation>cette organisation figure déjà dans la liste.</translation>
    </message>
    <message>
        <source>A completed activity cannot lie in the future: it ends on {day}, and today is {today}. Choose another status, or correct its dates.</source>
        <translation>Une activité terminée ne peut pas se situer dans l&apos;avenir&#xa0;: elle se termine le {day}, et nous sommes le {today}. Choisissez un autre statut, ou corrigez ses dates.</translation>
    </message>
    <message>
        <source>Original end date ({end}) is before original start date ({start}).</source>
        <translation>La date de fin initiale ({end}) précède la date de début initiale ({start}).</translation>
    </message>
    <message>
        <source>Give the original start date with the original end date.</source>
        <translation>Indiquez la date de début initiale avec la date de fin initiale.</translation>
    </message>
    <message>
        <source>choose a partner or type an organization&apos;s name, not both.</source>
        <translation>choisissez un partenaire ou saisissez le nom d&apos;une organisation, pas les deux.</translation>
    </message>
    <message>
        <source>the email {email} is already participant {other}&apos;s.</source>
        <translation>l&apos;adresse {email} est déjà celle du participant {other}.</translation>
    </message>
    <message>
        <source>its end date ({end}) is before its date ({start}).</source>
        <translation>sa date de fin ({end}) précède sa date ({start}).</translation>
    </message>
    <message>
        <source>its start ({at}) is not on its date ({start}).</source>
        <translation>son début ({at}) n&apos;est pas à sa date ({start}).</translation>
    </message>
    <message>
        <source>it lies outside the activity&apos;s dates ({first} to {last}): move the session, or the activity&apos;s dates.</source>
        <translation>elle se situe hors des dates de l&apos;activité ({first} au {last})&#xa0;: déplacez la séance, ou les dates de l&apos;activité.</translation>
    </message>
    <message>
        <source>give the currency of the amount.</source>
        <translation>indiquez la devise du montant.</translation>
    </message>
    <message>
        <source>who paid is neither the lead organization nor a partner of this activity.</source>
        <translation>qui a payé n&apos;est ni l&apos;organisation chef de file ni un partenaire de cette activité.</translation>
    </message>
    <message>
        <source>Give the satisfaction scale&apos;s highest score (for example 5) with the average.</source>
        <translation>Indiquez la note maximale de l&apos;échelle de satisfaction (par exemple 5) avec la moyenne.</translation>
    </message>
    <message>
        <source>The satisfaction scale&apos;s highest score must be at least 1.</source>
        <translation>La note maximale de l&apos;échelle de satisfaction doit être d&apos;au moins 1.</translation>
    </message>
    <message>
        <source>The average satisfaction ({average}) is above the scale&apos;s highest score ({scale}).</source>
        <translation>La satisfaction moyenne ({average}) dépasse la note maximale de l&apos;échelle ({scale}).</translation>
    </message>
    <message>
        <source>More evaluation forms were returned ({forms}) than there were participants ({total}).</source>
        <translation>Plus de formulaires d&apos;évaluation ont été rendus ({forms}) qu&apos;il n&apos;y avait de participants ({total}).</translation>
    </message>
    <message>
        <source>An open follow-up needs a due date.</source>
        <translation>Un suivi ouvert doit avoir une date d&apos;échéance.</translation>
    </message>
    <message>
        <source>Give both the kind and the id of the record this follow-up comes from, or neither.</source>
        <translation>Indiquez à la fois le type et l&apos;identifiant de la fiche d&apos;origine de ce suivi, ou aucun des deux.</translation>
    </message>
    <message>
        <source>No thematic area has the id {id}.</source>
        <translation>Aucun domaine thématique n&apos;a l&apos;identifiant {id}.</translation>
    </message>
    <message>
        <source>The thematic area “{area}” is archived; restore it first.</source>
        <translation>Le domaine thématique «&#xa0;{area}&#xa0;» est archivé&#xa0;; restaurez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>A thematic area cannot be merged into itself.</source>
        <translation>Un domaine thématique ne peut pas être fusionné dans lui-même.</translation>
    </message>
    <message>
        <source>“{area}” cannot be merged into its own sub-area “{sub_area}”: choose an area outside it, or move the sub-area out first.</source>
        <translation>«&#xa0;{area}&#xa0;» ne peut pas être fusionné dans son propre sous-domaine «&#xa0;{sub_area}&#xa0;»&#xa0;: choisissez un domaine extérieur, ou sortez d&apos;abord le sous-domaine.</translation>
    </message>
    <message>
        <source>“{value}” is neither yes nor no.</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est ni oui ni non.</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est pas un nombre entier.</translation>
    </message>
    <message>
        <source>{value} is not a whole number.</source>
        <translation>{value} n&apos;est pas un nombre entier.</translation>
    </message>
    <message>
        <source>{value} is a number, not a date: format the cell as a date, or write YYYY-MM-DD.</source>
        <translation>{value} est un nombre, pas une date&#xa0;: mettez la cellule au format date, ou écrivez AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>“{value}” is not a real date.</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;existe pas dans le calendrier.</translation>
    </message>
    <message>
        <source>“{value}” is not a date: use a date cell, or write it as YYYY-MM-DD.</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est pas une date&#xa0;: utilisez une cellule au format date, ou écrivez-la AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>The export was cancelled: no file was written.</source>
        <translation>L&apos;exportation a été annulée&#xa0;: aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>This column and column “{other}” both fill {field}: choose one.</source>
        <translation>Cette colonne et la colonne «&#xa0;{other}&#xa0;» remplissent toutes deux le champ «&#xa0;{field}&#xa0;»&#xa0;: choisissez-en une.</translation>
    </message>
    <message>
        <source>No column of the file fills a field of {kinds}: name the columns as in the exchange format, for example {examples}.</source>
        <translation>Aucune colonne du fichier ne remplit un champ des fiches «&#xa0;{kinds}&#xa0;»&#xa0;: nommez les colonnes comme dans le format d&apos;échange, par exemple {examples}.</translation>
    </message>
    <message>
        <source>{file} has a header but no rows to import.</source>
        <translation>{file} a une ligne d&apos;en-tête mais aucune ligne à importer.</translation>
    </message>
    <message>
        <source>“{value}” is not an id (a UUID such as 0f8e…); leave the cell empty for a new record.</source>
        <translation>«&#xa0;{value}&#xa0;» n&apos;est pas un identifiant (un UUID tel que 0f8e…)&#xa0;; laissez la cellule vide pour une nouvelle fiche.</translation>
    </message>
    <message>
        <source>{count} {kinds} in the store match this row: add an id column with the id of the one to update.</source>
        <translation>{count} fiches de la base ({kinds}) correspondent à cette ligne&#xa0;: ajoutez une colonne id contenant l&apos;identifiant de celle à mettre à jour.</translation>
    </message>
    <message>
        <source>This row is about the same {kind} as row {other}: a record goes on one row only.</source>
        <translation>Cette ligne porte sur la même fiche ({kind}) que la ligne {other}&#xa0;: une fiche ne doit figurer que sur une seule ligne.</translation>
    </message>
    <message>
        <source>{count} values for {parts} {what}: write one per organization of the column “{lead}”, in the same order, separated by “;” (leave one empty as in “a;;c”).</source>
        <translation>Nombre de valeurs ({count}) différent du nombre de {what} ({parts})&#xa0;: écrivez-en une par organisation de la colonne «&#xa0;{lead}&#xa0;», dans le même ordre, séparées par «&#xa0;;&#xa0;» (laissez-en une vide comme dans «&#xa0;a;;c&#xa0;»).</translation>
    </message>
    <message>
        <source>{message} (The file has no such column.)</source>
        <translation>{message} (Le fichier n&apos;a pas cette colonne.)</translation>
    </message>
    <message>
        <source>The file has no such column, and {count} rows need it; on row {row}: {message}</source>
        <translation>Le fichier n&apos;a pas cette colonne, dont {count} lignes ont besoin&#xa0;; à la ligne {row}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was imported.</source>
        <translation>L&apos;importation a été annulée&#xa0;: rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>ligne {row}</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>ligne {row}, colonne {column}</translation>
    </message>
    <message>
        <source>a spreadsheet</source>
        <translation>une feuille de calcul</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} est vide.</translation>
    </message>
    <message>
        <source>{file} cannot be read as {encoding}: no such encoding.</source>
        <translation>{file} ne peut pas être lu en {encoding}&#xa0;: ce codage n’existe pas.</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file (it holds binary data). Save the spreadsheet as CSV or as an Excel workbook (.xlsx).</source>
        <translation>{file} n&apos;est pas un fichier texte CSV (il contient des données binaires). Enregistrez la feuille de calcul en CSV ou comme classeur Excel (.xlsx).</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>ligne {line}</translation>
    </message>
    <message>
        <source>{place} ({count} columns)</source>
        <translation>{place} ({count} colonnes)</translation>
    </message>
    <message>
        <source>{file}: the quoted cell that opens on line {line} is never closed: a quotation mark is missing.</source>
        <translation>{file}&#xa0;: la cellule entre guillemets qui s&apos;ouvre à la ligne {line} n&apos;est jamais refermée&#xa0;: il manque un guillemet.</translation>
    </message>
    <message>
        <source>{file} is a password-protected workbook: open it in your spreadsheet program and save it without a password, as an Excel workbook (.xlsx) or as CSV.</source>
        <translation>{file} est un classeur protégé par mot de passe&#xa0;: ouvrez-le dans votre tableur et enregistrez-le sans mot de passe, comme classeur Excel (.xlsx) ou en CSV.</translation>
    </message>
    <message>
        <source>{file}: line {line} cannot be read: a quotation mark is misplaced (a cell that starts with one must end with one, and a quotation mark inside it is doubled).</source>
        <translation>{file}&#xa0;: la ligne {line} ne peut pas être lue&#xa0;: un guillemet est mal placé (une cellule qui commence par un guillemet doit se terminer par un guillemet, et un guillemet à l&apos;intérieur doit être doublé).</translation>
    </message>
    <message>
        <source>{file} is an OpenDocument spreadsheet (.ods): save it as an Excel workbook (.xlsx) or as CSV.</source>
        <translation>{file} est une feuille de calcul OpenDocument (.ods)&#xa0;: enregistrez-la comme classeur Excel (.xlsx) ou en CSV.</translation>
    </message>
    <message>
        <source>part {name}</source>
        <translation>partie {name}</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook (.xlsx): it is damaged or is another kind of file.</source>
        <translation>{file} ne peut pas être lu comme classeur Excel (.xlsx)&#xa0;: il est endommagé ou c&apos;est un autre type de fichier.</translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}” (it has: {names}).</source>
        <translation>{file} n&apos;a pas de feuille nommée «&#xa0;{sheet}&#xa0;» (feuilles présentes&#xa0;: {names}).</translation>
    </message>
    <message>
        <source>No organization has the name, acronym or id “{value}”: correct it, or add the organization first.</source>
        <translation>Aucune organisation n&apos;a pour nom, sigle ou identifiant «&#xa0;{value}&#xa0;»&#xa0;: corrigez la valeur, ou ajoutez d&apos;abord l&apos;organisation.</translation>
    </message>
    <message>
        <source>No agreement has the reference, title or id “{value}”: correct it, or add the agreement first.</source>
        <translation>Aucun accord n&apos;a pour référence, titre ou identifiant «&#xa0;{value}&#xa0;»&#xa0;: corrigez la valeur, ou ajoutez d&apos;abord l&apos;accord.</translation>
    </message>
    <message>
        <source>No thematic area has the code, name or id “{value}”.</source>
        <translation>Aucun domaine thématique n&apos;a pour code, nom ou identifiant «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>No {kind} is named “{value}”.</source>
        <translation>Aucune fiche «&#xa0;{kind}&#xa0;» ne porte le nom «&#xa0;{value}&#xa0;».</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>organisations</translation>
    </message>
    <message>
        <source>agreements</source>
        <translation>accords</translation>
    </message>
    <message>
        <source>thematic areas</source>
        <translation>domaines thématiques</translation>
    </message>
    <message>
        <source>“{value}” could be any of {count} {kinds}: write the id of the one you mean.</source>
        <translation>«&#xa0;{value}&#xa0;» peut désigner {count} {kinds}&#xa0;: écrivez l&apos;identifiant de la fiche voulue.</translation>
    </message>
    <message>
        <source>{file} is part of the PartnerDesk store in use ({store}): it cannot be attached, imported or written over. Choose another file.</source>
        <translation>{file} fait partie de la base PartnerDesk en cours d&apos;utilisation ({store})&#xa0;: il ne peut être ni joint, ni importé, ni remplacé. Choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>{a_kind} “{name}” that PartnerDesk never makes</source>
        <translation>{a_kind} « {name} » que PartnerDesk ne crée jamais</translation>
    </message>
    <message>
        <source>{a_kind} “{name}” whose definition is not PartnerDesk&apos;s</source>
        <translation>{a_kind} « {name} » dont la définition n&apos;est pas celle de PartnerDesk</translation>
    </message>
    <message>
        <source>{a_kind} “{name}” that PartnerDesk makes is missing</source>
        <translation>il manque {a_kind} « {name} », que crée PartnerDesk</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>une table</translation>
    </message>
    <message>
        <source>an index</source>
        <translation>un index</translation>
    </message>
    <message>
        <source>a trigger</source>
        <translation>un déclencheur</translation>
    </message>
    <message>
        <source>a view</source>
        <translation>une vue</translation>
    </message>
    <message>
        <source>its schema is not PartnerDesk&apos;s: {objects}</source>
        <translation>son schéma n&apos;est pas celui de PartnerDesk&#xa0;: {objects}</translation>
    </message>
    <message>
        <source>a file to attach</source>
        <translation>un fichier à joindre</translation>
    </message>
    <message>
        <source>a PartnerDesk store</source>
        <translation>une base PartnerDesk</translation>
    </message>
    <message>
        <source>a backup</source>
        <translation>une sauvegarde</translation>
    </message>
    <message>
        <source>A change must be an object.</source>
        <translation>Une modification doit être un objet.</translation>
    </message>
    <message>
        <source>“{key}” is not a field of a change.</source>
        <translation>« {key} » n&apos;est pas un champ d&apos;une modification.</translation>
    </message>
    <message>
        <source>{key} must be an id (a UUID).</source>
        <translation>{key} doit être un identifiant (un UUID).</translation>
    </message>
    <message>
        <source>seq must be a whole number from 1.</source>
        <translation>seq doit être un nombre entier à partir de 1.</translation>
    </message>
    <message>
        <source>changed_at must be an ISO 8601 timestamp.</source>
        <translation>changed_at doit être un horodatage ISO 8601.</translation>
    </message>
    <message>
        <source>changed_at must be in UTC, without an offset.</source>
        <translation>changed_at doit être en UTC, sans décalage.</translation>
    </message>
    <message>
        <source>operation must be one of {names}.</source>
        <translation>operation doit être l&apos;une des valeurs {names}.</translation>
    </message>
    <message>
        <source>record_kind is not a kind of record.</source>
        <translation>record_kind n&apos;est pas un type d&apos;enregistrement.</translation>
    </message>
    <message>
        <source>{key} must be text.</source>
        <translation>{key} doit être du texte.</translation>
    </message>
    <message>
        <source>{key} must be text or empty.</source>
        <translation>{key} doit être du texte ou vide.</translation>
    </message>
    <message>
        <source>This change is named like one this store holds but says something else: two stores wrote under one id. Nothing was taken; ask for help before syncing again.</source>
        <translation>Cette modification porte le nom d&apos;une modification que cette base contient déjà, mais dit autre chose&#xa0;: deux bases ont écrit sous un même identifiant. Rien n&apos;a été repris&#xa0;; demandez de l&apos;aide avant de synchroniser à nouveau.</translation>
    </message>
    <message>
        <source>“{value}” is not a sex: write woman or man (F or M, female or male, femme or homme), or leave it empty when it is not recorded.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un sexe&#xa0;: écrivez femme ou homme (F ou H, F ou M, female ou male), ou laissez la cellule vide s’il n’est pas enregistré.</translation>
    </message>
    <message>
        <source>“{value}” is not a role: write participant, speaker, expert, organizer or observer.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un rôle&#xa0;: écrivez participant, intervenant, expert, organisateur ou observateur.</translation>
    </message>
    <message>
        <source>“{value}” does not say whether the person came: write yes or no.</source>
        <translation>«&#xa0;{value}&#xa0;» ne dit pas si la personne est venue&#xa0;: écrivez oui ou non.</translation>
    </message>
    <message>
        <source>No column of the file gives the participants&apos; names: send a column into Name (or into First name and Last name).</source>
        <translation>Aucune colonne du fichier ne donne le nom des participants&#xa0;: envoyez une colonne dans Nom (ou dans Prénom et Nom de famille).</translation>
    </message>
    <message>
        <source>The participant has no name: a row needs one.</source>
        <translation>Le participant n’a pas de nom&#xa0;: chaque ligne en demande un.</translation>
    </message>
    <message>
        <source>“{value}” is already on the participant list.</source>
        <translation>«&#xa0;{value}&#xa0;» figure déjà sur la liste des participants.</translation>
    </message>
    <message>
        <source>The email {value} is already on the participant list.</source>
        <translation>L’adresse électronique {value} figure déjà sur la liste des participants.</translation>
    </message>
    <message>
        <source>The same name as row {row}: a person is listed once.</source>
        <translation>Le même nom qu’à la ligne {row}&#xa0;: une personne ne figure qu’une fois sur la liste.</translation>
    </message>
    <message>
        <source>The same email as row {row}: a person is listed once.</source>
        <translation>La même adresse électronique qu’à la ligne {row}&#xa0;: une personne ne figure qu’une fois sur la liste.</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}</source>
        <translation>doit être un nombre entier de {low} à {high}</translation>
    </message>
    <message>
        <source>must be more years than quiet ({quiet})</source>
        <translation>doit être supérieur au nombre d’années «&#xa0;peu actif&#xa0;» ({quiet})</translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <source>{server} is a PartnerDesk team server already (schema {revision}); nothing was changed. To bring it to this version&apos;s schema, use “partnerdesk server upgrade”.</source>
        <translation>{server} est déjà un serveur d&apos;équipe PartnerDesk (schéma {revision})&#xa0;; rien n&apos;a été modifié. Pour l&apos;amener au schéma de cette version, utilisez «&#xa0;partnerdesk server upgrade&#xa0;».</translation>
    </message>
    <message>
        <source>{server} already holds {count} tables that are not PartnerDesk&apos;s ({names}); nothing was changed. A team server needs a database of its own.</source>
        <translation>{server} contient déjà {count} tables qui ne sont pas celles de PartnerDesk ({names})&#xa0;; rien n&apos;a été modifié. Un serveur d&apos;équipe a besoin d&apos;une base de données à lui.</translation>
    </message>
    <message>
        <source>{server} is ready: a PartnerDesk team server at schema {revision}. Officers&apos; roles go in {officers}, management&apos;s in {management} (“partnerdesk server add-officer”).</source>
        <translation>{server} est prêt&#xa0;: un serveur d&apos;équipe PartnerDesk au schéma {revision}. Les rôles des chargés de partenariat vont dans {officers}, ceux de la direction dans {management} («&#xa0;partnerdesk server add-officer&#xa0;»).</translation>
    </message>
    <message>
        <source>{server} is not a PartnerDesk team server: prepare it with “partnerdesk server init”. Nothing was changed.</source>
        <translation>{server} n&apos;est pas un serveur d&apos;équipe PartnerDesk&#xa0;: préparez-le avec «&#xa0;partnerdesk server init&#xa0;». Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>{server} is at this version&apos;s schema ({revision}) already: nothing to do.</source>
        <translation>{server} est déjà au schéma de cette version ({revision})&#xa0;: rien à faire.</translation>
    </message>
    <message>
        <source>{server} was upgraded from schema {before} to {after}.</source>
        <translation>{server} a été mis à jour du schéma {before} au schéma {after}.</translation>
    </message>
    <message>
        <source>{server} was upgraded by a newer PartnerDesk; this version cannot change it. Nothing was changed.</source>
        <translation>{server} a été mis à jour par un PartnerDesk plus récent&#xa0;; cette version ne peut pas le modifier. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Connexion à {server}…</translation>
    </message>
    <message>
        <source>Sending {count} changes to the team server…</source>
        <translation>Envoi de {count} modifications au serveur d&apos;équipe…</translation>
    </message>
    <message>
        <source>Receiving what changed on the team server…</source>
        <translation>Réception de ce qui a changé sur le serveur d&apos;équipe…</translation>
    </message>
    <message>
        <source>The team server&apos;s address must start with postgresql:// (for example postgresql://officer@server.example.org/partnerdesk).</source>
        <translation>L&apos;adresse du serveur d&apos;équipe doit commencer par postgresql:// (par exemple postgresql://officer@server.example.org/partnerdesk).</translation>
    </message>
    <message>
        <source>The team server&apos;s address names no database: add it after the last slash (postgresql://host/partnerdesk).</source>
        <translation>L&apos;adresse du serveur d&apos;équipe ne nomme aucune base de données&#xa0;: ajoutez-la après la dernière barre oblique (postgresql://host/partnerdesk).</translation>
    </message>
    <message>
        <source>{server} is not a PartnerDesk team server yet: its administrator prepares it with “partnerdesk server init --url …”. Nothing was synced.</source>
        <translation>{server} n&apos;est pas encore un serveur d&apos;équipe PartnerDesk&#xa0;: son administrateur le prépare avec «&#xa0;partnerdesk server init --url …&#xa0;». Rien n&apos;a été synchronisé.</translation>
    </message>
    <message>
        <source>The team server {server} was upgraded by a newer PartnerDesk (schema {theirs}; this one knows {ours}). Update PartnerDesk, then sync again; nothing was synced.</source>
        <translation>Le serveur d&apos;équipe {server} a été mis à jour par un PartnerDesk plus récent (schéma {theirs}&#xa0;; celui-ci connaît {ours}). Mettez PartnerDesk à jour, puis synchronisez à nouveau&#xa0;; rien n&apos;a été synchronisé.</translation>
    </message>
    <message>
        <source>The team server {server} has an older schema ({theirs}) than this PartnerDesk ({ours}): its administrator upgrades it with “partnerdesk server upgrade --url …”. Nothing was synced.</source>
        <translation>Le serveur d&apos;équipe {server} a un schéma plus ancien ({theirs}) que ce PartnerDesk ({ours})&#xa0;: son administrateur le met à jour avec «&#xa0;partnerdesk server upgrade --url …&#xa0;». Rien n&apos;a été synchronisé.</translation>
    </message>
    <message>
        <source>The team server {server} refused: your account may not do this ({reason}). Ask the server&apos;s administrator; nothing was changed.</source>
        <translation>Le serveur d&apos;équipe {server} a refusé&#xa0;: votre compte n&apos;y est pas autorisé ({reason}). Adressez-vous à l&apos;administrateur du serveur&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The team server {server} could not be verified against the certificate authority given ({reason}): it may not be your organization&apos;s server, or the certificate authority file is not the right one. Nothing was synced.</source>
        <translation>Le serveur d&apos;équipe {server} n&apos;a pas pu être vérifié auprès de l&apos;autorité de certification indiquée ({reason})&#xa0;: ce n&apos;est peut-être pas le serveur de votre organisation, ou le fichier de l&apos;autorité de certification n&apos;est pas le bon. Rien n&apos;a été synchronisé.</translation>
    </message>
    <message>
        <source>The team server {server} did not accept the user name or password ({reason}). Nothing was synced.</source>
        <translation>Le serveur d&apos;équipe {server} n&apos;a pas accepté le nom d&apos;utilisateur ou le mot de passe ({reason}). Rien n&apos;a été synchronisé.</translation>
    </message>
    <message>
        <source>The team server {server} cannot be reached or went away ({reason}). Nothing that was not finished was kept; sync again when it is reachable.</source>
        <translation>Le serveur d&apos;équipe {server} est injoignable ou a été interrompu ({reason}). Rien de ce qui n&apos;était pas terminé n&apos;a été gardé&#xa0;; synchronisez à nouveau quand il sera joignable.</translation>
    </message>
    <message>
        <source>The team server {server} refused the sync ({reason}). Nothing was changed.</source>
        <translation>Le serveur d&apos;équipe {server} a refusé la synchronisation ({reason}). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The password must have at least 12 characters; nothing was changed.</source>
        <translation>Le mot de passe doit compter au moins 12 caractères&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>There is already a role named “{name}” on the server; nothing was changed.</source>
        <translation>Il existe déjà un rôle nommé «&#xa0;{name}&#xa0;» sur le serveur&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>{name} can now log in to {server}, to read (management).</source>
        <translation>{name} peut maintenant se connecter à {server}, en lecture (direction).</translation>
    </message>
    <message>
        <source>{name} can now log in to {server} as an officer.</source>
        <translation>{name} peut maintenant se connecter à {server} comme chargé de partenariat.</translation>
    </message>
    <message>
        <source>There is no role named “{name}” on the server.</source>
        <translation>Il n&apos;existe aucun rôle nommé «&#xa0;{name}&#xa0;» sur le serveur.</translation>
    </message>
    <message>
        <source>{name} may no longer log in to {server}: its next connection is refused, and its open ones were ended where your account may end them.</source>
        <translation>{name} ne peut plus se connecter à {server}&#xa0;: sa prochaine connexion est refusée, et ses connexions ouvertes ont été fermées là où votre compte peut les fermer.</translation>
    </message>
    <message>
        <source>“{name}” is not a role name PartnerDesk makes: lower-case letters, digits, “_”, “.” and “-”, starting with a letter, at most 63 characters.</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas un nom de rôle que PartnerDesk crée&#xa0;: lettres minuscules, chiffres, «&#xa0;_&#xa0;», «&#xa0;.&#xa0;» et «&#xa0;-&#xa0;», en commençant par une lettre, 63 caractères au plus.</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The store at {path} cannot be opened: {reason}. It was left as it is; restore a backup to go on.</source>
        <translation>La base {path} ne peut pas être ouverte&#xa0;: {reason}. Elle a été laissée telle quelle&#xa0;; restaurez une sauvegarde pour continuer.</translation>
    </message>
    <message>
        <source>The store at {path} cannot be changed: the file or its folder is read-only (permissions, or a read-only disk). It can be opened read-only; to work in it, copy it to a folder you can write to.</source>
        <translation>La base {path} ne peut pas être modifiée&#xa0;: le fichier ou son dossier est en lecture seule (droits d’accès, ou disque en lecture seule). Elle peut être ouverte en lecture seule&#xa0;; pour y travailler, copiez-la dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>it is damaged ({problem})</source>
        <translation>elle est endommagée ({problem})</translation>
    </message>
    <message>
        <source>A backup cannot replace the store itself; choose another file name.</source>
        <translation>Une sauvegarde ne peut pas remplacer la base elle-même&#xa0;; choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <source>The copy could not be verified ({problem}); nothing was replaced.</source>
        <translation>La copie n’a pas pu être vérifiée ({problem})&#xa0;; rien n’a été remplacé.</translation>
    </message>
    <message>
        <source>Cannot copy {path}: {reason}.</source>
        <translation>Impossible de copier {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>Impossible d&apos;écrire {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>it is not a regular file (a folder, a pipe or a device)</source>
        <translation>ce n’est pas un fichier ordinaire (c’est un dossier, un tube ou un périphérique)</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>ce n’est pas une base de données SQLite</translation>
    </message>
    <message>
        <source>it is not a PartnerDesk store</source>
        <translation>ce n’est pas une base PartnerDesk</translation>
    </message>
    <message>
        <source>it was written by a newer version of PartnerDesk</source>
        <translation>elle a été écrite par une version plus récente de PartnerDesk</translation>
    </message>
    <message>
        <source>it cannot be read ({reason})</source>
        <translation>elle ne peut pas être lue ({reason})</translation>
    </message>
    <message>
        <source>The store cannot be used safely here: SQLite refused {setting} = {expected} (it is {actual}). Keep the store on a local disk.</source>
        <translation>La base ne peut pas être utilisée ici en toute sécurité&#xa0;: SQLite a refusé {setting} = {expected} (la valeur est {actual}). Gardez la base sur un disque local.</translation>
    </message>
    <message>
        <source>There is no PartnerDesk store at {path}.</source>
        <translation>Il n’y a pas de base PartnerDesk à l’emplacement {path}.</translation>
    </message>
    <message>
        <source>The store at {path} must be upgraded by this version of PartnerDesk before it can be opened read-only; open it normally once.</source>
        <translation>La base {path} doit être mise à jour par cette version de PartnerDesk avant de pouvoir être ouverte en lecture seule&#xa0;; ouvrez-la une fois normalement.</translation>
    </message>
    <message>
        <source>The store at {path} is open read-only in this window: nothing was saved.</source>
        <translation>La base {path} est ouverte en lecture seule dans cette fenêtre&#xa0;: rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>PartnerDesk could not confirm that the last change reached the disk: another program removed the journal of the store at {path} while PartnerDesk was writing to it. Close every other program that opens the store, then save again.</source>
        <translation>PartnerDesk n’a pas pu confirmer que la dernière modification a atteint le disque&#xa0;: un autre programme a supprimé le journal de la base {path} pendant que PartnerDesk y écrivait. Fermez tout autre programme qui ouvre la base, puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>Cannot create the store at {path}: {reason}.</source>
        <translation>Impossible de créer la base {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read the store at {path}: {reason}.</source>
        <translation>Impossible de lire la base {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>it is not an SQLite database, or its beginning is damaged</source>
        <translation>ce n’est pas une base de données SQLite, ou son début est endommagé</translation>
    </message>
    <message>
        <source>it is damaged (the file is shorter than its header says)</source>
        <translation>elle est endommagée (le fichier est plus court que ne l’indique son en-tête)</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a PartnerDesk store; it was left as it is.</source>
        <translation>{path} est une base de données SQLite mais pas une base PartnerDesk&#xa0;; elle a été laissée telle quelle.</translation>
    </message>
    <message>
        <source>This store was written by a newer version of PartnerDesk (schema {revision}); install that version or newer to open it. The file was not changed.</source>
        <translation>Cette base a été écrite par une version plus récente de PartnerDesk (schéma {revision})&#xa0;; installez cette version ou une plus récente pour l’ouvrir. Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation>problème inconnu</translation>
    </message>
    <message>
        <source>The disk holding {path} is full: nothing was saved. Free some space and save again.</source>
        <translation>Le disque qui contient {path} est plein&#xa0;: rien n’a été enregistré. Libérez de l’espace et enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>The store at {path} is read-only: nothing was saved.</source>
        <translation>La base {path} est en lecture seule&#xa0;: rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The store at {path} is busy in another window or program: nothing was saved. Try again.</source>
        <translation>La base {path} est occupée par une autre fenêtre ou un autre programme&#xa0;: rien n’a été enregistré. Réessayez.</translation>
    </message>
    <message>
        <source>The store at {path} could not be written ({reason}): nothing was saved.</source>
        <translation>La base {path} n’a pas pu être écrite ({reason})&#xa0;: rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>by {user} on {host} (process {pid}) since {when}</source>
        <translation>par {user} sur {host} (processus {pid}) depuis {when}</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>sur cet ordinateur</translation>
    </message>
    <message>
        <source>on {host}</source>
        <translation>sur {host}</translation>
    </message>
    <message>
        <source>by {user}</source>
        <translation>par {user}</translation>
    </message>
    <message>
        <source>PartnerDesk is open on this store{who} {where} since {when}</source>
        <translation>PartnerDesk est ouvert sur cette base{who} {where} depuis {when}</translation>
    </message>
    <message>
        <source>The command partnerdesk {command} is writing to this store{who} {where} since {when}</source>
        <translation>La commande partnerdesk {command} écrit dans cette base{who} {where} depuis {when}</translation>
    </message>
    <message>
        <source>by another PartnerDesk window</source>
        <translation>par une autre fenêtre PartnerDesk</translation>
    </message>
    <message>
        <source>The store at {path} is being written by the command partnerdesk {command}, {who}.</source>
        <translation>La base {path} est en cours d’écriture par la commande partnerdesk {command}, {who}.</translation>
    </message>
    <message>
        <source>The store at {path} is open elsewhere, {who}.</source>
        <translation>La base {path} est ouverte ailleurs, {who}.</translation>
    </message>
    <message>
        <source>Cannot read the lock {path}: {reason}.</source>
        <translation>Impossible de lire le verrou {path}&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Cannot set {path} aside: {reason}.</source>
        <translation>Impossible de mettre {path} de côté&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>A store cannot be restored from itself; choose a backup file.</source>
        <translation>Une base ne peut pas être restaurée à partir d’elle-même&#xa0;; choisissez un fichier de sauvegarde.</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {problem}. Nothing was changed.</source>
        <translation>{path} ne peut pas être restauré&#xa0;: {problem}. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Cannot put the backup in place of {path}: {reason}.</source>
        <translation>Impossible de mettre la sauvegarde à la place de {path}&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>sync_bundle</name>
    <message>
        <source>%1 cannot be merged: this window has the store open read-only.</source>
        <translation>%1 ne peut pas être fusionné&#xa0;: cette fenêtre a ouvert la base en lecture seule.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 comes from the store %2.</source>
        <translation>%1 vient de la base %2.</translation>
    </message>
    <message>
        <source>Its newest change was made on %1.</source>
        <translation>Sa modification la plus récente date du %1.</translation>
    </message>
    <message>
        <source>It holds %1 to %2.</source>
        <translation>Il contient %1 portant sur %2.</translation>
    </message>
    <message>
        <source>Merge a sync bundle?</source>
        <translation>Fusionner un lot de synchronisation&#xa0;?</translation>
    </message>
    <message>
        <source>Merge it into this store?</source>
        <translation>Le fusionner dans cette base&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>%1 was not merged.</source>
        <translation>%1 n’a pas été fusionné.</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>Fusion de %1…</translation>
    </message>
    <message>
        <source>Merged %1 from the store %2.</source>
        <translation>%1, venu de la base %2, a été fusionné.</translation>
    </message>
    <message>
        <source>Changes received: %1</source>
        <translation>Modifications reçues&#xa0;: %1</translation>
    </message>
    <message>
        <source>Records added: %1</source>
        <translation>Fiches ajoutées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Records merged by themselves: %1</source>
        <translation>Fiches fusionnées d’elles-mêmes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Attached files taken: %1</source>
        <translation>Pièces jointes reprises&#xa0;: %1</translation>
    </message>
    <message>
        <source>No conflict.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>Conflicts to resolve: %1</source>
        <translation>Conflits à résoudre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sync report</source>
        <translation>Rapport de synchronisation</translation>
    </message>
    <message>
        <source>Open the &amp;conflicts</source>
        <translation>Ouvrir les &amp;conflits</translation>
    </message>
    <message>
        <source>%1 cannot be merged; nothing was merged.</source>
        <translation>%1 ne peut pas être fusionné&#xa0;; rien n’a été fusionné.</translation>
    </message>
    <message>
        <source>Merge a sync bundle</source>
        <translation>Fusionner un lot de synchronisation</translation>
    </message>
</context>
<context>
    <name>team_server</name>
    <message>
        <source>Team server %1: syncing…</source>
        <translation>Serveur d&apos;équipe %1&#xa0;: synchronisation…</translation>
    </message>
    <message>
        <source>Team server %1: connected</source>
        <translation>Serveur d&apos;équipe %1&#xa0;: connecté</translation>
    </message>
    <message>
        <source>Team server %1: synced at %2</source>
        <translation>Serveur d&apos;équipe %1&#xa0;: synchronisé à %2</translation>
    </message>
    <message>
        <source>Team server %1: password needed (File menu)</source>
        <translation>Serveur d&apos;équipe %1&#xa0;: mot de passe requis (menu Fichier)</translation>
    </message>
    <message>
        <source>The password for the team server is not kept on this computer: connect again (File → Connect to a team server…).</source>
        <translation>Le mot de passe du serveur d&apos;équipe n&apos;est pas gardé sur cet ordinateur&#xa0;: connectez-vous à nouveau (Fichier → Se connecter à un serveur d&apos;équipe…).</translation>
    </message>
    <message>
        <source>Team server %1: not synced at %2 (will try again)</source>
        <translation>Serveur d&apos;équipe %1&#xa0;: non synchronisé à %2 (nouvel essai plus tard)</translation>
    </message>
</context>
<context>
    <name>transfers</name>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message>
        <source>Exporting to %1… %2%</source>
        <translation>Export vers %1… %2&#xa0;%</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Non exporté</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV, séparé par des virgules (*.csv)</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Calendrier (*.ics)</translation>
    </message>
</context>
</TS>
