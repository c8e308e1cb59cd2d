"""Demo resources for the library, in Czech with English translations for most.

Loaded through the import service, like any catalogue a centre would bring in.
Each entry: external_id, type, audiences, topics, (age_min, age_max),
Czech (title, summary), English (title, summary) or None.
"""

RESOURCES = [
    (
        "demo-001",
        "lesson-plan",
        "teachers,children",
        "cyberbullying",
        (9, 12),
        (
            "Kyberšikana: co to je a jak se jí bránit",
            "Metodika jedné vyučovací hodiny pro 4. a 5. třídu. Žáci na příbězích rozpoznají kyberšikanu, "
            "pojmenují pocity oběti i přihlížejících a naučí se, komu o ní říct.",
        ),
        (
            "Cyberbullying: what it is and how to stand up to it",
            "A one-lesson plan for 9 to 12-year-olds. Through short stories pupils recognise cyberbullying, "
            "name how victims and bystanders feel, and learn whom to tell.",
        ),
    ),
    (
        "demo-002",
        "guide",
        "parents",
        "cyberbullying",
        (6, 18),
        (
            "Když je vaše dítě obětí kyberšikany",
            "Praktická příručka pro rodiče: jak poznat, že se něco děje, jak s dítětem mluvit, jak zajistit "
            "důkazy a kdy se obrátit na školu nebo na policii.",
        ),
        (
            "When your child is being cyberbullied",
            "A practical guide for parents: how to notice that something is wrong, how to talk with your child, "
            "how to keep evidence and when to involve the school or the police.",
        ),
    ),
    (
        "demo-003",
        "video",
        "young-people",
        "cyberbullying,hate-speech",
        (13, 18),
        (
            "Nebuď divák",
            "Krátké video o tom, co může udělat ten, kdo kyberšikanu vidí. Tři jednoduché kroky, jak se zastat "
            "spolužáka, aniž by se člověk sám vystavil nebezpečí.",
        ),
        (
            "Don't just watch",
            "A short video on what bystanders can do about cyberbullying: three simple steps to stand up for a "
            "classmate without putting yourself at risk.",
        ),
    ),
    (
        "demo-004",
        "worksheet",
        "children,teachers",
        "grooming",
        (8, 12),
        (
            "Kdo je na druhé straně?",
            "Pracovní list, na kterém děti třídí zprávy od neznámých lidí na bezpečné a podezřelé a učí se "
            "rozpoznat varovné signály kybergroomingu.",
        ),
        (
            "Who is on the other side?",
            "A worksheet on which children sort messages from strangers into safe and suspicious ones and learn "
            "the warning signs of grooming.",
        ),
    ),
    (
        "demo-005",
        "guide",
        "parents,caretakers",
        "grooming",
        (8, 16),
        (
            "Kybergrooming: varovné signály pro rodiče",
            "Jak útočníci získávají důvěru dětí, které změny v chování nepodceňovat a co dělat, když máte podezření.",
        ),
        (
            "Online grooming: warning signs for parents",
            "How offenders win children's trust, which changes in behaviour not to ignore, and what to do if you "
            "are worried.",
        ),
    ),
    (
        "demo-006",
        "lesson-plan",
        "teachers,young-people",
        "sexting",
        (13, 18),
        (
            "Sexting bez mýtů",
            "Dvouhodinový blok pro 8. a 9. třídy a střední školy. Otevřeně o tom, proč lidé posílají intimní fotky, "
            "jaká jsou rizika a co dělat, když se fotka dostane ven.",
        ),
        (
            "Sexting without the myths",
            "A double lesson for 13 to 18-year-olds: an open conversation about why people send intimate photos, "
            "what the risks are, and what to do when a photo gets out.",
        ),
    ),
    (
        "demo-007",
        "article",
        "young-people",
        "sexting,relationships",
        (15, 18),
        (
            "Poslal(a) jsem fotku a lituju toho",
            "Co dělat hned teď, když jsi někomu poslal(a) intimní fotku a bojíš se, co s ní udělá. "
            "Bez moralizování, krok za krokem.",
        ),
        (
            "I sent a photo and I regret it",
            "What to do right now if you sent someone an intimate photo and you're scared of what they'll do "
            "with it. No lecturing, step by step.",
        ),
    ),
    (
        "demo-008",
        "poster",
        "young-people",
        "sextortion",
        (13, 18),
        (
            "Vydírají tě? Neplať a ozvi se",
            "Plakát do školních chodeb a klubů: vydírání intimními fotkami je trestný čin, zaplacení nic "
            "nevyřeší a pomoc je dostupná anonymně.",
        ),
        (
            "Being blackmailed? Don't pay, speak up",
            "A poster for school corridors and youth clubs: blackmail with intimate images is a crime, paying "
            "solves nothing, and help is available anonymously.",
        ),
    ),
    (
        "demo-009",
        "guide",
        "teachers,social-workers",
        "sextortion",
        (12, 18),
        (
            "Sextortion: postup pro školy",
            "Co má škola udělat, když se dozví, že je žák vydírán: zajištění důkazů a spolupráce s rodiči, "
            "policií a linkou pomoci.",
        ),
        (
            "Sextortion: a protocol for schools",
            "What a school should do when it learns that a pupil is being blackmailed: securing evidence and "
            "working with parents, the police and the helpline.",
        ),
    ),
    (
        "demo-010",
        "lesson-plan",
        "teachers",
        "hate-speech",
        (13, 18),
        (
            "Slova, která zraňují",
            "Hodina o nenávistných projevech na sítích: kde končí názor a začíná nenávist, jak reagovat "
            "a jak nenávistný obsah nahlásit.",
        ),
        (
            "Words that hurt",
            "A lesson on online hate speech: where opinion ends and hate begins, how to respond, and how to "
            "report hateful content.",
        ),
    ),
    (
        "demo-011",
        "game",
        "children",
        "privacy",
        (7, 11),
        (
            "Tajné heslo",
            "Hra pro celou třídu, ve které děti chrání poklad před piráty a přitom zjišťují, které údaje o sobě "
            "je lepší na internetu nesdílet.",
        ),
        (
            "The secret password",
            "A whole-class game in which children guard a treasure from pirates and find out along the way which "
            "details about themselves they should keep off the internet.",
        ),
    ),
    (
        "demo-012",
        "worksheet",
        "young-people,teachers",
        "privacy",
        (12, 16),
        (
            "Co o mně ví internet?",
            "Pracovní list, se kterým žáci zmapují, jaké osobní údaje o nich prozrazují jejich profily, fotky "
            "a aplikace, a nastaví si soukromí.",
        ),
        (
            "What does the internet know about me?",
            "A worksheet that helps pupils map which personal details their profiles, photos and apps give away, "
            "and adjust their privacy settings.",
        ),
    ),
    (
        "demo-013",
        "guide",
        "grandparents",
        "privacy,security",
        (0, 99),
        (
            "Chytrý telefon bez obav",
            "Příručka pro babičky a dědy: jak si nastavit zámek obrazovky a bezpečná hesla a co dělat, "
            "když telefon ztratíte.",
        ),
        (
            "A smartphone without worries",
            "A guide for grandparents: how to set a screen lock and safe passwords, and what to do if you lose "
            "your phone.",
        ),
    ),
    (
        "demo-014",
        "presentation",
        "teachers,parents",
        "online-reputation",
        (12, 18),
        (
            "Digitální stopa: co po nás zůstává",
            "Prezentace pro třídní schůzky i výuku: jak vzniká digitální stopa, proč na ní záleží při přijímačkách "
            "nebo hledání práce a jak ji mít pod kontrolou.",
        ),
        (
            "Digital footprint: what we leave behind",
            "A presentation for parents' evenings and lessons: how a digital footprint builds up, why it matters "
            "when applying for a school or a job, and how to keep it under control.",
        ),
    ),
    (
        "demo-015",
        "quiz",
        "young-people",
        "online-reputation,social-networks",
        (13, 18),
        (
            "Zveřejnit, nebo ne?",
            "Kvíz s dvaceti situacemi ze sociálních sítí. U každé se rozhodneš, jestli příspěvek zveřejnit, "
            "a dozvíš se, co by to mohlo znamenat za pět let.",
        ),
        (
            "Post it or not?",
            "A quiz with twenty social-media situations. For each one you decide whether to post, and find out "
            "what it could mean five years from now.",
        ),
    ),
    (
        "demo-016",
        "guide",
        "parents",
        "screen-time",
        (3, 12),
        (
            "Rodinná dohoda o obrazovkách",
            "Jak se s dětmi domluvit na pravidlech pro mobil, tablet a televizi, aby je všichni dodržovali. "
            "Včetně šablony dohody k vytištění.",
        ),
        (
            "A family agreement on screens",
            "How to agree rules for phones, tablets and TV with your children so that everyone sticks to them. "
            "Includes a printable agreement template.",
        ),
    ),
    (
        "demo-017",
        "tool",
        "parents,young-people",
        "screen-time",
        (10, 18),
        (
            "Deník času online",
            "Jednoduchá tabulka na týden, do které si každý člen rodiny zapisuje, kolik času strávil online "
            "a co tam dělal. Pomáhá najít rovnováhu bez hádek.",
        ),
        (
            "Online time diary",
            "A simple one-week table in which every family member records how long they spent online and what "
            "they did. It helps find a balance without arguments.",
        ),
    ),
    (
        "demo-018",
        "podcast",
        "parents",
        "gaming",
        (8, 16),
        (
            "Hry nejsou nepřítel",
            "Rozhovor s psycholožkou o tom, co děti na hrách baví, kdy hraní přerůstá v problém a jak hrát "
            "spolu s nimi.",
        ),
        (
            "Games are not the enemy",
            "A conversation with a psychologist about what children enjoy in games, when gaming becomes a "
            "problem, and how to play together with them.",
        ),
    ),
    (
        "demo-019",
        "article",
        "parents,grandparents",
        "gaming,online-scams",
        (6, 14),
        (
            "Mikrotransakce a loot boxy",
            "Proč dětské hry chtějí peníze, jak fungují loot boxy a jak nastavit telefon, aby dítě nemohlo "
            "nakupovat bez vašeho souhlasu.",
        ),
        (
            "Microtransactions and loot boxes",
            "Why children's games ask for money, how loot boxes work, and how to set up a phone so that a child "
            "cannot buy anything without your consent.",
        ),
    ),
    (
        "demo-020",
        "lesson-plan",
        "teachers",
        "misinformation",
        (12, 18),
        (
            "Jak poznat falešnou zprávu",
            "Hodina mediální výchovy, ve které žáci ověřují skutečné i smyšlené zprávy pomocí pěti otázek "
            "a zpětného vyhledávání obrázků.",
        ),
        (
            "How to spot fake news",
            "A media literacy lesson in which pupils check real and invented news stories with five questions "
            "and a reverse image search.",
        ),
    ),
    (
        "demo-021",
        "video",
        "young-people,grandparents",
        "misinformation",
        (12, 99),
        (
            "Deepfake: nevěř všemu, co vidíš",
            "Video vysvětluje, jak vznikají podvržená videa a hlasy vytvořené umělou inteligencí a podle čeho "
            "je lze odhalit.",
        ),
        (
            "Deepfakes: don't believe everything you see",
            "A video explaining how fake videos and AI-generated voices are made and what gives them away.",
        ),
    ),
    (
        "demo-022",
        "poster",
        "grandparents,parents",
        "online-scams",
        (0, 99),
        (
            "Banka vám nikdy nenapíše",
            "Plakát s pěti pravidly proti podvodným SMS, e-mailům a telefonátům, které se vydávají za banku, "
            "kurýra nebo policii.",
        ),
        (
            "Your bank will never text you for this",
            "A poster with five rules against scam texts, e-mails and calls pretending to be your bank, a courier "
            "or the police.",
        ),
    ),
    (
        "demo-023",
        "course",
        "grandparents",
        "online-scams,digital-skills",
        (0, 99),
        (
            "Bezpečně na internetu v každém věku",
            "Pětidílný kurz pro seniory: nakupování, internetové bankovnictví, videohovory s vnoučaty a obrana "
            "před podvodníky.",
        ),
        (
            "Safe online at any age",
            "A five-part course for older people: shopping, internet banking, video calls with the grandchildren "
            "and defending yourself against fraudsters.",
        ),
    ),
    (
        "demo-024",
        "worksheet",
        "children",
        "online-scams",
        (8, 12),
        (
            "Výhra, která není výhrou",
            "Pracovní list s falešnými soutěžemi a vyskakovacími okny. Děti hledají, co je na nich podezřelé, "
            "a učí se nic nevyplňovat.",
        ),
        (
            "A prize that isn't",
            "A worksheet with fake competitions and pop-ups. Children look for what is suspicious and learn not "
            "to fill anything in.",
        ),
    ),
    (
        "demo-025",
        "guide",
        "young-people,parents",
        "security",
        (12, 99),
        (
            "Silná hesla a dvoufázové ověření",
            "Návod, jak vytvořit heslo, které si zapamatujete a nikdo ho neuhodne, jak používat správce hesel "
            "a jak si zapnout dvoufázové ověření.",
        ),
        (
            "Strong passwords and two-step verification",
            "How to create a password you can remember and nobody can guess, how to use a password manager and "
            "how to switch on two-step verification.",
        ),
    ),
    (
        "demo-026",
        "game",
        "young-people",
        "security",
        (12, 16),
        (
            "Únikovka: hacknutý účet",
            "Úniková hra pro skupiny, ve které hráči zachraňují ukradený účet na sociální síti a cestou se učí "
            "základy zabezpečení.",
        ),
        (
            "Escape room: the hacked account",
            "An escape game for groups in which players rescue a stolen social-media account and learn security "
            "basics along the way.",
        ),
    ),
    (
        "demo-027",
        "guide",
        "parents",
        "social-networks",
        (10, 16),
        (
            "První profil na sociální síti",
            "Kdy je dítě připravené na vlastní profil, jak ho spolu nastavit a o čem si promluvit dřív, "
            "než zveřejní první příspěvek.",
        ),
        (
            "A first social media profile",
            "When a child is ready for a profile of their own, how to set it up together, and what to talk about "
            "before they post for the first time.",
        ),
    ),
    (
        "demo-028",
        "presentation",
        "teachers,social-workers",
        "social-networks,relationships",
        (12, 18),
        (
            "Algoritmy a bubliny",
            "Prezentace o tom, jak sociální sítě vybírají, co uvidíme, proč se uzavíráme v názorových bublinách "
            "a jak z nich vystoupit.",
        ),
        (
            "Algorithms and bubbles",
            "A presentation on how social networks choose what we see, why we end up in opinion bubbles and how "
            "to step out of them.",
        ),
    ),
    (
        "demo-029",
        "guide",
        "parents,caretakers",
        "harmful-content",
        (6, 15),
        (
            "Když dítě uvidí něco, co nemělo",
            "Jak mluvit s dítětem o násilném, sexuálním nebo děsivém obsahu, na který na internetu narazilo, "
            "a jak nastavit filtry.",
        ),
        (
            "When a child sees something they shouldn't",
            "How to talk with a child about violent, sexual or frightening content they came across online, and "
            "how to set up filters.",
        ),
    ),
    (
        "demo-030",
        "article",
        "young-people",
        "harmful-content",
        (13, 18),
        (
            "Nebezpečné výzvy na sítích",
            "Proč se šíří riskantní výzvy, jak poznat skutečné nebezpečí a jak výzvu odmítnout, aniž by člověk "
            "ztratil tvář.",
        ),
        (
            "Dangerous online challenges",
            "Why risky challenges spread, how to tell real danger, and how to say no to a challenge without "
            "losing face.",
        ),
    ),
    (
        "demo-031",
        "guide",
        "teachers,social-workers,parents",
        "illegal-content",
        (0, 99),
        (
            "Jak nahlásit nezákonný obsah",
            "Co je nezákonný obsah, jak ho bezpečně nahlásit horké lince, proč ho nesdílet ani jako důkaz a co "
            "se s hlášením děje dál.",
        ),
        (
            "How to report illegal content",
            "What illegal content is, how to report it safely to the hotline, why not to share it even as "
            "evidence, and what happens to a report next.",
        ),
    ),
    (
        "demo-032",
        "poster",
        "young-people,children",
        "illegal-content",
        (10, 18),
        (
            "Viděl(a) jsi něco nezákonného? Nahlas to",
            "Plakát s jednoduchým postupem, jak anonymně nahlásit zneužívající nebo nenávistný obsah a kde "
            "najít pomoc.",
        ),
        (
            "Seen something illegal? Report it",
            "A poster with a simple guide to reporting abusive or hateful content anonymously and to finding help.",
        ),
    ),
    (
        "demo-033",
        "course",
        "teachers",
        "digital-skills",
        (0, 99),
        (
            "Online bezpečnost pro pedagogy",
            "Akreditovaný kurz dalšího vzdělávání v rozsahu osmi hodin: rizika online prostředí, prevence ve "
            "škole a řešení konkrétních případů.",
        ),
        (
            "Online safety for educators",
            "An accredited eight-hour professional development course: online risks, prevention at school, and "
            "handling real cases.",
        ),
    ),
    (
        "demo-034",
        "tool",
        "teachers",
        "digital-skills",
        (6, 12),
        (
            "Sada karet: internet hrou",
            "Karty s úkoly pro první stupeň, které se vejdou do jakékoli hodiny: každý den pět minut "
            "o bezpečném chování na internetu.",
        ),
        (
            "Card set: learning the internet through play",
            "Task cards for primary school that fit into any lesson: five minutes a day on staying safe online.",
        ),
    ),
    (
        "demo-035",
        "podcast",
        "young-people",
        "relationships",
        (14, 18),
        (
            "Láska přes obrazovku",
            "Podcast o vztazích v době chatů: jak poznat zdravý vztah a kontrolujícího partnera a kde jsou "
            "hranice sdílení.",
        ),
        (
            "Love through a screen",
            "A podcast about relationships in the age of chat: how to recognise a healthy relationship and a "
            "controlling partner, and where the limits of sharing lie.",
        ),
    ),
    (
        "demo-036",
        "lesson-plan",
        "teachers",
        "relationships,cyberbullying",
        (10, 13),
        (
            "Pravidla naší třídy online",
            "Hodina, ve které si třída sama vytvoří pravidla pro společný chat a domluví se, jak postupovat, "
            "když je někdo poruší.",
        ),
        (
            "Our class rules online",
            "A lesson in which the class writes its own rules for the group chat and agrees what to do when "
            "someone breaks them.",
        ),
    ),
    (
        "demo-037",
        "quiz",
        "children",
        "advertising",
        (8, 12),
        (
            "Reklama, nebo ne?",
            "Kvíz, ve kterém děti rozlišují reklamu od běžného obsahu ve videích, hrách a u influencerů.",
        ),
        (
            "Advert or not?",
            "A quiz in which children tell adverts apart from ordinary content in videos, games and influencer posts.",
        ),
    ),
    (
        "demo-038",
        "article",
        "parents,young-people",
        "advertising,social-networks",
        (12, 18),
        (
            "Influenceři a skrytá reklama",
            "Jak poznat placenou spolupráci, proč se vyplatí být skeptický a jaká pravidla musí influenceři dodržovat.",
        ),
        (
            "Influencers and hidden advertising",
            "How to recognise a paid partnership, why it pays to be sceptical, and which rules influencers must "
            "follow.",
        ),
    ),
    (
        "demo-039",
        "video",
        "children",
        "screen-time,digital-skills",
        (5, 9),
        (
            "Bubu a kouzelný tablet",
            "Animovaná pohádka pro nejmenší o tom, že i tablet potřebuje odpočinek a že nejlepší hry jsou někdy venku.",
        ),
        (
            "Bubu and the magic tablet",
            "An animated tale for the youngest about how even a tablet needs a rest, and how the best games are "
            "sometimes played outdoors.",
        ),
    ),
    (
        "demo-040",
        "guide",
        "caretakers,social-workers",
        "grooming,sexting",
        (10, 18),
        (
            "Online rizika u dětí v náhradní péči",
            "Příručka pro pěstouny a vychovatele: proč jsou děti v náhradní péči na internetu zranitelnější a jak "
            "s nimi o online vztazích mluvit.",
        ),
        (
            "Online risks for children in care",
            "A guide for foster carers and residential staff: why children in care are more vulnerable online "
            "and how to talk with them about online relationships.",
        ),
    ),
    (
        "demo-041",
        "worksheet",
        "young-people",
        "misinformation,hate-speech",
        (14, 18),
        (
            "Ověř si to",
            "Pracovní list se šesti příspěvky ze sítí, u kterých žáci dohledávají zdroj, autora a datum "
            "a rozhodují, čemu lze věřit.",
        ),
        None,
    ),
    (
        "demo-042",
        "presentation",
        "parents",
        "gaming,screen-time",
        (6, 15),
        (
            "Třídní schůzky: děti a hry",
            "Prezentace pro učitele na třídní schůzky: co rodiče potřebují vědět o hrách, věkovém hodnocení "
            "PEGI a rodičovské kontrole.",
        ),
        None,
    ),
    (
        "demo-043",
        "article",
        "social-workers",
        "cyberbullying,harmful-content",
        (12, 18),
        (
            "Kyberšikana v nízkoprahovém klubu",
            "Zkušenosti pracovníků nízkoprahových klubů: jak kyberšikanu zachytit, jak s ní pracovat ve skupině "
            "a kdy zapojit další služby.",
        ),
        None,
    ),
    (
        "demo-044",
        "tool",
        "teachers",
        "illegal-content,security",
        (6, 18),
        (
            "Krizový plán školy pro online incidenty",
            "Šablona krizového plánu, podle které škola postupuje při úniku fotek, vydírání, kyberšikaně nebo "
            "napadení účtu.",
        ),
        (
            "A school crisis plan for online incidents",
            "A template crisis plan that tells a school what to do when photos leak, a pupil is blackmailed or "
            "bullied online, or an account is hacked.",
        ),
    ),
]

