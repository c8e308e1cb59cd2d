"""The helpline's groups (least privilege, DESIGN.md §3.5), its referral directory, first
subcategories and canned responses, in Czech and English.

Helpline counsellors work on contacts; Helpline supervisors also manage canned responses
and subcategories and see the statistics; Editors and supervisors maintain the referral
directory. Hotline analysts get nothing here, and counsellors nothing of the hotline.
"""

from django.db import migrations

from cms.core.permissions import grant


def model_permissions(*models, actions=("add", "change", "delete", "view")):
    return [f"{action}_{model}" for model in models for action in actions]


COUNSELLOR = ["access_helpline", *model_permissions("cannedresponse", "referralservice", actions=("view",))]
SUPERVISOR = [
    "access_helpline",
    "supervise_helpline",
    "view_helpline_statistics",
    *model_permissions("cannedresponse", "subcategory", "referralservice"),
]
GROUPS = {
    "Helpline counsellors": COUNSELLOR,
    "Helpline supervisors": SUPERVISOR,
    "Administrators": SUPERVISOR,
    "Editors": model_permissions("referralservice", actions=("add", "change", "view")),
}
ADMIN_ACCESS = ("Helpline counsellors", "Helpline supervisors")

# (kind, name cs, name en, phone, website, when to refer cs, en)
DIRECTORY = [
    ("helpline", "Linka bezpečí", "Linka bezpečí (children's helpline)", "116 111", "https://www.linkabezpeci.cz/",
     "Nonstop a zdarma pro děti a studenty do 26 let.", "Free, day and night, for children and students up to 26."),
    ("helpline", "Rodičovská linka", "Parents' helpline", "606 021 021", "https://www.rodicovskalinka.cz/",
     "Pro rodiče, prarodiče a pedagogy.", "For parents, grandparents and teachers."),
    ("health", "Linka první psychické pomoci", "Crisis line for adults", "116 123", "https://www.linkapsychickepomoci.cz/",
     "Krizová pomoc pro dospělé, nonstop.", "Crisis support for adults, day and night."),
    ("police", "Policie ČR", "Police of the Czech Republic", "158", "https://www.policie.cz/",
     "Trestný čin, vydírání, ohrožení. V akutním nebezpečí volejte 112.",
     "A crime, blackmail, a threat. In immediate danger call 112."),
    ("child-protection", "OSPOD (orgán sociálně-právní ochrany dětí)", "Child protection authority (OSPOD)", "", "",
     "Dítě v ohrožení: sociální odbor obecního úřadu obce s rozšířenou působností.",
     "A child at risk: the social department of the municipal authority."),
    ("hotline", "Horká linka centra", "The centre's hotline", "", "",
     "Nezákonný obsah: materiál zneužívající děti, rasismus, propagace násilí.",
     "Illegal content: child sexual abuse material, racism, promotion of violence."),
]
SUBCATEGORIES = [
    ("cyberbullying", "cyberbullying-classmates", "Od spolužáků", "By classmates"),
    ("cyberbullying", "cyberbullying-fake-profile", "Falešný profil", "Fake profile"),
    ("sexting", "sexting-pressure", "Nátlak na poslání fotky", "Pressure to send a picture"),
    ("e-crime", "e-crime-account-hacked", "Napadený účet", "Account hacked"),
    ("e-crime", "e-crime-phishing", "Podvodná zpráva (phishing)", "Phishing"),
    ("excessive-use", "excessive-use-gaming", "Čas u her", "Time spent gaming"),
]
CANNED = [
    ("cs", "Poděkování a první krok", "Děkujeme, že ses nám ozval/a. To, co se ti děje, není tvoje vina. "
     "Napiš nám prosím, co by ti teď nejvíc pomohlo."),
    ("cs", "Krize: zavolej hned", "Jestli jsi teď v nebezpečí nebo myslíš na to, že si ublížíš, zavolej hned na "
     "Linku bezpečí 116 111 (nonstop, zdarma) nebo na 112."),
    ("en", "Thank you and a first step", "Thank you for getting in touch. What is happening to you is not your fault. "
     "Please tell us what would help you most right now."),
    ("en", "Crisis: call now", "If you are in danger now or thinking about hurting yourself, call the children's "
     "helpline 116 111 (free, day and night) or 112 straight away."),
]


def seed(apps, schema_editor):
    for name, codenames in GROUPS.items():
        grant(apps, name, "reports", codenames)
    for name in ADMIN_ACCESS:
        grant(apps, name, "wagtailadmin", ["access_admin"])
    ReferralService = apps.get_model("reports", "ReferralService")
    for kind, name_cs, name_en, phone, website, when_cs, when_en in DIRECTORY:
        ReferralService.objects.get_or_create(
            kind=kind,
            name=name_cs,
            defaults={
                "name_cs": name_cs,
                "name_en": name_en,
                "phone": phone,
                "website": website,
                "description": when_cs,
                "description_cs": when_cs,
                "description_en": when_en,
            },
        )
    Subcategory = apps.get_model("reports", "Subcategory")
    for category, slug, name_cs, name_en in SUBCATEGORIES:
        Subcategory.objects.get_or_create(
            slug=slug, defaults={"category": category, "name": name_cs, "name_cs": name_cs, "name_en": name_en}
        )
    CannedResponse = apps.get_model("reports", "CannedResponse")
    for language, title, text in CANNED:
        CannedResponse.objects.get_or_create(language=language, title=title, defaults={"text": text})


def unseed(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ADMIN_ACCESS).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0009_helpline"), ("wagtailadmin", "0001_create_admin_access_permissions")]

    operations = [migrations.RunPython(seed, unseed)]
