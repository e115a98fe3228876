"""Word lists for the demonstration council: French names, places, organisations, positions."""

from __future__ import annotations

from dataclasses import dataclass

FEMALE_FIRST_NAMES = (
    "Hélène",
    "Bénédicte",
    "Zoé",
    "Amélie",
    "Anaïs",
    "Béatrice",
    "Cécile",
    "Chloé",
    "Claire",
    "Clémence",
    "Delphine",
    "Élise",
    "Élodie",
    "Émilie",
    "Estelle",
    "Fatima",
    "Françoise",
    "Gaëlle",
    "Geneviève",
    "Inès",
    "Isabelle",
    "Jeanne",
    "Joëlle",
    "Julie",
    "Karima",
    "Laëtitia",
    "Léa",
    "Léonie",
    "Lucie",
    "Maëlle",
    "Manon",
    "Marie",
    "Marie-Thérèse",
    "Mathilde",
    "Mélanie",
    "Nadia",
    "Noémie",
    "Océane",
    "Pauline",
    "Perrine",
    "Rachida",
    "Renée",
    "Solène",
    "Sophie",
    "Stéphanie",
    "Sylvie",
    "Thérèse",
    "Valérie",
    "Véronique",
    "Yasmine",
    "Agnès",
    "Aurélie",
    "Camille",
    "Danièle",
    "Fanny",
    "Josiane",
    "Margaux",
    "Nathalie",
    "Odile",
    "Séverine",
)

MALE_FIRST_NAMES = (
    "François",
    "Jérôme",
    "Frédéric",
    "Benoît",
    "Stéphane",
    "Grégoire",
    "Hervé",
    "Jérémie",
    "Joël",
    "Loïc",
    "Maël",
    "Noël",
    "Raphaël",
    "Sébastien",
    "Théo",
    "Thierry",
    "André",
    "Antoine",
    "Arnaud",
    "Bastien",
    "Bruno",
    "Cédric",
    "Christophe",
    "Damien",
    "Didier",
    "Emmanuel",
    "Étienne",
    "Fabien",
    "Gaël",
    "Guillaume",
    "Hugo",
    "Jean-Baptiste",
    "Jean-Luc",
    "Julien",
    "Karim",
    "Laurent",
    "Léo",
    "Luc",
    "Mathieu",
    "Mehdi",
    "Michel",
    "Nicolas",
    "Olivier",
    "Pascal",
    "Patrice",
    "Philippe",
    "Pierre-Yves",
    "Rémi",
    "Samir",
    "Yannick",
    "Alexis",
    "Aurélien",
    "Denis",
    "Gilles",
    "Killian",
    "Marc",
    "Romain",
    "Thibaut",
    "Xavier",
    "Yves",
)

LAST_NAMES = (
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèbvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Lefèvre",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Gérard",
    "Nguyen",
    "Boyer",
    "Denis",
    "Lemaire",
    "Duval",
    "Joly",
    "Gautier",
    "Roger",
    "Roche",
    "Roy",
    "Noël",
    "Meyer",
    "Lucas",
    "Meunier",
    "Jean",
    "Pérez",
    "Marchand",
    "Dufour",
    "Blanchard",
    "Marie",
    "Barbier",
    "Brun",
    "Dumas",
    "Brunet",
    "Schmitt",
    "Leroux",
    "Colin",
    "Fernandez",
    "Pierre",
    "Renard",
    "Arnaud",
    "Rolland",
    "Caron",
    "Aubert",
    "Giraud",
    "Leclerc",
    "Vidal",
    "Bourgeois",
    "Renaud",
    "Lemoine",
    "Picard",
    "Gaillard",
    "Philippe",
    "Leclercq",
    "Lacroix",
    "Fabre",
    "Dupuis",
    "Olivier",
    "Rodriguez",
    "Da Silva",
    "Hubert",
    "Louis",
    "Charles",
    "Guillot",
    "Rivière",
    "Le Gall",
    "Guillaume",
    "Adam",
    "Rey",
    "Moulin",
    "Gonzalez",
    "Berger",
    "Lecomte",
    "Ménard",
    "Fleury",
    "Deschamps",
    "Carpentier",
    "Julien",
    "Benoît",
    "Paris",
    "Maillard",
    "Marchal",
    "Aubry",
    "Vasseur",
    "Le Roux",
    "Renault",
    "Jacquet",
    "Collet",
    "Prévost",
    "Poirier",
    "Charpentier",
    "Royer",
    "Huet",
    "Baron",
    "Dupuy",
    "Pons",
    "Paul",
    "Laine",
    "Carré",
    "Breton",
    "Rémy",
    "Schneider",
    "Perrot",
    "Guyot",
    "Barre",
    "Marty",
    "Cousin",
    "Bouvier",
    "Duranton",
    "Durandeau",
    "Benhamou",
    "Haddad",
    "Benali",
    "Traoré",
    "Diallo",
    "Ouédraogo",
    "Lebœuf",
    "Besançon",
    "Kerbrat",
    "Le Goff",
    "Quéméner",
    "Etchegaray",
)


