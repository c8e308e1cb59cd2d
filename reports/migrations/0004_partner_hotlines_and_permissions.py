"""Seed the directory of partner hotlines (countries and names only: contacts are for the
centre to fill in from INHOPE's member directory) and give the hotline groups the new
permissions: statistics, and keeping the directory."""

from django.db import migrations

from cms.core.permissions import grant

PARTNER_HOTLINES = [
    ("AT", "Stopline"),
    ("AU", "eSafety Commissioner"),
    ("BE", "Child Focus"),
    ("BG", "Safenet"),
    ("BR", "SaferNet Brasil"),
    ("CA", "Cybertip.ca (Canadian Centre for Child Protection)"),
    ("CO", "Te Protejo"),
    ("DE", "eco Beschwerdestelle"),
    ("DE", "FSM Beschwerdestelle"),
    ("DE", "jugendschutz.net"),
    ("DK", "Red Barnet (Save the Children Denmark)"),
    ("ES", "INCIBE"),
    ("FI", "Nettivihje (Save the Children Finland)"),
    ("FR", "Point de Contact"),
    ("GB", "Internet Watch Foundation"),
    ("GR", "SafeLine"),
    ("HU", "Internet Hotline (NMHH)"),
    ("IE", "Hotline.ie"),
    ("IS", "Barnaheill (Save the Children Iceland)"),
    ("IT", "Telefono Azzurro"),
    ("JP", "Internet Hotline Center Japan"),
    ("KR", "Korea Communications Standards Commission"),
    ("LT", "Švarus internetas"),
    ("LU", "BEE SECURE Stopline"),
    ("LV", "Drossinternets.lv"),
    ("NL", "Offlimits"),
    ("PL", "Dyżurnet.pl"),
    ("PT", "Linha Internet Segura"),
    ("RO", "Ora de Net (Salvați Copiii)"),
    ("SE", "ECPAT Sweden"),
    ("SI", "Spletno oko"),
    ("SK", "Stopline.sk"),
    ("TW", "Web547"),
    ("US", "NCMEC CyberTipline"),
    ("ZA", "Film and Publication Board"),
]

DIRECTORY = ["add_partnerhotline", "change_partnerhotline", "delete_partnerhotline", "view_partnerhotline"]
GROUPS = {
    "Hotline analysts": ["view_hotline_statistics", *DIRECTORY],
    "Administrators": ["view_hotline_statistics", *DIRECTORY],
}


def seed(apps, schema_editor):
    for name, codenames in GROUPS.items():
        grant(apps, name, "reports", codenames)
    PartnerHotline = apps.get_model("reports", "PartnerHotline")
    for country, organisation in PARTNER_HOTLINES:
        PartnerHotline.objects.get_or_create(country=country, organisation=organisation)


def unseed(apps, schema_editor):
    PartnerHotline = apps.get_model("reports", "PartnerHotline")
    for country, organisation in PARTNER_HOTLINES:
        PartnerHotline.objects.filter(country=country, organisation=organisation, contact="").delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_tracing_forwards_notices")]

    operations = [migrations.RunPython(seed, unseed)]
