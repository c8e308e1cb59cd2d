// What both sides of the helpline chat share (the visitor's page and the counsellor's
// console): a thread of messages numbered by the server, shown in number order and each
// once, and the messages this side sent, kept until the server acknowledges them (and sent
// again after a reconnection with the same id, which the server stores once). A skipped
// number asks the server for everything after the last one shown. No dependencies; it
// defines window.SicChatThread.
(function () {
  "use strict";

  function clientId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // ``requestSync(after)`` asks the server for the messages after ``after``; it returns
  // false when it could not (not connected): the next message or reconnection asks again.
  function Thread(list, requestSync) {
    this.list = list;
    this.requestSync = requestSync;
    this.received = {};
    this.lastSeq = 0;
    this.outbox = [];
    this.syncing = false;
  }

  Thread.prototype.take = function (messages) {
    var thread = this;
    messages.forEach(function (message) { thread.received[message.seq] = message; });
    while (this.received[this.lastSeq + 1]) this.lastSeq += 1;
    var gap = Object.keys(this.received).some(function (seq) { return Number(seq) > thread.lastSeq; });
    if (gap && !this.syncing) this.syncing = this.requestSync(this.lastSeq);
  };

  Thread.prototype.synced = function (messages) {
    this.syncing = false;
    this.take(messages);
  };

  Thread.prototype.write = function (text) {
    var item = { client_id: clientId(), text: text };
    this.outbox.push(item);
    return item;
  };

  Thread.prototype.acknowledged = function (ack) {
    this.outbox = this.outbox.filter(function (item) { return item.client_id !== ack.client_id; });
    this.take([ack.message]);
  };

  Thread.prototype.shown = function () {
    var messages = [];
    for (var seq = 1; seq <= this.lastSeq; seq++) messages.push(this.received[seq]);
    return messages;
  };

  function bubble(list, who, body, className) {
    var item = document.createElement("li"), meta = document.createElement("span");
    item.className = className;
    meta.className = "meta";
    meta.textContent = who;
    item.appendChild(meta);
    item.appendChild(document.createTextNode(body)); // text, never HTML
    list.appendChild(item);
  }

  // ``describe(message)`` → [who, class]; ``pending`` → [who, class] of unacknowledged ones.
  Thread.prototype.render = function (describe, pending) {
    var list = this.list, sent = {};
    list.textContent = "";
    this.shown().forEach(function (message) {
      sent[message.client_id] = true;
      var look = describe(message);
      bubble(list, look[0], message.text, look[1]);
    });
    this.outbox.forEach(function (item) {
      if (!sent[item.client_id]) bubble(list, pending[0], item.text, pending[1]);
    });
    list.scrollTop = list.scrollHeight;
  };

  window.SicChatThread = { Thread: Thread };
})();