@dataclass(frozen=True)
class City:
    name: str
    postcode: str
    region: str
    department: str
    phone_prefix: str
    holiday_calendar: str
    neighbourhoods: tuple[str, ...]
    towns: tuple[tuple[str, str], ...]  # nearby communes with their postcodes


CITIES = (
    City(
        "Lyon",
        "69001",
        "Auvergne-Rhône-Alpes",
        "Rhône",
        "04 7",
        "FR",
        (
            "Croix-Rousse",
            "Guillotière",
            "Part-Dieu",
            "Vaise",
            "Gerland",
            "Monplaisir",
            "Confluence",
        ),
        (
            ("Villeurbanne", "69100"),
            ("Vénissieux", "69200"),
            ("Bron", "69500"),
            ("Vaulx-en-Velin", "69120"),
            ("Caluire-et-Cuire", "69300"),
            ("Oullins", "69600"),
        ),
    ),
    City(
        "Nantes",
        "44000",
        "Pays de la Loire",
        "Loire-Atlantique",
        "02 4",
        "FR",
        ("Bellevue", "Chantenay", "Doulon", "Malakoff", "Île de Nantes", "Hauts-Pavés"),
        (
            ("Rezé", "44400"),
            ("Saint-Herblain", "44800"),
            ("Orvault", "44700"),
            ("Saint-Sébastien-sur-Loire", "44230"),
            ("Bouguenais", "44340"),
            ("Carquefou", "44470"),
        ),
    ),
    City(
        "Strasbourg",
        "67000",
        "Grand Est",
        "Bas-Rhin",
        "03 8",
        "FR-57",
        ("Neudorf", "Cronenbourg", "Hautepierre", "Krutenau", "Koenigshoffen", "Esplanade"),
        (
            ("Schiltigheim", "67300"),
            ("Illkirch-Graffenstaden", "67400"),
            ("Bischheim", "67800"),
            ("Lingolsheim", "67380"),
            ("Ostwald", "67540"),
            ("Hoenheim", "67800"),
        ),
    ),
    City(
        "Lille",
        "59000",
        "Hauts-de-France",
        "Nord",
        "03 2",
        "FR",
        ("Wazemmes", "Moulins", "Fives", "Vieux-Lille", "Lille-Sud", "Bois-Blancs"),
        (
            ("Roubaix", "59100"),
            ("Tourcoing", "59200"),
            ("Villeneuve-d'Ascq", "59650"),
            ("Lomme", "59160"),
            ("Hellemmes", "59260"),
            ("Lambersart", "59130"),
        ),
    ),
    City(
        "Grenoble",
        "38000",
        "Auvergne-Rhône-Alpes",
        "Isère",
        "04 7",
        "FR",
        ("Villeneuve", "Berriat", "Île Verte", "Teisseire", "Mistral", "Championnet"),
        (
            ("Échirolles", "38130"),
            ("Saint-Martin-d'Hères", "38400"),
            ("Fontaine", "38600"),
            ("Meylan", "38240"),
            ("Seyssinet-Pariset", "38170"),
            ("Eybens", "38320"),
        ),
    ),
    City(
        "Bordeaux",
        "33000",
        "Nouvelle-Aquitaine",
        "Gironde",
        "05 5",
        "FR",
        ("Bastide", "Chartrons", "Saint-Michel", "Bacalan", "Caudéran", "Belcier"),
        (
            ("Mérignac", "33700"),
            ("Pessac", "33600"),
            ("Bègles", "33130"),
            ("Talence", "33400"),
            ("Lormont", "33310"),
            ("Cenon", "33150"),
        ),
    ),
)

STREET_TYPES = ("rue", "rue", "avenue", "boulevard", "place", "quai", "chemin", "allée", "impasse")
STREET_NAMES = (
    "de la République",
    "Victor-Hugo",
    "Jean-Jaurès",
    "des Tanneurs",
    "du Général-de-Gaulle",
    "Émile-Zola",
    "de la Paix",
    "des Lilas",
    "Pasteur",
    "Gambetta",
    "de l'Église",
    "Louise-Michel",
    "des Canuts",
    "Simone-Veil",
    "de la Gare",
    "du Moulin",
    "des Écoles",
    "Jules-Ferry",
    "Olympe-de-Gouges",
    "Charles-Gide",
    "des Coopérateurs",
    "Marie-Curie",
    "de Bretagne",
    "des Jardins",
    "Aimé-Césaire",
    "de la Solidarité",
    "du Château-d'Eau",
)

