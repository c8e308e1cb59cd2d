"""Demo pages in Czech and English: home, audience sections, toolkits, articles, news, events.

Each entry gives the Czech page and its English translation; the builder creates the
Czech page and translates it with wagtail-localize's copy-for-translation.
"""

import datetime

HOME = {
    "cs": {
        "title": "Bezpečnější internet",
        "lead": "Rady, materiály a pomoc pro děti, dospívající, rodiče i školy. "
        "Když se na internetu něco pokazí, nejste v tom sami.",
    },
    "en": {
        "title": "Safer Internet",
        "lead": "Advice, materials and help for children, young people, parents and "
        "schools. When something goes wrong online, you are not alone.",
    },
}

LIBRARY = {
    "cs": {
        "title": "Materiály",
        "slug": "materialy",
        "intro": "<p>Metodiky, pracovní listy, videa a příručky zdarma. "
        "Vyberte si podle toho, pro koho materiál hledáte a jakého tématu se týká.</p>",
    },
    "en": {
        "title": "Resources",
        "slug": "resources",
        "intro": "<p>Free lesson plans, worksheets, videos and guides. "
        "Filter by who the material is for and what it is about.</p>",
    },
}

# The pictogram on each audience section's picture.
SECTION_TOPICS = {
    "children": "gaming",
    "young-people": "social-networks",
    "parents": "screen-time",
    "teachers": "digital-skills",
}

SECTIONS = [
    (
        "children",
        {
            "title": "Pro děti",
            "slug": "deti",
            "intro": "<p>Hry, videa a jednoduché rady, jak být na internetu v bezpečí a kdy si říct o pomoc.</p>",
        },
        {
            "title": "For children",
            "slug": "children",
            "intro": "<p>Games, videos and simple tips on staying safe online and knowing when to ask for help.</p>",
        },
    ),
    (
        "young-people",
        {
            "title": "Pro dospívající",
            "slug": "dospivajici",
            "intro": "<p>Vztahy, sítě, fotky, hry i vydírání. Otevřeně a bez moralizování.</p>",
        },
        {
            "title": "For young people",
            "slug": "young-people",
            "intro": "<p>Relationships, social media, photos, games and blackmail. Straight talk, no lecturing.</p>",
        },
    ),
    (
        "parents",
        {
            "title": "Pro rodiče",
            "slug": "rodice",
            "intro": "<p>Jak dětem v online světě rozumět, nastavit rozumná pravidla "
            "a co dělat, když se něco stane.</p>",
        },
        {
            "title": "For parents",
            "slug": "parents",
            "intro": "<p>How to understand your children's online world, set sensible rules, and what to do when "
            "something happens.</p>",
        },
    ),
    (
        "teachers",
        {
            "title": "Pro školy",
            "slug": "skoly",
            "intro": "<p>Metodiky do výuky, krizové postupy a workshopy Akademie pro vaši školu.</p>",
        },
        {
            "title": "For schools",
            "slug": "schools",
            "intro": "<p>Lesson plans, crisis protocols and Academy workshops for your school.</p>",
        },
    ),
]

