//! Writing a policy as its definition document (CONTRACT section 7,
//! `docs/policy-format.md`), keys in a fixed order and defaults left out,
//! so that the built-ins' documents in `data/policies/` are what it writes.

use serde::Serialize;
use serde_json::{Value, json};

use super::{Clause, Clock, DueRule, Lapses, MilestoneMet, Policy, Trigger, load};

/// A JSON value whose objects keep their keys in the order written.
enum V {
    J(Value),
    O(Vec<(&'static str, V)>),
    A(Vec<V>),
    /// An object whose keys are names of the policy's own.
    Named(Vec<(String, V)>),
    /// A value left out: its key is not written (a clause the definition
    /// did not give).
    Absent,
}

impl From<Value> for V {
    fn from(v: Value) -> V {
        V::J(v)
    }
}

macro_rules! o {
    ($($k:expr => $v:expr),* $(,)?) => { V::O(vec![$(($k, V::from($v))),*]) };
}

impl Serialize for V {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            V::J(v) => v.serialize(s),
            V::O(kv) => {
                let mut m = s.serialize_map(None)?;
                for (k, v) in kv.iter().filter(|(_, v)| !matches!(v, V::Absent)) {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
            V::Named(kv) => {
                let mut m = s.serialize_map(Some(kv.len()))?;
                for (k, v) in kv {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
            V::Absent => s.serialize_none(),
            V::A(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    q.serialize_element(v)?;
                }
                q.end()
            }
        }
    }
}

fn text(t: &str) -> V {
    V::J(Value::from(t))
}

fn clause(c: &Clause) -> V {
    if !c.is_given() {
        V::Absent
    } else if c.text.is_empty() {
        o! {"place" => text(&c.place)}
    } else {
        o! {"place" => text(&c.place), "text" => text(&c.text)}
    }
}

fn clock(c: &Clock) -> V {
    match c {
        Clock::WorkingDaysAfterRaised(n) => {
            o! {"kind" => text("working_days_after_raised"), "days" => json!(n)}
        }
        Clock::WorkingDaysAfterStart(n) => {
            o! {"kind" => text("working_days_after_start"), "days" => json!(n)}
        }
        Clock::HoursAfterStart(n) => o! {"kind" => text("hours_after_start"), "hours" => json!(n)},
        Clock::WithoutDelay => o! {"kind" => text("without_delay")},
        Clock::NotStated => o! {"kind" => text("not_stated")},
        Clock::WorkingDaysAfterRecord {
            record,
            days,
            until_recorded,
        } => {
            let mut o = vec![
                ("kind", text("working_days_after_record")),
                ("record", text(record)),
                ("days", json!(days).into()),
            ];
            if **until_recorded != Clock::NotStated {
                o.push(("until_recorded", clock(until_recorded)));
            }
            V::O(o)
        }
        Clock::SetOnCase => o! {"kind" => text("set_on_case")},
        Clock::EarliestOf(members) => V::O(vec![
            ("kind", text("earliest_of")),
            ("of", V::A(members.iter().map(clock).collect())),
        ]),
        Clock::ByPriority(by) => {
            let priorities = by
                .priorities
                .iter()
                .map(|(name, clock_of, _)| (name.to_string(), clock(clock_of)))
                .collect();
            V::O(vec![
                ("kind", text("by_priority")),
                ("priorities", V::Named(priorities)),
                ("default", text(&by.default)),
            ])
        }
    }
}

fn due(d: &DueRule) -> V {
    let kind = |k: &str| o! {"kind" => text(k)};
    match d {
        DueRule::Immediately => kind("immediately"),
        DueRule::WithoutDelay => kind("without_delay"),
        DueRule::NotStated => kind("not_stated"),
        DueRule::SameWorkingDay => kind("same_day"),
        DueRule::SameOrNextWorkingDay => kind("same_working_day"),
        DueRule::SetOnCase => kind("set_on_case"),
        DueRule::WithStage => kind("with_stage"),
        DueRule::WorkingDaysAfter(n) => {
            o! {"kind" => text("working_days_after"), "days" => json!(n)}
        }
        DueRule::WorkingDaysAfterRaised(n) => {
            o! {"kind" => text("working_days_after_raised"), "days" => json!(n)}
        }
        DueRule::HoursAfter(n) => o! {"kind" => text("hours_after"), "hours" => json!(n)},
        DueRule::EarliestOf(members) => V::O(vec![
            ("kind", text("earliest_of")),
            ("of", V::A(members.iter().map(due).collect())),
        ]),
    }
}

fn trigger(t: &Trigger) -> V {
    let on = |k: &str| ("on", text(k));
    V::O(match t {
        Trigger::Raised => vec![on("raised")],
        Trigger::RaisedWith(flag) => vec![on("raised_with"), ("flag", text(flag.as_str()))],
        Trigger::StageEntered { stages, area } => {
            let mut o = vec![on("stage_entered"), ("stages", json!(stages).into())];
            if let Some(area) = area {
                o.push(("area", text(area)));
            }
            o
        }
        Trigger::StageConcluded(stages) => {
            vec![on("stage_concluded"), ("stages", json!(stages).into())]
        }
        Trigger::ResolvedAt(stages) => vec![on("resolved_at"), ("stages", json!(stages).into())],
        Trigger::ConcludedAfterReaching(n) => {
            vec![on("concluded_after_reaching"), ("stage", json!(n).into())]
        }
        Trigger::ImmediateRisk => vec![on("immediate_risk")],
        Trigger::Recorded { record, stages } => {
            let mut o = vec![on("recorded"), ("record", text(record))];
            if let Some(stages) = stages {
                o.push(("stages", json!(stages).into()));
            }
            o
        }
    })
}

/// The definition document of a policy, pretty-printed, ending in a new
/// line; written compact instead when the indentation would take it past
/// [`MAX_REQUEST_BYTES`](crate::limits::MAX_REQUEST_BYTES), so that every
/// definition accepted reads back as one accepted again (the compact
/// document is no larger than the definition it was read from: defaults
/// are left out).
pub(crate) fn write(p: &Policy) -> String {
    let tree = tree(p);
    let mut out = serde_json::to_string_pretty(&tree).unwrap_or_default();
    if out.len() >= crate::limits::MAX_REQUEST_BYTES {
        out = serde_json::to_string(&tree).unwrap_or_default();
    }
    out.push('\n');
    out
}

/// A policy serializes as its definition document.
impl Serialize for Policy {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        tree(self).serialize(serializer)
    }
}

/// A policy deserializes from its definition document, checked as
/// [`Policy::from_definition`] checks it (the error names the problems).
impl<'de> serde::Deserialize<'de> for Policy {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Policy, D::Error> {
        let value = Value::deserialize(deserializer)?;
        super::load::load(&value, false).map_err(|error| {
            let problems: Vec<String> = error
                .problems()
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect();
            serde::de::Error::custom(format!(
                "invalid policy definition: {}",
                problems.join("; ")
            ))
        })
    }
}

fn tree(p: &Policy) -> V {
    let count = p.stages.len();
    let stages = p
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let last = i + 1 == count;
            let mut o = vec![
                ("number", json!(s.number).into()),
                ("name", text(&s.name)),
                ("clock", clock(&s.clock)),
            ];
            // A clock by priority has words per priority: the stage's rule
            // is written when it was given for all of them.
            let given = match &s.clock {
                Clock::ByPriority(by) => by.priorities.iter().all(|(_, _, w)| *w == s.clock_rule),
                _ => true,
            };
            // Words the loader would give are left out: a document read
            // back is no larger than the one given.
            if given && s.clock_rule.as_str() != load::clock_words(&s.clock, s.number) {
                o.push(("rule", text(&s.clock_rule)));
            }
            o.push(("clause", clause(&s.clause)));
            if s.decides != last {
                o.push(("decides", json!(s.decides).into()));
            }
            if s.escalates == last {
                o.push(("escalates", json!(s.escalates).into()));
            }
            if let Some(record) = &s.clock_met_by {
                o.push(("clock_met_by", text(record)));
            }
            if let Some(w) = &s.immediate_risk_waiver {
                let rule = if w.rule.as_str() == load::WAIVER_RULE {
                    V::Absent
                } else {
                    text(&w.rule)
                };
                o.push((
                    "immediate_risk_waiver",
                    o! {"rule" => rule, "clause" => clause(&w.clause)},
                ));
            }
            V::O(o)
        })
        .collect();
    let obligations = p
        .obligations
        .iter()
        .map(|ob| {
            let mut o = vec![
                ("id", text(&ob.id)),
                ("what", text(&ob.what)),
                ("trigger", trigger(&ob.trigger)),
                ("due", due(&ob.due)),
                // Always written: the words made from a due are short (the
                // built-in documents give them, as written).
                ("when", text(&ob.when)),
            ];
            match ob.lapses {
                Lapses::Never => {}
                Lapses::CaseEnds => o.push(("lapses", json!(true).into())),
                Lapses::StageEnds => o.push(("lapses", text("stage_ends"))),
            }
            for (key, set) in [
                ("independent_of_process", ob.independent_of_process),
                ("waived_by_immediate_risk", ob.waived_by_immediate_risk),
            ] {
                if set {
                    o.push((key, json!(true).into()));
                }
            }
            o.push(("clause", clause(&ob.clause)));
            V::O(o)
        })
        .collect();
    let records = p
        .records
        .iter()
        .map(|r| o! {"id" => text(&r.id), "what" => text(&r.what), "clause" => clause(&r.clause)})
        .collect();
    let milestones = p
        .milestones
        .iter()
        .map(|m| {
            let (key, n) = match m.met {
                MilestoneMet::EnteredStage(n) => ("met_on_entering_stage", n),
                MilestoneMet::CompletedStage(n) => ("met_on_leaving_stage", n),
            };
            let what = if m.what.as_str()
                == load::milestone_words(&m.name, m.met, m.working_days_after_raised)
            {
                V::Absent
            } else {
                text(&m.what)
            };
            let mut o = vec![
                ("name", text(&m.name)),
                ("what", what),
                (
                    "working_days_after_raised",
                    json!(m.working_days_after_raised).into(),
                ),
                (key, json!(n).into()),
            ];
            if m.met_by_withdrawal {
                o.push(("met_by_withdrawal", json!(true).into()));
            }
            o.push(("clause", clause(&m.clause)));
            V::O(o)
        })
        .collect();
    let skips = p
        .skips
        .iter()
        .map(|s| {
            o! {
                "to" => json!(s.targets),
                "requires_immediate_risk" => if s.requires_immediate_risk { json!(true).into() } else { V::Absent },
                "clause" => clause(&s.clause),
            }
        })
        .collect();
    let redirects = p
        .redirects
        .iter()
        .map(|r| {
            let when = r
                .when
                .iter()
                .map(|(flag, value)| (flag.as_str().to_string(), V::J(Value::Bool(*value))))
                .collect();
            V::O(vec![
                ("if_raised_with", V::Named(when)),
                (
                    "label",
                    if r.label.as_str() == load::redirect_label(&r.when) {
                        V::Absent
                    } else {
                        text(&r.label)
                    },
                ),
                ("to", text(&r.to)),
                ("why", text(&r.why)),
                ("clause", clause(&r.clause)),
            ])
        })
        .collect();
    let areas = p
        .areas
        .iter()
        .map(|a| o! {"id" => text(&a.id), "text" => text(&a.text)})
        .collect();
    let mut top = vec![("id", text(&p.id)), ("name", text(&p.name))];
    if let Some(source) = &p.source {
        top.push(("source", text(source)));
    }
    top.push(("stages", V::A(stages)));
    for (key, list) in [
        ("obligations", obligations),
        ("records", records),
        ("milestones", milestones),
        ("skips", skips),
        ("redirects", redirects),
        ("areas", areas),
    ] {
        let list: Vec<V> = list;
        if !list.is_empty() {
            top.push((key, V::A(list)));
        }
    }
    if let Some(c) = &p.areas_clause {
        top.push(("areas_clause", clause(c)));
    }
    if let Some(s) = &p.seniority {
        top.push((
            "seniority",
            o! {"stages" => json!(s.stages), "clause" => clause(&s.clause)},
        ));
    }
    if let Some(f) = &p.finality {
        top.push((
            "finality",
            o! {"meaning" => text(&f.meaning), "clause" => clause(&f.clause)},
        ));
    }
    if let Some(record) = &p.default_record {
        top.push(("default_record", text(record)));
    }
    V::O(top)
}