THEMES = (
    "Solidarités",
    "Jardins partagés",
    "Recyclerie",
    "Épicerie solidaire",
    "Habitat partagé",
    "Mobilités douces",
    "Repair café",
    "Insertion",
    "Alimentation durable",
    "Énergies citoyennes",
    "Culture et territoires",
    "Numérique inclusif",
    "Tiers-lieu",
    "Ressourcerie",
    "Circuits courts",
    "Vélo-école",
    "Petite enfance",
    "Aide à domicile",
    "Accueil des réfugiés",
    "Éducation populaire",
    "Commerce équitable",
    "Finance solidaire",
    "Santé communautaire",
    "Emploi des jeunes",
    "Théâtre de quartier",
    "Couture solidaire",
    "Bois et réemploi",
    "Compostage",
    "Sport pour tous",
    "Logement d'abord",
    "Médiation sociale",
    "Boutique du réemploi",
    "Cuisine du monde",
)

WORDS = (
    "Alvéole",
    "Passerelle",
    "Trait d'union",
    "Grain de sel",
    "Boussole",
    "Étincelle",
    "Ricochet",
    "Colibri",
    "Hirondelle",
    "Mosaïque",
    "Tournesol",
    "Escale",
    "Ruche",
    "Sillon",
    "Atelier",
    "Fabrique",
    "Ferme",
    "Relais",
    "Cordée",
    "Clé des champs",
    "Ouvre-boîte",
    "Main-forte",
    "Envol",
    "Archipel",
    "Chantier",
    "Comptoir",
    "Potager",
    "Navette",
    "Graine",
    "Bouture",
)

FOUNDATION_CAUSES = (
    "l'insertion par l'activité économique",
    "le logement des jeunes",
    "l'économie circulaire",
    "l'égalité des chances",
    "la transition écologique",
    "l'alimentation solidaire",
    "l'innovation sociale",
    "l'accès à la culture",
    "l'autonomie des aînés",
)

NETWORK_TEMPLATES = (
    "CRESS {region}",
    "Union régionale des SCOP {region}",
    "France Active {region}",
    "Le Mouvement associatif {region}",
    "URIOPSS {region}",
    "Fédération des entreprises d'insertion {region}",
    "Réseau des ressourceries {region}",
    "Coorace {region}",
    "Union régionale des SCIC {region}",
    "Mutualité française {region}",
    "Réseau Entreprendre {department}",
    "Collectif des tiers-lieux {department}",
    "Fédération des centres sociaux {department}",
    "Union départementale des associations familiales {department}",
    "Réseau des AMAP {department}",
    "Initiative {department}",
    "Familles rurales {department}",
    "Ligue de l'enseignement {department}",
)

PARTNER_TEMPLATES = (
    "Crédit Coopératif – agence de {city}",
    "Banque des Territoires {region}",
    "France Travail {city} {place}",
    "Chambre de commerce et d'industrie {department}",
    "Chambre des métiers {department}",
    "DREETS {region}",
    "Caisse d'allocations familiales {department}",
    "Banque de France – succursale de {city}",
    "Bpifrance {region}",
    "Caisse d'épargne {region}",
    "Mission locale {city} {place}",
    "Maison de l'emploi {place}",
)

UNIVERSITY_TEMPLATES = (
    "Université de {city}",
    "IUT de {city}",
    "Laboratoire d'économie sociale de {city}",
    "Chaire ESS de l'université de {city}",
    "Sciences Po {city}",
    "École de commerce de {city}",
    "Institut régional du travail social {region}",
    "Laboratoire de sociologie {place}",
)

# (feminine, masculine) forms of positions, by organisation kind.
POSITIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "collectivite": (
        ("Adjointe au maire déléguée à l'ESS", "Adjoint au maire délégué à l'ESS"),
        ("Conseillère municipale", "Conseiller municipal"),
        ("Vice-présidente chargée de l'économie", "Vice-président chargé de l'économie"),
        ("Conseillère métropolitaine", "Conseiller métropolitain"),
        ("Conseillère régionale", "Conseiller régional"),
    ),
    "staff": (
        ("Chargée de mission ESS", "Chargé de mission ESS"),
        ("Responsable du service ESS", "Responsable du service ESS"),
        ("Assistante de direction", "Assistant de direction"),
    ),
    "association": (
        ("Présidente", "Président"),
        ("Directrice", "Directeur"),
        ("Trésorière", "Trésorier"),
        ("Coordinatrice", "Coordinateur"),
        ("Administratrice", "Administrateur"),
    ),
    "cooperative": (
        ("Gérante", "Gérant"),
        ("Co-gérante", "Co-gérant"),
        ("Directrice générale", "Directeur général"),
        ("Sociétaire", "Sociétaire"),
    ),
    "network": (
        ("Déléguée générale", "Délégué général"),
        ("Présidente", "Président"),
        ("Chargée de développement", "Chargé de développement"),
    ),
    "partner": (
        ("Directrice d'agence", "Directeur d'agence"),
        ("Chargée d'affaires ESS", "Chargé d'affaires ESS"),
        ("Responsable du développement territorial", "Responsable du développement territorial"),
    ),
    "research": (
        ("Maîtresse de conférences", "Maître de conférences"),
        ("Professeure", "Professeur"),
        ("Chercheuse", "Chercheur"),
        ("Doctorante", "Doctorant"),
    ),
    "expert": (
        ("Consultante", "Consultant"),
        ("Experte-comptable", "Expert-comptable"),
        ("Ancienne directrice de la CRESS", "Ancien directeur de la CRESS"),
        ("Avocate en droit des associations", "Avocat en droit des associations"),
    ),
}