# (section audience, slug, audiences, topics, (age_min, age_max), Czech, English)
# Steps use ("resources", [external ids]) for chosen resources.
TOOLKITS = [
    (
        "teachers",
        "kybersikana-ve-tride",
        "teachers",
        "cyberbullying,relationships",
        (9, 15),
        {
            "title": "Kyberšikana ve třídě",
            "intro": "Jak kyberšikanu ve třídě včas rozpoznat, jak s ní pracovat a jak podpořit dítě, které ji zažívá.",
            "steps": [
                ("heading", "Rozpoznejte ji včas"),
                (
                    "paragraph",
                    "<p>Kyberšikana se často odehrává ve skupinových chatech, kam učitel nevidí. Všímejte si "
                    "změn nálady, stažení se z kolektivu a náhlého odmítání telefonu.</p>",
                ),
                ("resources", ["demo-001", "demo-036", "demo-003"]),
                ("heading", "Když už se to děje"),
                (
                    "paragraph",
                    "<p>Zajistěte důkazy, mluvte s dítětem o samotě a informujte rodiče. Nikdy neřešte "
                    "situaci konfrontací oběti s agresorem před třídou.</p>",
                ),
                ("resources", ["demo-002"]),
                ("help", "helpline"),
            ],
        },
        {
            "title": "Cyberbullying in the classroom",
            "slug": "cyberbullying-in-the-classroom",
            "intro": "How to spot cyberbullying in your class early, how to deal with it, and how to support a child "
            "who is going through it.",
            "steps": [
                ("heading", "Spot it early"),
                (
                    "paragraph",
                    "<p>Cyberbullying often happens in group chats that teachers never see. Watch for mood "
                    "changes, withdrawal from the group and a sudden reluctance to use the phone.</p>",
                ),
                ("resources", ["demo-001", "demo-036", "demo-003"]),
                ("heading", "When it is already happening"),
                (
                    "paragraph",
                    "<p>Keep evidence, talk with the child in private and inform the parents. Never confront "
                    "the victim with the bully in front of the class.</p>",
                ),
                ("resources", ["demo-002"]),
                ("help", "helpline"),
            ],
        },
    ),
    (
        "parents",
        "prvni-mobil",
        "parents",
        "screen-time,security,privacy,social-networks",
        (8, 13),
        {
            "title": "První mobil v rodině",
            "intro": "Dítě dostává první telefon. Co nastavit, na čem se domluvit a jak zůstat v kontaktu, "
            "aniž byste ho sledovali na každém kroku.",
            "steps": [
                ("heading", "Než telefon předáte"),
                (
                    "paragraph",
                    "<p>Nastavte zámek obrazovky, rodičovskou kontrolu nákupů a soukromí v aplikacích. "
                    "Udělejte to spolu s dítětem, ať ví, proč na tom záleží.</p>",
                ),
                ("resources", ["demo-025", "demo-027"]),
                ("heading", "Domluvte se na pravidlech"),
                (
                    "paragraph",
                    "<p>Pravidla fungují, když je děti pomáhají tvořit a když platí pro celou rodinu, "
                    "i pro dospělé.</p>",
                ),
                ("resources", ["demo-016", "demo-017"]),
                ("help", "helpline"),
            ],
        },
        {
            "title": "A first phone in the family",
            "slug": "a-first-phone",
            "intro": "Your child is getting their first phone. What to set up, what to agree on, and how to stay in "
            "touch without watching their every step.",
            "steps": [
                ("heading", "Before you hand it over"),
                (
                    "paragraph",
                    "<p>Set a screen lock, parental controls for purchases and privacy settings in apps. "
                    "Do it together with your child so they know why it matters.</p>",
                ),
                ("resources", ["demo-025", "demo-027"]),
                ("heading", "Agree on the rules"),
                (
                    "paragraph",
                    "<p>Rules work when children help write them and when they apply to the whole family, "
                    "adults included.</p>",
                ),
                ("resources", ["demo-016", "demo-017"]),
                ("help", "helpline"),
            ],
        },
    ),
    (
        "young-people",
        "intimni-fotky-a-vydirani",
        "young-people,teachers",
        "sexting,sextortion",
        (13, 18),
        {
            "title": "Intimní fotky a vydírání",
            "intro": "Co dělat, když se intimní fotka dostane ven nebo tě někdo začne vydírat. Nejsi na to sám "
            "a nejsi ten, kdo udělal chybu.",
            "steps": [
                ("heading", "Nejdřív to podstatné"),
                (
                    "paragraph",
                    "<p>Neplať, nic dalšího neposílej a konverzaci nemaž: jsou to důkazy. Řekni to někomu, "
                    "komu věříš, nebo zavolej na linku pomoci.</p>",
                ),
                ("resources", ["demo-007", "demo-008"]),
                ("heading", "Pro učitele a rodiče"),
                ("resources", ["demo-006", "demo-009"]),
                ("help", "hotline"),
            ],
        },
        {
            "title": "Intimate photos and blackmail",
            "slug": "intimate-photos-and-blackmail",
            "intro": "What to do if an intimate photo gets out or someone starts blackmailing you. You are not alone, "
            "and you are not the one who did wrong.",
            "steps": [
                ("heading", "First things first"),
                (
                    "paragraph",
                    "<p>Don't pay, don't send anything more, and don't delete the chat: it is evidence. Tell "
                    "someone you trust, or call the helpline.</p>",
                ),
                ("resources", ["demo-007", "demo-008"]),
                ("heading", "For teachers and parents"),
                ("resources", ["demo-006", "demo-009"]),
                ("help", "hotline"),
            ],
        },
    ),
    (
        "children",
        "internet-pro-nejmensi",
        "children,parents",
        "privacy,online-scams,advertising",
        (5, 10),
        {
            "title": "Internet pro nejmenší",
            "intro": "Hravé materiály, se kterými se malé děti naučí, co o sobě nesdílet, jak poznat reklamu "
            "a že výhra zadarmo bývá past.",
            "steps": [
                ("heading", "Hrajeme si a učíme se"),
                ("resources", ["demo-011", "demo-039"]),
                ("heading", "Podvody a reklama"),
                ("resources", ["demo-024", "demo-037"]),
                ("help", "helpline"),
            ],
        },
        {
            "title": "The internet for little ones",
            "slug": "the-internet-for-little-ones",
            "intro": "Playful materials that teach young children what not to share, how to recognise an advert, "
            "and that a free prize is often a trap.",
            "steps": [
                ("heading", "Play and learn"),
                ("resources", ["demo-011", "demo-039"]),
                ("heading", "Scams and adverts"),
                ("resources", ["demo-024", "demo-037"]),
                ("help", "helpline"),
            ],
        },
    ),
]

