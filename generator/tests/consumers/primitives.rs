//! Code that uses the crate of `rust_render.rs` made with a type for every primitive that may
//! have one (`time`'s, `jiff`'s, `uuid`'s and `f64`): the values Graph writes read as those
//! types, are written back in forms that read again (also when an upcast keeps them as JSON),
//! and a value that does not read fails naming its text and the form expected.

use graph_models::graph::call_records::Session;
use graph_models::graph::Entity;
use jiff::ToSpan;
use serde_json::{json, Value};
use time::macros::{date, datetime, time};

fn session() -> Value {
    json!({
        "startDateTime": "2021-03-18T09:15:00.1234567+01:00",
        "startDate": "2021-03-18",
        "startTime": "09:15:00.0000000",
        "activeTimes": ["09:15:00", "17:30:00.5000000", "23:59"],
        "correlationId": "5D5E0B3A-1C2F-4E6B-9A8D-7F3E2B1C0A9D",
        "cost": 12.50,
        "retryIntervals": ["PT1H30M", "P1D", "P1M", "-PT5S", "PT0.5S", "P1Y2M3DT4H5M6.7S", "P2W"]
    })
}

#[test]
fn graph_forms_read_as_the_chosen_types() {
    let session: Session = serde_json::from_value(session()).unwrap();
    assert_eq!(
        session.start_date_time,
        Some(datetime!(2021-03-18 09:15:00.1234567 +01:00))
    );
    assert_eq!(session.start_date, Some(date!(2021 - 03 - 18)));
    assert_eq!(session.start_time, Some(time!(09:15)));
    assert_eq!(
        session.active_times,
        Some(vec![time!(09:15), time!(17:30:00.5), time!(23:59)])
    );
    assert_eq!(
        session.correlation_id.map(|id| id.to_string()).as_deref(),
        Some("5d5e0b3a-1c2f-4e6b-9a8d-7f3e2b1c0a9d")
    );
    assert_eq!(session.cost, Some(12.5));
    let intervals = session.retry_intervals.unwrap();
    // Each unit as written: months and years stay months and years, weeks stay weeks.
    assert_eq!(intervals[0], 1.hour().minutes(30));
    assert_eq!(intervals[1], 1.day());
    assert_eq!(intervals[2], 1.month());
    assert_eq!(intervals[3], -5.seconds());
    assert_eq!(intervals[4], 500.milliseconds());
    assert_eq!(
        intervals[5],
        1.year()
            .months(2)
            .days(3)
            .hours(4)
            .minutes(5)
            .seconds(6)
            .milliseconds(700)
    );
    assert_eq!(intervals[6], 2.weeks());
    // A fixed length converts to `std::time::Duration`; a calendar unit (or a negative span)
    // has none without a date to count from.
    let fixed = std::time::Duration::try_from(intervals[0].0).unwrap();
    assert_eq!(fixed.as_secs(), 5400);
    assert!(std::time::Duration::try_from(intervals[2].0).is_err());
    assert!(std::time::Duration::try_from(intervals[3].0).is_err());
}

#[test]
fn values_are_written_in_forms_that_read_again() {
    let session: Session = serde_json::from_value(session()).unwrap();
    let written = serde_json::to_value(&session).unwrap();
    let expected = json!({
        "startDateTime": "2021-03-18T09:15:00.1234567+01:00",
        "startDate": "2021-03-18",
        "startTime": "09:15:00",
        "activeTimes": ["09:15:00", "17:30:00.5", "23:59:00"],
        "correlationId": "5d5e0b3a-1c2f-4e6b-9a8d-7f3e2b1c0a9d",
        "cost": 12.5,
        "retryIntervals": ["PT1H30M", "P1D", "P1M", "-PT5S", "PT0.5S", "P1Y2M3DT4H5M6.7S", "P2W"]
    });
    assert_eq!(written, expected);
    let again: Session = serde_json::from_value(written).unwrap();
    assert_eq!(again, session);
    // An upcast keeps the fields the base lacks as JSON, written the same way.
    let entity = Entity::from(session);
    for (name, value) in expected.as_object().unwrap() {
        assert_eq!(entity.additional_properties.get(name), Some(value), "{name}");
    }
}

#[test]
fn a_value_that_does_not_read_names_its_text_and_the_form_expected() {
    for (property, value, error) in [
        (
            "startDateTime",
            json!("2021-03-18T09:15:00"),
            r#"`startDateTime`: "2021-03-18T09:15:00" is not a timestamp (expected RFC 3339, such as "2021-03-18T09:15:00Z")"#,
        ),
        (
            "startDate",
            json!("18 March 2021"),
            r#"`startDate`: "18 March 2021" is not a date (expected such as "2021-03-18")"#,
        ),
        (
            "startTime",
            json!("9 am"),
            r#"`startTime`: "9 am" is not a time of day (expected such as "09:15:00.0000000")"#,
        ),
        (
            "activeTimes",
            json!(["09:15:00", "25:00:00"]),
            r#"`activeTimes[1]`: "25:00:00" is not a time of day"#,
        ),
        (
            "correlationId",
            json!("5d5e0b3a"),
            r#"`correlationId`: "5d5e0b3a" is not a GUID (expected such as "#,
        ),
        (
            "retryIntervals",
            json!(["PT1H", "1 hour"]),
            r#"`retryIntervals[1]`: "1 hour" is not a duration (expected ISO 8601, such as "PT1H30M" or "P1M")"#,
        ),
    ] {
        let json = json!({ property: value }).to_string();
        let read = serde_json::from_str::<Session>(&json).unwrap_err().to_string();
        assert!(read.starts_with(error), "{read}");
    }
}
