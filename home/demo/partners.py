"""The demo's partners directory: organisations a Czech centre works with, in Czech and
English, each with a monogram logo drawn at load (``pictures.draw_logo``)."""

from home.models import PartnerOrganisation

from .media import logo

# (slug, kind, initials, palette, website, {language: (name, description, cooperation)})
PARTNERS = [
    (
        "policie-cr",
        "government",
        "PČR",
        "blue",
        "https://www.policie.cz/",
        {
            "cs": (
                "Policie České republiky",
                "Vyšetřuje trestné činy na internetu, včetně šíření materiálů zobrazujících sexuální zneužívání dětí.",
                "předávání hlášení nezákonného obsahu, společné přednášky pro školy",
            ),
            "en": (
                "Police of the Czech Republic",
                "Investigates crime online, including the distribution of child sexual abuse material.",
                "forwarding reports of illegal content, joint talks for schools",
            ),
        },
    ),
    (
        "msmt",
        "government",
        "MŠMT",
        "teal",
        "https://www.msmt.cz/",
        {
            "cs": (
                "Ministerstvo školství, mládeže a tělovýchovy",
                "Odpovídá za vzdělávání a za prevenci rizikového chování dětí a mládeže ve školách.",
                "prevence rizikového chování ve školách, metodiky pro učitele",
            ),
            "en": (
                "Ministry of Education, Youth and Sports",
                "Responsible for education and for preventing risky behaviour among children and young people "
                "in schools.",
                "prevention of risky behaviour in schools, guidance for teachers",
            ),
        },
    ),
    (
        "o2-czech-republic",
        "isp",
        "O2",
        "blue",
        "https://www.o2.cz/",
        {
            "cs": (
                "O2 Czech Republic",
                "Poskytovatel internetového připojení a mobilních služeb.",
                "odstraňování nezákonného obsahu ve své síti, osvěta pro zákazníky",
            ),
            "en": (
                "O2 Czech Republic",
                "An internet access and mobile services provider.",
                "removing illegal content from its network, awareness for customers",
            ),
        },
    ),
    (
        "cz-nic",
        "industry",
        "NIC",
        "green",
        "https://www.nic.cz/",
        {
            "cs": (
                "CZ.NIC",
                "Správce české národní domény .CZ, který se věnuje i bezpečnosti internetu a vzdělávání.",
                "bezpečnost domén, kurzy pro veřejnost",
            ),
            "en": (
                "CZ.NIC",
                "The registry of the Czech national domain .CZ, which also works on internet security and education.",
                "domain security, courses for the public",
            ),
        },
    ),
    (
        "dtest",
        "user-organisation",
        "dT",
        "brown",
        "https://www.dtest.cz/",
        {
            "cs": (
                "dTest",
                "Spotřebitelská organizace, která radí lidem s nákupy a podvody na internetu.",
                "varování před podvody na internetu",
            ),
            "en": (
                "dTest",
                "A consumer organisation that advises people on shopping and scams online.",
                "warnings about online scams",
            ),
        },
    ),
    (
        "e-bezpeci",
        "education",
        "EB",
        "purple",
        "https://www.e-bezpeci.cz/",
        {
            "cs": (
                "E-Bezpečí, Univerzita Palackého v Olomouci",
                "Vzdělávací a výzkumný projekt zaměřený na rizikové chování na internetu.",
                "výzkum, vzdělávání učitelů",
            ),
            "en": (
                "E-Bezpečí, Palacký University Olomouc",
                "An education and research project on risky behaviour online.",
                "research, teacher training",
            ),
        },
    ),
    (
        "linka-bezpeci",
        "ngo",
        "LB",
        "red",
        "https://www.linkabezpeci.cz/",
        {
            "cs": (
                "Linka bezpečí",
                "Bezplatná a anonymní linka pomoci pro děti a dospívající, na telefonu 116 111.",
                "předávání dětí, které potřebují dlouhodobější pomoc",
            ),
            "en": (
                "Linka bezpečí",
                "A free, anonymous helpline for children and young people, on 116 111.",
                "passing on children who need longer-term help",
            ),
        },
    ),
    (
        "inhope",
        "ngo",
        "IH",
        "teal",
        "https://www.inhope.org/",
        {
            "cs": (
                "INHOPE",
                "Mezinárodní sdružení horkých linek pro hlášení materiálů zobrazujících sexuální zneužívání dětí.",
                "předávání hlášení do zemí, kde je obsah umístěn",
            ),
            "en": (
                "INHOPE",
                "The international association of hotlines for reporting child sexual abuse material.",
                "passing reports to the country where the content is hosted",
            ),
        },
    ),
]


def load_partners():
    """Create the directory entries that are not there yet; returns how many were made."""
    made = 0
    for order, (slug, kind, initials, palette, website, texts) in enumerate(PARTNERS):
        if PartnerOrganisation.objects.filter(slug=slug).exists():
            continue
        fields = {"slug": slug, "kind": kind, "website": website, "sort_order": order}
        for language, (name, description, cooperation) in texts.items():
            fields.update(
                {
                    f"name_{language}": name,
                    f"description_{language}": description,
                    f"cooperation_{language}": cooperation,
                }
            )
        PartnerOrganisation.objects.create(**fields, logo=logo(slug, initials, palette))
        made += 1
    return made