PERSONAL_MAIL_DOMAINS = ("laposte.net", "orange.fr", "free.fr", "gmail.com", "sfr.fr")

COMMISSIONS_SMALL = (
    "Commission Emploi et insertion",
    "Commission Transition écologique et circuits courts",
    "Commission Financement et achats responsables",
)

COMMISSIONS_LARGE = (
    "Commission Emploi et insertion",
    "Commission Transition écologique et circuits courts",
    "Commission Financement et achats responsables",
    "Commission Habitat et foncier solidaire",
    "Commission Jeunesse et entrepreneuriat",
)

WORKING_GROUPS_LARGE = (
    "Groupe de travail Mois de l'ESS",
    "Groupe de travail Tiers-lieux",
    "Groupe de travail Marchés publics responsables",
    "Groupe de travail Égalité femmes-hommes",
)

# The huge demonstration's bodies: each theme's commission and working group for every part
# of a large territory.
SECTORS = (
    "Nord",
    "Sud",
    "Est",
    "Ouest",
    "Centre",
    "Rive gauche",
    "Rive droite",
    "Plateau",
    "Vallée",
    "Val de Saône",
    "Porte des Alpes",
    "Ouest nord",
    "Portes du Sud",
    "Val d'Yzeron",
    "Confluence",
    "Part-Dieu",
    "Croix-Rousse",
)
COMMISSIONS_HUGE = tuple(f"{name} – {sector}" for name in COMMISSIONS_LARGE for sector in SECTORS)
WORKING_GROUPS_HUGE = tuple(
    f"{name} – {sector}" for name in WORKING_GROUPS_LARGE for sector in SECTORS[:14]
)

GUEST_POSITIONS = (
    ("DREETS {region}", "Cheffe du pôle ESS", "Chef du pôle ESS"),
    ("Banque des Territoires {region}", "Directrice territoriale", "Directeur territorial"),
    (
        "Préfecture {department}",
        "Commissaire à la lutte contre la pauvreté",
        "Commissaire à la lutte contre la pauvreté",
    ),
    (
        "Conseil économique, social et environnemental régional {region}",
        "Conseillère",
        "Conseiller",
    ),
)

DEPARTURE_NOTES = (
    "Départ de la structure.",
    "Démission pour raisons personnelles.",
    "Changement de fonctions au sein de la collectivité.",
    "Fin de la désignation par le réseau.",
)

ENDING_NOTES = (
    "Fin anticipée annoncée : départ de la structure.",
    "Fin de la désignation annuelle : renouvellement à prévoir.",
    "Démission annoncée au bureau.",
)

# --------------------------------------------------------------------------- meetings


@dataclass(frozen=True)
class AgendaTopic:
    """An agenda item the demo council discusses, with what the minutes and follow-up say of it.

    `summaries` are the debate as the minutes record it ({presenter} is replaced); a vote item
    adopted gives `decision` (kind: opinion, recommendation or decision); `actions` are what
    the council asks someone to do afterwards, under `theme` (one of the default themes).
    """

    title: str
    kind: str  # information, debate or vote
    minutes: int
    description: str
    summaries: tuple[str, ...]
    theme: str
    actions: tuple[str, ...]
    decision: str = ""
    decision_kind: str = "opinion"


