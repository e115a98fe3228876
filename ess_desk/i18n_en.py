"""English renderings of the core's French messages, keyed by the French source string.

One section per module, in the order of the package; each string sits in the section of the
first module that uses it (a label table's values under the table's module). Placeholders,
names and format specs alike, are those of the French string.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # ess_desk/actions/actions.py
    "action n°{n} du lot": "action no. {n} in the batch",
    "Choisissez l'instance qui suit l'action.": "Choose the body that follows up the action.",
    "Indiquez le porteur de l'action : une personne, une structure, ou les deux.": (
        "Give the action's owner: a person, an organisation, or both."
    ),
    "Intitulé": "Title",
    "intitulé vide": "empty title",
    "L'action": "The action",
    "L'échéance ({due}) précède la séance d'où vient l'action ({day}).": (
        "The due date ({due}) is before the meeting the action comes from ({day})."
    ),
    "L'échéance du {day} n'est pas plausible : vérifiez l'année.": (
        "The due date {day} is not plausible: check the year."
    ),
    "L'instance": "The body",
    "La décision": "The decision",
    "La personne": "The person",
    "La séance": "The meeting",
    "La structure": "The organisation",
    "Le point choisi n'appartient pas à la séance d'origine.": (
        "The chosen item does not belong to the originating meeting."
    ),
    "Le point de l'ordre du jour": "The agenda item",
    "Le thème": "The theme",
    "Lot d'actions refusé ({where}) : {reason}.": "Batch of actions rejected ({where}): {reason}.",
    "pas de porteur": "no owner",
    "un point de suivi précède la création de l'action": (
        "a progress update predates the action's creation"
    ),
    "Une action ne peut pas être créée à une date future ({day}).": (
        "An action cannot be created with a future date ({day})."
    ),
    "« {value} » n'est pas un numéro valable.": "“{value}” is not a valid number.",
    # ess_desk/actions/commands.py
    "--due-within attend un nombre de jours positif.": (
        "--due-within expects a positive number of days."
    ),
    "Aucun thème ne s'appelle « {name} ».": "No theme is called “{name}”.",
    "Aucune action.": "No actions.",
    "dossier à remplir": "folder to write to",
    "écrit pour chaque porteur sa liste d'actions ouvertes (PDF) et un brouillon .eml": (
        "write each owner's list of open actions (PDF) and a draft .eml"
    ),
    "EN RETARD": "OVERDUE",
    "exporte le tableau de suivi des actions (XLSX, CSV ou PDF)": (
        "export the action tracker (XLSX, CSV or PDF)"
    ),
    "fichier .xlsx, .csv ou .pdf": ".xlsx, .csv or .pdf file",
    "liste les actions à suivre (filtres, texte ou JSON)": (
        "list the actions to follow up (filters, text or JSON)"
    ),
    "ouvertes, à échéance dans les N jours": "open, due within N days",
    "porteur (mots du nom ou de la structure)": "owner (words from the name or organisation)",
    "seulement ce thème": "only this theme",
    "seulement cette instance": "only this body",
    "seulement les actions en retard": "only overdue actions",
    "sortie JSON": "JSON output",
    "statut : à faire, en cours, fait, abandonné, reporté, ou « ouvert » (option répétable)": (
        "status: to do, in progress, done, abandoned, postponed, or “open” (repeatable option)"
    ),
    "texte libre": "free text",
    "{count} action(s) exportée(s) dans {path}.": "{count} action(s) exported to {path}.",
    # ess_desk/actions/queries.py
    "décision n°{id}": "decision no. {id}",
    "Le nombre de jours doit être positif.": "The number of days must be positive.",
    "pas de changement": "no change",
    "Sans thème": "No theme",
    "Statut d'action inconnu : « {value} ».": "Unknown action status: “{value}”.",
    "Tri inconnu : « {value} ».": "Unknown sort order: “{value}”.",
    "{title} du {day}": "{title} of {day}",
    # ess_desk/actions/rules.py
    "À faire": "To do",
    "Abandonné": "Abandoned",
    "Basse": "Low",
    "En cours": "In progress",
    "Fait": "Done",
    "Haute": "High",
    "L'avancement doit être un pourcentage de 0 à 100.": (
        "Progress must be a percentage from 0 to 100."
    ),
    "L'avancement « {value} » n'est pas un pourcentage de 0 à 100.": (
        "Progress “{value}” is not a percentage from 0 to 100."
    ),
    "Normale": "Normal",
    "Priorité inconnue : « {value} » (attendu : haute, normale ou basse).": (
        "Unknown priority: “{value}” (expected: high, normal or low)."
    ),
    "Reporté": "Postponed",
    "Statut d'action inconnu : « {value} » (attendu : {choices}).": (
        "Unknown action status: “{value}” (expected: {choices})."
    ),
    # ess_desk/actions/themes.py
    "Le nouvel ordre doit citer chaque thème une fois.": (
        "The new order must list each theme exactly once."
    ),
    "Le thème « {name} » classe {count} action(s) : archivez-le plutôt que de le supprimer.": (
        "The theme “{name}” is used by {count} action(s): archive it rather than delete it."
    ),
    "Le thème « {name} » existe déjà.": "The theme “{name}” already exists.",
    "Thème": "Theme",
    # ess_desk/actions/updates.py
    "Action créée : {title}": "Action created: {title}",
    "Avancement : {progress} %": "Progress: {progress}%",
    "L'action rouverte ne peut pas rester à 100 % : indiquez son avancement.": (
        "A reopened action cannot stay at 100%: give its progress."
    ),
    "La séance du {day} n'a pas encore eu lieu.": "The meeting of {day} has not taken place yet.",
    "La séance du {day} n'a pas eu lieu : on n'y fait pas le point.": (
        "The meeting of {day} did not take place: no progress review can be recorded for it."
    ),
    "Le point de suivi ({day}) précède la création de l'action ({created}).": (
        "The progress update ({day}) predates the action's creation ({created})."
    ),
    "Pas de changement": "No change",
    "Un point de suivi ne peut pas être daté du futur ({day}).": (
        "A progress update cannot be dated in the future ({day})."
    ),
    "{status}, {progress} %": "{status}, {progress}%",
    # ess_desk/cli.py
    "Le fichier {path} existe déjà : ESS Desk ne l'écrase pas.": (
        "The file {path} already exists: ESS Desk does not overwrite it."
    ),
    "Nouvelle base créée : {path}": "New database created: {path}",
    "crée une base vide (un nouveau conseil)": "creates an empty database (a new council)",
    "fichier de la base à créer": "database file to create",
    "Impossible de créer le dossier {path} : un fichier porte déjà ce nom.": (
        "Cannot create the folder {path}: a file already has that name."
    ),
    "{path} est dans le dossier des sauvegardes de la base ({folder}) : ESS Desk n'y écrit que ses propres sauvegardes. Choisissez un autre dossier.": (
        "{path} is in the database's backups folder ({folder}): ESS Desk writes only its own "
        "backups there. Choose another folder."
    ),
    "{path} est le fichier de la base du conseil : ESS Desk n'écrit jamais par-dessus. Choisissez un autre nom de fichier.": (
        "{path} is the council's database file: ESS Desk never writes over it. Choose another "
        "file name."
    ),
    "{path} est un fichier de travail de la base du conseil (journal ou verrou) : ESS Desk n'écrit jamais par-dessus. Choisissez un autre nom de fichier.": (
        "{path} is a working file of the council's database (journal or lock): ESS Desk never "
        "writes over it. Choose another file name."
    ),
    "  ← jour férié : {name}": "  ← public holiday: {name}",
    "  ← secrétariat fermé": "  ← secretariat closed",
    "à cette heure (départs et arrivées compris)": (
        "at this time (arrivals and departures included)"
    ),
    "atteint": "reached",
    "Aucun problème : la base {path} est intègre.": "No problems: the database {path} is sound.",
    "Aucune instance ne s'appelle « {name} ».": "No body is called “{name}”.",
    "Aucune séance.": "No meetings.",
    "Base restaurée depuis {source}. L'ancienne version est gardée dans {kept}.": (
        "Database restored from {source}. The previous version is kept in {kept}."
    ),
    "Calendrier écrit : {path}": "Calendar written: {path}",
    "copie cohérente de la base dans un fichier": "consistent copy of the database to a file",
    "crée aussi les dates tombant un jour férié ou de fermeture": (
        "also create dates falling on a public holiday or closure day"
    ),
    "crée le calendrier des séances d'une instance": "create a body's meeting calendar",
    "date de la composition (défaut : aujourd'hui)": "membership date (default: today)",
    "Dates signalées non créées : déplacez-les, ou relancez avec --keep-flagged.": (
        "Flagged dates not created: move them, or run again with --keep-flagged."
    ),
    "dernier jour": "last day",
    "durée en minutes": "duration in minutes",
    "écrit aussi le calendrier .ics": "also write the .ics calendar",
    "écrit les convocations (PDF et .eml) d'une séance": (
        "write the notices of a meeting (PDF and .eml)"
    ),
    "Erreur : {message}": "Error: {message}",
    "ESS Desk : le secrétariat d'un conseil local de l'ESS. Sans sous-commande, ouvre la fenêtre.": (
        "ESS Desk: the secretariat of a local social and solidarity economy (ESS) council. "
        "Without a subcommand, opens the window."
    ),
    "exporte la composition d'une instance (CSV ou XLSX)": (
        "export a body's membership (CSV or XLSX)"
    ),
    "feuille d'émargement d'une séance (PDF)": "a meeting's sign-in sheet (PDF)",
    "Feuille d'émargement écrite : {path}": "Sign-in sheet written: {path}",
    "fichier .csv ou .xlsx à écrire": ".csv or .xlsx file to write",
    "fichier à écrire": "file to write",
    "fichier CSV ou XLSX": "CSV or XLSX file",
    "fichier de la base (défaut : $ESS_DESK_DB, sinon le dossier de données)": (
        "database file (default: $ESS_DESK_DB, otherwise the data folder)"
    ),
    "fichier PDF à écrire": "PDF file to write",
    "graine (même graine, même conseil)": "seed (same seed, same council)",
    "heure des séances": "meeting time",
    "Import terminé.": "Import complete.",
    "importe des membres depuis un CSV ou un XLSX": "import members from a CSV or XLSX file",
    "Indiquez une période valable avec --from et --until.": (
        "Give a valid period with --from and --until."
    ),
    "instance": "body",
    "instance (défaut : le conseil plénier)": "body (default: the plenary council)",
    "instance des lignes sans colonne Instance": "body for rows without a Body column",
    "La règle ne donne aucune date sur cette période.": "The rule gives no dates in this period.",
    "lieu": "venue",
    "liste les séances": "list the meetings",
    "montre ce qui serait créé, sans écrire": "show what would be created, without writing",
    "montre les dates sans rien créer": "show the dates without creating anything",
    "non atteint": "not reached",
    "numéro de la séance": "meeting number",
    "ouvre la fenêtre, attend qu'elle soit affichée, puis quitte (mesures)": (
        "open the window, wait until it is shown, then quit (timing)"
    ),
    "premier jour": "first day",
    "présents, représentés et quorum d'une séance": "present, represented and quorum for a meeting",
    "règle RFC 5545, ex. FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12": (
        "RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=2TU;BYMONTH=1,2,3,4,5,6,7,9,10,11,12"
    ),
    "remplit la base avec un conseil de démonstration": "fill the database with a demo council",
    "restaure une sauvegarde (la base actuelle est gardée)": (
        "restore a backup (the current database is kept)"
    ),
    "sauvegarde à restaurer": "backup to restore",
    "Sauvegarde écrite : {path}": "Backup written: {path}",
    "seulement cette année": "only this year",
    "Simulation : aucune séance créée.": "Dry run: no meetings created.",
    "Simulation : rien n'a été écrit.": "Dry run: nothing was written.",
    "taille du conseil": "council size",
    "vérifie l'intégrité, les références et le schéma de la base": (
        "check the database's integrity, references and schema"
    ),
    "{count} mandat(s) exporté(s) dans {path}.": "{count} mandate(s) exported to {path}.",
    "{count} problème(s) : rien n'a été importé.": "{count} problem(s): nothing was imported.",
    "{count} problème(s) trouvé(s) dans {path} :": "{count} problem(s) found in {path}:",
    "{count} séance(s) créée(s).": "{count} meeting(s) created.",
    (
        "{title} : {in_office} membres en exercice, {present} présents, {represented} "
        "représentés ; quorum requis {required} — {state}."
    ): (
        "{title}: {in_office} members in office, {present} present, {represented} represented; "
        "quorum required {required} — {state}."
    ),
    "« {value} » n'est pas une heure (attendu : hh:mm).": (
        "“{value}” is not a time (expected: hh:mm)."
    ),
    # ess_desk/council.py
    "Conseil de l'économie sociale et solidaire": "Social and Solidarity Economy Council",
    "Le logo doit être une image PNG ou JPEG lisible.": (
        "The logo must be a readable PNG or JPEG image."
    ),
    # ess_desk/dashboard/participation.py
    "Sans structure": "No organisation",
    "Hors collège": "No college",
    "Le début de la période ({start}) doit précéder sa fin ({end}).": (
        "The start of the period ({start}) must come before its end ({end})."
    ),
    "Regroupement inconnu : « {value} ».": "Unknown grouping: “{value}”.",
    # ess_desk/dates.py
    "{day} à {hour} h {minute:02d}": "{day} at {hour}:{minute:02d}",
    "{day} à {time}": "{day} at {time}",
    "« {value} » n'est pas une date (attendu : jj/mm/aaaa).": (
        "“{value}” is not a date (expected: dd/mm/yyyy)."
    ),
    "« {value} » n'est pas une date : tapez-la jour/mois/année, par exemple 21/01/2027.": (
        "“{value}” is not a date: type it day/month/year, for example 21/01/2027."
    ),
    "Le {value} n'existe pas : vérifiez le jour et le mois.": (
        "{value} does not exist: check the day and the month."
    ),
    "« {value} » n'est pas une heure : tapez par exemple 18:00, 18h ou 18 h 30.": (
        "“{value}” is not a time: type for example 18:00, 18h or 18 h 30."
    ),
    "Indiquez aussi l'heure, par exemple {value} 18:00.": (
        "Give the time as well, for example {value} 18:00."
    ),
    # ess_desk/demo.py
    (
        "Démonstration créée : {council}, {people} personnes, {orgs} structures, {bodies} "
        "instances, {mandates} mandats, {meetings} séances, {approved} procès-verbaux approuvés, "
        "{decisions} décisions, {actions} actions et {updates} points de suivi (graine {seed})."
    ): (
        "Demo created: {council}, {people} people, {orgs} organisations, {bodies} bodies, "
        "{mandates} mandates, {meetings} meetings, {approved} approved minutes, {decisions} "
        "decisions, {actions} actions and {updates} follow-up updates (seed {seed})."
    ),
    (
        "La base {path} contient déjà des structures ou des instances : la démonstration ne "
        "remplit qu'une base vide. Choisissez un nouveau fichier (--db)."
    ): (
        "The database {path} already holds organisations or bodies: the demo only fills an empty "
        "database. Choose a new file (--db)."
    ),
    (
        "La base {path} contient déjà {count} personne(s) : la démonstration ne remplit qu'une "
        "base vide. Choisissez un nouveau fichier (--db)."
    ): (
        "The database {path} already holds {count} person(s): the demo only fills an empty "
        "database. Choose a new file (--db)."
    ),
    "Taille de démonstration inconnue : « {size} » (small ou large).": (
        "Unknown demo size: “{size}” (small or large)."
    ),
    # ess_desk/documents/actions_pdf.py
    "retard : {days} j": "late: {days} d",
    "Action": "Action",
    "actions ouvertes": "open actions",
    "Actions ouvertes au {day}": "Open actions as at {day}",
    "Actions ouvertes de {body}": "Open actions of {body}",
    "Au {day} : {count} action(s) ouverte(s), dont {late} en retard.": (
        "As at {day}: {count} open action(s), {late} of them overdue."
    ),
    "Au {day} : {count} action(s), dont {late} en retard.": (
        "As at {day}: {count} action(s), {late} of them overdue."
    ),
    "Aucune action ne correspond à cette sélection.": "No action matches this selection.",
    "Aucune action ouverte pour cette instance.": "No open actions for this body.",
    "Aucune action ouverte.": "No open actions.",
    "Avancement": "Progress",
    "Dernier point": "Last update",
    "Échéance": "Due date",
    "échéance sous {days} jours": "due within {days} days",
    "en retard": "overdue",
    "État": "Status",
    "Instance et origine": "Body and origin",
    "N°": "No.",
    "Origine": "Origin",
    "Porteur": "Owner",
    "porteur : {text}": "owner: {text}",
    "Relance des actions en cours": "Reminder of open actions",
    "Sélection : {words}": "Selection: {words}",
    "Statut": "Status",
    "Suivi des actions": "Action follow-up",
    "Suivi des actions — {title}": "Action follow-up — {title}",
    "Tableau de suivi des actions": "Action tracker",
    "texte : « {text} »": "text: “{text}”",
    "thème : {name}": "theme: {name}",
    "Vos actions en cours": "Your open actions",
    "{count} action(s) ouverte(s) au {day}, dont {late} en retard.": (
        "{count} open action(s) as at {day}, {late} of them overdue."
    ),
    "{count} porteurs": "{count} owners",
    # ess_desk/documents/attendance_sheet.py
    "Collège": "College",
    "Feuille d'émargement": "Sign-in sheet",
    "Feuille d'émargement de la séance du {day}": "Sign-in sheet for the meeting of {day}",
    "Invités": "Guests",
    "Lieu : {place}": "Venue: {place}",
    "Membres": "Members",
    (
        "Membres en exercice avec voix délibérative : {in_office} — présents : {present} — "
        "représentés : {represented} — quorum requis : {required}."
    ): (
        "Voting members in office: {in_office} — present: {present} — represented: {represented} "
        "— quorum required: {required}."
    ),
    "Nom": "Name",
    "Pouvoir donné à": "Proxy given to",
    "Qualité": "Capacity",
    "Signature": "Signature",
    "Structure": "Organisation",
    "Suppléant(e) de {name}": "Substitute for {name}",
    "Titulaire": "Member",
    # ess_desk/documents/convocation.py
    "Convocation": "Notice of meeting",
    "Convocation — {body}, séance du {day}": "Notice of meeting — {body}, meeting of {day}",
    "Documents joints": "Attached documents",
    "donne pouvoir à {line}": "give my proxy to {line}",
    (
        "En cas d'empêchement, merci de prévenir le secrétariat : vous pouvez vous faire "
        "remplacer par votre suppléant(e) ou donner pouvoir à un autre membre au moyen du "
        "formulaire joint."
    ): (
        "If you are unable to attend, please let the secretariat know: your substitute can take "
        "your place, or you can give a proxy to another member using the enclosed form."
    ),
    "en visioconférence": "by video conference",
    "Fait à {place}, le {date}": "Signed at {place} on {date}",
    "Heure": "Time",
    (
        "J'ai l'honneur de vous convier à la séance de l'instance « {body} » (« {title} »), qui "
        "se tiendra le {when}, {where}."
    ): (
        "You are invited to the meeting of the body “{body}” (“{title}”), to be held on {when}, "
        "{where}."
    ),
    "Je soussigné(e) {line}": "I, the undersigned, {line}",
    "Je vous prie d'agréer, {polite}, l'expression de mes salutations distinguées.": (
        "I remain, {polite}, yours faithfully."
    ),
    (
        "Le mandataire doit être un membre de l'instance avec voix délibérative, présent à la "
        "séance. Un membre ne peut porter plus de {limit} pouvoir(s). Remettez ce pouvoir au "
        "secrétariat avant l'ouverture de la séance."
    ): (
        "The proxy holder must be a voting member of the body who is present at the meeting. The "
        "maximum number of proxies a member may hold is {limit}. Hand this proxy to the "
        "secretariat before the meeting opens."
    ),
    "Le {day}": "{day}",
    "Madame": "Madam",
    "Madame, Monsieur": "Sir or Madam",
    "membre de l'instance « {body} » au titre du collège {line}": (
        "member of the body “{body}” for the college {line}"
    ),
    "Monsieur": "Sir",
    "Objet : convocation — {body}, séance du {day}": (
        "Subject: notice of meeting — {body}, meeting of {day}"
    ),
    "Ordre du jour": "Agenda",
    "Point": "Item",
    "pour me représenter et prendre part aux votes en mon nom lors de la séance du {day}.": (
        "to represent me and vote on my behalf at the meeting of {day}."
    ),
    "Pouvoir": "Proxy",
    "Présenté par {name}": "Presented by {name}",
    "Signature, précédée de la mention manuscrite « Bon pour pouvoir » :": (
        "Signature, preceded by the handwritten words “Valid as proxy”:"
    ),
    "Type": "Type",
    "Vous pourrez aussi y participer à distance : {link}": "You may also attend remotely: {link}",
    "{body} — séance du {when}": "{body} — meeting of {when}",
    "{name} ({pages} p.)": "{name} ({pages} p.)",
    # ess_desk/documents/decisions_pdf.py
    "Aucune décision.": "No decisions.",
    "Nature": "Type",
    "Numéro": "Number",
    "Registre des décisions": "Register of decisions",
    "Séance": "Meeting",
    "Texte": "Text",
    "Vote": "Vote",
    "{count} décision(s).": "{count} decision(s).",
    # ess_desk/documents/minutes_pdf.py
    "Actions décidées": "Actions agreed",
    "Catégorie": "Category",
    "Décisions": "Decisions",
    "Errata": "Errata",
    "Forme inconnue : « {value} » (pv ou releve).": "Unknown form: “{value}” (pv or releve).",
    "Personnes": "People",
    "Présences": "Attendance",
    "Présidence : {name}": "Chair: {name}",
    "Procès-verbal de la séance du {day}": "Minutes of the meeting of {day}",
    "PROJET": "DRAFT",
    "projet": "draft",
    "PV approuvé — SHA-256 {digest}": "Minutes approved — SHA-256 {digest}",
    "Secrétaire de séance : {name}": "Meeting secretary: {name}",
    # ess_desk/documents/style.py
    "Page {page} / {total}": "Page {page} of {total}",
    # ess_desk/exchange/action_reminders.py
    "(en retard de {days} jours)": "({days} days overdue)",
    "- n°{id} {title} — échéance : {due} — {status}, {progress} %": (
        "- no. {id} {title} — due: {due} — {status}, {progress}%"
    ),
    "Aucune action ouverte : personne à relancer.": "No open actions: nobody to remind.",
    (
        "Bonjour,\n\nVoici les actions dont vous êtes porteur ou porteuse et qui restent "
        "ouvertes au {day} :\n\n{lines}\n\nMerci de nous indiquer où elles en sont avant la "
        "prochaine séance, en répondant à ce message.\n\nBien cordialement,\n\n{sign}"
    ): (
        "Hello,\n\nHere are the actions you own that are still open as at {day}:\n\n{lines}\n\n"
        "Please let us know how they stand before the next meeting by replying to this "
        "message.\n\nKind regards,\n\n{sign}"
    ),
    "Relance : vos actions en cours au {day}": "Reminder: your open actions as at {day}",
    "Sans adresse électronique ({count}) : {names}": "No email address ({count}): {names}",
    "sans échéance": "no due date",
    "{pdfs} liste(s) de relance et {drafts} brouillon(s) de courriel écrits.": (
        "{pdfs} reminder list(s) and {drafts} draft email(s) written."
    ),
    # ess_desk/exchange/actions_export.py
    "Actions": "Actions",
    "Avancement (%)": "Progress (%)",
    "Close le": "Closed on",
    "Courriel du porteur": "Owner's email",
    "Créée le": "Created on",
    "Dernier commentaire": "Last comment",
    "Dernier point le": "Last update on",
    "Description": "Description",
    "En retard (jours)": "Days overdue",
    "Instance": "Body",
    "Priorité": "Priority",
    "« {name} » : choisissez un fichier .xlsx, .csv ou .pdf.": (
        "“{name}”: choose an .xlsx, .csv or .pdf file."
    ),
    # ess_desk/exchange/convocations.py
    "À envoyer par courrier ({count}) : {path}": "To send by post ({count}): {path}",
    "On ne convoque pas à une séance annulée, reportée ou close.": (
        "No notice can be sent for a cancelled, postponed or closed meeting."
    ),
    "Personne n'est attendu à cette séance : aucun mandat en cours.": (
        "Nobody is expected at this meeting: no mandates in force."
    ),
    "{letters} convocation(s) et {drafts} brouillon(s) de courriel écrits.": (
        "{letters} notice(s) of meeting and {drafts} draft email(s) written."
    ),
    (
        "{polite},\n\nVous trouverez ci-joint votre convocation à la séance « {title} » de "
        "{body}, le {when}, avec l'ordre du jour et un formulaire de pouvoir, ainsi qu'une "
        "invitation à ajouter à votre agenda.\n\nBien cordialement,\n\n{sign}\n{org}"
    ): (
        "Dear {polite},\n\nPlease find attached your notice of the meeting “{title}” of {body} "
        "on {when}, with the agenda and a proxy form, together with an invitation to add to your "
        "calendar.\n\nKind regards,\n\n{sign}\n{org}"
    ),
    # ess_desk/exchange/decisions_export.py
    "Date": "Date",
    "Format inconnu pour {path} : choisissez un fichier .xlsx, .csv ou .pdf.": (
        "Unknown format for {path}: choose an .xlsx, .csv or .pdf file."
    ),
    # ess_desk/exchange/members_export.py
    "Impossible d'exporter vers {path} : choisissez un fichier .csv ou .xlsx.": (
        "Cannot export to {path}: choose a .csv or .xlsx file."
    ),
    "La base n'a pas de conseil plénier : précisez l'instance à exporter (--body).": (
        "The database has no plenary council: specify the body to export (--body)."
    ),
    "{body} au {date}": "{body} as at {date}",
    # ess_desk/exchange/members_import.py
    "1 collège": "1 college",
    "1 mandat": "1 mandate",
    "1 personne": "1 person",
    "1 personne déjà enregistrée reçoit un mandat.": (
        "1 person already on record receives a mandate."
    ),
    "1 structure": "1 organisation",
    "Structures regroupées (noms qui ne diffèrent que par les majuscules, les accents, les "
    "espaces ou la ponctuation) : {pairs}.": (
        "Organisations merged (names that differ only by case, accents, spaces or "
        "punctuation): {pairs}."
    ),
    "« {typed} » → « {kept} »": "“{typed}” → “{kept}”",
    "aucun collège": "no colleges",
    "aucun mandat": "no mandates",
    "Aucune instance ne s'appelle « {name} » (un import ne crée pas d'instance).": (
        "No body is called “{name}” (an import does not create bodies)."
    ),
    (
        "Aucune instance ne s'appelle « {name} » : un import ne crée pas d'instance, créez-la "
        "d'abord."
    ): ("No body is called “{name}”: an import does not create bodies, so create it first."),
    (
        "Aucune instance où importer ces membres : la base n'a pas de conseil plénier et le "
        "fichier n'a pas de colonne « Instance ». Créez l'instance d'abord, ou précisez-la "
        "(option --body)."
    ): (
        "No body to import these members into: the database has no plenary council and the file "
        "has no “Body” column. Create the body first, or specify it (--body option)."
    ),
    "aucune personne": "no people",
    "aucune structure": "no organisations",
    (
        "Cette ligne a {cells} cellules pour {columns} colonnes : une valeur contient-elle le "
        "séparateur ?"
    ): ("This row has {cells} cells for {columns} columns: does a value contain the separator?"),
    "Champ inconnu : « {key} ».": "Unknown field: “{key}”.",
    "Civilité": "Title",
    "Colonne obligatoire absente : « {label} ». Les en-têtes lus sont : {headers}.": (
        "Required column missing: “{label}”. The headers found are: {headers}."
    ),
    "Colonne « {column} » : {message}": "Column “{column}”: {message}",
    "Courriel": "Email",
    "Début de mandat": "Mandate start",
    "Deux colonnes sont associées au champ « {field} » : « {first} » et celle-ci.": (
        "Two columns are mapped to the field “{field}”: “{first}” and this one."
    ),
    "Fin de mandat": "Mandate end",
    "Fonction": "Position",
    "Import terminé : {people}, {organisations}, {colleges} et {mandates} créés.": (
        "Import complete: {people}, {organisations}, {colleges} and {mandates} created."
    ),
    "Indiquez le collège de ce mandat : l'instance « {body} » en a.": (
        "Give the college of this mandate: the body “{body}” has colleges."
    ),
    "Instance non indiquée, et la base n'a pas de conseil plénier où la mettre.": (
        "No body given, and the database has no plenary council to put it in."
    ),
    "L'import a échoué ({reason}) : rien n'a été importé.": (
        "The import failed ({reason}): nothing was imported."
    ),
    (
        "La base a changé depuis la vérification du fichier : {count} problème(s), rien n'a été "
        "importé."
    ): (
        "The database changed after the file was checked: {count} problem(s), nothing was imported."
    ),
    "La date de début du mandat est obligatoire.": "The mandate start date is required.",
    "La fin du mandat ({end}) précède son début ({start}).": (
        "The mandate end ({end}) is before its start ({start})."
    ),
    "Le nom est obligatoire.": "The last name is required.",
    "Le prénom est obligatoire.": "The first name is required.",
    "Le suppléant siège dans le collège du titulaire qu'il remplace (« {college} »).": (
        "A substitute sits in the college of the member they replace (“{college}”)."
    ),
    "Ligne {line} : {message}": "Row {line}: {message}",
    "Ligne {line}, colonne « {column} » : {message}": "Row {line}, column “{column}”: {message}",
    "n° {n}": "no. {n}",
    (
        "Plusieurs titulaires de « {body} » s'appellent « {name} » : rattachez ce suppléant à la "
        "main après l'import."
    ): (
        "Several members of “{body}” are called “{name}”: link this substitute by hand after the "
        "import."
    ),
    "Prénom": "First name",
    "Rôle": "Role",
    (
        "Rôle inconnu : « {value} » (attendu : Titulaire, Suppléant(e), Président(e), "
        "Co-président(e), Vice-président(e), Invité(e) permanent(e) ou Secrétariat)."
    ): (
        "Unknown role: “{value}” (expected: Member, Substitute, Chair, Co-chair, Vice-chair, "
        "Permanent guest or Secretariat)."
    ),
    "sans fin": "no end",
    (
        "Seul un(e) suppléant(e) peut être rattaché(e) à un titulaire : le rôle de cette ligne "
        "est « {role} »."
    ): ("Only a substitute can be linked to a member: the role on this row is “{role}”."),
    "Suppléant de": "Substitute for",
    "Téléphone": "Phone",
    "Une personne ne peut pas être sa propre suppléante.": (
        "A person cannot be their own substitute."
    ),
    "{count} personnes déjà enregistrées reçoivent un mandat.": (
        "{count} people already on record receive a mandate."
    ),
    "{name} a déjà un mandat dans « {body} » qui chevauche cette période ({start} – {end}).": (
        "{name} already has a mandate in “{body}” that overlaps this period ({start} – {end})."
    ),
    (
        "{name} a déjà, ligne {line}, un mandat dans « {body} » qui chevauche cette période "
        "({start} – {end})."
    ): (
        "{name} already has, on row {line}, a mandate in “{body}” that overlaps this period "
        "({start} – {end})."
    ),
    "{n} collèges": "{n} colleges",
    "{n} mandats": "{n} mandates",
    "{n} personnes": "{n} people",
    "{n} structures": "{n} organisations",
    "{people}, {organisations}, {colleges} et {mandates} seront créés.": (
        "{people}, {organisations}, {colleges} and {mandates} will be created."
    ),
    "« {name} » a déjà un(e) suppléant(e) sur cette période.": (
        "“{name}” already has a substitute over this period."
    ),
    "« {name} » n'est pas titulaire dans « {body} » pendant ce mandat.": (
        "“{name}” is not a member of “{body}” during this mandate."
    ),
    (
        "« {name} » ne siège pas comme titulaire dans « {body} » (ni dans le fichier, ni dans la "
        "base)."
    ): ("“{name}” does not sit as a member of “{body}” (neither in the file nor in the database)."),
    # ess_desk/exchange/participation_export.py
    "Méthode": "Method",
    "Séances comptées : les séances tenues (tenues ou closes) de la période dont les "
    "présences ont été saisies.": (
        "Meetings counted: the meetings held (held or closed) in the period whose attendance "
        "was recorded."
    ),
    "Attendu(e)s : les titulaires d'un siège de l'instance le jour de la séance (membres "
    "titulaires, présidence, vice-présidence) ; les suppléants et les invités permanents ne "
    "sont pas comptés.": (
        "Expected: the holders of a seat of the body on the day of the meeting (full members, "
        "chair, vice-chair); substitutes and permanent guests are not counted."
    ),
    "Ont participé : présent(e), représenté(e) par un pouvoir, ou remplacé(e) par son "
    "suppléant.": "Took part: present, represented by a proxy, or replaced by their substitute.",
    "Taux de participation = ont participé ÷ attendu(e)s.": (
        "Participation rate = took part ÷ expected."
    ),
    "Attendu(e)s": "Expected",
    "Présent(e)s": "Present",
    "Représenté(e)s (pouvoir)": "Represented (proxy)",
    "Remplacé(e)s (suppléant)": "Replaced (substitute)",
    "Excusé(e)s": "Excused",
    "Absent(e)s": "Absent",
    "Ont participé": "Took part",
    "Taux de participation": "Participation rate",
    "Par membre": "By member",
    "Par structure": "By organisation",
    "Par collège": "By college",
    "du {start} au {end}": "from {start} to {end}",
    "Participation aux séances": "Attendance at meetings",
    "Période": "Period",
    "Séances comptées": "Meetings counted",
    "Taux d'ensemble": "Overall rate",
    "Membre": "Member",
    "Séances tenues sans présences saisies (non comptées)": (
        "Meetings held without recorded attendance (not counted)"
    ),
    "Ensemble": "All",
    "Le fichier {path} doit porter l'extension .xlsx.": "The file {path} must end in .xlsx.",
    "Toutes les instances": "All bodies",
    # ess_desk/exchange/tabular.py
    "Composition": "Membership",
    (
        "Le fichier {path} est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx "
        "ou .csv depuis votre tableur."
    ): (
        "The file {path} is in Excel 97-2003 format (.xls): save it as .xlsx or .csv from your "
        "spreadsheet program."
    ),
    "Le fichier {path} est mal formé à la ligne {line} : {reason}.": (
        "The file {path} is malformed at line {line}: {reason}."
    ),
    (
        "Le fichier {path} est un ancien classeur Excel (.xls) : enregistrez-le au format .xlsx "
        "ou .csv depuis votre tableur."
    ): (
        "The file {path} is an old Excel workbook (.xls): save it as .xlsx or .csv from your "
        "spreadsheet program."
    ),
    "Le fichier {path} est vide.": "The file {path} is empty.",
    "Le fichier {path} n'est ni un CSV ni un classeur XLSX : choisissez un fichier .csv ou .xlsx.": (
        "The file {path} is neither a CSV file nor an XLSX workbook: choose a .csv or .xlsx file."
    ),
    "Le fichier {path} n'est pas un classeur XLSX lisible.": (
        "The file {path} is not a readable XLSX workbook."
    ),
    (
        "Le fichier {path} n'est pas un fichier texte lisible : attendu un CSV (séparateur « ; "
        "», « , » ou tabulation) ou un classeur .xlsx."
    ): (
        "The file {path} is not a readable text file: expected a CSV file (separator “;”, “,” or "
        "tab) or an .xlsx workbook."
    ),
    "Le fichier {path} ne contient que la ligne d'en-tête, aucun membre.": (
        "The file {path} contains only the header row, no members."
    ),
    "non": "no",
    "oui": "yes",
    # ess_desk/meetings/agenda.py
    "L'ordre du jour a changé entre-temps : rechargez la séance.": (
        "The agenda has changed in the meantime: reload the meeting."
    ),
    "La durée doit être comprise entre 0 et 1 440 minutes.": (
        "The duration must be between 0 and 1,440 minutes."
    ),
    "La durée doit être un nombre de minutes.": "The duration must be a number of minutes.",
    "Le point": "The item",
    "Le point n°{id} n'existe pas.": "Item no. {id} does not exist.",
    "Type de point inconnu : « {value} ».": "Unknown item type: “{value}”.",
    "Un vote a été enregistré sur ce point : il ne peut pas être retiré.": (
        "A vote has been recorded on this item: it cannot be removed."
    ),
    "Une décision du registre vient de ce point : il ne peut pas être retiré.": (
        "A decision in the register comes from this item: it cannot be removed."
    ),
    # ess_desk/meetings/annexes.py
    "Ce point appartient à une autre séance.": "This item belongs to another meeting.",
    "L'annexe n°{id} n'existe pas.": "Annex no. {id} does not exist.",
    "Le fichier « {name} » dépasse 100 Mo.": "The file “{name}” is larger than 100 MB.",
    "Le fichier « {name} » est protégé par un mot de passe.": (
        "The file “{name}” is password-protected."
    ),
    "Le fichier « {name} » n'est pas un PDF lisible ({reason}).": (
        "The file “{name}” is not a readable PDF ({reason})."
    ),
    "Le fichier « {name} » n'est pas un PDF.": "The file “{name}” is not a PDF.",
    "Le fichier « {name} » ne contient aucune page.": "The file “{name}” has no pages.",
    # ess_desk/meetings/attendance.py
    "Absent(e)": "Absent",
    "Excusé(e)": "Excused",
    "le mandataire n'est pas désigné ou n'est pas convoqué à cette séance": (
        "the proxy holder is not named or not called to this meeting"
    ),
    "Le pouvoir de {name} n'est pas valable : {reason}.": (
        "The proxy of {name} is not valid: {reason}."
    ),
    "on ne peut pas se donner pouvoir à soi-même": "nobody can give a proxy to themselves",
    "Présent(e)": "Present",
    "Remplacé(e) par son suppléant": "Replaced by their substitute",
    "Représenté(e)": "Represented",
    "{holder} n'a pas de mandat avec voix délibérative": "{holder} has no voting mandate",
    "{holder} n'est pas présent(e)": "{holder} is not present",
    "{holder} porte déjà {limit} pouvoir(s), le maximum": (
        "{holder} already holds the maximum number of proxies ({limit})"
    ),
    "{name} est noté(e) remplacé(e), mais sans suppléant(e) désigné(e).": (
        "{name} is marked as replaced, but no substitute is named."
    ),
    "{sub} est le/la suppléant(e) d'un autre membre que {name}.": (
        "{sub} is the substitute of a member other than {name}."
    ),
    "{sub} ne peut remplacer qu'un seul membre.": "{sub} can replace only one member.",
    # ess_desk/meetings/calendar.py
    "Calendrier de jours fériés inconnu : « {value} ».": (
        "Unknown public holiday calendar: “{value}”."
    ),
    "La règle de calendrier « {rule} » n'est pas valide : {reason}.": (
        "The calendar rule “{rule}” is not valid: {reason}."
    ),
    "La règle produit plus de {limit} séances : vérifiez-la.": (
        "The rule produces more than {limit} meetings: check it."
    ),
    "Le délai de convocation ne peut pas être négatif.": "The notice period cannot be negative.",
    # ess_desk/meetings/meetings.py
    "Aucune date à créer.": "No dates to create.",
    "Choisissez l'instance qui se réunit.": "Choose the body that is meeting.",
    "Indiquez la date de la nouvelle séance.": "Give the date of the new meeting.",
    "La date et l'heure de début sont obligatoires.": "The start date and time are required.",
    "La durée d'une séance doit être positive.": "A meeting's duration must be positive.",
    "La fin prévue ({end}) doit suivre le début ({start}).": (
        "The planned end ({end}) must be after the start ({start})."
    ),
    "La séance du {day} est close : présences et votes ne peuvent plus changer.": (
        "The meeting of {day} is closed: attendance and votes can no longer change."
    ),
    "La séance du {day} est {status}.": "The meeting of {day} is {status}.",
    "La séance est {status} : elle ne peut plus être modifiée.": (
        "The meeting is {status}: it can no longer be changed."
    ),
    "Le lien de visioconférence doit commencer par https://.": (
        "The video conference link must start with https://."
    ),
    "Pour reporter une séance, indiquez la date de la nouvelle séance.": (
        "To postpone a meeting, give the date of the new meeting."
    ),
    "Statut inconnu : « {value} ».": "Unknown status: “{value}”.",
    "Type de séance inconnu : « {value} ».": "Unknown meeting type: “{value}”.",
    "Une séance « {old} » ne peut pas être reportée.": (
        "A meeting that is “{old}” cannot be postponed."
    ),
    "Une séance « {old} » ne peut pas passer à « {new} ».": (
        "A meeting that is “{old}” cannot become “{new}”."
    ),
    "{kind} du {day}": "{kind} of {day}",
    "« {value} » n'est pas une date et une heure (attendu : jj/mm/aaaa hh:mm).": (
        "“{value}” is not a date and time (expected: dd/mm/yyyy hh:mm)."
    ),
    # ess_desk/meetings/notice.py
    (
        "Convocation envoyée le {sent}, après la date limite du {limit} : {given} jour(s) "
        "franc(s) au lieu de {required}."
    ): (
        "Notice of meeting sent on {sent}, after the deadline of {limit}: {given} clear day(s) "
        "instead of {required}."
    ),
    "Indiquez la date d'envoi de la convocation.": "Give the date the notice of meeting was sent.",
    "La convocation ne peut pas être envoyée après la séance.": (
        "The notice of meeting cannot be sent after the meeting."
    ),
    "La convocation ne peut plus être enregistrée pour cette séance.": (
        "The notice of meeting can no longer be recorded for this meeting."
    ),
    # ess_desk/meetings/presence.py
    "Cette personne n'est pas attendue à cette séance.": (
        "This person is not expected at this meeting."
    ),
    "Choisissez à qui {name} donne pouvoir, parmi les membres convoqués.": (
        "Choose who {name} gives a proxy to, from the members called to the meeting."
    ),
    "Choisissez le/la suppléant(e) qui remplace {name}.": "Choose the substitute replacing {name}.",
    "Indiquez l'heure d'ouverture de la séance.": "Give the time the meeting opened.",
    "L'invité(e)": "The guest",
    "Le départ doit suivre l'arrivée.": "Departure must be after arrival.",
    "Nom de l'invité(e)": "Guest's name",
    "On ne peut pas se donner pouvoir à soi-même.": "Nobody can give a proxy to themselves.",
    "Statut de présence inconnu : « {value} ».": "Unknown attendance status: “{value}”.",
    "{holder} n'a pas de mandat avec voix délibérative dans cette instance.": (
        "{holder} has no voting mandate in this body."
    ),
    "{holder} porte déjà {limit} pouvoir(s), le maximum permis.": (
        "{holder} already holds the maximum number of proxies allowed ({limit})."
    ),
    "{name} n'a pas de voix délibérative : il n'y a pas de pouvoir à donner.": (
        "{name} has no vote: there is no proxy to give."
    ),
    "{sub} est le/la suppléant(e) d'un autre membre.": "{sub} is the substitute of another member.",
    # ess_desk/meetings/vocabulary.py
    "Adopté": "Adopted",
    "Annulée": "Cancelled",
    "Approbation du procès-verbal": "Approval of the minutes",
    "Atelier": "Workshop",
    "Avis / vote": "Opinion / vote",
    "Bureau": "Bureau",
    "Close": "Closed",
    "Commission": "Committee",
    "Consultation publique": "Public consultation",
    "Convoquée": "Convened",
    "Débat": "Discussion",
    "Information": "Information",
    "Prévue": "Planned",
    "Questions diverses": "Any other business",
    "Rejeté": "Rejected",
    "Reportée": "Postponed",
    "Séance plénière": "Plenary meeting",
    "Tenue": "Held",
    # ess_desk/meetings/votes.py
    "Ce point n'appelle pas de vote (il n'est pas de type avis / vote).": (
        "This item does not call for a vote (it is not of the opinion / vote type)."
    ),
    "Le règlement de « {body} » ne donne pas de voix prépondérante à la présidence.": (
        "The rules of “{body}” do not give the chair a casting vote."
    ),
    "Le vote n°{id} n'existe pas.": "Vote no. {id} does not exist.",
    "Les voix par collège ne correspondent pas aux totaux.": (
        "The votes by college do not match the totals."
    ),
    "Les voix se comptent en nombres entiers.": "Votes are counted in whole numbers.",
    "Un nombre de voix ne peut pas être négatif.": "A number of votes cannot be negative.",
    "Voix prépondérante inconnue.": "Unknown casting vote.",
    (
        "{total} voix déclarées, mais seules {available} personnes votent à ce moment (présentes "
        "ou représentées)."
    ): (
        "{total} votes recorded, but only {available} people can vote at this time (present or "
        "represented)."
    ),
    # ess_desk/membership/bodies.py
    "Cette instance a déjà un collège « {name} ».": "This body already has a college “{name}”.",
    "Délai de convocation": "Notice period",
    "Durée du mandat": "Mandate length",
    "L'instance parente": "The parent body",
    "Le collège": "The college",
    (
        "Le collège « {college} » compte {seats} siège(s) : ce mandat porterait le nombre de "
        "titulaires à {holders} à partir du {start}."
    ): (
        "The college “{college}” has {seats} seat(s): this mandate would bring the number of "
        "members to {holders} from {start}."
    ),
    (
        "Le collège « {college} » compte {seats} siège(s) : ce mandat porterait le nombre de "
        "titulaires à {holders} du {start} au {end}."
    ): (
        "The college “{college}” has {seats} seat(s): this mandate would bring the number of "
        "members to {holders} from {start} to {end}."
    ),
    (
        "Le collège « {name} » compte déjà {held} titulaires en même temps : il ne peut pas "
        "passer à {seats} sièges."
    ): (
        "The college “{name}” already has {held} members at the same time: it cannot go down to "
        "{seats} seats."
    ),
    "Le nombre de sièges doit être un nombre entier.": (
        "The number of seats must be a whole number."
    ),
    "Le nombre de sièges ne peut pas être négatif.": "The number of seats cannot be negative.",
    "Le quorum ne peut pas dépasser la totalité des membres.": (
        "The quorum cannot exceed the full membership."
    ),
    "Nom du collège": "College name",
    "Pouvoirs par mandataire": "Proxies per holder",
    "Quorum (dénominateur)": "Quorum (denominator)",
    "Quorum (numérateur)": "Quorum (numerator)",
    "Règle de majorité inconnue : « {value} ».": "Unknown majority rule: “{value}”.",
    "Type d'instance inconnu : « {value} ».": "Unknown body type: “{value}”.",
    "Une instance ne peut pas dépendre d'elle-même.": "A body cannot report to itself.",
    "Une instance nommée « {name} » existe déjà.": "A body called “{name}” already exists.",
    "« {label} » doit être au moins {minimum}.": "“{label}” must be at least {minimum}.",
    "« {label} » doit être un nombre entier.": "“{label}” must be a whole number.",
    # ess_desk/membership/mandates.py
    "Ce mandat a un(e) suppléant(e) rattaché(e) : détachez-le d'abord.": (
        "This mandate has a linked substitute: unlink them first."
    ),
    "Ce titulaire a déjà un(e) suppléant(e) sur cette période.": (
        "This member already has a substitute over this period."
    ),
    "Choisissez l'instance de ce mandat.": "Choose the body for this mandate.",
    "Choisissez la personne qui exerce ce mandat.": "Choose the person who holds this mandate.",
    "Choisissez le collège de ce mandat.": "Choose the college for this mandate.",
    "Le collège « {college} » n'appartient pas à l'instance « {body} ».": (
        "The college “{college}” does not belong to the body “{body}”."
    ),
    "Le mandat": "The mandate",
    "Le mandat du titulaire": "The member's mandate",
    "Le suppléant siège dans le collège du titulaire qu'il remplace.": (
        "A substitute sits in the college of the member they replace."
    ),
    "Le titulaire remplacé doit siéger comme titulaire dans la même instance.": (
        "The member being replaced must sit as a member of the same body."
    ),
    "Rôle inconnu : « {value} ».": "Unknown role: “{value}”.",
    "Seul un(e) suppléant(e) peut être rattaché(e) à un titulaire.": (
        "Only a substitute can be linked to a member."
    ),
    # ess_desk/membership/organisations.py
    "Type de structure inconnu : « {value} ».": "Unknown organisation type: “{value}”.",
    "Une structure nommée « {name} » existe déjà.": (
        "An organisation called “{name}” already exists."
    ),
    "La structure « {existing} » existe déjà : « {name} » n'en diffère que par les "
    "majuscules, les accents, les espaces ou la ponctuation, et désigne la même.": (
        "The organisation “{existing}” already exists: “{name}” differs from it only by case, "
        "accents, spaces or punctuation, and designates the same one."
    ),
    # ess_desk/membership/people.py
    "Cette personne a exercé des mandats : archivez-la plutôt que de la supprimer.": (
        "This person has held mandates: archive them rather than delete them."
    ),
    "Civilité inconnue : « {value} » (Mme, M. ou Mx).": "Unknown title: “{value}” (Ms, Mr or Mx).",
    # ess_desk/membership/validation.py
    "L'adresse électronique « {value} » n'est pas valide.": (
        "The email address “{value}” is not valid."
    ),
    "Le champ « {label} » est obligatoire.": "The “{label}” field is required.",
    "Le SIRET « {value} » doit compter 14 chiffres.": (
        "The SIRET number “{value}” must have 14 digits."
    ),
    "Le SIRET « {value} » n'est pas valide (clé de contrôle incorrecte).": (
        "The SIRET number “{value}” is not valid (wrong check digit)."
    ),
    # ess_desk/membership/vocabulary.py
    "Alsace-Moselle (Vendredi saint, 26 décembre)": "Alsace-Moselle (Good Friday, 26 December)",
    "Association": "Association",
    "Autre": "Other",
    "Co-président(e)": "Co-chair",
    "Collectivité": "Local authority",
    "Conseil plénier": "Plenary council",
    "Entreprise ESUS": "ESUS-certified social enterprise",
    "Fondation": "Foundation",
    "France": "France",
    "Groupe de travail": "Working group",
    "Invité(e) permanent(e)": "Permanent guest",
    "Majorité absolue des votants": "Absolute majority of those voting",
    "Majorité des deux tiers des suffrages exprimés": "Two-thirds majority of votes cast",
    "Majorité simple des suffrages exprimés": "Simple majority of votes cast",
    "Membre titulaire": "Member",
    "Mutuelle": "Mutual society",
    "Président(e)": "Chair",
    "Réseau / tête de réseau": "Network / umbrella body",
    "SCIC": "SCIC",
    "SCOP": "SCOP",
    "Secrétariat": "Secretariat",
    "Suppléant(e)": "Substitute",
    "Université / recherche": "University / research",
    "Vice-président(e)": "Vice-chair",
    # ess_desk/minutes/commands.py
    "exporte le procès-verbal d'une séance (PDF ou DOCX)": (
        "export the minutes of a meeting (PDF or DOCX)"
    ),
    "exporte le registre des décisions (XLSX, CSV ou PDF)": (
        "export the register of decisions (XLSX, CSV or PDF)"
    ),
    "fichier .pdf ou .docx à écrire": ".pdf or .docx file to write",
    "Format inconnu pour {path} : choisissez un fichier .pdf ou .docx.": (
        "Unknown format for {path}: choose a .pdf or .docx file."
    ),
    "liste le registre des décisions": "list the register of decisions",
    "mots à chercher (accents ignorés)": "words to search for (accents ignored)",
    "procès-verbal complet (pv) ou relevé de décisions (releve)": (
        "full minutes (pv) or decision summary (releve)"
    ),
    "Procès-verbal écrit : {path}": "Minutes written: {path}",
    "Registre des décisions — {council}": "Register of decisions — {council}",
    "seulement cette nature": "only this type",
    "version publique : sans le nom des personnes qui n'y ont pas consenti": (
        "public version: without the names of people who have not consented"
    ),
    "{count} décision(s) exportée(s) dans {path}.": "{count} decision(s) exported to {path}.",
    # ess_desk/minutes/decisions.py
    "L'approbation d'un procès-verbal n'est pas une décision du registre.": (
        "Approving minutes is not a decision for the register."
    ),
    "La décision n°{id} n'existe pas.": "Decision no. {id} does not exist.",
    (
        "La décision {ref} est suivie d'autres numéros : pour ne pas laisser de trou dans le "
        "registre, marquez-la « Retirée » au lieu de la supprimer."
    ): (
        "Decision {ref} is followed by later numbers: to leave no gap in the register, mark it "
        "“Withdrawn” instead of deleting it."
    ),
    (
        "Le procès-verbal de la séance du {day} a été soumis : remettez-le en brouillon pour "
        "modifier ses décisions."
    ): (
        "The minutes of the meeting of {day} have been submitted: return them to draft to change "
        "their decisions."
    ),
    (
        "Le procès-verbal de la séance du {day} est approuvé : ses décisions ne peuvent plus "
        "être modifiées."
    ): (
        "The minutes of the meeting of {day} are approved: their decisions can no longer be "
        "changed."
    ),
    "Le texte de la décision est obligatoire.": "The text of the decision is required.",
    "Nature de décision inconnue : « {value} » (avis, recommandation ou décision).": (
        "Unknown decision type: “{value}” (opinion, recommendation or decision)."
    ),
    "Sans vote": "No vote",
    "Statut de décision inconnu : « {value} ».": "Unknown decision status: “{value}”.",
    "{votes_for} pour, {votes_against} contre, {abstentions} abstention(s)": (
        "{votes_for} for, {votes_against} against, {abstentions} abstention(s)"
    ),
    # ess_desk/minutes/history.py
    "création": "creation",
    "Décision": "Decision",
    "Erratum": "Erratum",
    "Invité(e)": "Guest",
    "modification": "change",
    "nouvel ordre": "reordering",
    "Point de l'ordre du jour": "Agenda item",
    "Présence": "Attendance",
    "Procès-verbal": "Minutes",
    "suppression": "deletion",
    "Texte d'un point du procès-verbal": "Minutes text for an item",
    # ess_desk/minutes/minutes.py
    "Approbation du procès-verbal de la séance du {day}": (
        "Approval of the minutes of the meeting of {day}"
    ),
    "Approuvé lors de la séance du {day}.": "Approved at the meeting of {day}.",
    "Aucun procès-verbal n'est soumis à l'approbation sur ce point.": (
        "No minutes are submitted for approval under this item."
    ),
    (
        "Aucune séance de « {body} » n'est prévue après le {day} : créez la prochaine séance, où "
        "le procès-verbal sera approuvé, puis soumettez-le."
    ): (
        "No meeting of “{body}” is planned after {day}: create the next meeting, at which the "
        "minutes will be approved, then submit them."
    ),
    "Ce point n'est pas à l'ordre du jour de cette séance.": (
        "This item is not on the agenda of this meeting."
    ),
    "Ce point n'est pas une approbation de procès-verbal.": (
        "This item is not an approval of minutes."
    ),
    "Ce procès-verbal a déjà été approuvé le {day}.": (
        "These minutes were already approved on {day}."
    ),
    "Champ inconnu : {names}.": "Unknown field(s): {names}.",
    "Indiquez l'heure de levée de la séance avant de soumettre le procès-verbal.": (
        "Give the time the meeting closed before submitting the minutes."
    ),
    "Indiquez le/la secrétaire de séance avant de soumettre le procès-verbal.": (
        "Name the meeting secretary before submitting the minutes."
    ),
    (
        "La séance du {day} n'est pas marquée comme tenue : le procès-verbal ne peut y être "
        "approuvé qu'une fois la séance tenue."
    ): (
        "The meeting of {day} is not marked as held: the minutes can only be approved at it once "
        "it has been held."
    ),
    (
        "La séance du {day} n'est pas marquée comme tenue : son procès-verbal ne peut pas encore "
        "être soumis."
    ): ("The meeting of {day} is not marked as held: its minutes cannot be submitted yet."),
    "Le procès-verbal": "The minutes",
    (
        "Le procès-verbal de la séance du {day} a été soumis : remettez-le en brouillon pour le "
        "modifier."
    ): (
        "The minutes of the meeting of {day} have been submitted: return them to draft to change "
        "them."
    ),
    (
        "Le procès-verbal de la séance du {day} est approuvé : il ne peut plus être modifié. "
        "Ajoutez un erratum."
    ): (
        "The minutes of the meeting of {day} are approved: they can no longer be changed. Add an "
        "erratum."
    ),
    "Le procès-verbal est redevenu un brouillon : soumettez-le avant de l'approuver.": (
        "The minutes are back in draft: submit them before approving them."
    ),
    (
        "Le texte approuvé du procès-verbal de la séance du {day} est illisible : lancez « "
        "ess-desk check » et restaurez une sauvegarde."
    ): (
        "The approved text of the minutes of the meeting of {day} is unreadable: run “ess-desk "
        "check” and restore a backup."
    ),
    "Le vote sur ce point a rejeté le procès-verbal : il ne peut pas être approuvé.": (
        "The vote on this item rejected the minutes: they cannot be approved."
    ),
    "Motif": "Reason",
    "Procès-verbal de la séance du {day} ({body})": "Minutes of the meeting of {day} ({body})",
    "Texte de l'erratum": "Erratum text",
    "Un erratum ne peut pas être daté d'avant l'approbation ({day}).": (
        "An erratum cannot be dated before the approval ({day})."
    ),
    (
        "Un erratum ne s'ajoute qu'à un procès-verbal approuvé : tant qu'il ne l'est pas, "
        "corrigez directement le texte."
    ): (
        "An erratum can only be added to approved minutes: until they are approved, correct the "
        "text directly."
    ),
    "{where} : approuvé sans texte ni empreinte.": "{where}: approved without text or hash.",
    "{where} : le texte approuvé est illisible.": "{where}: the approved text is unreadable.",
    (
        "{where} : le texte approuvé ne correspond plus à son empreinte SHA-256 ; il a été "
        "modifié en dehors de l'application."
    ): (
        "{where}: the approved text no longer matches its SHA-256 hash; it was changed outside "
        "the application."
    ),
    (
        "{where} : les textes enregistrés ne correspondent plus au texte approuvé ; ils ont été "
        "modifiés en dehors de l'application."
    ): (
        "{where}: the stored texts no longer match the approved text; they were changed outside "
        "the application."
    ),
    # ess_desk/minutes/record.py
    "un membre de l'instance": "a member of the body",
    "un membre du collège {college}": "a member of the college {college}",
    "un(e) invité(e)": "a guest",
    "une personne": "a person",
    # ess_desk/minutes/vocabulary.py
    "Adoptée": "Adopted",
    "Approuvé": "Approved",
    "Avis": "Opinion",
    "Brouillon": "Draft",
    "En cours de mise en œuvre": "Being implemented",
    "Mise en œuvre": "Implemented",
    "Recommandation": "Recommendation",
    "Relevé de décisions": "Decision summary",
    "Retirée": "Withdrawn",
    "Soumis": "Submitted",
    # ess_desk/minutes/wording.py
    "(voix prépondérante de la présidence)": "(chair's casting vote)",
    "Absents": "Absent",
    "Abstentions": "Abstentions",
    "Contre": "Against",
    "échéance : {day}": "due: {day}",
    "Empreinte SHA-256 du texte approuvé : {digest}": "SHA-256 hash of the approved text: {digest}",
    "Erratum du {day}": "Erratum of {day}",
    "Excusés": "Excused",
    "L'ordre du jour étant épuisé, la séance est levée à {time}.": (
        "There being no further business, the meeting closed at {time}."
    ),
    "La séance est ouverte à {time} sous la présidence de {chair}.": (
        "The meeting opened at {time}, chaired by {chair}."
    ),
    "Le quorum n'était pas atteint au moment du vote.": (
        "The quorum was not reached at the time of the vote."
    ),
    (
        "Membres votants en exercice : {in_office} — présents ou suppléés : {present} — "
        "représentés : {represented} — quorum requis : {required} — {state}."
    ): (
        "Voting members in office: {in_office} — present or substituted: {present} — "
        "represented: {represented} — quorum required: {required} — {state}."
    ),
    "Motif : {reason}": "Reason: {reason}",
    "Ne prennent pas part": "Not voting",
    "non désigné": "not designated",
    "non désignée": "not designated",
    "porteur : {owner}": "owner: {owner}",
    "Pour": "For",
    "Présents": "Present",
    "Projet : le procès-verbal de cette séance n'est pas encore approuvé.": (
        "Draft: the minutes of this meeting have not yet been approved."
    ),
    "quorum atteint": "quorum reached",
    "quorum non atteint": "quorum not reached",
    "Représentés": "Represented",
    "Résultat": "Result",
    "Suppléants présents": "Substitutes present",
    "Total": "Total",
    (
        "Version publique : les personnes qui n'ont pas consenti à la publication de leur nom "
        "sont désignées par leur qualité."
    ): (
        "Public version: people who have not consented to the publication of their name are "
        "referred to by their capacity."
    ),
    "{hour} h {minute:02d}": "{hour}:{minute:02d}",
    "{kind} n° {ref}": "{kind} no. {ref}",
    "{name}, pouvoir à {holder}": "{name}, proxy to {holder}",
    "{name}, remplacé(e) par {substitute}": "{name}, replaced by {substitute}",
    "{name}, suppléant(e) de {member}": "{name}, substitute for {member}",
    # ess_desk/service.py
    "L'enregistrement n°{id} n'existe plus.": "Record no. {id} no longer exists.",
    "{what} n°{id} n'existe pas.": "{what} (no. {id}) does not exist.",
    # ess_desk/store/backup.py
    "{path} est la base ouverte elle-même : choisissez une sauvegarde à restaurer (dans {folder}).": (
        "{path} is the open database itself: choose a backup to restore (in {folder})."
    ),
    "La sauvegarde ne peut pas remplacer la base ouverte elle-même.": (
        "The backup cannot overwrite the open database itself."
    ),
    "Le fichier {path} n'est pas une base de données ESS Desk.": (
        "The file {path} is not an ESS Desk database."
    ),
    "Le fichier {path} n'existe pas.": "The file {path} does not exist.",
    # ess_desk/store/check.py
    "Intégrité : {detail}": "Integrity: {detail}",
    "Le fichier est endommagé : {reason}": "The file is damaged: {reason}",
    "Référence brisée : {table} ligne {rowid} renvoie à {parent} inexistant.": (
        "Broken reference: {table} row {rowid} points to a missing {parent}."
    ),
    "Schéma : la mise à jour {name} n'est pas appliquée.": (
        "Schema: update {name} has not been applied."
    ),
    "Schéma : la mise à jour {name} vient d'une version plus récente.": (
        "Schema: update {name} comes from a newer version."
    ),
    # ess_desk/store/database.py
    "Le fichier {path} n'existe pas : vérifiez le chemin donné à --db. Pour créer une nouvelle base : ess-desk new {path}": (
        "The file {path} does not exist: check the path given to --db. To create a new "
        "database: ess-desk new {path}"
    ),
    "Base ouverte en lecture seule : le fichier ne peut pas être modifié.": (
        "Database opened read-only: the file cannot be modified."
    ),
    "Base ouverte en lecture seule : {user} l'utilise sur le poste {host} depuis le {since}.": (
        "Database opened read-only: {user} has been using it on computer {host} since {since}."
    ),
    "Impossible de créer {path} : le dossier n'est pas accessible en écriture.": (
        "Cannot create {path}: the folder is not writable."
    ),
    (
        "Le fichier {path} a été écrit par une version plus récente d'ESS Desk : mettez le "
        "logiciel à jour pour l'ouvrir."
    ): (
        "The file {path} was written by a newer version of ESS Desk: update the software to open "
        "it."
    ),
    "Le fichier {path} doit être mis à jour, mais il est ouvert en lecture seule.": (
        "The file {path} needs updating, but it is open read-only."
    ),
    "Le fichier {path} est endommagé et ne peut pas être ouvert ({reason}).": (
        "The file {path} is damaged and cannot be opened ({reason})."
    ),
    (
        "Le procès-verbal de cette séance est approuvé : il ne peut plus être modifié (ajoutez "
        "un erratum)."
    ): (
        "The minutes of this meeting are approved: they can no longer be changed (add an erratum)."
    ),
    "Un erratum enregistré ne peut être ni modifié ni supprimé.": (
        "A recorded erratum can be neither changed nor deleted."
    ),
    "{path} est un dossier, pas une base de données ESS Desk.": (
        "{path} is a folder, not an ESS Desk database."
    ),
    # ess_desk/report/figures.py
    "Indiquez soit une année, soit une période (du … au …), pas les deux.": (
        "Give either a year or a period (from … to …), not both."
    ),
    "Indiquez le premier jour de la période.": "Give the first day of the period.",
    "Sans collège": "No college",
    "« {value} » n'est pas une année (attendu : aaaa).": "“{value}” is not a year (expected: yyyy).",
    "L'année {year} est hors de la plage possible ({first} à {last}).": (
        "The year {year} is out of the possible range ({first} to {last})."
    ),
    "La période commence le {start}, après sa fin le {end}.": (
        "The period starts on {start}, after its end on {end}."
    ),
    "La période commence après aujourd'hui ({today}) : il n'y a rien à rapporter.": (
        "The period starts after today ({today}): there is nothing to report yet."
    ),
    # ess_desk/report/commands.py
    "Aucun conseil plénier n'est enregistré : indiquez l'instance avec --body.": (
        "No plenary council is recorded: name the body with --body."
    ),
    "Le rapport s'écrit dans un fichier .pdf : « {name} » n'en est pas un.": (
        "The report is written to a .pdf file: “{name}” is not one."
    ),
    "{title} ({body}) écrit dans {path}.": "{title} ({body}) written to {path}.",
    "rapport d'activité d'une instance sur une année ou une période (PDF)": (
        "activity report of a body over a year or a period (PDF)"
    ),
    "année civile (défaut : la dernière année complète)": (
        "calendar year (default: the last full year)"
    ),
    "premier jour de la période": "first day of the period",
    "dernier jour de la période (défaut : aujourd'hui)": "last day of the period (default: today)",
    # ess_desk/documents/activity_report.py
    "non constaté": "not recorded",
    "Séances": "Meetings",
    "Taux de présence par séance": "Attendance rate by meeting",
    "Taux de présence par mois": "Attendance rate by month",
    "Taux de présence par année": "Attendance rate by year",
    "Quorum": "Quorum",
    "Participation": "Attendance",
    "Répartition des présences": "Attendance breakdown",
    "Taux de présence par collège": "Attendance rate by college",
    "Avis et décisions": "Opinions and decisions",
    "Actions par thème": "Actions by theme",
    "Mouvements de la période": "Changes over the period",
    "{value} %": "{value}%",
    "Rapport d'activité {year}": "Activity report {year}",
    "Rapport d'activité du {start} au {end}": "Activity report from {start} to {end}",
    "Rapport d'activité de {body} du {start} au {end}": (
        "Activity report of {body} from {start} to {end}"
    ),
    "RAPPORT D'ACTIVITÉ": "ACTIVITY REPORT",
    "Du {start} au {end}": "From {start} to {end}",
    "Période en cours : situation au {day}.": "Period not over: situation on {day}.",
    "séance(s) tenue(s)": "meeting(s) held",
    "{cancelled} annulée(s), {postponed} reportée(s)": (
        "{cancelled} cancelled, {postponed} postponed"
    ),
    "taux de présence": "attendance rate",
    "{rate} avec les pouvoirs": "{rate} with proxies",
    "séance(s) avec quorum": "meeting(s) with a quorum",
    "quorum constaté à l'ouverture": "quorum counted at the opening",
    "avis et décision(s)": "opinion(s) and decision(s)",
    "{adopted} vote(s) adopté(s), {rejected} rejeté(s)": (
        "{adopted} vote(s) carried, {rejected} rejected"
    ),
    "actions ouvertes / closes": "actions opened / closed",
    "{overdue} en retard sur {open} en cours": "{overdue} overdue of {open} open",
    "siège(s) vacant(s)": "vacant seat(s)",
    "sur {seats} siège(s)": "out of {seats} seat(s)",
    "Ce rapport est public : les {count} personne(s) qui n'ont pas consenti à la publication de "
    "leur nom y sont désignées par leur qualité.": (
        "This report is public: the {count} person(s) who did not consent to the publication of "
        "their name are referred to by their capacity."
    ),
    "Établi le {day} par le secrétariat du conseil.": (
        "Drawn up on {day} by the council's secretariat."
    ),
    "Tenues": "Held",
    "Annulées": "Cancelled",
    "Reportées": "Postponed",
    "Prévues ou à venir": "Planned or upcoming",
    "Présents / attendus": "Present / expected",
    "Taux": "Rate",
    "Reportée au {day}": "Postponed to {day}",
    "Présents : membres titulaires d'un siège présents en personne ou remplacés par leur "
    "suppléant(e) ; attendus : titulaires en fonction le jour de la séance.": (
        "Present: members holding a seat, present in person or replaced by their substitute; "
        "expected: seat holders in office on the day of the meeting."
    ),
    "« — » : présences non enregistrées pour cette séance.": (
        "“—”: attendance not recorded for this meeting."
    ),
    "Aucune séance sur la période.": "No meeting over the period.",
    "Aucune séance tenue sur la période.": "No meeting held over the period.",
    "Quorum atteint à {reached} séance(s), non atteint à {missed} séance(s), non constaté à "
    "{unknown} séance(s).": (
        "Quorum reached at {reached} meeting(s), not reached at {missed} meeting(s), not "
        "recorded at {unknown} meeting(s)."
    ),
    "En exercice": "In office",
    "Requis": "Required",
    "Comptés": "Counted",
    "En exercice : membres à voix délibérative ; comptés : présents, et représentés quand le "
    "règlement de l'instance compte les pouvoirs ; quorum constaté à l'ouverture de la séance "
    "(recalculé sur les présences s'il n'a pas été noté).": (
        "In office: voting members; counted: present, and represented when the body's rules "
        "count proxies; quorum counted at the opening of the meeting (worked out from the "
        "attendance when it was not recorded)."
    ),
    "Aucune présence enregistrée sur la période.": "No attendance recorded over the period.",
    "Sur {expected} sièges attendus aux séances tenues, {sitting} ont été occupés ({rate}) et "
    "{represented} représentés par un pouvoir ; participation avec les pouvoirs : "
    "{participation}.": (
        "Of {expected} seats expected at the meetings held, {sitting} were filled ({rate}) and "
        "{represented} represented by a proxy; attendance including proxies: {participation}."
    ),
    "Remplacés par leur suppléant(e)": "Replaced by their substitute",
    "Représentés (pouvoir)": "Represented (proxy)",
    "{label} : {count} ({share})": "{label}: {count} ({share})",
    "Attendus": "Expected",
    "Suppléés": "Substituted",
    "{college} (consultatif)": "{college} (advisory)",
    "Taux de présence": "Attendance rate",
    "L'assiduité de chaque membre figure en annexe.": (
        "Each member's attendance is given in the annex."
    ),
    "Aucun avis ni décision adopté sur la période.": (
        "No opinion or decision adopted over the period."
    ),
    "Nombre": "Number",
    "Points soumis au vote : {adopted} adopté(s), {rejected} rejeté(s).": (
        "Items put to the vote: {adopted} carried, {rejected} rejected."
    ),
    "Registre de la période": "Register of the period",
    "Référence": "Reference",
    "Suivi": "Follow-up",
    "Aucune action suivie sur la période.": "No action followed over the period.",
    "Ouvertes : actions créées pendant la période ; faites et abandonnées : closes pendant la "
    "période ; en cours et en retard : au {day}.": (
        "Opened: actions created during the period; done and abandoned: closed during the "
        "period; open and overdue: on {day}."
    ),
    "Ouvertes": "Opened",
    "Faites": "Done",
    "Abandonnées": "Abandoned",
    "En retard": "Overdue",
    "Closes": "Closed",
    "En retard à la fin": "Overdue at the end",
    "L'instance n'a pas de collège.": "The body has no college.",
    "Sièges": "Seats",
    "Au {day}": "On {day}",
    "Arrivées": "Arrivals",
    "Départs": "Departures",
    "Vacants": "Vacant",
    "Sièges occupés par les membres titulaires (président(e) et vice-président(e)s compris) ; "
    "les suppléant(e)s et les invité(e)s n'occupent pas de siège.": (
        "Seats held by full members (chair and vice-chairs included); substitutes and guests "
        "hold no seat."
    ),
    "Sièges occupés et vacants au {day}": "Seats filled and vacant on {day}",
    "Occupés": "Filled",
    "Aucun mandat n'a commencé ni pris fin sur la période.": (
        "No mandate started or ended over the period."
    ),
    "Mouvement": "Change",
    "Personne": "Person",
    "Pour une fin de mandat, la date est le dernier jour en fonction.": (
        "For a mandate end, the date is the last day in office."
    ),
    "{college} ({count})": "{college} ({count})",
    "Composition au {day}": "Composition on {day}",
    "Aucun mandat en cours.": "No mandate in force.",
    "Fin": "End",
    "Les personnes qui n'ont pas consenti à la publication de leur nom sont désignées par leur "
    "qualité, sans leur structure.": (
        "People who did not consent to the publication of their name are referred to by their "
        "capacity, without their organisation."
    ),
    "Assiduité des membres": "Attendance of the members",
    "Suppléé(e)": "Substituted",
    "Séances : séances tenues où la personne occupait un siège et dont les présences sont "
    "enregistrées ; taux : présent(e) ou remplacé(e) par son suppléant(e).": (
        "Meetings: meetings held where the person held a seat and whose attendance is recorded; "
        "rate: present or replaced by their substitute."
    ),
    # ess_desk/search/index.py
    "Structures": "Organisations",
    "Instances": "Bodies",
    "Points de l'ordre du jour": "Agenda items",
    "Procès-verbaux": "Minutes",
    "Décisions et avis": "Decisions and opinions",
    "archivée": "archived",
    "Erratum : {text}": "Erratum: {text}",
    "{kind} n° {reference}": "{kind} no. {reference}",
    "Suivi du {date} : {comment}": "Follow-up of {date}: {comment}",
    "échéance {date}": "due {date}",
    # ess_desk/search/commands.py
    "--limit attend un nombre entre 1 et {max}.": "--limit expects a number from 1 to {max}.",
    "Rien à chercher dans « {text} » : tapez au moins deux lettres ou chiffres.": (
        "Nothing to look for in “{text}”: type at least two letters or digits."
    ),
    "Aucun résultat pour « {text} ».": "No results for “{text}”.",
    "… et d'autres (--kind {kind} --limit N pour les voir)": (
        "… and more (--kind {kind} --limit N to see them)"
    ),
    "cherche dans les personnes, structures, séances, PV, décisions et actions": (
        "searches people, organisations, meetings, minutes, decisions and actions"
    ),
    "mots ou « expression exacte »": 'words or "exact phrase"',
    "seulement ce genre de fiche ({kinds}) ; option répétable": (
        "only this kind of record ({kinds}); may be repeated"
    ),
    "au plus N résultats par genre (défaut : 10)": "at most N results of each kind (default: 10)",
    "Index de recherche reconstruit : {count} entrées.": "Search index rebuilt: {count} entries.",
    "Indiquez les mots à chercher, ou --rebuild.": "Give the words to look for, or --rebuild.",
    "reconstruit l'index de recherche (si « ess-desk check » le signale)": (
        "rebuilds the search index (when “ess-desk check” reports it)"
    ),
    "Index de recherche ({table}) : {reason} ; « ess-desk search --rebuild » le reconstruit.": (
        "Search index ({table}): {reason}; “ess-desk search --rebuild” rebuilds it."
    ),
    # ess_desk/minutes/history.py (field labels)
    "Secrétaire de séance": "Meeting secretary",
    "Séance levée à": "Meeting closed at",
    "Rang": "Position",
    "Durée (min)": "Duration (min)",
    "Présenté par": "Presented by",
    "Heure du vote": "Time of the vote",
    "Arrivée": "Arrival",
    "Départ": "Departure",
    "Lieu": "Place",
    "Début": "Start",
    "Fin prévue": "Planned end",
    "Convocation envoyée le": "Notice sent on",
    "Approuvé le": "Approved on",
    "Année": "Year",
    "Soumis le": "Submitted on",
    "Empreinte SHA-256": "SHA-256 hash",
    "Texte approuvé": "Approved text",
    # ess_desk/documents/pack.py
    "Dossier des membres": "Members' pack",
    "Dossier d'animation": "Facilitators' pack",
    "Version publique": "Public version",
    "Sommaire": "Contents",
    "Couverture": "Cover",
    "Conducteur de séance": "Run sheet",
    "Composition de l'instance": "Membership of the body",
    "Contrôle du quorum": "Quorum check",
    "Liste des orateurs": "List of speakers",
    "Annexes": "Annexes",
    "Annexe": "Annex",
    "Pages": "Pages",
    "Coordonnées": "Contact details",
    "Membre votant": "Voting member",
    "Suppléé(e) par": "Replaced by substitute",
    "Pouvoir à": "Proxy to",
    "ce n'est pas un fichier PDF": "it is not a PDF file",
    "le fichier ne contient aucune page": "the file has no page",
    "le fichier est protégé par un mot de passe": "the file is protected by a password",
    "le fichier est endommagé ({detail})": "the file is damaged ({detail})",
    (
        "L'annexe « {name} » ne peut pas être jointe au dossier : {reason}. Le dossier n'a pas "
        "été créé."
    ): "The annex “{name}” cannot be added to the pack: {reason}. The pack was not created.",
    (
        "{count} annexes ne peuvent pas être jointes au dossier : {names}. Le dossier n'a pas "
        "été créé."
    ): "{count} annexes cannot be added to the pack: {names}. The pack was not created.",
    "Variante inconnue : « {value} » (membre, animation ou public).": (
        "Unknown variant: “{value}” (membre, animation or public)."
    ),
    "{minutes} min": "{minutes} min",
    "{hours} h {minutes:02d}": "{hours} h {minutes:02d}",
    "Dossier de séance — {body}, séance du {day}": "Meeting pack — {body}, meeting of {day}",
    "Dossier de séance": "Meeting pack",
    "Dossier de séance — animation": "Meeting pack — facilitators",
    "Dossier de séance — version publique": "Meeting pack — public version",
    "{start}, fin prévue à {end}": "{start}, planned end at {end}",
    "à préciser": "to be confirmed",
    "Visioconférence : {link}": "Video conference: {link}",
    (
        "Ordre du jour provisoire : la séance n'est pas encore convoquée, ce dossier peut encore "
        "changer."
    ): "Provisional agenda: the meeting is not convened yet, this pack may still change.",
    "Annexes non jointes à ce dossier": "Annexes left out of this pack",
    (
        "Ces fichiers sont illisibles (endommagés, protégés ou d'un autre format) ; demandez-les "
        "au secrétariat :"
    ): "These files cannot be read (damaged, protected or of another format); ask the "
    "secretariat for them:",
    "Dossier établi le {day}.": "Pack prepared on {day}.",
    (
        "L'ordre du jour, les documents à examiner et, le cas échéant, le procès-verbal à "
        "approuver figurent dans ce dossier."
    ): "The agenda, the documents to examine and, where there are some, the minutes to approve "
    "are in this pack.",
    "Début à {start} ; l'ordre du jour mène à {end}": "Starts at {start}; the agenda runs to {end}",
    "(fin prévue à {end})": "(planned end at {end})",
    "L'ordre du jour dépasse de {minutes} la fin prévue.": (
        "The agenda runs {minutes} past the planned end."
    ),
    "présenté par {name}": "presented by {name}",
    "Annexe {number} : {name} ({pages} p.)": "Annex {number}: {name} ({pages} p.)",
    "Annexe {number} : {name}": "Annex {number}: {name}",
    "Documents joints à la séance": "Documents for the meeting",
    "{duration} · cumul {elapsed}": "{duration} · total {elapsed}",
    "Notes pour l'animation :": "Notes for the facilitator:",
    "Heure réelle : début ____ h ____ — fin ____ h ____ — ☐ traité": (
        "Actual time: start ____ : ____ — end ____ : ____ — ☐ done"
    ),
    "Procès-verbal de la séance du {day}, à approuver": "Minutes of the meeting of {day}, to approve",
    "Projet de procès-verbal de la séance du {day}": "Draft minutes of the meeting of {day}",
    (
        "{body}, au {day} : {members} membre(s) titulaire(s) et {substitutes} suppléant(e)(s)."
    ): "{body}, on {day}: {members} full member(s) and {substitutes} substitute(s).",
    (
        "Version publique : sans coordonnées ; les personnes qui n'ont pas consenti à la "
        "publication de leur nom sont désignées par leur qualité."
    ): "Public version: no contact details; people who did not consent to the publication of "
    "their name are shown by their role.",
    "voix délibérative": "voting",
    "voix consultative": "advisory",
    "{filled} siège(s) pourvu(s) sur {seats}": "{filled} of {seats} seat(s) filled",
    "présents ou représentés": "present or represented",
    "présents en personne": "present in person",
    (
        "Membres votants en exercice : {in_office}. Quorum requis : {required} "
        "({numerator}/{denominator} des membres en exercice, {rule})."
    ): "Voting members in office: {in_office}. Quorum required: {required} "
    "({numerator}/{denominator} of the members in office, {rule}).",
    (
        "Un membre présent peut porter au plus {limit} pouvoir(s) ; un(e) suppléant(e) ne vote "
        "qu'en l'absence du membre qu'il ou elle remplace."
    ): "A member present may hold at most {limit} proxy(ies); a substitute votes only when the "
    "member they replace is absent.",
    (
        "Les pouvoirs ne sont pas admis dans cette instance ; un(e) suppléant(e) ne vote qu'en "
        "l'absence du membre qu'il ou elle remplace."
    ): "Proxies are not allowed in this body; a substitute votes only when the member they "
    "replace is absent.",
    "Présents : ______ + représentés : ______ = ______ / {required} requis": (
        "Present: ______ + represented: ______ = ______ / {required} required"
    ),
    "Présents : ______ / {required} requis": "Present: ______ / {required} required",
    "{box} Quorum atteint à ____ h ____": "{box} Quorum reached at ____ : ____",
    "{box} Quorum non atteint : la séance ne peut pas délibérer": (
        "{box} Quorum not reached: the meeting cannot deliberate"
    ),
    "Inscrivez les demandes de parole dans l'ordre où elles arrivent.": (
        "Write down the requests to speak in the order they come."
    ),
    (
        "Les annexes suivent, dans l'ordre de l'ordre du jour ; leurs pages sont numérotées avec "
        "celles du dossier."
    ): "The annexes follow, in the order of the agenda; their pages are numbered with those of "
    "the pack.",
    "Non jointes (fichiers illisibles) : {names}.": "Left out (unreadable files): {names}.",
    # ess_desk/documents/commands.py
    "dossier de séance en un PDF (convocation, ordre du jour, PV, suivi, annexes…)": (
        "the meeting pack as one PDF (notice, agenda, minutes, follow-up, annexes…)"
    ),
    (
        "membre (défaut) ; animation : conducteur, quorum, orateurs ; public : sans coordonnées "
        "ni nom des personnes qui n'y ont pas consenti"
    ): "membre (default); animation: run sheet, quorum, speakers; public: without contact "
    "details nor the names of people who did not consent",
    "laisse de côté les annexes illisibles (la couverture les nomme)": (
        "leaves out the unreadable annexes (the cover names them)"
    ),
    "Dossier de séance écrit : {path} ({pages} pages).": "Meeting pack written: {path} ({pages} pages).",
    "Annexe laissée de côté (illisible) : {name}": "Annex left out (unreadable): {name}",
    # ess_desk/privacy/retention.py
    "« {value} » n'est pas un nombre d'années.": "“{value}” is not a number of years.",
    "La durée de conservation doit être comprise entre 1 et {max} ans.": (
        "The retention period must be between 1 and {max} years."
    ),
    "Dernier mandat terminé le {day}": "Last mandate ended on {day}",
    " ; dernière activité le {day}": "; last activity on {day}",
    "Aucun mandat, aucune activité connue": "No mandate, no known activity",
    "Aucun mandat ; dernière trace le {day}": "No mandate; last trace on {day}",
    # ess_desk/privacy/texts.py
    "Procès-verbal de la séance du {day} ({body}), point « {title} »": (
        "Minutes of the meeting of {day} ({body}), item “{title}”"
    ),
    "Erratum au procès-verbal de la séance du {day} ({body})": (
        "Erratum to the minutes of the meeting of {day} ({body})"
    ),
    "Décision n° {reference} du {day} ({body})": "Decision no. {reference} of {day} ({body})",
    "Ordre du jour de la séance du {day} ({body}), point « {title} »": (
        "Agenda of the meeting of {day} ({body}), item “{title}”"
    ),
    "Invité(e)s de la séance du {day} ({body})": "Guests of the meeting of {day} ({body})",
    "Séance du {day} ({body})": "Meeting of {day} ({body})",
    "Action n°{id} « {title} »": "Action no. {id} “{title}”",
    "Point de suivi du {day} de l'action n°{id}": "Follow-up of {day} on action no. {id}",
    "Mandat n°{id} ({body})": "Mandate no. {id} ({body})",
    "Notes de la fiche personne n°{id}": "Notes of the record of person no. {id}",
    "Structure « {name} »": "Organisation “{name}”",
    "Réglage « {key} »": "Setting “{key}”",
    # ess_desk/privacy/person_file.py
    "Identité et coordonnées": "Identity and contact details",
    "Consentements": "Consents",
    "Mandats": "Mandates",
    "Présences aux séances": "Attendance at meetings",
    "Pouvoirs donnés": "Proxies given",
    "Pouvoirs reçus": "Proxies held",
    "Remplacements assurés comme suppléant(e)": "Replacements made as a substitute",
    "Présences comme invité(e) extérieur(e)": "Attendance as an external guest",
    "Points présentés à l'ordre du jour": "Agenda items presented",
    "Actions portées": "Actions owned",
    "Points de suivi rédigés": "Follow-ups written",
    "Votes": "Votes",
    "Mentions dans les textes": "Mentions in texts",
    "Annexes PDF qui la nomment": "PDF annexes naming them",
    "Journal des modifications": "Change log",
    "Ce fichier n'est pas une fiche personnelle d'ESS Desk.": (
        "This file is not an ESS Desk personal file."
    ),
    "présidence": "chair",
    "secrétaire de séance": "meeting secretary",
    "présent(e)": "present",
    "représenté(e)": "represented",
    "excusé(e)": "excused",
    "absent(e)": "absent",
    "suppléant(e)": "substitute",
    "invité(e)": "guest",
    "pouvoir ou remplacement": "proxy or replacement",
    "présente un point": "presents an item",
    "porte une action": "owns an action",
    "nommé(e) dans le texte": "named in the text",
    "nom du fichier": "file name",
    "texte du document": "text of the document",
    "texte illisible : à vérifier à la main": "unreadable text: check by hand",
    "Les votes sont enregistrés en nombre de voix (pour, contre, abstentions), sans le nom des "
    "votants : la base ne conserve aucun vote individuel.": (
        "Votes are recorded as numbers (for, against, abstentions), without the voters' names: "
        "the database keeps no individual vote."
    ),
    "Cette fiche a été anonymisée le {day} : les procès-verbaux approuvés, archives publiques, "
    "gardent le nom tel qu'il a été approuvé.": (
        "This record was anonymised on {day}: approved minutes, which are public archives, keep "
        "the name as it was approved."
    ),
    "Format inconnu pour {path} : choisissez un fichier .json ou .pdf.": (
        "Unknown format for {path}: choose a .json or .pdf file."
    ),
    # ess_desk/privacy/anonymise.py
    "Personne anonymisée n°{id}": "Anonymised person no. {id}",
    "Simulation : {name} (n°{id}) serait anonymisé(e) en « {label} ».": (
        "Dry run: {name} (no. {id}) would be anonymised as “{label}”."
    ),
    "{name} (n°{id}) est anonymisé(e) : « {label} ».": "{name} (no. {id}) is anonymised: “{label}”.",
    "Fiche : nom, civilité, courriel, téléphone, fonction et notes effacés ; accords de "
    "publication et de contact retirés ; fiche archivée.": (
        "Record: name, title, e-mail, phone, position and notes erased; consents to publication "
        "and contact withdrawn; record archived."
    ),
    "{count} texte(s) ouvert(s) où le nom figurait, réécrit(s) ({fields}).": (
        "{count} open text(s) naming them rewritten ({fields})."
    ),
    "{count} coordonnée(s) de structure qui étaient les siennes, effacée(s).": (
        "{count} organisation contact detail(s) that were theirs erased."
    ),
    "{count} entrée(s) du journal d'audit expurgée(s).": "{count} audit log entry(ies) scrubbed.",
    "{count} procès-verbal(aux) approuvé(s) garde(nt) le nom tel qu'approuvé (archives "
    "publiques, non modifiables).": (
        "{count} approved minutes keep the name as approved (public archives, which cannot change)."
    ),
    "{count} autre(s) fiche(s) porte(nt) le même nom : les mentions de ce nom dans les textes, "
    "qui ne peuvent pas être départagées, ont toutes été remplacées.": (
        "{count} other record(s) bear the same name: the mentions of that name in texts, which "
        "cannot be told apart, were all replaced."
    ),
    "Annexes PDF qui la nomment, à vérifier à la main : {names}.": (
        "PDF annexes naming them, to check by hand: {names}."
    ),
    "Les sauvegardes faites avant ce jour contiennent encore l'identité : elles s'effacent au "
    "fil de leur rotation.": (
        "Backups made before today still hold the identity: they are deleted as they rotate."
    ),
    "{name} a un mandat en cours ou à venir ({body}, {period}) : seule une personne dont tous "
    "les mandats sont terminés peut être anonymisée.": (
        "{name} has a current or future mandate ({body}, {period}): only a person whose mandates "
        "have all ended can be anonymised."
    ),
    "La personne n°{id}": "Person no. {id}",
    "La personne n°{id} a déjà été anonymisée.": "Person no. {id} has already been anonymised.",
    # ess_desk/privacy/commands.py
    "Personne à revoir : aucune trace de plus de {years} an(s).": (
        "Nobody to review: no trace older than {years} year(s)."
    ),
    "{count} personne(s) sans lien avec le conseil depuis plus de {years} an(s) :": (
        "{count} person(s) with no link to the council for more than {years} year(s):"
    ),
    "Anonymiser : ess-desk privacy --anonymise NUMÉRO": (
        "To anonymise: ess-desk privacy --anonymise NUMBER"
    ),
    "Indiquez le fichier à écrire avec -o FICHIER.json ou FICHIER.pdf.": (
        "Give the file to write with -o FILE.json or FILE.pdf."
    ),
    "Fiche personnelle écrite : {path}": "Personal file written: {path}",
    "-o ne sert qu'avec --export : ignoré.": "-o only goes with --export: ignored.",
    "--dry-run ne sert qu'avec --anonymise.": "--dry-run only goes with --anonymise.",
    "--years ne sert qu'avec --review.": "--years only goes with --review.",
    "données personnelles (RGPD) : revue de conservation, fiche d'une personne, anonymisation": (
        "personal data (GDPR): retention review, a person's file, anonymisation"
    ),
    "liste les personnes à revoir (dernier mandat terminé depuis plus de N ans)": (
        "lists the people to review (last mandate ended more than N years ago)"
    ),
    "anonymise la personne de ce numéro (irréversible ; dit ce qui a été fait)": (
        "anonymises the person with this number (irreversible; says what was done)"
    ),
    "écrit tout ce que la base contient sur cette personne (droit d'accès)": (
        "writes everything the database holds about this person (right of access)"
    ),
    "fichier .json ou .pdf (avec --export)": ".json or .pdf file (with --export)",
    "avec --anonymise : montre ce qui serait fait, sans rien écrire": (
        "with --anonymise: shows what would be done, without writing anything"
    ),
    "avec --review : durée de conservation en années (défaut : le réglage, sinon 5)": (
        "with --review: retention period in years (default: the setting, else 5)"
    ),
    "avec --review : sortie JSON": "with --review: JSON output",
    # ess_desk/documents/person_file_pdf.py
    "fiche personne": "person record",
    "structure": "organisation",
    "mandat": "mandate",
    "collège": "college",
    "séance": "meeting",
    "ordre du jour": "agenda",
    "point": "item",
    "annexe": "annex",
    "présence": "attendance",
    "vote": "vote",
    "procès-verbal": "minutes",
    "texte de procès-verbal": "minutes text",
    "erratum": "erratum",
    "décision": "decision",
    "action": "action",
    "point de suivi": "follow-up",
    "réglage": "setting",
    "anonymisation": "anonymisation",
    "pouvoir à {name}": "proxy to {name}",
    "remplacé(e) par {name}": "replaced by {name}",
    "arrivée {time}": "arrived {time}",
    "départ {time}": "left {time}",
    "suppléant(e) de {name}": "substitute for {name}",
    "Suppléant(e)s, notes": "Substitutes, notes",
    "Pouvoir reçu de": "Proxy received from",
    "Membre remplacé(e)": "Member replaced",
    "Nom inscrit": "Name written",
    "Y figure comme": "Appears as",
    "Dates": "Dates",
    "créée le {day}": "created on {day}",
    "échéance {day}": "due {day}",
    "close le {day}": "closed on {day}",
    "Commentaire": "Comment",
    "Où": "Where",
    "(archive approuvée, non modifiable)": "(approved archive, cannot change)",
    "Extrait": "Excerpt",
    "Trouvé dans": "Found in",
    "Par": "By",
    "Objet": "Subject",
    "Valeurs enregistrées": "Recorded values",
    "{count} élément(s).": "{count} item(s).",
    "Aucune donnée.": "No data.",
    "Fiche personnelle": "Personal file",
    "Fiche personnelle — droit d'accès": "Personal file — right of access",
    "Ce document rassemble tout ce que la base d'ESS Desk du {council} contient sur cette "
    "personne au {day} (article 15 du RGPD). Les mêmes données, complètes, existent au format "
    "JSON.": (
        "This document gathers everything the ESS Desk database of the {council} holds about "
        "this person on {day} (article 15 of the GDPR). The same data, complete, exist as JSON."
    ),
    "Notes": "Notes",
    "Fiche archivée": "Record archived",
    "Anonymisée le": "Anonymised on",
    "Publication du nom": "Publication of the name",
    "Être contacté(e)": "Being contacted",
    "Ville": "City",
    "À savoir": "Good to know",
    "Fiche personnelle — {name}": "Personal file — {name}",
    "Droit d'accès aux données personnelles (RGPD)": "Right of access to personal data (GDPR)",
    "Précisions": "Details",
    "depuis le {start}": "since {start}",
    "(données de {count} caractères, complètes dans la version JSON)": (
        "({count} characters of data, complete in the JSON version)"
    ),
    # ess_desk/failures.py
    "Accès refusé à {path} : votre compte n'a pas le droit de l'ouvrir ou de le modifier. Rien "
    "n'a été modifié. Demandez l'accès à la personne qui gère ce poste ou ce partage, ou "
    "choisissez un autre emplacement, puis recommencez.": (
        "Access to {path} denied: your account may not open or change it. Nothing was changed. "
        "Ask whoever manages this computer or share for access, or choose another place, then "
        "try again."
    ),
    "ESS Desk s'est arrêté sur une erreur inattendue ({detail}). Une écriture en cours est "
    "annulée en entier : la base reste telle qu'avant. Le détail technique est dans le journal "
    "{log} : joignez-le à votre demande d'aide.": (
        "ESS Desk stopped on an unexpected error ({detail}). A write in progress is undone "
        "entirely: the database stays as it was. The technical detail is in the log {log}: "
        "attach it to your request for help."
    ),
    "ESS Desk s'est arrêté sur une erreur inattendue ({detail}). Une écriture en cours est "
    "annulée en entier : la base reste telle qu'avant. Signalez-la à la personne qui vous aide, "
    "avec la commande lancée.": (
        "ESS Desk stopped on an unexpected error ({detail}). A write in progress is undone "
        "entirely: the database stays as it was. Report it to whoever helps you, with the "
        "command you ran."
    ),
    "Impossible d'accéder à {path} : {reason}. Rien n'a été modifié. Vérifiez le fichier et son "
    "dossier, puis recommencez.": (
        "Cannot access {path}: {reason}. Nothing was changed. Check the file and its folder, "
        "then try again."
    ),
    "La base {path} est occupée par un autre programme en ce moment. Rien n'a été modifié. "
    "Attendez un instant puis recommencez ; si cela dure, fermez les autres programmes ou postes "
    "qui l'ont ouverte.": (
        "The database {path} is busy with another program right now. Nothing was changed. Wait "
        "a moment and try again; if it lasts, close the other programs or computers that have "
        "it open."
    ),
    "La mémoire de l'ordinateur ne suffit pas pour ce travail. Rien n'a été modifié. Fermez "
    "d'autres programmes, puis recommencez.": (
        "The computer does not have enough memory for this work. Nothing was changed. Close "
        "other programs, then try again."
    ),
    "Le disque est plein : {path} n'a pas pu être écrit. Rien n'a été modifié. Libérez de la "
    "place sur ce disque (corbeille, gros fichiers inutiles) ou choisissez un autre emplacement, "
    "puis recommencez.": (
        "The disk is full: {path} could not be written. Nothing was changed. Free some space on "
        "this disk (recycle bin, large unneeded files) or choose another place, then try again."
    ),
    "Le disque est plein. Rien n'a été modifié. Libérez de la place sur ce disque (corbeille, "
    "gros fichiers inutiles), puis recommencez.": (
        "The disk is full. Nothing was changed. Free some space on this disk (recycle bin, "
        "large unneeded files), then try again."
    ),
    "Le disque n'a pas pu lire ou écrire {path} (erreur d'entrée-sortie). Rien n'a été modifié. "
    "Vérifiez que le disque, la clé USB ou le lecteur réseau est bien branché, puis recommencez "
    "; si l'erreur revient, faites vérifier le disque.": (
        "The disk could not read or write {path} (input/output error). Nothing was changed. "
        "Check that the disk, USB stick or network drive is properly connected, then try "
        "again; if the error comes back, have the disk checked."
    ),
    "Le fichier {path} est endommagé : SQLite n'a pas pu le lire. Rien n'a été modifié. "
    "Restaurez la dernière sauvegarde qui passe la vérification.": (
        "The file {path} is damaged: SQLite could not read it. Nothing was changed. Restore the "
        "latest backup that passes the check."
    ),
    "Le système a refusé l'opération : {reason}. Rien n'a été modifié. Vérifiez le fichier et "
    "son dossier, puis recommencez.": (
        "The system refused the operation: {reason}. Nothing was changed. Check the file and "
        "its folder, then try again."
    ),
    "{path} est introuvable (le fichier ou l'un de ses dossiers n'existe pas). Rien n'a été "
    "modifié. Vérifiez le nom et le dossier, puis recommencez.": (
        "{path} cannot be found (the file or one of its folders does not exist). Nothing was "
        "changed. Check the name and the folder, then try again."
    ),
    "{path} est occupé par un autre programme ou un autre poste en ce moment. Rien n'a été "
    "modifié. Fermez le programme qui s'en sert (Excel, un outil de synchronisation…) ou "
    "attendez un instant, puis recommencez.": (
        "{path} is in use by another program or computer right now. Nothing was changed. Close "
        "the program using it (Excel, a synchronisation tool…) or wait a moment, then try again."
    ),
    "{path} est un dossier, pas un fichier. Rien n'a été modifié. Indiquez le nom d'un fichier "
    "(dans ce dossier ou ailleurs), puis recommencez.": (
        "{path} is a folder, not a file. Nothing was changed. Give the name of a file (in this "
        "folder or elsewhere), then try again."
    ),
    "{path} ne peut pas être modifié : le disque qui le porte est protégé en écriture (clé USB "
    "verrouillée, CD, partage en lecture seule). Rien n'a été modifié. Copiez le fichier sur un "
    "disque où vous pouvez écrire, ou retirez la protection, puis recommencez.": (
        "{path} cannot be changed: its disk is write-protected (locked USB stick, CD, read-only "
        "share). Nothing was changed. Copy the file to a disk you can write to, or remove the "
        "protection, then try again."
    ),
    "{path} ne peut pas être modifié : le fichier est en lecture seule. Rien n'a été modifié. "
    "Retirez la lecture seule dans les propriétés du fichier (ou demandez-le à la personne qui "
    "gère ce poste), puis recommencez.": (
        "{path} cannot be changed: the file is read-only. Nothing was changed. Clear read-only "
        "in the file's properties (or ask whoever manages this computer), then try again."
    ),
    "{path} ne peut pas être modifié : son dossier {folder} est en lecture seule. Rien n'a été "
    "modifié. Choisissez un dossier où vous pouvez écrire, ou demandez l'accès à la personne qui "
    "gère ce poste, puis recommencez.": (
        "{path} cannot be changed: its folder {folder} is read-only. Nothing was changed. "
        "Choose a folder you can write to, or ask whoever manages this computer for access, "
        "then try again."
    ),
    # ess_desk/store/database.py (why a database is read-only)
    "Base ouverte en lecture seule : le disque est plein.": (
        "Database opened read-only: the disk is full."
    ),
    "Base ouverte en lecture seule : le disque qui porte le fichier est protégé en écriture.": (
        "Database opened read-only: the disk holding the file is write-protected."
    ),
    "Base ouverte en lecture seule : le fichier est en lecture seule.": (
        "Database opened read-only: the file is read-only."
    ),
    "Base ouverte en lecture seule : son dossier {folder} est en lecture seule.": (
        "Database opened read-only: its folder {folder} is read-only."
    ),
    "Base ouverte en lecture seule : votre compte n'a pas le droit de la modifier.": (
        "Database opened read-only: your account may not change it."
    ),
    "{user} a la base ouverte sur le poste {host} depuis le {since} : pour vous, elle est en "
    "lecture seule. Rien n'a été modifié. Recommencez quand elle aura été fermée sur ce poste.": (
        "{user} has the database open on the computer {host} since {since}: for you it is "
        "read-only. Nothing was changed. Try again once it has been closed on that computer."
    ),
    # ess_desk/store/recovery.py, health.py, network.py (and the messages they complete)
    "Attention : {warning}": "Warning: {warning}",
    "Aucune sauvegarde de cette base qui passe la vérification n'a été trouvée dans {folder} : cherchez une copie ailleurs (clé USB, messagerie, autre poste).": "No backup of this database that passes the check was found in {folder}: look for a copy elsewhere (USB stick, e-mail, another computer).",
    "Base ouverte en lecture seule : un dossier porte le nom de son verrou.": "Database opened read-only: a folder bears the name of its lock.",
    "Base remise en place depuis {source}. Le fichier inutilisable est gardé dans {kept}.": "Database put back from {source}. The unusable file is kept in {kept}.",
    "La base {path} est sur un lecteur réseau ({kind}, {mount}). Une seule personne à la fois peut la modifier (le verrou y veille) : les autres l'ouvrent en lecture seule. Les sauvegardes sont gardées sur le disque de ce poste : {backups}.": "The database {path} is on a network drive ({kind}, {mount}). Only one person at a time can change it (the lock sees to it): the others open it read-only. Backups are kept on this computer's disk: {backups}.",
    "La base {path} n'est pas endommagée : un travail a été interrompu (arrêt brutal du programme ou de l'ordinateur) et a laissé un journal de reprise ({journal}) ; pour remettre la base dans son dernier état enregistré, ESS Desk doit pouvoir écrire dans le fichier.": "The database {path} is not damaged: some work was interrupted (the program or the computer stopped abruptly) and left a recovery journal ({journal}); to bring the database back to its last saved state, ESS Desk must be able to write to the file.",
    "La base {path} ne peut pas être modifiée : un dossier porte le nom de son verrou ({lock}). Rien n'a été modifié. Déplacez ou renommez ce dossier (il n'a pas été créé par ESS Desk), puis recommencez.": "The database {path} cannot be changed: a folder bears the name of its lock ({lock}). Nothing was changed. Move or rename that folder (ESS Desk did not create it), then try again.",
    "La sauvegarde la plus récente qui passe la vérification est celle du {when} ({size} : {contents} ; dernière modification le {changed}) : {path}.": "The newest backup that passes the check is the one of {when} ({size}: {contents}; last change on {changed}): {path}.",
    "La sauvegarde la plus récente qui passe la vérification est celle du {when} ({size} : {contents}) : {path}.": "The newest backup that passes the check is the one of {when} ({size}: {contents}): {path}.",
    "Le disque de {path} est plein : la base ne peut plus être modifiée ni sauvegardée. Libérez de la place sur ce disque.": "The disk of {path} is full: the database can no longer be changed or backed up. Free some space on this disk.",
    "Le fichier {path} est endommagé : SQLite n'a pas pu le lire.": "The file {path} is damaged: SQLite could not read it.",
    "Le fichier {path} est lisible par les autres comptes de cet ordinateur ({mode}) : les coordonnées des membres n'y sont pas protégées. Pour le réserver à votre compte : chmod 600 {quoted}": "The file {path} can be read by the other accounts of this computer ({mode}): the members' contact details in it are not protected. To keep it to your account: chmod 600 {quoted}",
    "Le fichier {path} est tronqué : il fait {size} alors que son en-tête en annonce {expected} (copie interrompue, disque plein, outil de synchronisation).": "The file {path} is truncated: it is {size} while its header announces {expected} (interrupted copy, full disk, synchronisation tool).",
    "Le fichier {path} est tronqué : {size} seulement, pas même l'en-tête entier d'une base (copie interrompue, disque plein, outil de synchronisation).": "The file {path} is truncated: only {size}, not even a database's whole header (interrupted copy, full disk, synchronisation tool).",
    "Le fichier {path} est vide (0 octet) : ce n'est plus la base du conseil, mais un fichier vidé ou une copie interrompue (disque plein, outil de synchronisation). ESS Desk ne l'ouvre pas comme une nouvelle base.": "The file {path} is empty (0 bytes): it is no longer the council's database but an emptied file or an interrupted copy (full disk, synchronisation tool). ESS Desk does not open it as a new database.",
    "Les sauvegardes de {folder} (le dossier ou des copies qu'il contient) sont lisibles par les autres comptes de cet ordinateur. Pour les réserver à votre compte : chmod 700 {quoted} && chmod 600 {quoted}/*": "The backups in {folder} (the folder or copies in it) can be read by the other accounts of this computer. To keep them to your account: chmod 700 {quoted} && chmod 600 {quoted}/*",
    "Or ESS Desk n'a pas pu prendre la main sur le fichier. Rien n'a été modifié. Fermez les autres programmes qui l'ont ouvert, puis rouvrez la base.": "But ESS Desk could not take hold of the file. Nothing was changed. Close the other programs that have it open, then open the database again.",
    "Or le disque est plein. Rien n'a été modifié. Libérez de la place sur ce disque, puis rouvrez la base.": "But the disk is full. Nothing was changed. Free some space on this disk, then open the database again.",
    "Or le disque qui porte le fichier est protégé en écriture. Rien n'a été modifié. Copiez le fichier et son journal ensemble sur un disque où vous pouvez écrire, puis ouvrez la copie.": "But the disk holding the file is write-protected. Nothing was changed. Copy the file and its journal together to a disk you can write to, then open the copy.",
    "Or le fichier est en lecture seule. Rien n'a été modifié. Retirez la lecture seule dans ses propriétés, puis rouvrez la base.": "But the file is read-only. Nothing was changed. Clear read-only in its properties, then open the database again.",
    "Or son dossier est en lecture seule. Rien n'a été modifié. Demandez l'accès en écriture à ce dossier, puis rouvrez la base.": "But its folder is read-only. Nothing was changed. Ask for write access to that folder, then open the database again.",
    "Or votre compte n'a pas le droit de modifier ce fichier. Rien n'a été modifié. Demandez ce droit à la personne qui gère ce poste, puis rouvrez la base.": "But your account may not change this file. Nothing was changed. Ask whoever manages this computer for that right, then open the database again.",
    "Or {user} a la base ouverte sur le poste {host} depuis le {since}. Rien n'a été modifié. Demandez-lui de fermer ESS Desk : la reprise se fera d'elle-même à l'ouverture suivante.": "But {user} has the database open on the computer {host} since {since}. Nothing was changed. Ask them to close ESS Desk: the recovery will happen by itself at the next opening.",
    "Pour remettre cette sauvegarde en place : {command}": "To put this backup back: {command}",
    "Restaurez la dernière sauvegarde qui passe la vérification.": "Restore the latest backup that passes the check.",
    "Rien n'a été modifié.": "Nothing was changed.",
    "{n} décision": "{n} decision",
    "{n} décisions": "{n} decisions",
    "{n} personne": "{n} person",
    "{n} séance": "{n} meeting",
    "{n} séances": "{n} meetings",
    "{people}, {meetings}, {decisions}": "{people}, {meetings}, {decisions}",
    "{size} Ko": "{size} KB",
    "{size} Mo": "{size} MB",
    "{size} octet": "{size} byte",
    "{size} octets": "{size} bytes",
    "{user} a la base ouverte sur le poste {host} depuis le {since} : elle ne peut pas être remplacée maintenant. Rien n'a été modifié.": "{user} has the database open on the computer {host} since {since}: it cannot be replaced now. Nothing was changed.",
    # ess_desk/exchange/members_import.py, ess_desk/dates.py (control characters, complete dates)
    "Caractère de contrôle invisible ({codes}) dans cette cellule : retirez-le du fichier (il vient souvent d'un copier-coller).": "Invisible control character ({codes}) in this cell: remove it from the file (it often comes from a copy and paste).",
    "« {value} » n'est pas une date complète : indiquez le jour, le mois et l'année sur quatre chiffres, par exemple 21/01/2027.": "“{value}” is not a complete date: give the day, the month and the year in four digits, for example 21/01/2027.",
    # ess_desk/meetings (law: rule sets, remote, withdrawals, votes, reconvening)
    "Au scrutin secret, une abstention est un bulletin blanc.": "In a secret ballot, an abstention is a blank paper.",
    "Cette séance a déjà été reconvoquée après un quorum non atteint : elle délibère sans condition de quorum.": "This meeting was already called again after a failed quorum: it deliberates without a quorum.",
    "Choix de vote inconnu : « {value} ».": "Unknown vote choice: “{value}”.",
    "Convocation envoyée le {sent}, après la date limite légale du {limit} : elle laisse {given} jours francs avant la séance, le règlement en demande {required}.": "Notice sent on {sent}, after the legal deadline of {limit}: it leaves {given} clear days before the meeting, the rules require {required}.",
    "Délai de la nouvelle convocation": "Notice of the reconvened meeting",
    "Délai de signature et de publication du PV": "Days to sign and publish the minutes",
    "Formule de quorum inconnue : « {value} » (at_least ou more_than).": "Unknown quorum formula: “{value}” (at_least or more_than).",
    "Jeu de règles inconnu : « {value} » ({known}).": "Unknown rule set: “{value}” ({known}).",
    "La nouvelle séance doit suivre celle du {day}.": "The new meeting must come after the one of {day}.",
    "La séance a commencé aujourd'hui à {time}. La marquer tenue ? Les votes et le procès-verbal pourront alors être saisis.": "The meeting began today at {time}. Mark it held? Votes and minutes can then be recorded.",
    "La séance commence le {when} : elle ne peut pas être marquée tenue avant son heure de début.": "The meeting starts on {when}: it cannot be marked held before its start time.",
    "Le quorum est atteint ({counted} / {required}) : il n'y a pas lieu de reconvoquer la séance.": "The quorum is reached ({counted} / {required}): there is no reason to call the meeting again.",
    "Le quorum n'est pas atteint à la séance du {day} ({count}) : elle ne peut pas approuver le procès-verbal.": "The meeting of {day} has no quorum ({count}): it cannot approve the minutes.",
    "Le vote sur ce point est déjà enregistré : le déport de {name} se note avant le vote.": "The vote on this item is already recorded: {name}'s withdrawal is noted before the vote.",
    "Les bulletins blancs et nuls n'existent qu'au scrutin secret.": "Blank and spoilt papers exist only in a secret ballot.",
    "Mode de scrutin inconnu : « {value} ».": "Unknown way of voting: “{value}”.",
    "Un procès-verbal": "Minutes",
    "Un vote": "A vote",
    "Une nouvelle séance a déjà été convoquée après celle-ci.": "A new meeting was already called after this one.",
    "Vote de la présidence inconnu.": "Unknown vote of the chair.",
    "statuts et règlement intérieur de l'instance": "the body's statutes and internal rules",
    "{holder} s'est déporté(e) sur ce point": "{holder} withdrew from this item",
    "{name} est noté(e) à distance, mais le règlement de l'instance ne prévoit pas la participation à distance : ni compté(e) pour le quorum, ni votant(e).": "{name} is recorded as remote, but the body's rules do not provide for remote participation: neither counted for the quorum nor voting.",
    "{name} ne vote pas à ce moment (ni présent(e), ni représenté(e)).": "{name} does not vote at that moment (neither present nor represented).",
    "{name} s'est déporté(e) sur ce point : son vote ne peut pas être compté.": "{name} withdrew from this item: their vote cannot be counted.",
    "{title} (nouvelle convocation)": "{title} (reconvened)",
    "{total} voix déclarées, mais seules {available} personnes votent à ce moment (présentes ou représentées, déports déduits).": "{total} votes given, but only {available} people vote at that moment (present or represented, withdrawals deducted).",
    "{what} ne s'enregistre que pour une séance tenue : la séance du {day} est « {status} ». Marquez-la tenue une fois ouverte.": "{what} is recorded only for a held meeting: the meeting of {day} is “{status}”. Mark it held once it has opened.",
    "« Plus de » la totalité des membres n'est jamais atteint : choisissez « au moins ».": "“More than” all the members is never reached: choose “at least”.",
    "À distance (visio ou audio)": "Remote (video or audio)",
    "Au moins la fraction (« la moitié au moins »)": "At least the fraction (“half at least”)",
    "Plus que la fraction (« plus de la moitié »)": "More than the fraction (“more than half”)",
    "Commission consultative (décret n° 2006-672 / CRPA R. 133-3 et suivants)": "Consultative commission (decree no. 2006-672 / CRPA R. 133-3 ff.)",
    "Organe délibérant (CGCT, L. 2121-10 et suivants)": "Deliberative assembly (CGCT, L. 2121-10 ff.)",
    "Association (statuts et règlement intérieur)": "Association (statutes and internal rules)",
    "À main levée": "Show of hands",
    "Appel nominal (scrutin public)": "Roll call (public vote)",
    "Scrutin secret": "Secret ballot",
    "Abstention": "Abstention",
    "Ne prend pas part au vote": "Takes no part in the vote",
    # ess_desk/meetings/commands.py
    "Aucune instance. Créez-en une : ess-desk body add NOM --kind plenary.": "No body. Create one: ess-desk body add NAME --kind plenary.",
    "Collège « {name} » créé dans « {body} ».": "College “{name}” created in “{body}”.",
    "Collège « {name} » modifié.": "College “{name}” changed.",
    "Délai de convocation (jours francs)": "Notice (clear days)",
    "Indiquez le nom de l'instance : ess-desk body {action} NOM.": "Give the body's name: ess-desk body {action} NAME.",
    "Jeu de règles": "Rule set",
    "L'instance « {body} » n'a pas de collège « {name} ».": "The body “{body}” has no college “{name}”.",
    "Majorité": "Majority",
    "Membres à distance comptés": "Remote members counted",
    "Nouvelle convocation après quorum manqué (jours francs)": "New notice after a failed quorum (clear days)",
    "PV signé et publié sous (jours)": "Minutes signed and published within (days)",
    "PV signé et publié sous N jours": "minutes signed and published within N days",
    "Participation à distance": "Remote participation",
    "Représentés comptés": "Represented members counted",
    "Rien à changer : indiquez au moins une option.": "Nothing to change: give at least one option.",
    "Sans condition de quorum": "Without quorum",
    "Voix prépondérante": "Casting vote",
    "add ou set": "add or set",
    "collège votant (--no-voting : consultatif)": "voting college (--no-voting: consultative)",
    "consultatif": "consultative",
    "durée des mandats": "length of mandates",
    "délai de convocation, jours francs": "notice, clear days",
    "fraction des membres, ex. 1/2": "fraction of the members, e.g. 1/2",
    "instance parente": "parent body",
    "jeu de règles de départ : consultative, deliberative ou association": "rule set to start from: consultative, deliberative or association",
    "jours fériés": "public holidays",
    "les collèges d'une instance : add, set": "a body's colleges: add, set",
    "les instances et leurs règles : list, show, add, set (sans la fenêtre)": "bodies and their rules: list, show, add, set (without the window)",
    "les membres représentés comptent pour le quorum": "represented members count towards the quorum",
    "les membres à distance comptent pour le quorum": "remote members count towards the quorum",
    "list, show, add ou set": "list, show, add or set",
    "nom de l'instance": "body name",
    "nom du collège": "college name",
    "nombre de sièges": "number of seats",
    "nouveau nom (avec set)": "new name (with set)",
    "nouvelle convocation, jours francs": "new notice, clear days",
    "participation à distance permise": "remote participation allowed",
    "personnalisé": "custom",
    "pour ce point (les déportés sont déduits)": "for this item (withdrawn members deducted)",
    "pouvoirs par mandataire": "proxies per holder",
    "présents, à distance, représentés, déportés et quorum": "present, remote, represented, withdrawn and quorum",
    "sans condition de quorum": "without quorum",
    "sortie JSON : date, date limite de convocation (ISO), jour férié": "JSON output: date, notice deadline (ISO), public holiday",
    "séance reconvoquée sans condition de quorum": "reconvened meeting without quorum",
    "voix prépondérante de la présidence": "the chair's casting vote",
    "votant": "voting",
    "{title} : {in_office} membres en exercice, {present} présents, {remote} à distance, {represented} représentés, {withdrawn} déportés ; quorum requis {required} — {state}.": "{title}: {in_office} members in office, {present} present, {remote} remote, {represented} represented, {withdrawn} withdrawn; quorum required {required} — {state}.",
    "« {value} » n'est pas une fraction (attendu : 1/2, 1/3…).": "“{value}” is not a fraction (expected: 1/2, 1/3…).",
    # ess_desk/exchange/members_import.py (law)
    'Sans la fenêtre : ess-desk body add "Conseil de l\'ESS" --kind plenary --rules consultative, puis ess-desk college add "Conseil de l\'ESS" "Structures de l\'ESS" --seats 20.': 'Without the window: ess-desk body add "Conseil de l\'ESS" --kind plenary --rules consultative, then ess-desk college add "Conseil de l\'ESS" "Structures de l\'ESS" --seats 20.',
    # ess_desk/meetings/compliance.py
    "Approuvé le {day} lors de la séance du {meeting}.": "Approved on {day} at the meeting of {meeting}.",
    "Approuvé le {day}.": "Approved on {day}.",
    "Aucun déport sur cette séance.": "No withdrawal at this meeting.",
    "Aucun partage égal des voix.": "No tied vote.",
    "Aucun pouvoir donné pour cette séance.": "No proxy given for this meeting.",
    "Aucun vote enregistré.": "No vote recorded.",
    "Aucune convocation enregistrée pour : {names}. Date limite légale : {day}.": "No notice recorded for: {names}. Legal deadline: {day}.",
    "Aucune décision à cette séance.": "No decision at this meeting.",
    "Aucune vérification en échec.": "No failing check.",
    "Cette date précède l'approbation du procès-verbal ({day}).": "This date is before the approval of the minutes ({day}).",
    "Chaque convocation est partie avec ses documents ({documents}).": "Each notice went out with its documents ({documents}).",
    "Contrôle de régularité — {title}": "Compliance check — {title}",
    "Convocation envoyée sans document à : {names}.": "Notice sent without documents to: {names}.",
    "Envoyée le {sent} aux {n} personnes attendues ; date limite légale : {day} ({clear} jours francs).": "Sent on {sent} to the {n} people expected; legal deadline: {day} ({clear} clear days).",
    "La séance n'a pas eu lieu.": "The meeting did not take place.",
    "La séance n'est pas encore tenue.": "The meeting has not been held yet.",
    "Le procès-verbal n'est pas encore approuvé.": "The minutes are not approved yet.",
    "Le règlement de l'instance ne fixe pas de délai de signature et de publication.": "The body's rules set no time limit for signing and publishing.",
    "Les pièces jointes de chaque envoi ne sont pas tracées (pas de preuve d'envoi par destinataire pour cette séance).": "The attachments of each notice are not traced (no proof of sending per recipient for this meeting).",
    "Membre déporté compté dans un vote : {names}.": "Withdrawn member counted in a vote: {names}.",
    "Non approuvé à la séance suivante du {day}.": "Not approved at the next meeting of {day}.",
    "Numérotation interrompue avant : {refs}.": "Numbering broken before: {refs}.",
    "Partage égal des voix sur {items} : résultat conforme à la règle.": "Tied vote on {items}: outcome according to the rule.",
    "Pas signé et publié dans les {n} jours suivant l'approbation (avant le {due}).": "Not signed and published within {n} days of the approval (by {due}).",
    "Personne n'est attendu à cette séance.": "Nobody is expected at this meeting.",
    "Quorum atteint : {count} ({rule}).": "Quorum reached: {count} ({rule}).",
    "Quorum atteint à chacun des {n} votes (déportés déduits).": "Quorum reached at each of the {n} votes (withdrawn members deducted).",
    "Quorum non atteint ({count}) : la séance n'a pas délibéré et une nouvelle séance est convoquée le {day}.": "Quorum not reached ({count}): the meeting did not deliberate and a new meeting is called on {day}.",
    "Quorum non atteint à l'ouverture : {count}.": "Quorum not reached at the opening: {count}.",
    "Résultat d'un partage égal contraire à la règle : {items}.": "Outcome of a tied vote against the rule: {items}.",
    "Signé le {signed} et publié le {published}, dans les {n} jours (avant le {due}).": "Signed on {signed} and published on {published}, within {n} days (by {due}).",
    "Source": "Source",
    "Séance reconvoquée après le quorum non atteint du {day} : elle délibère sans condition de quorum sur les points repris ({count}).": "Meeting called again after the failed quorum of {day}: it deliberates without quorum on the items taken up ({count}).",
    "Un procès-verbal se signe et se publie une fois approuvé.": "Minutes are signed and published once approved.",
    "Vote sans quorum : {items}.": "Vote without quorum: {items}.",
    "au moins {f}": "at least {f}",
    "contrôle de régularité d'une séance (code 1 si une vérification échoue)": "a meeting's compliance check (exit code 1 when a check fails)",
    "la moitié au moins": "half at least",
    "plus de la moitié": "more than half",
    "plus de {f}": "more than {f}",
    "registre des délibérations et des avis": "register of decisions and opinions",
    "Décisions numérotées sans lacune : {n}, de {first} à {last}.": "Decisions numbered without a gap: {n}, from {first} to {last}.",
    "Déports notés : {n} ; aucun membre déporté n'a été compté ni n'a voté.": "Withdrawals noted: {n}; no withdrawn member was counted or voted.",
    "Pouvoirs : {n}, chacun porté par un membre présent, au plus {limit} par mandataire.": "Proxies: {n}, each held by a member present, at most {limit} per holder.",
    "Vérifications en échec : {n}.": "Failing checks: {n}.",
    "{present} présents + {remote} à distance + {represented} représentés, {counted} comptés sur {required} requis": "{present} present + {remote} remote + {represented} represented, {counted} counted of {required} required",
    "{rule} des membres en exercice": "{rule} of the members in office",
    "{rule} des {n} membres en exercice": "{rule} of the {n} members in office",
    "À approuver à la prochaine séance de l'instance.": "To be approved at the body's next meeting.",
    "À envoyer au plus tard le {day} ({n} jours francs avant la séance).": "To send by {day} ({n} clear days before the meeting).",
    "À signer et publier au plus tard le {due}.": "To sign and publish by {due}.",
    "Convocation envoyée dans le délai à chaque membre": "Notice sent on time to every member",
    "Convocation accompagnée de ses documents": "Notice sent with its documents",
    "Quorum à l'ouverture": "Quorum at the opening",
    "Quorum à chaque vote": "Quorum at each vote",
    "Aucun membre déporté compté": "No withdrawn member counted",
    "Pouvoirs dans la limite, portés par des membres présents": "Proxies within the limit, held by members present",
    "Voix prépondérante appliquée": "Casting vote applied",
    "Procès-verbal approuvé": "Minutes approved",
    "Procès-verbal signé et publié dans le délai": "Minutes signed and published in time",
    "Décisions numérotées": "Decisions numbered",
    # ess_desk/meetings/meetings.py (law)
    "{title} — nouvelle convocation du {day}": "{title} — reconvened on {day}",
    # ess_desk/minutes/wording.py (law)
    "La séance est levée à {time}, sans délibération.": "The meeting closes at {time}, without deliberation.",
    "Le quorum n'ayant pas été atteint lors de la séance du {day}, l'instance a été convoquée à nouveau sur le même ordre du jour ; elle délibère valablement sans condition de quorum ({source}).": "As the quorum was not reached at the meeting of {day}, the body was called again on the same agenda; it deliberates validly without quorum ({source}).",
    "Le quorum n'étant pas atteint, la séance n'a pu délibérer. L'instance est convoquée à nouveau le {when} sur le même ordre du jour ; elle délibérera alors sans condition de quorum ({source}).": "The quorum not being reached, the meeting could not deliberate. The body is called again on {when} on the same agenda; it will then deliberate without quorum ({source}).",
    "Les voix étant également partagées, la voix de la présidence, qui a voté {side}, est prépondérante ({source}) : le point est {outcome}.": "The votes being equally divided, the chair, who voted {side}, has the casting vote ({source}): the item is {outcome}.",
    "Membres votants en exercice : {in_office} — présents ou suppléés : {present} — à distance : {remote} — représentés : {represented} — quorum requis : {required} — {state}.": "Voting members in office: {in_office} — present or substituted: {present} — remote: {remote} — represented: {represented} — quorum required: {required} — {state}.",
    "Règle du quorum : {rule} ({source}).": "Quorum rule: {rule} ({source}).",
    "Scrutin public, par appel nominal.": "Public vote, by roll call.",
    "Scrutin secret — votants : {voting} ; bulletins blancs : {blank} ; bulletins nuls : {spoilt} ; suffrages exprimés : {cast}.": "Secret ballot — voters: {voting}; blank papers: {blank}; spoilt papers: {spoilt}; votes cast: {cast}.",
    "Votants": "Voters",
    "contre": "against",
    "intéressé": "having an interest",
    "intéressé(e)": "having an interest",
    "intéressée": "having an interest",
    "pour": "for",
    "règlement de l'instance": "the body's rules",
    "séance reconvoquée : sans condition de quorum": "reconvened meeting: without quorum",
    "{holder}, par pouvoir de {member}": "{holder}, by proxy of {member}",
    "{name}, {interested}, a quitté la séance et n'a pas pris part au vote.": "{name}, {interested}, left the meeting and took no part in the vote.",
    "{substitute}, suppléant(e) de {member}": "{substitute}, substitute of {member}",
    # ess_desk/documents/pack.py (law)
    "Contrôle de régularité": "Compliance check",
    "Vérification": "Check",
    "À ce jour": "To date",
    "✓ conforme ; ✗ en échec ; ☐ à vérifier pendant ou après la séance.": "✓ passes; ✗ fails; ☐ to check during or after the meeting.",
}
