//! The policy drawn as a standalone SVG document: no script, no font or
//! style sheet from elsewhere, every text of the definition escaped.

use std::fmt::Write;

use super::clock_label;
use crate::policy::{MilestoneMet, Policy, StageRule};

/// Left edge of the stage boxes.
const LEFT: u32 = 24;
/// Width of a stage box.
const BOX_WIDTH: u32 = 380;
/// Height of one line of text.
const LINE: u32 = 17;
/// Padding inside a box, above the first line and below the last.
const PAD: u32 = 10;
/// Vertical gap between two stage boxes (the escalation arrow).
const GAP: u32 = 40;
/// Horizontal distance between two skip lanes.
const LANE: u32 = 16;
/// Characters of a stage's name on one line.
const NAME_CHARS: usize = 44;
/// Characters of a stage's clock on one line.
const CLOCK_CHARS: usize = 50;
/// Rough width of a character of the 12-pixel text, in pixels.
const SMALL_CHAR: u32 = 7;

/// The words of `text`, in lines of at most `width` characters (a longer
/// word has a line of its own). Every line but the last keeps the space
/// after it, so that the lines put back together are the text itself.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut count = 0;
    for word in text.split_inclusive(' ') {
        let length = word.chars().count();
        if count > 0 && count + length.saturating_sub(1) > width {
            lines.push(std::mem::take(&mut line));
            count = 0;
        }
        line.push_str(word);
        count += length;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes `text` escaped for XML character data and attribute values. A
/// character XML 1.0 does not allow (most control characters) becomes
/// U+FFFD, so the document stays well formed whatever a definition holds.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

fn width_of(text: &str, char_width: u32) -> u32 {
    u32::try_from(text.chars().count())
        .unwrap_or(u32::MAX / 2)
        .saturating_mul(char_width)
}

/// The moves out of a stage, in words, for the line under its clock.
fn ends(stage: &StageRule, last: bool) -> String {
    let mut moves = Vec::new();
    if stage.escalates && !last {
        moves.push("escalated");
    }
    moves.push("resolved");
    if stage.decides {
        moves.push("decided");
    }
    moves.push("withdrawn");
    moves.join(" · ")
}

/// A stage's box: its place and the lines of its name.
struct Placed<'a> {
    stage: &'a StageRule,
    top: u32,
    height: u32,
    name: Vec<String>,
    clock: Vec<String>,
    skips: Vec<String>,
}

