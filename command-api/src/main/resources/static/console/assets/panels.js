// The console's operations panels: sagas in flight, holds falling due, waitlists, key rates, the auditor's findings
// and the dead letters (with resubmit). Lists come from the public API (an admin sees everyone's); the rest from
// /console/*. getJson and csrf come from console.js.
"use strict";

const panels = { resubmitting: null, timer: null };

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : String(text);
  if (className) {
    td.className = className;
  }
  return td;
}

function fill(bodyId, rows, empty, columns) {
  const body = document.getElementById(bodyId);
  if (rows.length === 0) {
    const row = document.createElement("tr");
    const td = cell(empty, "hint");
    td.colSpan = columns;
    row.append(td);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(...rows);
}

function row(...cells) {
  const tr = document.createElement("tr");
  tr.append(...cells.map(value => value instanceof HTMLElement ? value : cell(value)));
  return tr;
}

// a listing's pages, followed a little (a page may hold fewer items than asked)
async function collect(path, wanted) {
  const items = [];
  let token = null;
  for (let asked = 0; asked < 12 && items.length < wanted; asked++) {
    const page = await getJson(path + (token ? "&page_token=" + encodeURIComponent(token) : ""));
    items.push(...page.items);
    token = page.next_page_token;
    if (!token) {
      break;
    }
  }
  return items.slice(0, wanted);
}

function inSeconds(instant) {
  const seconds = Math.round((Date.parse(instant) - Date.now()) / 1000);
  return seconds >= 0 ? "in " + seconds + " s" : seconds + " s (expiring)";
}

async function loadSagas() {
  const [reservations, bundles] = await Promise.all([
    collect("/reservations?status=SELECTING&limit=50", 50), collect("/bundles?status=SELECTING&limit=50", 50)]);
  fill("sagas", [
    ...reservations.map(r => row("reservation " + r.id, r.window_id, r.owner)),
    ...bundles.map(b => row("bundle " + b.id, b.items.map(item => item.reservation_id).join(", "), b.owner))],
  "No saga in flight.", 3);
}

async function loadHolds() {
  const [reservations, bundles] = await Promise.all([
    collect("/reservations?status=HELD&limit=100", 200), collect("/bundles?status=HELD&limit=100", 100)]);
  const holds = [
    ...reservations.filter(r => !r.bundle_id).map(r => ({ what: "reservation " + r.id, at: r.hold_expires_at,
      resource: r.selected_resource ? r.selected_resource.id + " in " + r.window_id : "" })),
    ...bundles.map(b => ({ what: "bundle " + b.id, at: b.hold_expires_at, resource: b.items.length + " items" }))];
  holds.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  fill("holds", holds.slice(0, 30).map(h => row(h.what, h.resource, inSeconds(h.at) + " (" + h.at + ")")),
      "No hold open.", 3);
}

async function loadWaitlists() {
  const waiting = await collect("/reservations?status=WAITLISTED&limit=100", 200);
  waiting.sort((a, b) => a.window_id.localeCompare(b.window_id) || a.waitlist_position - b.waitlist_position);
  fill("waitlists", waiting.map(r => row(r.id, r.window_id, cell(r.waitlist_position, "number"))),
      "Nobody waits.", 3);
}

async function loadRates() {
  const rates = await getJson("/console/rates");
  fill("rates", rates.rates.map(rate => row(rate.label, cell(rate.per_second === null ? "not in this process"
      : rate.per_second.toFixed(1), "number"))), "The first interval has not ended yet.", 2);
}

async function loadFindings() {
  const report = await getJson("/console/findings");
  document.getElementById("auditor-status").textContent = report.problem ? report.problem
      : "Auditor (" + report.source + "): " + (report.running ? "running" : "stopped") + ", "
        + report.findings.length + " recent finding(s).";
  fill("findings", report.findings.map(f => row(f.invariant, f.entity_ids.join(", "), f.records.join(", "),
      f.detail, f.found)), report.problem ? "Not known." : "Nothing found: every promise holds.", 5);
}

async function loadDeadLetters() {
  const deadLetters = await getJson("/console/dead-letters?limit=50");
  document.getElementById("dead-letters-status").textContent = deadLetters.total + " dead letter(s) in all"
      + (deadLetters.total > deadLetters.items.length ? ", the newest " + deadLetters.items.length + " here." : ".");
  fill("dead-letters", deadLetters.items.map(letter => {
    const done = letter.resubmission;
    let last;
    if (done) {
      last = cell("by " + done.resubmitted_by + " at " + done.resubmitted_at + (done.repaired ? ", repaired" : "")
          + " (" + done.sent_to + ")");
    } else {
      last = document.createElement("td");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Resubmit…";
      button.setAttribute("aria-label", "Resubmit dead letter " + letter.position);
      button.addEventListener("click", () => openResubmit(letter));
      last.append(button);
    }
    const tr = row(letter.position, letter.source_topic + " " + letter.source, letter.key, letter.error,
        letter.dead_lettered_at, last);
    tr.dataset.position = letter.position;
    return tr;
  }), "No dead letters.", 6);
}

function openResubmit(letter) {
  panels.resubmitting = letter;
  document.getElementById("resubmit-what").textContent = "Dead letter " + letter.position + " from "
      + letter.source_topic + " (key " + letter.key + "): " + letter.error;
  document.getElementById("resubmit-value").value = letter.value;
  document.getElementById("resubmit-message").textContent = "";
  document.getElementById("resubmit-dialog").showModal();
  document.getElementById("resubmit-value").focus();
}

async function sendResubmit(event) {
  event.preventDefault();
  const letter = panels.resubmitting;
  const value = document.getElementById("resubmit-value").value;
  const response = await fetch("/console/dead-letters/" + encodeURIComponent(letter.position) + "/resubmit", {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "Accept": "application/json", "X-XSRF-TOKEN": csrf() },
    body: JSON.stringify(value === letter.value ? {} : { value })
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    document.getElementById("resubmit-message").textContent = "Not resubmitted: "
        + (problem.detail || response.status);
    return;
  }
  document.getElementById("resubmit-dialog").close();
  await loadDeadLetters();
}

async function refreshPanels() {
  const results = await Promise.allSettled([loadSagas(), loadHolds(), loadWaitlists(), loadRates(), loadFindings(),
    loadDeadLetters()]);
  const failed = results.filter(result => result.status === "rejected").map(result => result.reason.message);
  document.getElementById("panels-status").textContent = (failed.length ? "Could not refresh: " + failed.join("; ")
      : "Refreshed at " + new Date().toLocaleTimeString()) + "; every 5 seconds.";
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("refresh-panels").addEventListener("click", refreshPanels);
  document.getElementById("resubmit-form").addEventListener("submit", sendResubmit);
  document.getElementById("resubmit-cancel").addEventListener("click",
      () => document.getElementById("resubmit-dialog").close());
  refreshPanels();
  panels.timer = setInterval(refreshPanels, 5000);
});