AGENDA_TOPICS = (
    AgendaTopic(
        "Commande publique responsable : bilan des clauses sociales",
        "information",
        25,
        "Bilan annuel des marchés passés avec une clause d'insertion ou réservés aux structures "
        "de l'ESS.",
        (
            "{presenter} présente le bilan : le nombre d'heures d'insertion réalisées dans les "
            "marchés de la collectivité progresse, mais reste concentré sur le bâtiment.\n\n"
            "Les membres relèvent que les **marchés réservés** restent rares et que les petites "
            "structures répondent difficilement aux appels d'offres.",
            "{presenter} rappelle les objectifs du schéma des achats responsables.\n\n"
            "- les clauses sociales concernent désormais les marchés de nettoyage et d'espaces "
            "verts ;\n- le sourcing auprès des entreprises d'insertion reste à développer ;\n"
            "- un guide à destination des acheteurs est en préparation.",
        ),
        "Commande publique responsable",
        (
            "Organiser une rencontre entre acheteurs publics et structures d'insertion",
            "Recenser les marchés réservables aux entreprises adaptées et d'insertion",
            "Diffuser le guide des clauses sociales aux services acheteurs",
        ),
    ),
    AgendaTopic(
        "Avis sur le budget ESS de la collectivité",
        "vote",
        30,
        "Le conseil est saisi pour avis sur les crédits consacrés à l'ESS au budget primitif.",
        (
            "{presenter} présente les crédits proposés au budget primitif : fonds d'amorçage, "
            "subventions aux réseaux, soutien au Mois de l'ESS.\n\n"
            "Plusieurs membres regrettent la baisse des crédits de fonctionnement des réseaux et "
            "demandent une programmation pluriannuelle.",
            "Le débat porte sur l'équilibre entre appels à projets et subventions de "
            "fonctionnement. {presenter} indique que la collectivité maintient son effort global.",
        ),
        "Gouvernance entre niveaux territoriaux",
        (
            "Transmettre l'avis du conseil à la commission des finances",
            "Préparer une proposition de conventions pluriannuelles d'objectifs",
        ),
        "Le conseil émet un avis favorable sur les crédits ESS du budget primitif, assorti d'une "
        "demande de conventions pluriannuelles avec les réseaux.",
        "opinion",
    ),
    AgendaTopic(
        "Pôle territorial de coopération économique (PTCE) : candidature à l'appel à projets",
        "vote",
        25,
        "Soutien du conseil à la candidature du PTCE du territoire à l'appel à projets national.",
        (
            "{presenter} présente le projet de PTCE, qui réunit une dizaine de structures autour "
            "du réemploi et de la logistique urbaine.\n\n"
            "Les membres saluent la dynamique de coopération et demandent que les petites "
            "associations soient associées à la gouvernance.",
        ),
        "Soutien aux PTCE et aux coopérations",
        (
            "Rédiger la lettre de soutien du conseil à la candidature du PTCE",
            "Associer le PTCE au prochain Mois de l'ESS",
            "Faire le point avec le PTCE sur sa gouvernance",
        ),
        "Le conseil soutient la candidature du pôle territorial de coopération économique à "
        "l'appel à projets et recommande d'ouvrir sa gouvernance aux petites associations.",
        "recommendation",
    ),
    AgendaTopic(
        "Financements européens : mobiliser le FSE+ et le FEDER",
        "debate",
        30,
        "Présentation des programmes opérationnels et des appels à projets ouverts aux acteurs de "
        "l'ESS.",
        (
            "{presenter} présente les appels à projets FSE+ ouverts et les conditions de "
            "cofinancement.\n\nLes membres soulignent la lourdeur administrative et l'avance de "
            "trésorerie qu'exigent les fonds européens ; un accompagnement mutualisé est évoqué.",
        ),
        "Financements européens",
        (
            "Organiser un atelier d'information sur les appels à projets FSE+",
            "Étudier un fonds d'avance de trésorerie pour les porteurs de projets européens",
        ),
    ),
    AgendaTopic(
        "Cartographie des acteurs de l'ESS : mise à jour",
        "information",
        20,
        "Présentation de la nouvelle version de la cartographie en ligne des structures.",
        (
            "{presenter} présente la cartographie mise à jour : les structures sont désormais "
            "classées par filière et par quartier.\n\nLes membres demandent que les données "
            "soient publiées en données ouvertes.",
        ),
        "Réseaux d'acteurs et cartographie",
        (
            "Publier la cartographie des acteurs en données ouvertes",
            "Compléter la cartographie avec les structures des quartiers prioritaires",
        ),
    ),
    AgendaTopic(
        "Mois de l'ESS : programme de novembre",
        "debate",
        20,
        "Programme des manifestations et répartition des rôles.",
        (
            "{presenter} présente le programme : forum des initiatives, visites d'entreprises, "
            "soirée de remise des trophées.\n\nLes membres proposent une journée dédiée aux "
            "lycéens et aux étudiants.",
        ),
        "Interconnaissance des acteurs",
        (
            "Boucler le programme du Mois de l'ESS",
            "Organiser une journée de découverte de l'ESS pour les lycéens",
        ),
    ),
    AgendaTopic(
        "Formation des élus et des agents à l'ESS",
        "vote",
        20,
        "Proposition d'un cycle de formation pour les élus et les services.",
        (
            "{presenter} propose un cycle de trois demi-journées consacré aux statuts de l'ESS, à "
            "la commande publique et aux coopérations.\n\nLes membres insistent pour que des "
            "acteurs de terrain interviennent.",
        ),
        "Formation et sensibilisation des élus et des services",
        (
            "Construire le cycle de formation des élus avec la CRESS",
            "Inscrire la formation ESS au plan de formation des agents",
        ),
        "Le conseil recommande la mise en place d'un cycle de formation à l'ESS ouvert aux élus "
        "et aux agents, avec l'intervention d'acteurs de terrain.",
        "recommendation",
    ),
    AgendaTopic(
        "Structuration de la filière réemploi et économie circulaire",
        "debate",
        30,
        "Échanges sur les besoins de la filière : foncier, logistique, débouchés.",
        (
            "{presenter} présente l'étude sur la filière du réemploi.\n\nLe débat fait ressortir "
            "le manque de locaux de stockage et l'intérêt d'une plateforme logistique partagée.",
        ),
        "Structuration de filières",
        (
            "Recenser les locaux vacants adaptés au stockage du réemploi",
            "Réunir les ressourceries autour d'une plateforme logistique partagée",
        ),
    ),
    AgendaTopic(
        "Schéma des achats socialement et écologiquement responsables (SPASER)",
        "vote",
        25,
        "Avis du conseil sur le projet de schéma avant son adoption.",
        (
            "{presenter} présente le projet de schéma et ses objectifs chiffrés.\n\nLes membres "
            "demandent un objectif de part des achats auprès des structures de l'ESS et un bilan "
            "annuel présenté au conseil.",
        ),
        "Commande publique responsable",
        (
            "Transmettre les propositions du conseil sur le SPASER",
            "Programmer le bilan annuel du SPASER en séance",
        ),
        "Le conseil émet un avis favorable au projet de schéma des achats responsables et "
        "demande qu'un bilan annuel lui soit présenté.",
        "opinion",
    ),
    AgendaTopic(
        "Tiers-lieux : appel à manifestation d'intérêt",
        "vote",
        25,
        "Lancement d'un appel à manifestation d'intérêt pour des tiers-lieux de l'ESS.",
        (
            "{presenter} présente le cahier des charges de l'appel à manifestation d'intérêt.\n\n"
            "Les membres demandent que les critères valorisent la gouvernance partagée et "
            "l'implantation dans les quartiers prioritaires.",
        ),
        "Co-construction avec les acteurs et les citoyens",
        (
            "Publier l'appel à manifestation d'intérêt tiers-lieux",
            "Constituer le jury de l'appel à manifestation d'intérêt",
        ),
        "Le conseil décide de lancer l'appel à manifestation d'intérêt pour des tiers-lieux de "
        "l'ESS et désigne deux de ses membres pour siéger au jury.",
        "decision",
    ),
    AgendaTopic(
        "Passerelles avec l'économie conventionnelle : club RSE",
        "debate",
        20,
        "Projet de club réunissant entreprises classiques et structures de l'ESS.",
        (
            "{presenter} présente le projet de club RSE.\n\nLes membres y voient un levier pour "
            "les achats des entreprises auprès des structures d'insertion, à condition d'éviter "
            "l'affichage sans contenu.",
        ),
        "Passerelles avec l'économie conventionnelle",
        (
            "Contacter les clubs d'entreprises du territoire",
            "Organiser une première rencontre entre entreprises et structures de l'ESS",
        ),
    ),
    AgendaTopic(
        "Stratégie régionale de l'ESS : articulation avec la Région",
        "information",
        20,
        "Point sur la stratégie régionale et les conférences régionales de l'ESS.",
        (
            "{presenter} présente les orientations de la stratégie régionale.\n\nLes membres "
            "souhaitent une meilleure articulation des dispositifs de soutien et un calendrier "
            "commun des appels à projets.",
        ),
        "Gouvernance entre niveaux territoriaux",
        (
            "Proposer à la Région un calendrier commun des appels à projets",
            "Préparer la contribution du conseil à la conférence régionale de l'ESS",
        ),
    ),
    AgendaTopic(
        "Fonds d'amorçage ESS : règlement d'intervention",
        "vote",
        25,
        "Avis sur le projet de règlement d'intervention du fonds d'amorçage.",
        (
            "{presenter} présente le projet de règlement : plafonds, critères d'éligibilité, "
            "comité d'engagement.\n\nLes membres demandent que les coopératives en création soient "
            "éligibles et que le comité comprenne des représentants du conseil.",
        ),
        "Financements européens",
        (
            "Intégrer les remarques du conseil au règlement du fonds d'amorçage",
            "Désigner les représentants du conseil au comité d'engagement",
        ),
        "Le conseil émet un avis favorable au règlement d'intervention du fonds d'amorçage, sous "
        "réserve d'ouvrir l'éligibilité aux coopératives en création.",
        "opinion",
    ),
    AgendaTopic(
        "Territoires zéro chômeur de longue durée : candidature",
        "vote",
        20,
        "Soutien du conseil à la candidature d'un quartier à l'expérimentation.",
        (
            "{presenter} présente le projet d'entreprise à but d'emploi et le comité local pour "
            "l'emploi.\n\nLes membres apportent leur soutien et proposent des activités utiles "
            "au territoire : réparation, conciergerie, maraîchage.",
        ),
        "Structuration de filières",
        (
            "Transmettre la lettre de soutien du conseil au comité local pour l'emploi",
            "Identifier les activités utiles au territoire avec les habitants",
        ),
        "Le conseil soutient la candidature du territoire à l'expérimentation Territoires zéro "
        "chômeur de longue durée.",
        "decision",
    ),
    AgendaTopic(
        "Foncier solidaire : organisme de foncier solidaire",
        "debate",
        25,
        "Échanges sur la création d'un organisme de foncier solidaire et le bail réel solidaire.",
        (
            "{presenter} présente le montage d'un organisme de foncier solidaire.\n\nLes membres "
            "interrogent la place des coopératives d'habitants et des bailleurs sociaux.",
        ),
        "Co-construction avec les acteurs et les citoyens",
        (
            "Réunir les coopératives d'habitants sur le bail réel solidaire",
            "Étudier la faisabilité d'un organisme de foncier solidaire",
        ),
    ),
    AgendaTopic(
        "Projet alimentaire territorial : volet ESS",
        "debate",
        25,
        "Place des structures de l'ESS dans le projet alimentaire territorial.",
        (
            "{presenter} présente le projet alimentaire territorial.\n\nLes membres proposent de "
            "soutenir les épiceries solidaires et les légumeries d'insertion.",
        ),
        "Structuration de filières",
        (
            "Recenser les épiceries solidaires et les légumeries d'insertion",
            "Proposer un volet ESS au comité de pilotage du projet alimentaire territorial",
        ),
    ),
    AgendaTopic(
        "Désignation des représentants du conseil au comité de pilotage",
        "vote",
        10,
        "Désignation de deux représentants au comité de pilotage de la stratégie ESS.",
        (
            "Deux candidatures sont présentées. {presenter} rappelle le rôle du comité de "
            "pilotage et la durée de la désignation.",
        ),
        "Gouvernance entre niveaux territoriaux",
        ("Informer le comité de pilotage des représentants désignés",),
        "Le conseil désigne deux représentants au comité de pilotage de la stratégie ESS pour "
        "la durée de la mandature.",
        "decision",
    ),
    AgendaTopic(
        "Feuille de route du conseil : point d'étape",
        "information",
        20,
        "Avancement des chantiers de la feuille de route adoptée en début de mandature.",
        (
            "{presenter} fait le point sur les chantiers de la feuille de route.\n\n- commande "
            "publique : en cours ;\n- cartographie : réalisée ;\n- formation des élus : à "
            "engager.",
        ),
        "Interconnaissance des acteurs",
        ("Mettre à jour le tableau de bord de la feuille de route",),
    ),
)