HELP = {
    "helpline": {
        "cs": {
            "heading": "Potřebuješ si promluvit?",
            "text": "Linka pomoci je anonymní a zdarma. Poradci ti pomohou najít řešení.",
            "link_text": "Kontaktovat linku pomoci",
        },
        "en": {
            "heading": "Need to talk?",
            "text": "The helpline is anonymous and free. Our counsellors will help you find a way forward.",
            "link_text": "Contact the helpline",
        },
    },
    "hotline": {
        "cs": {
            "heading": "Nahlaste nezákonný obsah",
            "text": "Fotky a videa zneužívající děti nahlaste horké lince. Obsah nesdílejte ani jako důkaz.",
            "link_text": "Nahlásit obsah",
        },
        "en": {
            "heading": "Report illegal content",
            "text": "Report images and videos of child sexual abuse to "
            "the hotline. Do not share the content, not even as evidence.",
            "link_text": "Report content",
        },
    },
}
# The help links lead to the site's own helpline and hotline forms (URL names).
HELP_PAGES = {"helpline": "helpline-form", "hotline": "hotline-report-form"}

ARTICLES = [
    (
        "o-centru",
        {
            "title": "O centru",
            "lead": "Centrum bezpečnějšího internetu spojuje osvětu, linku pomoci a horkou linku "
            "pro nahlašování nezákonného obsahu.",
            "body": "<p>Jsme součástí evropské sítě Insafe a INHOPE. Vzděláváme děti, rodiče i učitele, pomáháme lidem "
            "v nesnázích a spolupracujeme s policií a poskytovateli služeb na odstraňování nezákonného obsahu.</p>",
        },
        {
            "title": "About the centre",
            "slug": "about",
            "lead": "The Safer Internet Centre brings together awareness work, a helpline "
            "and a hotline for reporting illegal content.",
            "body": "<p>We are part of the European Insafe and INHOPE networks. "
            "We educate children, parents and teachers, "
            "help people in difficulty, and work with the police and service providers to remove illegal "
            "content.</p>",
        },
    ),
]

PARTNER_DIRECTORY = {
    "cs": {
        "title": "Partneři",
        "slug": "partneri",
        "intro": "<p>S kým spolupracujeme: státní instituce, poskytovatelé internetu, firmy, "
        "spotřebitelské a vzdělávací organizace a neziskové organizace.</p>",
    },
    "en": {
        "title": "Partners",
        "slug": "partners",
        "intro": "<p>Who we work with: government agencies, internet service providers, industry, "
        "consumer and education organisations, and NGOs.</p>",
    },
}

NEWS_INDEX = {"cs": {"title": "Aktuality", "slug": "aktuality"}, "en": {"title": "News", "slug": "news"}}
EVENT_INDEX = {"cs": {"title": "Akce", "slug": "akce"}, "en": {"title": "Events", "slug": "events"}}

