"""The demo's synonym sets: the centre's vocabulary as teachers type it (loan words,
English terms, everyday phrases), one set per line of each language."""

from search.models import SynonymSet

SYNONYM_SETS = {
    "cs": [
        "hoax, poplašná zpráva, řetězový e-mail",
        "fake news, falešná zpráva, dezinformace",
        "deepfake, podvržené video",
        "sexting, posílání intimních fotek, nahé fotky",
        "sextortion, sextorze, vydírání intimními fotkami",
        "bullying, šikana",
        "hate speech, nenávistné projevy",
        "2FA, dvoufázové ověření, dvoufaktorové ověření",
        "password, heslo",
        "screen time, čas u obrazovky",
        "phishing, podvodný e-mail",
        "loot box, lootbox",
    ],
    "en": [
        "sexting, sending nudes, nude photos",
        "2FA, two-factor authentication, two-step verification",
        "scam, fraud",
        "hoax, chain e-mail, chain letter",
        "deepfake, fake video",
        "grooming, online predators",
        "advert, advertising, advertisement",
    ],
}


def load_synonyms():
    """Create the demo's synonym sets that are not there yet; returns how many were made."""
    made = 0
    for language, sets in SYNONYM_SETS.items():
        for terms in sets:
            _set, created = SynonymSet.objects.get_or_create(language=language, terms=terms)
            made += created
    return made