# Items that open or close every agenda, with their fixed wording.
ACTIONS_REVIEW_TITLE = "Suivi des actions"
ACTIONS_REVIEW_SUMMARY = (
    "Le secrétariat présente le tableau de suivi des actions. Les actions en retard sont "
    "examinées une à une ; les porteurs présents indiquent leur avancement."
)
OTHER_BUSINESS_TITLE = "Questions diverses"
OTHER_BUSINESS_SUMMARIES = (
    "Aucune question diverse n'est soulevée.",
    "Un membre annonce l'assemblée générale de son réseau ; le secrétariat diffusera l'invitation.",
    "La date de la prochaine séance est confirmée.",
    "Un membre signale un appel à projets de la Banque des Territoires ; l'information sera "
    "relayée.",
)
APPROVAL_SUMMARY = (
    "Le procès-verbal de la séance précédente est approuvé à l'unanimité des membres présents "
    "et représentés."
)
VOTE_SENTENCE = "Mis aux voix, le point est {outcome}."

# Services that present an item, with how the minutes name them as the subject of a sentence.
PRESENTER_TEXTS = {
    "Service ESS de la collectivité": "Le service ESS de la collectivité",
    "Direction de l'économie et de l'emploi": "La direction de l'économie et de l'emploi",
    "CRESS {region}": "La CRESS {region}",
    "Direction de la commande publique": "La direction de la commande publique",
    "Mission Europe de la collectivité": "La mission Europe de la collectivité",
}

