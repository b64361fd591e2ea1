//! The hand-counted deadlines in `fixtures/calendar/deadlines.json`.

use chrono::NaiveDate;
use safeguarding_resolution::calendar::{Calendar, Division};
use serde_json::Value;

fn date(value: &Value) -> NaiveDate {
    value.as_str().expect("a date").parse().expect("YYYY-MM-DD")
}

fn calendar(name: &str) -> &'static Calendar {
    match name {
        "union" => Calendar::uk_union(),
        other => Calendar::uk(other.parse::<Division>().expect("a division")),
    }
}

#[test]
fn every_hand_counted_deadline() {
    let fixture: Value =
        serde_json::from_str(include_str!("../fixtures/calendar/deadlines.json")).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        let name = case["case"].as_str().unwrap();
        let cal = calendar(case["calendar"].as_str().unwrap());
        let from = date(&case["from"]);
        let n = case["working_days"].as_u64().map(|n| n as u32);
        let (answer, low, high) = match case["op"].as_str().unwrap() {
            "add" => {
                let due = cal.add_working_days(from, n.unwrap()).unwrap();
                (Value::from(due.to_string()), from, due)
            }
            "subtract" => {
                let due = cal.subtract_working_days(from, n.unwrap()).unwrap();
                (Value::from(due.to_string()), due, from)
            }
            "between" => {
                let to = date(&case["to"]);
                let count = cal.working_days_between(from, to).unwrap();
                (Value::from(count), from, to)
            }
            other => panic!("{name}: unknown op {other}"),
        };
        assert_eq!(answer, case["expect"], "{name}");
        let skipped: Vec<String> = cal
            .non_working_days_between(low, high)
            .unwrap()
            .iter()
            .flat_map(|day| day.bank_holidays().iter().map(|h| h.title().to_string()))
            .collect();
        let expected: Vec<String> = case["skips"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        assert_eq!(skipped, expected, "{name}");
    }
}