NEWS = [
    (
        datetime.date(2026, 2, 10),
        "den-bezpecnejsiho-internetu-2026",
        "misinformation,digital-skills",
        {
            "title": "Den bezpečnějšího internetu 2026",
            "lead": "Letošní ročník se zaměřil na umělou inteligenci a "
            "ověřování informací. Zapojilo se přes tři sta škol.",
            "body": "Žáci zkoumali, jak poznat obrázek vytvořený umělou inteligencí a jak ověřit zprávu dřív, "
            "než ji pošlou dál. "
            "Pracovní listy z tohoto dne najdete v knihovně materiálů pod tématem Dezinformace.",
        },
        {
            "title": "Safer Internet Day 2026",
            "slug": "safer-internet-day-2026",
            "lead": "This year's edition focused on artificial intelligence and "
            "checking information. More than three hundred schools took part.",
            "body": "Pupils explored how to spot a picture made by artificial intelligence and how to check a "
            "story before "
            "sharing it. The day's worksheets are in the resource library under Misinformation.",
        },
    ),
    (
        datetime.date(2026, 4, 22),
        "vyrocni-zprava-linky-pomoci",
        "cyberbullying,sextortion",
        {
            "title": "Výroční zpráva linky pomoci",
            "lead": "Loni se na linku pomoci obrátilo o pětinu více dětí "
            "kvůli vydírání intimními fotkami než rok předtím.",
            "body": "Poradci radí: neplaťte, nic dalšího neposílejte, uložte si důkazy a ozvěte se. "
            "Zpráva obsahuje také počty kontaktů podle témat a věku a přehled spolupráce se školami.",
        },
        {
            "title": "Helpline annual report",
            "slug": "helpline-annual-report",
            "lead": "Last year a fifth more children contacted the helpline about "
            "blackmail with intimate images than the year before.",
            "body": "Counsellors advise: do not pay, send nothing more, keep the evidence and reach out. "
            "The report also gives contacts by topic and age and an overview of work with schools.",
        },
    ),
    (
        datetime.date(2026, 6, 5),
        "nove-metodiky-medialni-vychovy",
        "misinformation",
        {
            "title": "Nové metodiky mediální výchovy",
            "lead": "Do knihovny materiálů přibylo pět hodin mediální výchovy pro druhý stupeň základních škol.",
            "body": "Každá hodina má metodiku pro učitele, pracovní list k vytištění a krátké video. Hodiny "
            "na sebe navazují, ale dají se učit i samostatně.",
        },
        {
            "title": "New media literacy lesson plans",
            "slug": "new-media-literacy-lesson-plans",
            "lead": "Five new media literacy lessons for lower secondary "
            "schools have been added to the resource library.",
            "body": "Each lesson has teacher notes, a printable worksheet and a short video. The lessons "
            "build on each other but can also be taught on their own.",
        },
    ),
    (
        datetime.date(2026, 9, 1),
        "akademie-prijima-objednavky",
        "digital-skills",
        {
            "title": "Akademie přijímá objednávky na nový školní rok",
            "lead": "Workshopy pro žáky i vzdělávání pedagogů si školy mohou objednat už nyní.",
            "body": "Nabídka zahrnuje workshopy o kyberšikaně, sextingu, dezinformacích a bezpečnosti účtů "
            "pro první i druhý stupeň a semináře pro sborovny.",
        },
        {
            "title": "The Academy is taking bookings for the new school year",
            "slug": "academy-bookings-open",
            "lead": "Schools can now book workshops for pupils and training for teachers.",
            "body": "The programme covers cyberbullying, sexting, misinformation and account security for "
            "primary and secondary pupils, and seminars for staff rooms.",
        },
    ),
    (
        datetime.date(2026, 10, 14),
        "horka-linka-statistiky",
        "illegal-content",
        {
            "title": "Horká linka: statistiky za třetí čtvrtletí",
            "lead": "Průměrná doba od nahlášení po odstranění obsahu zneužívajícího děti se zkrátila na tři dny.",
            "body": "Analytici posoudili přes dva tisíce hlášení. Většinu nezákonného obsahu hostovali "
            "poskytovatelé v zahraničí, kterým hlášení předaly partnerské horké linky sítě INHOPE.",
        },
        {
            "title": "Hotline: third-quarter statistics",
            "slug": "hotline-third-quarter-statistics",
            "lead": "The average time from report to removal of child sexual abuse material has fallen to three days.",
            "body": "Analysts assessed more than two thousand reports. Most illegal content was hosted abroad "
            "and was passed on by partner hotlines of the INHOPE network.",
        },
    ),
    (
        datetime.date(2026, 11, 20),
        "kampan-neplat-a-ozvi-se",
        "sextortion",
        {
            "title": "Kampaň „Neplať a ozvi se“",
            "lead": "Spouštíme kampaň proti vydírání intimními fotkami. Plakáty si školy mohou zdarma stáhnout.",
            "body": "Kampaň říká dospívajícím jasně: za vydírání nemůžete, neplaťte a ozvěte se. Plakáty "
            "najdete v knihovně materiálů.",
        },
        {
            "title": "The 'Don't pay, speak up' campaign",
            "slug": "dont-pay-speak-up-campaign",
            "lead": "We are launching a campaign against blackmail with "
            "intimate images. Schools can download the posters for free.",
            "body": "The campaign tells teenagers plainly: blackmail is not your fault, do not pay, and speak "
            "up. The posters are in the resource library.",
        },
    ),
]