# A second paragraph for the body, by resource type: how the material is meant to be used.
USAGE = {
    "guide": (
        "Příručku si můžete stáhnout a vytisknout, nebo ji číst přímo na webu. Každá kapitola končí "
        "shrnutím a kontakty, kam se obrátit pro další pomoc.",
        "You can download and print the guide or read it online. Every chapter ends with a summary and "
        "contacts for further help.",
    ),
    "lesson-plan": (
        "Metodika obsahuje cíle hodiny, časový plán, pracovní listy a tipy, jak citlivě pracovat se "
        "třídou, ve které se s tématem někdo setkal osobně.",
        "The plan includes learning goals, a timetable, worksheets and tips on working sensitively with a "
        "class where someone may have experienced the issue first-hand.",
    ),
    "worksheet": (
        "List je připravený k tisku na formát A4 a zabere zhruba patnáct minut. Řešení najdete na druhé straně.",
        "The sheet is ready to print on A4 and takes about fifteen minutes. Answers are on the back.",
    ),
    "video": (
        "Video trvá necelých pět minut a má české i anglické titulky. Hodí se jako úvod do diskuse ve třídě nebo doma.",
        "The video is under five minutes long with Czech and English subtitles. It works well to start a "
        "discussion in class or at home.",
    ),
    "game": (
        "Hra nepotřebuje počítač ani internet; stačí vytištěné karty a zhruba třicet minut času.",
        "The game needs no computer or internet connection: just the printed cards and about thirty minutes.",
    ),
    "quiz": (
        "Kvíz lze vyplnit samostatně nebo ve skupinách. Ke každé otázce je krátké vysvětlení správné odpovědi.",
        "The quiz can be done alone or in groups. Each question comes with a short explanation of the right answer.",
    ),
    "poster": (
        "Plakát je ke stažení ve formátu A3 i A4 a můžete ho volně tisknout a vyvěsit.",
        "The poster can be downloaded in A3 and A4 and you are free to print and display it.",
    ),
    "presentation": (
        "Prezentace obsahuje poznámky pro přednášejícího, takže ji zvládne použít i ten, kdo se tématu běžně nevěnuje.",
        "The slides come with speaker notes, so anyone can present them, even without prior experience of the topic.",
    ),
    "article": (
        "Článek vychází ze zkušeností poradců naší linky pomoci a z otázek, které nám lidé nejčastěji kladou.",
        "The article draws on our helpline counsellors' experience and the questions people ask us most.",
    ),
    "course": (
        "Kurz probíhá online i prezenčně. Po jeho absolvování obdržíte osvědčení.",
        "The course runs online and in person. Participants receive a certificate on completion.",
    ),
    "podcast": (
        "Epizodu si můžete pustit na webu nebo ve své podcastové aplikaci. Přepis je k dispozici ke stažení.",
        "You can listen on the web or in your podcast app. A transcript is available to download.",
    ),
    "tool": (
        "Nástroj je zdarma a je připravený k okamžitému použití, stačí si ho stáhnout a upravit pro své potřeby.",
        "The tool is free and ready to use: download it and adapt it to your needs.",
    ),
}


def import_records():
    """The demo resources as import records (Czech first, then the English translations)."""
    records = []
    translations = []
    for external_id, type_slug, audiences, topics, (age_min, age_max), cs, en in RESOURCES:
        shared = {
            "audiences": audiences,
            "topics": topics,
            "resource_type": type_slug,
            "age_min": age_min,
            "age_max": age_max,
        }
        usage_cs, usage_en = USAGE[type_slug]
        records.append(
            {
                "external_id": external_id,
                "locale": "cs",
                "title": cs[0],
                "summary": cs[1],
                "body": f"{cs[1]}\n\n{usage_cs}",
                **shared,
            }
        )
        if en:
            translations.append(
                {
                    "external_id": f"{external_id}-en",
                    "locale": "en",
                    "title": en[0],
                    "summary": en[1],
                    "body": f"{en[1]}\n\n{usage_en}",
                    "translation_of": external_id,
                }
            )
    return records + translations