/// The policy as an SVG document: each stage a box with its number, name,
/// clock and the ways out of it; an arrow for each escalation, a lane on
/// the right for each skip, the milestones beside the stage that meets
/// them, and the redirects beside the start. For the policy workbench and
/// for documents: plain SVG 1.1, no script, no font or style from
/// elsewhere, every text of the definition escaped. Its size grows
/// linearly with the definition.
///
/// Each text is written once, in reading order (start, redirects, stages,
/// milestones), so a screen reader reads the drawing as text, and a
/// stage's name is nowhere else in it; the `<svg>` element is a `group`
/// labelled with the policy's name.
///
/// # Example
///
/// ```
/// use safeguarding_resolution::policy::{diagram, Policy, PolicyId};
///
/// let swindon = Policy::get(PolicyId::SwindonResolution2026);
/// let svg = diagram::svg(swindon);
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
/// // Each stage's name is text of its box, once.
/// assert_eq!(svg.matches("Inter-agency Discussion").count(), 1);
/// assert!(svg.contains(">Inter-agency Discussion</tspan>"));
/// // The skip to stage 5 when there is a risk of immediate harm, and Day 17.
/// assert!(svg.contains("may skip to stage 5 (immediate risk)"));
/// assert!(svg.contains("Day 17"));
/// ```
pub fn svg(policy: &Policy) -> String {
    let count = policy.stages.len();
    let skip_edges: Vec<(u8, u8, bool)> = skip_edges(policy);
    let lanes = u32::try_from(skip_edges.len()).unwrap_or(u32::MAX / 2);

    // The header: the start and the redirects.
    let redirect_lines: Vec<String> = policy
        .redirects
        .iter()
        .map(|r| format!("{} → {}", r.label, r.to))
        .collect();
    let start_y = 30;
    let redirect_height = if redirect_lines.is_empty() {
        0
    } else {
        PAD * 2 + LINE * (1 + u32::try_from(redirect_lines.len()).unwrap_or(u32::MAX / 64))
    };
    let mut y = (start_y + 36).max(start_y - 14 + redirect_height + 12);

    let mut placed = Vec::with_capacity(count);
    for (i, stage) in policy.stages.iter().enumerate() {
        let name = wrap(&stage.name, NAME_CHARS);
        let skips: Vec<String> = skip_edges
            .iter()
            .filter(|(from, _, _)| *from == stage.number)
            .map(|(_, to, risk)| {
                let condition = if *risk { " (immediate risk)" } else { "" };
                format!("may skip to stage {to}{condition}")
            })
            .collect();
        let clock = wrap(
            &format!("clock: {}", clock_label(&stage.clock)),
            CLOCK_CHARS,
        );
        let lines = 1 + name.len() + clock.len() + 1 + skips.len();
        let height = PAD * 2 + LINE * u32::try_from(lines).unwrap_or(u32::MAX / 64);
        placed.push(Placed {
            stage,
            top: y,
            height,
            name,
            clock,
            skips,
        });
        y += height;
        if i + 1 < count {
            y += GAP;
        }
    }
    let bottom = y;

    let box_right = LEFT + BOX_WIDTH;
    let lanes_right = box_right + 12 + LANE * lanes;
    let milestone_left = lanes_right + 20;
    let milestone_texts: Vec<(u8, bool, String)> = policy
        .milestones
        .iter()
        .map(|m| {
            let (stage, entered, how) = match m.met {
                MilestoneMet::EnteredStage(n) => (n, true, "on entering"),
                MilestoneMet::CompletedStage(n) => (n, false, "on leaving"),
            };
            (
                stage,
                entered,
                format!(
                    "◆ {}: raised + {} WD, met {how} stage {stage}",
                    m.name, m.working_days_after_raised
                ),
            )
        })
        .collect();
    let widest_milestone = milestone_texts
        .iter()
        .map(|(_, _, t)| width_of(t, SMALL_CHAR))
        .max()
        .unwrap_or(0);
    let widest_redirect = redirect_lines
        .iter()
        .map(|t| width_of(t, SMALL_CHAR))
        .max()
        .unwrap_or(0);
    let redirect_left = LEFT + BOX_WIDTH / 2 + 60;
    let width = [
        lanes_right + 24,
        milestone_left + widest_milestone + 24,
        redirect_left + widest_redirect + 2 * PAD + 24,
        // A long word of a stage's name runs past its box.
        placed
            .iter()
            .flat_map(|p| p.name.iter())
            .map(|l| LEFT + PAD + width_of(l, 9) + 24)
            .max()
            .unwrap_or(0),
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    let height = bottom + 24;

    let mut out = String::with_capacity(2048 + 512 * count);
    let mut label = String::new();
    escape(&mut label, &policy.name);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"group\" aria-label=\"{label}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">"
    );
    out.push_str(
        "<defs><marker id=\"sgr-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1d3557\"/></marker>\
         <marker id=\"sgr-arrow-skip\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#9d174d\"/></marker></defs>",
    );
    let _ = write!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );

    // The start, and the arrow to the first stage.
    let centre = LEFT + BOX_WIDTH / 2;
    let _ = write!(
        out,
        "<circle cx=\"{centre}\" cy=\"{start_y}\" r=\"7\" fill=\"#1d3557\"/>\
         <text x=\"{}\" y=\"{}\" fill=\"#111827\">raised</text>",
        centre - 52,
        start_y + 4
    );
    if let Some(first) = placed.first() {
        arrow(&mut out, centre, start_y + 7, first.top, None);
    }

    // The redirects, beside the start.
    if !redirect_lines.is_empty() {
        let top = start_y - 14;
        let _ = write!(
            out,
            "<g><rect x=\"{redirect_left}\" y=\"{top}\" width=\"{}\" height=\"{redirect_height}\" \
             rx=\"6\" fill=\"#fff7ed\" stroke=\"#c2410c\" stroke-dasharray=\"5 3\"/>\
             <text x=\"{}\" y=\"{}\" font-weight=\"bold\" fill=\"#7c2d12\">Redirected at raising</text>",
            widest_redirect.max(140) + 2 * PAD,
            redirect_left + PAD,
            top + PAD + 12,
        );
        for (i, line) in redirect_lines.iter().enumerate() {
            let line_y = top + PAD + 12 + LINE * (1 + u32::try_from(i).unwrap_or(0));
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{line_y}\" fill=\"#7c2d12\">",
                redirect_left + PAD
            );
            escape(&mut out, line);
            out.push_str("</text>");
        }
        out.push_str("</g>");
        let _ = write!(
            out,
            "<path d=\"M{},{start_y} L{redirect_left},{start_y}\" stroke=\"#c2410c\" \
             stroke-dasharray=\"5 3\" fill=\"none\" marker-end=\"url(#sgr-arrow)\"/>",
            centre + 7
        );
    }

    // The stages, and the escalation between each and the next.
    for (i, p) in placed.iter().enumerate() {
        let stage = p.stage;
        let last = i + 1 == count;
        let _ = write!(
            out,
            "<g><rect x=\"{LEFT}\" y=\"{}\" width=\"{BOX_WIDTH}\" height=\"{}\" rx=\"8\" \
             fill=\"#eef2f8\" stroke=\"#1d3557\" stroke-width=\"1.5\"/>",
            p.top, p.height
        );
        let text_x = LEFT + PAD;
        let mut line_y = p.top + PAD + 12;
        let _ = write!(
            out,
            "<text x=\"{text_x}\" y=\"{line_y}\" fill=\"#4b5563\">Stage {}</text>",
            stage.number
        );
        line_y += LINE;
        let _ = write!(
            out,
            "<text x=\"{text_x}\" y=\"{line_y}\" font-size=\"14\" font-weight=\"bold\" fill=\"#111827\">"
        );
        for (j, part) in p.name.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{text_x}\" y=\"{}\">",
                line_y + LINE * u32::try_from(j).unwrap_or(0)
            );
            escape(&mut out, part);
            out.push_str("</tspan>");
        }
        out.push_str("</text>");
        line_y += LINE * u32::try_from(p.name.len()).unwrap_or(0);
        out.push_str("<text fill=\"#1e3a8a\">");
        for part in &p.clock {
            let _ = write!(out, "<tspan x=\"{text_x}\" y=\"{line_y}\">");
            escape(&mut out, part);
            out.push_str("</tspan>");
            line_y += LINE;
        }
        out.push_str("</text>");
        let _ = write!(
            out,
            "<text x=\"{text_x}\" y=\"{line_y}\" fill=\"#374151\">ends: {}</text>",
            ends(stage, last)
        );
        for skip in &p.skips {
            line_y += LINE;
            let _ = write!(
                out,
                "<text x=\"{text_x}\" y=\"{line_y}\" fill=\"#9d174d\">{skip}</text>"
            );
        }
        out.push_str("</g>");
        if let Some(next) = placed.get(i + 1) {
            if stage.escalates {
                arrow(
                    &mut out,
                    centre,
                    p.top + p.height,
                    next.top,
                    Some("escalated"),
                );
            }
        }
    }

    // The skips, each in a lane of its own to the right of the boxes.
    let middle = |number: u8| {
        placed
            .iter()
            .find(|p| p.stage.number == number)
            .map(|p| p.top + p.height / 2)
    };
    for (k, (from, to, _)) in skip_edges.iter().enumerate() {
        let (Some(from_y), Some(to_y)) = (middle(*from), middle(*to)) else {
            continue;
        };
        let lane = box_right + 12 + LANE * u32::try_from(k).unwrap_or(0);
        let _ = write!(
            out,
            "<path d=\"M{box_right},{} L{lane},{} L{lane},{} L{box_right},{}\" fill=\"none\" \
             stroke=\"#9d174d\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\" \
             marker-end=\"url(#sgr-arrow-skip)\"/>",
            from_y - 4,
            from_y - 4,
            to_y + 4,
            to_y + 4
        );
    }

    // The milestones, beside the stage that meets them.
    let mut used: Vec<(u8, bool, u32)> = Vec::new();
    for (stage, entered, text) in &milestone_texts {
        let Some(p) = placed.iter().find(|p| p.stage.number == *stage) else {
            continue;
        };
        let taken = match used.iter_mut().find(|(s, e, _)| s == stage && e == entered) {
            Some((_, _, n)) => {
                *n += 1;
                *n - 1
            }
            None => {
                used.push((*stage, *entered, 1));
                0
            }
        };
        let text_y = if *entered {
            p.top + 14 + LINE * taken
        } else {
            (p.top + p.height).saturating_sub(8 + LINE * taken)
        };
        let _ = write!(
            out,
            "<text x=\"{milestone_left}\" y=\"{text_y}\" fill=\"#065f46\">"
        );
        escape(&mut out, text);
        out.push_str("</text>");
    }
    out.push_str("</svg>");
    out
}

