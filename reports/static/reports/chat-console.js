// The counsellor's chat console (docs/helpline.md, "Live chat"): availability, the queue,
// the chats held (several at once), canned responses, transfer, closing with categories,
// blocking, and for supervisors the live figures and reading a chat. Each chat's messages
// are a chat-thread.js thread (in order, each once, kept until acknowledged), shown as text
// only (a visitor's addresses arrive defanged).
(function () {
  "use strict";
  var root = document.getElementById("chat-console");
  if (!root) return;
  var text = JSON.parse(document.getElementById("console-strings").textContent);
  var canned = JSON.parse(document.getElementById("console-canned").textContent);
  var statusLine = document.getElementById("console-status");
  var presenceForm = document.getElementById("console-presence");
  var panels = document.getElementById("console-chats");
  var template = document.getElementById("chat-panel");
  var socket = null, retries = 0, counsellors = [], chats = {}, isSupervisor = false;

  function say(message) { statusLine.textContent = message; }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.dataset.websocket);
    socket.onmessage = function (event) { handle(JSON.parse(event.data)); };
    socket.onclose = function (event) {
      if (event.code === 4401) { say(text.forbidden); return; }
      say(text.reconnecting);
      window.setTimeout(connect, Math.min(10000, 500 * Math.pow(2, retries++)));
    };
  }

  function send(event) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(event));
    return true;
  }

  // One chat: its panel, its messages by number, its unacknowledged messages.
  function openChat(data, reading) {
    var chat = chats[data.id];
    if (!chat) {
      var panel = template.content.firstElementChild.cloneNode(true);
      chat = chats[data.id] = { id: data.id, panel: panel };
      chat.thread = new window.SicChatThread.Thread(panel.querySelector(".chat-messages"), function (after) {
        return send({ type: "sync", conversation: data.id, after: after });
      });
      wirePanel(chat);
      panels.appendChild(panel);
    }
    chat.data = data;
    chat.reading = !!reading;
    chat.panel.classList.toggle("reading", chat.reading);
    chat.panel.querySelector(".chat-title").textContent = (data.nickname || text.visitor) + " · #" + data.id +
      (chat.reading ? " · " + text.read_only : "");
    var about = chat.panel.querySelector(".chat-about");
    about.textContent = [data.age_band, data.role, data.topic].filter(Boolean).join(" · ");
    if (data.contact_id) {
      var link = document.createElement("a");
      link.href = root.dataset.contactUrl + data.contact_id + "/";
      link.target = "_blank";
      link.textContent = " · " + text.contact + " " + data.contact;
      about.appendChild(link);
    }
    ["chat-compose", "chat-transfer", "chat-close"].forEach(function (name) {
      chat.panel.querySelector("." + name).hidden = chat.reading;
    });
    state(chat, data.state === "left" ? text.ended_by_visitor : (data.visitor_online ? text.online : text.offline));
    chat.thread.synced(data.messages || []);
    render(chat);
    fillCounsellors(chat);
    fillCanned(chat);
    return chat;
  }

  function state(chat, message) { chat.panel.querySelector(".chat-state").textContent = message; }

  function wirePanel(chat) {
    var panel = chat.panel, input = panel.querySelector(".chat-text"), typingSent = 0;
    panel.querySelector(".chat-compose").addEventListener("submit", function (event) {
      event.preventDefault();
      var body = input.value.trim();
      if (!body) return;
      var item = chat.thread.write(body);
      input.value = "";
      render(chat);
      send({ type: "message", conversation: chat.id, client_id: item.client_id, text: item.text });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        panel.querySelector(".chat-compose").requestSubmit();
      }
    });
    input.addEventListener("input", function () {
      if (Date.now() - typingSent > 2000) {
        typingSent = Date.now();
        send({ type: "typing", conversation: chat.id });
      }
    });
    panel.querySelector(".chat-canned").addEventListener("change", function (event) {
      var chosen = canned[Number(event.target.value)];
      if (chosen) input.value = chosen.text;
      event.target.value = "";
      input.focus();
    });
    panel.querySelector(".chat-transfer").addEventListener("submit", function (event) {
      event.preventDefault();
      var to = Number(panel.querySelector(".chat-counsellors").value);
      if (!to) { state(chat, text.no_counsellor); return; }
      send({ type: "transfer", conversation: chat.id, to: to });
    });
    panel.querySelector(".chat-close").addEventListener("submit", function (event) {
      event.preventDefault();
      var form = new FormData(event.target), categories = form.getAll("categories");
      if (!categories.length) { state(chat, text.choose_category); return; }
      send({ type: "close", conversation: chat.id, categories: categories, outcome: form.get("outcome") });
    });
    panel.querySelector(".chat-block").addEventListener("click", function () {
      if (window.confirm(text.confirm_block)) send({ type: "block", conversation: chat.id });
    });
  }

  function fillCounsellors(chat) {
    var select = chat.panel.querySelector(".chat-counsellors");
    select.textContent = "";
    counsellors.filter(function (c) { return c.free > 0 && c.id !== Number(root.dataset.me); }).forEach(function (c) {
      var option = document.createElement("option");
      option.value = c.id;
      option.textContent = c.name + " (" + c.free + ")";
      select.appendChild(option);
    });
  }

  function fillCanned(chat) {
    var select = chat.panel.querySelector(".chat-canned");
    if (select.options.length > 1) return;
    canned.forEach(function (item, index) {
      if (item.language !== chat.data.language) return;
      var option = document.createElement("option");
      option.value = index;
      option.textContent = item.title;
      select.appendChild(option);
    });
  }

  function take(chat, messages) {
    chat.thread.take(messages);
    render(chat);
  }

  function render(chat) {
    var lang = document.documentElement.lang || undefined;
    chat.thread.render(function (message) {
      var fromVisitor = message.from === "visitor", when = new Date(message.at).toLocaleTimeString(lang);
      return [(fromVisitor ? text.visitor : text.you) + " · " + when, fromVisitor ? "from-visitor" : "from-counsellor"];
    }, [text.you + " (" + text.sending + ")", "from-counsellor pending"]);
  }

  function closeChat(id, message) {
    var chat = chats[id];
    if (!chat) return;
    state(chat, message);
    ["chat-compose", "chat-transfer", "chat-close"].forEach(function (name) {
      chat.panel.querySelector("." + name).hidden = true;
    });
    window.setTimeout(function () { chat.panel.remove(); delete chats[id]; }, 4000);
  }

  function showFigures(figures) {
    root.querySelectorAll("[data-figure]").forEach(function (cell) {
      var value = cell.dataset.figure.split(".").reduce(function (at, key) { return at ? at[key] : undefined; }, figures);
      cell.textContent = value === undefined ? "–" : value;
    });
  }

  function showHeld(held) {
    var body = root.querySelector("#console-held tbody");
    if (!body) return;
    body.textContent = "";
    held.forEach(function (row) {
      var tr = document.createElement("tr");
      [String(row.id), row.counsellor || text.nobody, row.state].forEach(function (value) {
        var td = document.createElement("td");
        td.textContent = value;
        tr.appendChild(td);
      });
      var cell = document.createElement("td"), button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary";
      button.textContent = text.read;
      button.addEventListener("click", function () { send({ type: "read", conversation: row.id }); });
      cell.appendChild(button);
      tr.appendChild(cell);
      body.appendChild(tr);
    });
  }

  function showQueue(event) {
    counsellors = event.counsellors || counsellors;
    showFigures(event.figures);
    showHeld(event.held || []);
    Object.keys(chats).forEach(function (id) { fillCounsellors(chats[id]); });
  }

  function showPresence(presence) {
    presenceForm.querySelectorAll("input[name=status]").forEach(function (radio) {
      radio.checked = radio.value === presence.status;
    });
    presenceForm.querySelector("input[name=capacity]").value = presence.capacity;
  }

  var handlers = {
    state: function (event) {
      retries = 0;
      isSupervisor = event.supervisor;
      say(text.connected);
      showPresence(event.presence);
      showQueue(event);
      event.chats.forEach(function (data) {
        var chat = openChat(data, false);
        chat.thread.outbox.forEach(function (item) {
          send({ type: "message", conversation: chat.id, client_id: item.client_id, text: item.text });
        });
      });
    },
    presence: showPresence,
    queue: showQueue,
    assigned: function (event) { openChat(event.chat, false); },
    transcript: function (event) { openChat(event.chat, true); },
    released: function (event) {
      closeChat(event.conversation, event.reason === "transferred" ? text.released_transferred : text.released_closed);
    },
    blocked: function (event) { closeChat(event.conversation, text.blocked); },
    message: function (event) { if (chats[event.conversation]) take(chats[event.conversation], [event]); },
    history: function (event) {
      var chat = chats[event.conversation];
      if (!chat) return;
      chat.thread.synced(event.messages);
      render(chat);
    },
    ack: function (event) {
      var chat = chats[event.conversation];
      if (!chat) return;
      chat.thread.acknowledged(event);
      render(chat);
    },
    typing: function (event) {
      var chat = chats[event.conversation];
      if (!chat) return;
      var line = chat.panel.querySelector(".chat-typing");
      line.textContent = text.typing;
      line.hidden = false;
      window.clearTimeout(chat.typingTimer);
      chat.typingTimer = window.setTimeout(function () { line.hidden = true; }, 4000);
    },
    visitor: function (event) {
      var chat = chats[event.conversation];
      if (chat && chat.data.state !== "left") state(chat, event.online ? text.online : text.offline);
    },
    ended: function (event) {
      var chat = chats[event.conversation];
      if (chat && event.by === "visitor") {
        chat.data.state = "left";
        chat.panel.querySelector(".chat-compose").hidden = true;
        chat.panel.querySelector(".chat-transfer").hidden = true;
        state(chat, text.ended_by_visitor);
      }
    },
    error: function (event) {
      if (event.code === "queue_empty") say(text.queue_empty);
      else if (event.code === "too_many") say(text.too_many);
      else say(event.message || event.code);
    },
  };

  function handle(event) {
    var handler = handlers[event.type];
    if (handler) handler(event);
  }

  presenceForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var form = new FormData(presenceForm);
    send({ type: "presence", status: form.get("status") || "away", capacity: Number(form.get("capacity")) || 1 });
  });
  document.getElementById("console-take").addEventListener("click", function () { send({ type: "take" }); });

  say(text.connecting);
  connect();
})();
