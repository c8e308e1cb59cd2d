from django.urls import path

from .helpline_chat_views import HelplineChatStartView
from .helpline_views import HelplineAnswerView, HelplineConversationView, HelplineIntakeView
from .statistics import HotlineStatisticsView
from .views import HotlineIntakeView, HotlineStatusView

urlpatterns = [
    path("reports/hotline/", HotlineIntakeView.as_view(), name="hotline-report"),
    path("reports/hotline/status/", HotlineStatusView.as_view(), name="hotline-status"),
    path("reports/hotline/stats/", HotlineStatisticsView.as_view(), name="hotline-statistics"),
    path("reports/helpline/", HelplineIntakeView.as_view(), name="helpline-contact"),
    path("reports/helpline/status/", HelplineConversationView.as_view(), name="helpline-conversation"),
    path("reports/helpline/messages/", HelplineAnswerView.as_view(), name="helpline-answer"),
    path("reports/helpline/chats/", HelplineChatStartView.as_view(), name="helpline-chat-start"),
]