/// A downward arrow from `from` to `to` at `x`, with a label beside it.
fn arrow(out: &mut String, x: u32, from: u32, to: u32, label: Option<&str>) {
    let _ = write!(
        out,
        "<path d=\"M{x},{from} L{x},{to}\" stroke=\"#1d3557\" stroke-width=\"1.5\" \
         fill=\"none\" marker-end=\"url(#sgr-arrow)\"/>"
    );
    if let Some(label) = label {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"#1d3557\">{label}</text>",
            x + 8,
            from + to.saturating_sub(from) / 2 + 4
        );
    }
}

/// Each skip an escalation may make, once: from a stage that escalates to
/// a later one that is not the next, with the least it needs.
fn skip_edges(policy: &Policy) -> Vec<(u8, u8, bool)> {
    let mut edges: Vec<(u8, u8, bool)> = Vec::new();
    for (i, stage) in policy.stages.iter().enumerate() {
        if !stage.escalates {
            continue;
        }
        let next = policy.stages.get(i + 1).map(|n| n.number);
        let first = edges.len();
        for skip in &policy.skips {
            for &t in skip
                .targets
                .iter()
                .filter(|&&t| t > stage.number && Some(t) != next)
            {
                if policy.stage(t).is_none() {
                    continue;
                }
                match edges[first..].iter_mut().find(|(_, to, _)| *to == t) {
                    Some((_, _, risk)) => *risk &= skip.requires_immediate_risk,
                    None => edges.push((stage.number, t, skip.requires_immediate_risk)),
                }
            }
        }
        edges[first..].sort_unstable();
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicyId;

    /// Checks that `xml` is one well-formed element (tags balanced and
    /// named, attributes quoted, every `&` an entity, no `<` in text or
    /// values, no character XML 1.0 refuses) and returns the text of each
    /// `<text>` element, entities decoded, its `<title>` left out.
    fn well_formed(xml: &str) -> Result<Vec<String>, String> {
        fn entity(rest: &str) -> Result<(usize, char), String> {
            let end = rest.find(';').ok_or("an & without ;")?;
            let c = match &rest[1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                other => return Err(format!("unknown entity {other}")),
            };
            Ok((end + 1, c))
        }
        let mut stack: Vec<&str> = Vec::new();
        let mut texts = Vec::new();
        let mut current: Option<String> = None;
        let mut roots = 0;
        let mut i = 0;
        let bytes = xml.as_bytes();
        while i < xml.len() {
            let rest = &xml[i..];
            if let Some(c) = rest.chars().next() {
                if (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' {
                    return Err(format!("a character XML refuses at {i}"));
                }
            }
            if rest.starts_with("</") {
                let end = rest.find('>').ok_or("an unclosed end tag")?;
                let name = &rest[2..end];
                if stack.pop() != Some(name) {
                    return Err(format!("end tag {name} does not match"));
                }
                if name == "text" {
                    texts.extend(current.take());
                }
                i += end + 1;
            } else if rest.starts_with('<') {
                let mut j = 1;
                while j < rest.len() && !matches!(bytes[i + j], b' ' | b'>' | b'/') {
                    j += 1;
                }
                let name = &rest[1..j];
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    return Err(format!("a bad element name at {i}"));
                }
                // Attributes: name="value" until > or />.
                loop {
                    while bytes.get(i + j) == Some(&b' ') {
                        j += 1;
                    }
                    match bytes.get(i + j) {
                        Some(b'>') => {
                            j += 1;
                            if stack.is_empty() {
                                roots += 1;
                            }
                            stack.push(name);
                            if name == "text" {
                                current = Some(String::new());
                            }
                            break;
                        }
                        Some(b'/') if bytes.get(i + j + 1) == Some(&b'>') => {
                            j += 2;
                            if stack.is_empty() {
                                roots += 1;
                            }
                            break;
                        }
                        Some(_) => {
                            let eq = rest[j..].find("=\"").ok_or("an attribute without =\"")?;
                            let attribute = &rest[j..j + eq];
                            if attribute.is_empty()
                                || !attribute
                                    .chars()
                                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
                            {
                                return Err(format!("a bad attribute name at {}", i + j));
                            }
                            j += eq + 2;
                            let close = rest[j..].find('"').ok_or("an unclosed value")?;
                            let value = &rest[j..j + close];
                            if value.contains('<') {
                                return Err("a < in a value".into());
                            }
                            let mut k = 0;
                            while let Some(at) = value[k..].find('&') {
                                let (length, _) = entity(&value[k + at..])?;
                                k += at + length;
                            }
                            j += close + 1;
                        }
                        None => return Err("an unclosed tag".into()),
                    }
                }
                i += j;
            } else {
                if stack.is_empty() {
                    return Err(format!("text outside the root at {i}"));
                }
                let (length, c) = if rest.starts_with('&') {
                    entity(rest)?
                } else {
                    let c = rest.chars().next().unwrap_or(' ');
                    (c.len_utf8(), c)
                };
                if let (Some(text), false) = (current.as_mut(), stack.last() == Some(&"title")) {
                    text.push(c);
                }
                i += length;
            }
        }
        if !stack.is_empty() || roots != 1 {
            return Err("not one closed root element".into());
        }
        Ok(texts)
    }

    fn definition(stages: &[&str], extra: &str) -> Policy {
        let stages: Vec<String> = stages
            .iter()
            .enumerate()
            .map(|(i, name)| {
                serde_json::json!({"number": i + 1, "name": name,
                    "clock": {"kind": "working_days_after_start", "days": 2}})
                .to_string()
            })
            .collect();
        let text = format!(
            r#"{{"id": "example-borough-2026", "name": "Example <Borough> & \"Co\"",
                "stages": [{}]{extra}}}"#,
            stages.join(",")
        );
        Policy::from_definition_json(&text).expect("a valid definition")
    }

    #[test]
    fn every_built_in_policy_is_drawn_well_formed_with_each_stage_named() {
        for id in PolicyId::ALL {
            let policy = Policy::get(id);
            let svg = svg(policy);
            let texts = well_formed(&svg).unwrap_or_else(|e| panic!("{id}: {e}"));
            for stage in &policy.stages {
                assert!(
                    texts.iter().any(|t| t == stage.name.as_str()),
                    "{id}: no text is {:?}",
                    stage.name
                );
                // Once, and in no other text but another stage's name
                // (Gloucestershire's "Formal Dispute Procedure" is in its
                // "Informal Dispute Procedure"): a page's test finds it by
                // its text alone.
                let name = stage.name.to_lowercase();
                let holding = texts.iter().filter(|t| {
                    t.to_lowercase().contains(&name)
                        && (*t == stage.name.as_str()
                            || !policy.stages.iter().any(|s| s.name == t.as_str()))
                });
                assert_eq!(holding.count(), 1, "{id}: {name}");
                assert!(texts.contains(&format!("Stage {}", stage.number)));
            }
            for milestone in &policy.milestones {
                assert!(
                    texts.iter().any(|t| t.contains(milestone.name.as_str())),
                    "{id}: {}",
                    milestone.name
                );
            }
            for redirect in &policy.redirects {
                assert!(texts.iter().any(|t| t.contains(redirect.to.as_str())));
            }
        }
    }

    #[test]
    fn swindon_is_drawn_with_its_skip_its_milestone_and_its_redirects() {
        let svg = svg(Policy::get(PolicyId::SwindonResolution2026));
        let texts = well_formed(&svg).unwrap();
        // s.4: immediate risk goes straight to the partnership (stage 5),
        // from each of stages 1 to 3 (stage 4's next is 5 anyway).
        let skips: Vec<&String> = texts.iter().filter(|t| t.starts_with("may skip")).collect();
        assert_eq!(skips, ["may skip to stage 5 (immediate risk)"; 3]);
        assert_eq!(
            svg.matches("marker-end=\"url(#sgr-arrow-skip)\"").count(),
            3
        );
        // Day 17: stage 4 complete, 17 working days after raising.
        assert!(texts.contains(&"◆ Day 17: raised + 17 WD, met on leaving stage 4".to_string()));
        // Stage 5 decides and does not escalate; stage 1 escalates.
        assert!(texts.contains(&"ends: resolved · decided · withdrawn".to_string()));
        assert!(texts.contains(&"ends: escalated · resolved · withdrawn".to_string()));
        assert!(texts.contains(&"Redirected at raising".to_string()));
        // Four escalation arrows between five stages.
        assert_eq!(texts.iter().filter(|t| *t == "escalated").count(), 4);
    }

    #[test]
    fn text_from_the_definition_is_escaped() {
        let policy = definition(
            &[
                "<script>alert(1)</script>",
                "A & B \"quoted\" 'too'",
                "Bell\u{7} and\ttab",
            ],
            r#", "milestones": [{"name": "Day <5>", "working_days_after_raised": 5, "met_on_leaving_stage": 1}]"#,
        );
        let svg = svg(&policy);
        let texts = well_formed(&svg).unwrap();
        assert!(!svg.contains("<script"));
        assert!(texts.contains(&"<script>alert(1)</script>".to_string()));
        assert!(texts.contains(&"A & B \"quoted\" 'too'".to_string()));
        assert!(texts.contains(&"Bell\u{FFFD} and tab".to_string()));
        assert!(svg.contains("aria-label=\"Example &lt;Borough&gt; &amp; &quot;Co&quot;\""));
        assert!(texts.iter().any(|t| t.starts_with("◆ Day <5>")));
    }

    #[test]
    fn a_long_name_is_wrapped_and_read_back_whole() {
        let long = "The Independent Chair of the Partnership's Escalation Panel for Disputes";
        let policy = definition(&[long, "Next"], "");
        let svg = svg(&policy);
        assert!(svg.matches("<tspan").count() >= 3, "{svg}");
        assert!(well_formed(&svg).unwrap().contains(&long.to_string()));
        // Lines put back together are the name.
        assert_eq!(wrap(long, 20).concat(), long);
        assert!(
            wrap(long, 20)
                .iter()
                .all(|l| l.trim_end().chars().count() <= 20)
        );
        assert_eq!(wrap("", 20), [""]);
        assert_eq!(
            wrap("Unbreakablewordlongerthanaline x", 10),
            ["Unbreakablewordlongerthanaline ", "x"]
        );
    }

    #[test]
    fn its_size_grows_linearly_with_the_stages() {
        let names: Vec<String> = (1..=60).map(|n| format!("Stage name {n}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let small = svg(&definition(&refs[..6], "")).len();
        let large = svg(&definition(&refs, "")).len();
        assert!(large < small * 12, "{small} then {large}");
        assert!(large > small * 5, "{small} then {large}");
        let height = |svg: &str| -> u32 {
            let at = svg.find("height=\"").unwrap() + 8;
            svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
        };
        let (six, sixty) = (
            height(&svg(&definition(&refs[..6], ""))),
            height(&svg(&definition(&refs, ""))),
        );
        assert!(sixty < six * 12 && sixty > six * 5, "{six} then {sixty}");
    }

    #[test]
    fn the_checker_itself_refuses_what_is_not_well_formed() {
        for broken in [
            "<svg><text>a</svg>",
            "<svg><text>a & b</text></svg>",
            "<svg x=\"<\"></svg>",
            "<svg x=1></svg>",
            "<svg></svg><svg></svg>",
            "<svg>\u{7}</svg>",
        ] {
            assert!(well_formed(broken).is_err(), "{broken}");
        }
        assert_eq!(
            well_formed("<svg><text>a &amp; <tspan>b</tspan></text></svg>").unwrap(),
            ["a & b"]
        );
    }

    #[test]
    fn a_policy_of_one_stage_has_no_arrow_between_stages() {
        let svg = svg(&definition(&["Only"], ""));
        let texts = well_formed(&svg).unwrap();
        assert!(!texts.contains(&"escalated".to_string()));
        assert!(texts.contains(&"ends: resolved · decided · withdrawn".to_string()));
    }
}
