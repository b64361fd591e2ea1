// The policy workbench: a few handlers around the service's own endpoints
// (POST /v1/check, POST /v1/evaluate, GET /v1/policies). Every answer is
// the library's; this file only shows it. Text from the service is put in
// the page as text, never as markup, except the diagram, which the library
// draws with every text of the definition escaped.
"use strict";

const $ = (id) => document.getElementById(id);

/** An element with its text and children. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces what a container shows. */
function show(container, ...children) {
  container.replaceChildren(...children.filter((c) => c));
}

/** POSTs a body and returns the parsed answer (also for 4xx answers). */
async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  return response.json();
}

/** JSON.parse, or the reason it failed in the reader's words. */
function parseOrSay(text, what) {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { problem: `${what} is not JSON: ${e.message}` };
  }
}

// ---- Dates -------------------------------------------------------------

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2027-01-04` as a <time> reading `Mon 4 Jan 2027 (2027-01-04)`. */
function day(iso) {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const words = `${DAYS[date.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
  const time = iso.length > 10 ? ` ${iso.slice(11, 16)}` : "";
  return el("time", { datetime: iso }, `${words}${time} (${iso})`);
}

// ---- Checking a definition ---------------------------------------------

async function checkPolicy() {
  const button = $("check");
  button.disabled = true;
  $("check-status").textContent = "Checking the policy and running its laws…";
  show($("laws-body"), el("p", {}, "Running the laws…"));
  try {
    const calendar = $("calendar").value;
    const answer = await post(`/v1/check?calendar=${encodeURIComponent(calendar)}`, $("definition").value);
    if (answer.error) {
      showProblems([{ path: "(request)", message: answer.error.message }]);
      $("check-status").textContent = "The service refused the request.";
      return;
    }
    showProblems(answer.problems);
    showDiagram(answer.diagram);
    showLaws(answer.laws, answer.valid);
    $("check-status").textContent = answer.valid
      ? "The policy is valid."
      : `The policy has ${answer.problems.length} problem${answer.problems.length === 1 ? "" : "s"}.`;
  } catch (e) {
    $("check-status").textContent = `The service could not be reached: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

function showProblems(problems) {
  const list = $("problems");
  show(list, ...problems.map((p) => el("li", {}, el("span", { class: "path" }, p.path), `: ${p.message}`)));
  $("problems-summary").textContent = problems.length === 0
    ? "No problems: the definition is valid."
    : `${problems.length} problem${problems.length === 1 ? "" : "s"}, each with its path in the definition:`;
}

function showDiagram(svg) {
  const body = $("diagram-body");
  if (!svg) {
    show(body, el("p", {}, "No diagram: the definition has problems (see Problems)."));
    return;
  }
  // The library's own drawing, every text of the definition escaped.
  const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg") {
    show(body, el("p", { class: "error" }, "The diagram could not be read."));
    return;
  }
  show(body, document.importNode(root, true));
}

function showLaws(laws, valid) {
  const body = $("laws-body");
  if (!valid || !laws) {
    show(body, el("p", {}, "Not run: the definition has problems."));
    return;
  }
  const cases = `${laws.valid_logs} generated cases and as many malformed ones (seed ${laws.seed})`;
  const stopped = laws.stopped === "time" ? ", stopped by the time limit" : "";
  if (laws.kept) {
    show(body, el("p", {}, el("span", { class: "kept" }, "All laws kept"),
      `: no counterexample in ${cases}${stopped}.`));
    return;
  }
  const c = laws.counterexample;
  const parts = [
    el("p", {}, el("span", { class: "broken" }, "A law is broken"), `: ${c.law}.`),
    el("p", {}, c.detail),
  ];
  if (c.events) {
    const text = JSON.stringify(c.events, null, 2);
    parts.push(el("p", {}, `The case that shows it, as of ${c.as_of}:`));
    parts.push(el("pre", { class: "case" }, text));
    const open = el("button", { type: "button", class: "secondary" }, "Open this case");
    open.addEventListener("click", () => {
      $("events").value = text;
      $("as-of").value = c.as_of;
      $("events").focus();
    });
    parts.push(el("p", {}, open));
  }
  show(body, ...parts);
}

// ---- Evaluating a case -------------------------------------------------

async function evaluateCase() {
  const body = $("timeline-body");
  const definition = $("definition").value;
  const events = $("events").value;
  const says = [parseOrSay(definition, "The policy definition"), parseOrSay(events, "Events")]
    .filter((p) => p.problem).map((p) => el("p", { class: "error" }, p.problem));
  if (!$("as-of").value) says.push(el("p", { class: "error" }, "As of: choose a date."));
  if (says.length) {
    show(body, ...says);
    return;
  }
  // The texts go to the service as written, so its reader sees exactly
  // them (duplicate keys, limits and all).
  const request = `{"policy": ${definition},\n"calendar": ${JSON.stringify($("calendar").value)},\n` +
    `"as_of": ${JSON.stringify($("as-of").value)},\n"events": ${events}}`;
  const button = $("evaluate");
  button.disabled = true;
  $("evaluate-status").textContent = "Evaluating…";
  show(body, el("p", {}, "Evaluating…"));
  try {
    const answer = await post("/v1/evaluate", request);
    if (answer.error) {
      showRefusal(answer.error);
      $("evaluate-status").textContent = "The case was refused.";
    } else {
      showTimeline(answer);
      $("evaluate-status").textContent = "Evaluated.";
    }
  } catch (e) {
    $("evaluate-status").textContent = `The service could not be reached: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}

function showRefusal(error) {
  const parts = [el("p", { class: "error" }, `Refused (${error.code}): ${error.message}`)];
  if (error.event_index !== undefined) parts.push(el("p", {}, `The event to blame: events[${error.event_index}].`));
  if (error.problems) {
    // The definition's own paths, as Check policy lists them.
    parts.push(el("ul", {}, ...error.problems.map((p) =>
      el("li", {}, el("span", { class: "path" }, p.path.replace(/^policy\.?/, "") || "(definition)"), `: ${p.message}`))));
  }
  show($("timeline-body"), ...parts);
}

/** A due in words, with the bank holidays its count skipped. */
function due(d) {
  const parts = [];
  switch (d.kind) {
    case "by_end_of": parts.push("due by ", day(d.date)); break;
    case "at": parts.push("due at ", day(d.datetime)); break;
    case "immediately": parts.push("due immediately"); break;
    case "without_delay": parts.push("due without delay"); break;
    default: parts.push("no time stated");
  }
  if (d.projected) parts.push(" (on projected bank holidays)");
  const span = el("span", {}, ...parts);
  const detail = [];
  if (d.rule) detail.push(el("div", { class: "rule" }, d.rule));
  if (d.skips && d.skips.length) {
    detail.push(el("div", { class: "skipped" }, el("strong", {}, "Bank holidays skipped: "), d.skips.join("; "), "."));
  }
  return [span, ...detail];
}

function verdict(word, text) {
  return el("span", { class: `verdict ${word}` }, text || word);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const CALENDARS = {
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};

function showTimeline(a) {
  const parts = [el("p", {}, `Status: ${a.status}`, a.as_of ? ` as of ` : "", a.as_of ? day(a.as_of) : "",
    a.calendar ? `, on the calendar of ${CALENDARS[a.calendar] || a.calendar}.` : ".")];
  if (a.redirect) parts.push(el("p", {}, `Redirected to ${a.redirect.to}: ${a.redirect.why}`));

  const stages = el("ol", { class: "stages", "aria-labelledby": "stages-heading" });
  for (const h of a.history || []) {
    const met = h.clock_met_on ? ` on ${h.clock_met_on}` : "";
    const word = h.within_time === true ? verdict("met", `met${met}`)
      : h.within_time === false ? verdict("late") : verdict("open", "no deadline");
    stages.append(el("li", {}, el("strong", {}, `Stage ${h.stage}: ${h.name}`), " ", word,
      el("div", {}, "started ", day(h.started_on), ", ended ", day(h.ended_on), ` (${h.ended_by}); `, ...due(h.due))));
  }
  if (a.stage) {
    const s = a.stage;
    const word = s.clock_met_on ? verdict("met", `met on ${s.clock_met_on}`)
      : a.overdue ? verdict("overdue", `overdue by ${plural(a.working_days_overdue, "working day")}`)
      : verdict("open", "in time");
    stages.append(el("li", {}, el("strong", {}, `Stage ${s.number}: ${s.name}`), " (current) ", word,
      el("div", {}, "started ", day(s.started_on), "; ", ...due(s.due))));
  }
  parts.push(el("h3", { id: "stages-heading" }, "Stages"), stages);

  if (a.milestones && a.milestones.length) {
    const list = el("ul", { class: "items", "aria-labelledby": "milestones-heading" });
    for (const m of a.milestones) {
      const word = m.met_on ? verdict(m.met_in_time ? "met" : "late", `${m.met_in_time ? "met" : "late"} on ${m.met_on}`)
        : m.lapsed_on ? verdict("lapsed", `lapsed on ${m.lapsed_on}`)
        : m.overdue ? verdict("overdue") : verdict("pending");
      list.append(el("li", {}, el("strong", {}, m.name), ` (${m.what}) `, word, el("div", {}, ...due(m.due))));
    }
    parts.push(el("h3", { id: "milestones-heading" }, "Milestones"), list);
  }

  if (a.obligations && a.obligations.length) {
    const list = el("ul", { class: "items", "aria-labelledby": "obligations-heading" });
    for (const o of a.obligations) {
      const late = o.done_on && o.due && o.due.date && o.done_on > o.due.date;
      const word = o.done ? verdict(late ? "late" : "met", `${late ? "late" : "met"}${o.done_on ? ` on ${o.done_on}` : ""}`)
        : o.lapsed_on ? verdict("lapsed", `lapsed on ${o.lapsed_on}`)
        : o.overdue ? verdict("overdue") : verdict("pending");
      const stage = o.stage ? ` (stage ${o.stage})` : "";
      list.append(el("li", {}, el("strong", {}, o.what), stage, " ", word,
        el("div", {}, "arose ", day(o.arose_on), "; ", ...due(o.due))));
    }
    parts.push(el("h3", { id: "obligations-heading" }, "Obligations"), list);
  }

  if (a.warnings && a.warnings.length) {
    parts.push(el("h3", {}, "Warnings"), el("ul", {}, ...a.warnings.map((w) => el("li", {}, w.message))));
  }
  if (a.next && a.next.length) parts.push(el("p", {}, `Events allowed next: ${a.next.join(", ")}.`));
  show($("timeline-body"), ...parts);
}

// ---- Starting from a built-in policy -----------------------------------

async function listPolicies() {
  try {
    const response = await fetch("/v1/policies");
    const answer = await response.json();
    const select = $("start-from");
    for (const p of answer.policies || []) {
      select.append(el("option", { value: p.id }, `${p.name} (${p.source})`));
    }
  } catch (e) {
    $("check-status").textContent = `The list of policies could not be read: ${e.message}`;
  }
}

async function loadCopy() {
  const id = $("start-from").value;
  try {
    const response = id
      ? await fetch(`/v1/policies/${encodeURIComponent(id)}`)
      : await fetch("/workbench/example-policy.json");
    $("definition").value = await response.text();
    $("check-status").textContent = id ? `A copy of ${id} is in the box.` : "The illustrative policy is in the box.";
    $("definition").focus();
  } catch (e) {
    $("check-status").textContent = `The policy could not be read: ${e.message}`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("check").addEventListener("click", checkPolicy);
  $("evaluate").addEventListener("click", evaluateCase);
  $("load-copy").addEventListener("click", loadCopy);
  listPolicies();
});
