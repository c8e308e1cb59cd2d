"""The demo's Safer Internet Academy: its page, three workshops and two programmes, in
Czech and English. Programme dates are set from the day the demo is built, so they are
always ahead."""

ACADEMY = {
    "cs": {
        "title": "Akademie: workshopy pro školy",
        "slug": "akademie",
        "lead": "Interaktivní workshopy pro žáky, učitele i rodiče přímo ve vaší škole "
        "a vzdělávací programy v krajích.",
        "intro": "<p>Lektoři Akademie vedou workshopy o kyberšikaně, sextingu, dezinformacích a bezpečnosti účtů. "
        "Vyberte si workshop z nabídky, nebo nám napište, co vaše třída potřebuje: termín domluvíme do dvou "
        "týdnů.</p>",
    },
    "en": {
        "title": "Academy: workshops for schools",
        "slug": "academy",
        "lead": "Interactive workshops for pupils, teachers and parents at your school, and study programmes "
        "in the regions.",
        "intro": "<p>Academy trainers run workshops on cyberbullying, sexting, misinformation and account "
        "security. Choose a workshop from the catalogue, or tell us what your class needs: we agree a date "
        "within two weeks.</p>",
    },
}

# slug, audiences, topics, (age_min, age_max), minutes, format, Czech, English
WORKSHOPS = [
    (
        "kybersikana-ve-tride",
        "children,teachers",
        "cyberbullying,social-networks",
        (10, 15),
        90,
        "either",
        {
            "title": "Workshop: kyberšikana mezi spolužáky",
            "lead": "Jak kyberšikanu poznat, jak se zastat spolužáka a komu to říct. Hraní rolí a příběhy z praxe.",
            "lecturer_profile": "Lektorka s deseti lety praxe na Lince bezpečí a v prevenci na základních školách.",
        },
        {
            "title": "Workshop: cyberbullying among classmates",
            "slug": "cyberbullying-in-the-classroom",
            "lead": "How to recognise cyberbullying, stand up for a classmate and whom to tell. Role play and "
            "real stories.",
            "lecturer_profile": "A trainer with ten years at a children's helpline and in prevention work in "
            "primary schools.",
        },
    ),
    (
        "sexting-a-vydirani",
        "young-people",
        "sexting,sextortion,relationships",
        (13, 18),
        90,
        "on-site",
        {
            "title": "Sexting a vydírání intimními fotkami",
            "lead": "Otevřeně o sdílení intimních fotek, o vydírání a o tom, jak nahrávku dostat z internetu.",
            "lecturer_profile": "Psycholog a lektor, spolupracuje s horkou linkou a s Policií ČR.",
        },
        {
            "title": "Sexting and sextortion",
            "slug": "sexting-and-sextortion",
            "lead": "An open talk about sharing intimate photos, blackmail, and how to get a recording taken down.",
            "lecturer_profile": "A psychologist and trainer who works with the hotline and the Czech police.",
        },
    ),
    (
        "dezinformace-pro-ucitele",
        "teachers",
        "misinformation,digital-skills",
        (18, 99),
        120,
        "online",
        {
            "title": "Dezinformace: jak je učit",
            "lead": "Seminář pro pedagogy: ověřování zdrojů, práce s emocemi ve třídě a hotové aktivity do výuky.",
            "lecturer_profile": "Učitel občanské výchovy a spoluautor metodik mediální výchovy.",
        },
        {
            "title": "Teaching about misinformation",
            "slug": "teaching-about-misinformation",
            "lead": "A seminar for teachers: checking sources, handling emotions in class, and ready-made activities.",
            "lecturer_profile": "A civics teacher and co-author of media education lesson plans.",
        },
    ),
]

# slug, region, city, venue, audiences, days from today to start, length in days, capacity, price, Czech, English
PROGRAMMES = [
    (
        "bezpecne-online-brno",
        "jihomoravsky",
        "Brno",
        "Knihovna Jiřího Mahena, Kobližná 4, Brno",
        "teachers",
        30,
        2,
        24,
        None,
        {
            "title": "Bezpečně online: dvoudenní program pro učitele (Brno)",
            "lead": "Dva dny o kyberšikaně, sextingu a dezinformacích s hotovými aktivitami do výuky. Zdarma.",
        },
        {
            "title": "Safe online: a two-day programme for teachers (Brno)",
            "slug": "safe-online-brno",
            "lead": "Two days on cyberbullying, sexting and misinformation, with ready-made activities. Free.",
        },
    ),
    (
        "digitalni-rodicovstvi-ostrava",
        "moravskoslezsky",
        "Ostrava",
        "Knihovna města Ostravy, 28. října 2, Ostrava",
        "parents,grandparents",
        45,
        1,
        3,
        "150.00",
        {
            "title": "Digitální rodičovství (Ostrava)",
            "lead": "Odpolední kurz pro rodiče a prarodiče: nastavení telefonu, hry, sociální sítě a čas u obrazovky.",
        },
        {
            "title": "Digital parenting (Ostrava)",
            "slug": "digital-parenting-ostrava",
            "lead": "An afternoon course for parents and grandparents: phone settings, games, social networks "
            "and screen time.",
        },
    ),
]

# Inquiries schools sent in the last quarter: organisation, region, audiences, group size, status,
# participants (held workshops), workshop slug, language
INQUIRIES = [
    ("ZŠ Kuncova, Praha 5", "praha", "children,teachers", 28, "closed", 27, "kybersikana-ve-tride", "cs"),
    ("Gymnázium Olomouc-Hejčín", "olomoucky", "young-people", 30, "held", 29, "sexting-a-vydirani", "cs"),
    ("ZŠ a MŠ Tišnov", "jihomoravsky", "children", 24, "held", 22, "kybersikana-ve-tride", "cs"),
    ("SOŠ Liberec", "liberecky", "young-people", 60, "declined", None, "sexting-a-vydirani", "cs"),
    ("International School of Prague", "praha", "teachers", 18, "in-discussion", None, "dezinformace-pro-ucitele",
     "en"),
]  # fmt: skip
