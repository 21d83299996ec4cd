// The console's page: the windows, and one window's seat map kept live by its change stream. Reads go to the
// REST API with the session cookie (GET only); actions carry the CSRF token from the XSRF-TOKEN cookie.
"use strict";

const state = { windowId: null, stream: null, cells: new Map(), free: 0, pageToken: null };

function csrf() {
  const found = document.cookie.split("; ").find(cookie => cookie.startsWith("XSRF-TOKEN="));
  return found ? decodeURIComponent(found.substring("XSRF-TOKEN=".length)) : "";
}

async function getJson(path) {
  const response = await fetch(path, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
  if (response.status === 401) {
    window.location.assign("/console/sign-in");
    throw new Error("signed out");
  }
  if (!response.ok) {
    throw new Error(path + ": " + response.status);
  }
  return response.json();
}

async function loadWindows(more) {
  const rows = document.getElementById("windows");
  if (!more) {
    rows.replaceChildren();
    state.pageToken = null;
  }
  // a page may hold fewer windows than asked (the listing walks the partitions): follow the tokens a little
  let page = { items: [], next_page_token: state.pageToken };
  const items = [];
  for (let asked = 0; asked < 24 && items.length < 100; asked++) {
    page = await getJson("/windows?limit=100" + (page.next_page_token
        ? "&page_token=" + encodeURIComponent(page.next_page_token) : ""));
    items.push(...page.items);
    if (!page.next_page_token) {
      break;
    }
  }
  for (const window of items) {
    const row = document.createElement("tr");
    row.dataset.windowId = window.id;
    const name = document.createElement("td");
    const open = document.createElement("button");
    open.type = "button";
    open.textContent = window.id;
    open.setAttribute("aria-label", "Show the seat map of " + window.id);
    open.addEventListener("click", () => showWindow(window.id));
    name.append(open);
    const count = document.createElement("td");
    count.textContent = window.resource_count;
    const free = document.createElement("td");
    free.className = "free-count";
    free.textContent = window.available_count;
    row.append(name, count, free);
    rows.append(row);
  }
  state.pageToken = page.next_page_token || null;
  document.getElementById("windows-more").hidden = !state.pageToken;
}

function cellLabel(resource) {
  return resource.id + " (" + resource.type + "): " + (resource.available ? "free" : "held"
      + (resource.held_by ? " by " + resource.held_by : ""));
}

function setCell(resourceId, available, holder) {
  const cell = state.cells.get(resourceId);
  if (!cell) {
    return;
  }
  const resource = cell.resource;
  if (resource.available !== available) {
    state.free += available ? 1 : -1;
  }
  resource.available = available;
  resource.held_by = holder;
  cell.element.className = "cell " + (available ? "free" : "held");
  cell.element.dataset.state = available ? "free" : "held";
  cell.element.setAttribute("aria-label", cellLabel(resource));
  cell.element.title = cellLabel(resource);
}

// every seat in one pass off-document, then one insertion: 10,000 seats cost one layout, not 10,000
function drawSnapshot(window) {
  const started = performance.now();
  const seats = document.getElementById("seats");
  const fragment = document.createDocumentFragment();
  state.cells.clear();
  state.free = 0;
  for (const resource of window.resources) {
    const element = document.createElement("span");
    element.setAttribute("role", "listitem");
    element.id = "seat-" + resource.id;
    element.className = "cell " + (resource.available ? "free" : "held");
    element.dataset.state = resource.available ? "free" : "held";
    element.setAttribute("aria-label", cellLabel(resource));
    element.title = cellLabel(resource);
    state.cells.set(resource.id, { element, resource });
    if (resource.available) {
      state.free++;
    }
    fragment.append(element);
  }
  seats.replaceChildren(fragment);
  void seats.offsetHeight; // the layout, counted in the drawing time
  seats.dataset.drawMs = String(Math.round(performance.now() - started));
}

function status(text) {
  document.getElementById("seat-map-status").textContent = text;
}

function describe() {
  status(state.windowId + ": " + state.free + " of " + state.cells.size + " free, live");
  const row = document.querySelector("tr[data-window-id=\"" + CSS.escape(state.windowId) + "\"] .free-count");
  if (row) {
    row.textContent = state.free;
  }
}

function showWindow(windowId) {
  if (state.stream) {
    state.stream.close();
  }
  state.windowId = windowId;
  document.querySelectorAll("tr[data-window-id]").forEach(row =>
      row.setAttribute("aria-current", row.dataset.windowId === windowId ? "true" : "false"));
  status(windowId + ": connecting");
  // EventSource reconnects by itself with the last id it got (Last-Event-ID): no event missed, none twice
  const stream = new EventSource("/windows/" + encodeURIComponent(windowId) + "/changes");
  state.stream = stream;
  stream.addEventListener("snapshot", event => {
    drawSnapshot(JSON.parse(event.data));
    describe();
  });
  stream.addEventListener("ResourceAllocated", event => {
    const change = JSON.parse(event.data);
    setCell(change.resource_id, false, change.reservation_id);
    describe();
  });
  stream.addEventListener("ResourceReleased", event => {
    setCell(JSON.parse(event.data).resource_id, true, null);
    describe();
  });
  stream.addEventListener("dropped", () => {
    // too slow to keep up: start again from a new snapshot
    stream.close();
    showWindow(windowId);
  });
  stream.addEventListener("expired", () => {
    stream.close();
    window.location.assign("/console/sign-in");
  });
  stream.onerror = () => status(windowId + ": reconnecting");
}

async function signOut() {
  await fetch("/console/sign-out", { method: "POST", headers: { "X-XSRF-TOKEN": csrf() }, credentials: "same-origin" });
  window.location.assign("/console/sign-in");
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("sign-out").addEventListener("click", signOut);
  document.getElementById("refresh-windows").addEventListener("click", () => loadWindows(false));
  document.getElementById("more-windows").addEventListener("click", () => loadWindows(true));
  loadWindows(false).catch(error => status("Could not list the windows: " + error.message));
});