MEETING_NOTES_CANCELLED = "Séance annulée : l'ordre du jour est reporté à la séance suivante."
MEETING_NOTES_POSTPONED = "Séance reportée à la demande de la présidence (salle indisponible)."

GUEST_VISITORS = (
    ("Chargée de mission ESS", "Conseil régional {region}"),
    ("Délégué territorial", "Banque des Territoires {region}"),
    ("Chargé d'études", "Observatoire régional de l'ESS"),
    ("Responsable de l'incubateur", "Incubateur ESS {city}"),
)

ACTION_COMMENTS = (
    ("in_progress", "Premier contact pris avec les partenaires."),
    ("in_progress", "Réunion de cadrage tenue ; calendrier arrêté."),
    ("in_progress", "Document de travail diffusé aux membres."),
    ("in_progress", "En attente des éléments du service concerné."),
    ("postponed", "Reporté : en attente du vote du budget."),
    ("postponed", "Reporté après les élections ; à reprendre à la rentrée."),
    ("done", "Réalisé ; compte rendu diffusé aux membres."),
    ("done", "Action terminée, présentée en séance."),
    ("abandoned", "Abandonné : le dispositif national a été supprimé."),
    ("abandoned", "Abandonné : repris par la Région dans sa stratégie."),
)
ACTION_NO_CHANGE = "Pas de changement depuis la dernière séance."
ACTION_PLACES_SUFFIX = ("", "", " (phase 2)", " – bilan", " – quartiers prioritaires")

