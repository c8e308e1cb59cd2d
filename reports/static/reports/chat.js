// The helpline chat, visitor side (docs/helpline.md, "Live chat"). No dependencies but the
// chat's own chat-thread.js (messages in order, each once, kept until acknowledged); no
// cookies, no storage: the chat token lives in this page's memory only, so closing the page
// or the quick exit leaves nothing behind.
(function () {
  "use strict";
  var root = document.getElementById("chat");
  if (!root) return;
  var text = JSON.parse(document.getElementById("chat-strings").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var startForm = $("chat-start"), room = $("chat-room"), list = $("chat-messages");
  var statusLine = $("chat-status"), typingLine = $("chat-typing"), compose = $("chat-compose");
  var input = $("chat-text"), survey = $("chat-survey");

  var token = null, socket = null, joined = false, ended = false, blocked = false;
  var retries = 0, typingSent = 0, typingTimer = null;
  var thread = new window.SicChatThread.Thread(list, function (after) {
    return joined && send({ type: "sync", after: after });
  });

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_all, name) { return values[name]; });
  }

  function say(message) { statusLine.textContent = message; }

  // Starting: the pre-chat form goes to the API; its answer holds the token.
  function fieldErrors(fields) {
    var summary = $("error-summary"), items = summary.querySelector("ul");
    items.textContent = "";
    startForm.querySelectorAll(".field .error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    Object.keys(fields).forEach(function (name) {
      var box = $("field-" + name), message = fields[name].join(" ");
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = "#field-" + name;
      link.textContent = message;
      item.appendChild(link);
      items.appendChild(item);
      if (box) {
        var error = box.querySelector(".error");
        error.textContent = message;
        error.hidden = false;
      }
    });
    summary.hidden = false;
    summary.focus();
  }

  function formMessage(message) {
    fieldErrors({});
    var item = document.createElement("li");
    item.textContent = message;
    $("error-summary").querySelector("ul").appendChild(item);
  }

  startForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(startForm);
    var body = {
      nickname: data.get("nickname") || "",
      age_band: data.get("age_band") || "",
      role: data.get("role") || "",
      topic: data.get("topic") || "",
      consent: $("chat-consent").checked,
      language: root.dataset.language,
      homepage: data.get("homepage") || "",
    };
    fetch(root.dataset.startUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": root.dataset.language },
      body: JSON.stringify(body),
      credentials: "omit",
    }).then(function (response) {
      return response.json().then(function (answer) { return { status: response.status, answer: answer }; });
    }).then(function (result) {
      if (result.status === 201) return begin(result.answer);
      if (result.status === 400) return fieldErrors(result.answer.error.fields);
      if (result.status === 409) return formMessage(text.closed);
      if (result.status === 429) return formMessage(text.too_many_chats);
      formMessage(text.start_failed);
    }).catch(function () { formMessage(text.network); });
  });

  function begin(answer) {
    token = answer.token;
    root.dataset.websocket = answer.websocket;
    startForm.hidden = true;
    room.hidden = false;
    showQueue(answer.place, answer.wait_minutes);
    connect();
    input.focus();
  }

  function showQueue(place, minutes) {
    var wait = minutes > 0 ? format(text.wait_minutes, { minutes: minutes }) : text.wait_soon;
    say(format(text.waiting, { place: place }) + " " + wait);
  }

  // The connection, and reconnecting with a growing pause after it drops.
  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.dataset.websocket);
    joined = false;
    socket.onopen = function () { send({ type: "join", token: token, after: thread.lastSeq }); };
    socket.onmessage = function (event) { handle(JSON.parse(event.data)); };
    socket.onclose = function () {
      joined = false;
      if (blocked || token === null) return;
      if (ended && !thread.outbox.length && survey.hidden) return; // nothing left to send
      say(text.reconnecting);
      var pause = Math.min(10000, 500 * Math.pow(2, retries++));
      window.setTimeout(connect, pause);
    };
  }

  function send(event) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(event));
    return true;
  }

  function flushOutbox() {
    thread.outbox.forEach(function (item) { send({ type: "message", client_id: item.client_id, text: item.text }); });
  }

  var handlers = {
    joined: function (event) {
      joined = true;
      retries = 0;
      if (event.state === "queued") showQueue(event.place, event.wait_minutes);
      else if (event.state === "active") say(format(text.joined, { name: event.counsellor || text.counsellor }));
      else finish(event.state === "abandoned" || event.state === "left" ? text.ended_by_you : text.ended_by_counsellor);
      thread.synced(event.messages); // what was missed while away (a sync asked before the drop is moot)
      render();
      flushOutbox();
    },
    message: function (event) { take([event]); },
    history: function (event) { thread.synced(event.messages); render(); },
    ack: function (event) { thread.acknowledged(event); render(); }, // the visitor's own, as stored
    queue: function (event) { showQueue(event.place, event.wait_minutes); },
    counsellor: function (event) { say(format(text.joined, { name: event.name || text.counsellor })); },
    typing: function () {
      typingLine.textContent = text.typing;
      typingLine.hidden = false;
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(function () { typingLine.hidden = true; }, 4000);
    },
    ended: function (event) { finish(event.by === "visitor" ? text.ended_by_you : text.ended_by_counsellor); },
    blocked: function () { blocked = true; finish(text.blocked); },
    survey_saved: function () { survey.hidden = true; say(text.survey_thanks); },
    error: function (event) {
      if (event.code === "unknown_chat") { token = null; finish(text.unknown); return; }
      if (event.code === "too_many") { say(text.too_many); return; }
      say(event.message || text.refused);
    },
  };

  function handle(event) {
    var handler = handlers[event.type];
    if (handler) handler(event);
  }

  function take(messages) {
    thread.take(messages);
    render();
  }

  function render() {
    thread.render(function (message) {
      return message.from === "visitor" ? [text.you, "from-person"] : [text.counsellor, "from-counsellor"];
    }, [text.you + " (" + text.sending + ")", "from-person pending"]);
  }

  compose.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = input.value.trim();
    if (!body || ended) return;
    var item = thread.write(body.slice(0, Number(root.dataset.maxMessage)));
    input.value = "";
    render();
    if (joined) send({ type: "message", client_id: item.client_id, text: item.text });
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      compose.requestSubmit();
    }
  });

  input.addEventListener("input", function () {
    var now = Date.now();
    if (joined && now - typingSent > 2000) {
      typingSent = now;
      send({ type: "typing" });
    }
  });

  $("chat-end").addEventListener("click", function () {
    if (ended || !window.confirm(text.confirm_end)) return;
    send({ type: "end" });
  });

  function finish(message) {
    ended = true;
    say(message);
    compose.hidden = true;
    $("chat-end").hidden = true;
    typingLine.hidden = true;
    if (!blocked && token) survey.hidden = false;
  }

  survey.addEventListener("submit", function (event) {
    event.preventDefault();
    var rating = new FormData(survey).get("rating");
    if (!rating) return;
    send({ type: "survey", rating: Number(rating), comment: $("chat-comment").value.trim() });
  });

  // The visitor's own copy: a text file made in the browser; nothing is asked of the server.
  $("chat-save").addEventListener("click", function () {
    var lines = [text.transcript_title, new Date().toLocaleString(root.dataset.language), ""];
    thread.shown().forEach(function (message) {
      var when = new Date(message.at).toLocaleTimeString(root.dataset.language);
      lines.push("[" + when + "] " + (message.from === "visitor" ? text.you : text.counsellor) + ": " + message.text);
    });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/plain;charset=utf-8" }));
    link.download = "chat.txt";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });
})();
