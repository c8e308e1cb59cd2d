from .academy import AcademyPage, ProgrammePage, Region, WorkshopFormat, WorkshopPage
from .academy_cases import (
    AcademyEmail,
    InquiryReceipt,
    InquiryStatus,
    ProgrammeRegistration,
    RegistrationReceipt,
    RegistrationStatus,
    WorkshopInquiry,
)
from .article import ArticlePage
from .campaigns import ActivityReceipt, ActivityStatus, CampaignActivity, CampaignIndexPage, CampaignPage
from .events import EventIndexPage, EventKind, EventPage
from .home import HomePage, SectionPage
from .news import NewsIndexPage, NewsPage
from .partners import PartnerDirectoryPage, PartnerKind, PartnerOrganisation
from .toolkit import ToolkitPage
from .youth import ContributionReceipt, YouthContribution
from .youth_panel import YouthPanelPage

__all__ = [
    "AcademyEmail",
    "AcademyPage",
    "ActivityReceipt",
    "ActivityStatus",
    "ArticlePage",
    "CampaignActivity",
    "CampaignIndexPage",
    "CampaignPage",
    "ContributionReceipt",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HomePage",
    "InquiryReceipt",
    "InquiryStatus",
    "NewsIndexPage",
    "NewsPage",
    "PartnerDirectoryPage",
    "PartnerKind",
    "PartnerOrganisation",
    "ProgrammePage",
    "ProgrammeRegistration",
    "Region",
    "RegistrationReceipt",
    "RegistrationStatus",
    "SectionPage",
    "ToolkitPage",
    "WorkshopFormat",
    "WorkshopInquiry",
    "WorkshopPage",
    "YouthContribution",
    "YouthPanelPage",
]