MEETING_TITLES = {
    "plenary": "Séance plénière du {day}",
    "bureau": "Réunion du bureau du {day}",
    "commission": "Réunion de la commission du {day}",
    "working_group": "Atelier du groupe de travail du {day}",
}

MEETING_PLACES = {
    "plenary": "Hôtel de ville de {city}, salle du conseil",
    "bureau": "Maison de l'ESS, salle Charles-Gide",
    "commission": "Maison de l'ESS, salle Marie-Curie",
    "working_group": "Tiers-lieu {place}",
}

# What the demonstration shows of the law of meetings (issue 11): a roll-call vote with a member
# withdrawn for a personal interest, a secret ballot, a tie settled by the casting vote.
SHOWCASE_ROLL_CALL = AgendaTopic(
    "Avis sur la subvention au tiers-lieu coopératif « La Fabrique »",
    "vote",
    20,
    "Demande de subvention de fonctionnement de 25 000 € pour 2027.",
    (
        "{presenter} présente la demande du tiers-lieu : 40 structures hébergées, un atelier "
        "partagé et une cantine d'insertion. À la demande de plusieurs membres, le vote a lieu "
        "par appel nominal.",
    ),
    "Soutien aux PTCE et aux coopérations",
    ("Notifier l'avis du conseil au tiers-lieu et au service instructeur",),
    "Avis favorable à la subvention de fonctionnement de 25 000 € au tiers-lieu coopératif "
    "« La Fabrique » pour 2027.",
)
SHOWCASE_SECRET = AgendaTopic(
    "Désignation du représentant du conseil au comité de pilotage du PTCE",
    "vote",
    15,
    "Une candidature a été reçue ; s'agissant d'une désignation, le vote a lieu à bulletin secret.",
    (
        "{presenter} rappelle le rôle du comité de pilotage. Une seule candidature est "
        "présentée ; le vote a lieu à bulletin secret.",
    ),
    "Gouvernance entre niveaux territoriaux",
    ("Informer le comité de pilotage du PTCE de la désignation",),
    "Le conseil désigne son représentant au comité de pilotage du PTCE.",
)
SHOWCASE_TIE = AgendaTopic(
    "Avis sur le calendrier de la charte des achats responsables",
    "vote",
    15,
    "Deux calendriers sont possibles : adoption de la charte en mars ou en juin.",
    (
        "{presenter} présente le calendrier proposé (adoption en mars). Le débat fait apparaître "
        "deux positions d'égale force.",
    ),
    "Commande publique responsable",
    ("Préparer le projet de charte des achats responsables pour mars",),
    "Avis favorable au calendrier proposé : adoption de la charte des achats responsables en mars.",
)
SHOWCASE_RECONVENED = AgendaTopic(
    "Avis sur le plan d'action emploi des jeunes",
    "vote",
    20,
    "Le plan d'action départemental soumis à l'avis de la commission.",
    ("{presenter} présente le plan d'action ; la commission en débat.",),
    "Formation et sensibilisation des élus et des services",
    ("Transmettre l'avis de la commission au département",),
    "Avis favorable au plan d'action emploi des jeunes.",
)
MEETING_NOTES_FAILED_QUORUM = (
    "Quorum non atteint à l'ouverture : la commission est convoquée à nouveau sur le même ordre "
    "du jour."
)