# (start, end, online link, slug, audiences, Czech, English)
# Where schools sign up for an event (the official Safer Internet Day site for its day).
EVENT_REGISTRATION = {"den-bezpecnejsiho-internetu-2027": "https://www.saferinternetday.org/"}

EVENTS = [
    (
        datetime.datetime(2026, 10, 8, 16, 0),
        datetime.datetime(2026, 10, 8, 17, 30),
        "",
        "webinar-rodice-a-hry",
        "parents",
        {
            "title": "Webinář: rodiče a hry",
            "lead": "Jak mluvit s dětmi o hraní her a jak nastavit rodičovskou kontrolu.",
            "place": "Online (odkaz na připojení zveřejníme na této stránce v den konání)",
        },
        {
            "title": "Webinar: parents and gaming",
            "slug": "webinar-parents-and-gaming",
            "lead": "How to talk with children about gaming and set up parental controls.",
            "place": "Online (the joining link is published on this page on the day)",
        },
    ),
    (
        datetime.datetime(2027, 2, 9, 9, 0),
        datetime.datetime(2027, 2, 9, 15, 0),
        "",
        "den-bezpecnejsiho-internetu-2027",
        "teachers,young-people",
        {
            "title": "Den bezpečnějšího internetu 2027",
            "lead": "Celodenní program pro školy: workshopy, diskuse s odborníky a studentský hackathon.",
            "place": "Praha, Národní technická knihovna",
        },
        {
            "title": "Safer Internet Day 2027",
            "slug": "safer-internet-day-2027",
            "lead": "A full day for schools: workshops, panel discussions with experts and a student hackathon.",
            "place": "Prague, National Technical Library",
        },
    ),
    (
        datetime.datetime(2027, 3, 17, 14, 0),
        datetime.datetime(2027, 3, 17, 17, 0),
        "",
        "konference-prevence-2027",
        "teachers,social-workers",
        {
            "title": "Konference prevence pro metodiky",
            "lead": "Setkání školních metodiků prevence: nové trendy v online rizicích a sdílení dobré praxe.",
            "place": "Brno, Masarykova univerzita",
        },
        {
            "title": "Prevention conference for school coordinators",
            "slug": "prevention-conference-2027",
            "lead": "A meeting for school prevention "
            "coordinators: new trends in online risks and sharing good practice.",
            "place": "Brno, Masaryk University",
        },
    ),
    (
        datetime.datetime(2027, 4, 21, 17, 0),
        datetime.datetime(2027, 4, 21, 18, 30),
        "",
        "online-kurz-pro-seniory",
        "grandparents",
        {
            "title": "Online kurz pro seniory: podvody",
            "lead": "Jak poznat podvodnou zprávu a telefonát. Kurz vede lektor Akademie, dotazy jsou vítány.",
            "place": "Online (odkaz na připojení zveřejníme na této stránce v den konání)",
        },
        {
            "title": "Online course for older people: scams",
            "slug": "online-course-scams",
            "lead": "How to recognise a scam message or call. Led by an Academy trainer; questions welcome.",
            "place": "Online (the joining link is published on this page on the day)",
        },
    ),
]
