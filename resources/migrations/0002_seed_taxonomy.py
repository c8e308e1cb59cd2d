"""Seed the controlled vocabularies with the slugs of DESIGN.md §4, labelled in cs and en.

The data is frozen here on purpose: later edits happen in the admin, and a migration
must not change meaning when the code around it does.
"""

from django.db import migrations

AUDIENCES = [
    ("children", "Děti", "Children", "Děti mladšího školního věku, zhruba do 12 let.", "Primary school children, up to about 12."),
    ("young-people", "Dospívající", "Young people", "Teenageři a mladí lidé od 13 do 18 let.", "Teenagers and young people aged 13 to 18."),
    ("parents", "Rodiče", "Parents", "Rodiče a další blízcí, kteří dětem pomáhají v online světě.", "Parents and family members guiding children online."),
    ("grandparents", "Prarodiče", "Grandparents", "Babičky a dědové, kteří hlídají vnoučata a sami objevují internet.", "Grandparents looking after grandchildren and discovering the internet themselves."),
    ("caretakers", "Pečující", "Caretakers", "Pěstouni, vychovatelé a další, kdo o děti pečují.", "Foster carers, residential care staff and others who look after children."),
    ("teachers", "Učitelé", "Teachers", "Pedagogové, metodici prevence a výchovní poradci.", "Teachers, prevention coordinators and school counsellors."),
    ("social-workers", "Sociální pracovníci", "Social workers", "Pracovníci OSPOD, neziskových organizací a nízkoprahových klubů.", "Child protection staff, NGO workers and youth club staff."),
]

TOPICS = [
    ("cyberbullying", "Kyberšikana", "Cyberbullying"),
    ("grooming", "Kybergrooming", "Grooming"),
    ("sexting", "Sexting", "Sexting"),
    ("sextortion", "Sextortion", "Sextortion"),
    ("hate-speech", "Nenávistné projevy", "Hate speech"),
    ("privacy", "Soukromí a osobní údaje", "Privacy"),
    ("online-reputation", "Digitální stopa a pověst", "Online reputation"),
    ("screen-time", "Čas u obrazovky", "Screen time"),
    ("gaming", "Hraní her", "Gaming"),
    ("misinformation", "Dezinformace", "Misinformation"),
    ("online-scams", "Podvody na internetu", "Online scams"),
    ("security", "Bezpečnost účtů a zařízení", "Security"),
    ("social-networks", "Sociální sítě", "Social networks"),
    ("harmful-content", "Škodlivý obsah", "Harmful content"),
    ("illegal-content", "Nezákonný obsah", "Illegal content"),
    ("digital-skills", "Digitální dovednosti", "Digital skills"),
    ("relationships", "Vztahy a komunikace", "Relationships"),
    ("advertising", "Reklama a influenceři", "Advertising"),
]

RESOURCE_TYPES = [
    ("guide", "Příručka", "Guide"),
    ("lesson-plan", "Metodika hodiny", "Lesson plan"),
    ("worksheet", "Pracovní list", "Worksheet"),
    ("video", "Video", "Video"),
    ("game", "Hra", "Game"),
    ("quiz", "Kvíz", "Quiz"),
    ("poster", "Plakát", "Poster"),
    ("presentation", "Prezentace", "Presentation"),
    ("article", "Článek", "Article"),
    ("course", "Kurz", "Course"),
    ("podcast", "Podcast", "Podcast"),
    ("tool", "Nástroj", "Tool"),
]


def seed(apps, schema_editor):
    Audience = apps.get_model("resources", "Audience")
    Topic = apps.get_model("resources", "Topic")
    ResourceType = apps.get_model("resources", "ResourceType")

    for order, (slug, cs, en, desc_cs, desc_en) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(
            slug=slug,
            defaults={
                "name": cs, "name_cs": cs, "name_en": en,
                "description": desc_cs, "description_cs": desc_cs, "description_en": desc_en,
                "sort_order": order,
            },
        )
    for model, rows in ((Topic, TOPICS), (ResourceType, RESOURCE_TYPES)):
        for order, (slug, cs, en) in enumerate(rows):
            model.objects.update_or_create(
                slug=slug,
                defaults={"name": cs, "name_cs": cs, "name_en": en, "sort_order": order},
            )


def unseed(apps, schema_editor):
    for model_name, rows in (("Audience", AUDIENCES), ("Topic", TOPICS), ("ResourceType", RESOURCE_TYPES)):
        apps.get_model("resources", model_name).objects.filter(slug__in=[row[0] for row in rows]).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
