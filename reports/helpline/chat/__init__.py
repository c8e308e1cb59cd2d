"""The helpline's live chat (docs/helpline.md, "Chat").

``hours`` says when it is open, ``conversations`` is the visitor's side (start, messages,
end, survey), ``assignment`` the counsellors' (availability, the queue, transfer, close
with categories, block), ``queue`` the live figures, ``protocol`` the events a WebSocket
may send, ``consumers`` the two WebSocket endpoints, ``views`` the visitor's page and the
counsellor's console. The database is the record: the channel layer only tells connected
clients that something changed, so nothing is lost when a connection or a server is.
"""
