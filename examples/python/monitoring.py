# %% [markdown]
# # A partnership's escalation figures, from its cases
#
# A partnership business manager reports each quarter on how professional
# disagreements were resolved: how many were raised, at which stage they
# were settled, whether each stage kept to the policy's clock, and how long
# they took; and each week the team wants the work tray, everything
# overdue or due in the days ahead.
#
# The cases below are what a case-management system stores: each case's
# events, as they happened. Nothing else is stored: the figures are worked
# out again from the events and the day of the report.
#
# Cells are separated by `# %%` (VS Code, PyCharm and Jupytext open this
# file as a notebook); `python examples/python/monitoring.py` runs it whole.
# It needs the package: `pip install ./python`.

# %%
import collections

import safeguarding_resolution as sgr

AS_OF = "2027-01-29"  # the day of the report: Friday 29 January 2027


def case(case_id, policy, *events):
    """A stored case: its id in the system, its policy, its events."""
    return {
        "id": case_id,
        "policy": policy,
        "events": [{"type": kind, "on": on, **extra} for kind, on, extra in events],
    }


def event(kind, on, **extra):
    return (kind, on, extra)


CASES = [
    # Swindon: settled at the inter-agency discussion, every stage in time.
    case("sw-101", "swindon-resolution-2026",
         event("raised", "2027-01-04"), event("escalated", "2027-01-06"),
         event("resolved", "2027-01-12", outcome="Agreed a joint visit")),
    # Swindon: stage 1 ran late, and stage 2 is overdue.
    case("sw-102", "swindon-resolution-2026",
         event("raised", "2027-01-11"), event("escalated", "2027-01-15")),
    # Swindon: withdrawn the day after it was raised.
    case("sw-103", "swindon-resolution-2026",
         event("raised", "2027-01-04"), event("withdrawn", "2027-01-05", reason="Information shared")),
    # North Somerset: settled between practitioners within the day allowed.
    case("ns-201", "nsscp-issue-resolution-2025",
         event("raised", "2027-01-04"), event("resolved", "2027-01-05")),
    # North Somerset: now with the partnership's safeguarding leads.
    case("ns-202", "nsscp-issue-resolution-2025",
         event("raised", "2027-01-18"), event("escalated", "2027-01-19"),
         event("escalated", "2027-01-21"), event("escalated", "2027-01-27")),
    # Gloucestershire: settled by discussion the next day.
    case("gs-301", "gscp-escalation-2021",
         event("raised", "2027-01-11"), event("resolved", "2027-01-12")),
    # Gloucestershire: the discussion is overdue.
    case("gs-302", "gscp-escalation-2021",
         event("raised", "2027-01-25")),
    # A serious incident: the notification to the National Panel is overdue.
    case("si-1", "gscp-serious-incident-2021",
         event("aware", "2027-01-18")),
    # A record that cannot be evaluated: its first event is not the raising.
    case("sw-104", "swindon-resolution-2026",
         event("escalated", "2027-01-20")),
]

# %% [markdown]
# ## One sweep over every case
#
# The sweep evaluates every case on the report's day and collects each
# deadline that is overdue or falls within five working days, soonest
# first, with the figures over all of them. A case that cannot be
# evaluated is listed apart with its error; the others are still answered.

# %%
tray = sgr.sweep({"as_of": AS_OF, "within_working_days": 5, "cases": CASES})

print(f"Work tray on {tray['as_of']}: {len(tray['items'])} deadlines overdue or due within "
      f"{tray['within_working_days']} working days")
for item in tray["items"]:
    if item["overdue"]:
        when = f"OVERDUE by {item['working_days_overdue']} working day(s)"
    else:
        when = f"{item['working_days_left']} working day(s) left"
    stage = f" (stage {item['stage']})" if item["stage"] is not None else ""
    print(f"  {item['due_on']}  {item['case']:<7} {item['kind']:<10} {item['what']}{stage}: {when}")

# %% [markdown]
# ## The figures for the report

# %%
summary = tray["summary"]
states = summary["by_state"]
print(f"Cases: {summary['cases']}")
print("By state: " + ", ".join(f"{state} {count}" for state, count in sorted(states.items())))
print("Concluded at stage: " + ", ".join(
    f"stage {stage}: {count}" for stage, count in sorted(summary["concluded_at_stage"].items())))
print(f"Every stage within its clock: {summary['within_time']} of {summary['cases']} cases")
print(f"Ended: {summary['ended']}, taking {summary['mean_working_days_to_end']:.2f} working days on average")

# %% [markdown]
# ## By policy
#
# The same figures for each procedure, so that a partnership working with
# its neighbours' policies sees where each one stands.

# %%
by_policy = collections.defaultdict(list)
for stored in CASES:
    by_policy[stored["policy"]].append(stored)
print(f"{'policy':<30} {'cases':>5} {'open':>5} {'ended':>5} {'in time':>8} {'overdue now':>12}")
for policy, cases in sorted(by_policy.items()):
    if policy == "gscp-serious-incident-2021":
        continue
    own = sgr.sweep({"as_of": AS_OF, "cases": cases})
    figures = own["summary"]
    overdue = len({item["case"] for item in own["items"] if item["overdue"]})
    print(f"{policy:<30} {figures['cases']:>5} {figures['by_state'].get('open', 0):>5} "
          f"{figures['ended']:>5} {figures['within_time']:>8} {overdue:>12}")

# %% [markdown]
# ## Serious incidents and the records to correct

# %%
incidents = summary["serious_incidents"]
print(f"Serious incidents: {incidents['incidents']}")
for clock, counts in sorted(incidents["clocks"].items()):
    print(f"  {clock} clock: kept {counts['kept']}, missed {counts['missed']}")
for refused in tray["errors"]:
    error = refused["error"]
    at = f" at event {error['event_index']}" if "event_index" in error else ""
    print(f"Cannot evaluate {refused['case']}: {error['code']}{at}")
