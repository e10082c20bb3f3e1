//! The shared `odata` types on the bodies Graph sends: list responses, read whole as
//! `Collection<T>` (the docs' own list examples, and pages with every annotation), and error
//! bodies. Each is read, checked field by field and written back as the same JSON.

use graph_models::graph::Entity;
use graph_models::odata::{Collection, ErrorResponse};
use serde_json::Value;

/// A page of a delta query's last response: every annotation a list has, and one more.
const DELTA_PAGE: &str = r#"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects","@odata.count":2,"value":[{"id":"1","displayName":"a"},{"id":"2"}],"@odata.deltaLink":"https://graph.microsoft.com/v1.0/directoryObjects/delta?$deltatoken=Zm9v","@odata.nextLinkTemplate":"https://graph.microsoft.com/v1.0/x"}"#;

#[test]
fn a_delta_page_keeps_every_annotation_and_is_written_back_byte_for_byte() {
    let page: Collection<Entity> = serde_json::from_str(DELTA_PAGE).unwrap();
    assert_eq!(page.count, Some(2));
    assert!(page.is_last_page());
    assert_eq!(page.next_link(), None);
    assert_eq!(
        page.delta_link(),
        Some("https://graph.microsoft.com/v1.0/directoryObjects/delta?$deltatoken=Zm9v")
    );
    let ids: Vec<Option<&str>> = page.iter().map(|item| item.id.as_deref()).collect();
    assert_eq!(ids, [Some("1"), Some("2")]);
    assert_eq!(
        page.additional_properties.keys().collect::<Vec<_>>(),
        ["@odata.nextLinkTemplate"]
    );
    assert_eq!(serde_json::to_string(&page).unwrap(), DELTA_PAGE);
    // Undeclared properties of the items stay with them.
    let first = page.into_iter().next().unwrap();
    assert_eq!(first.additional_properties["displayName"], "a");
}

#[test]
fn a_body_without_value_is_not_a_list() {
    let error = serde_json::from_str::<Collection<Entity>>(r#"{"@odata.context":"x","id":"1"}"#)
        .unwrap_err();
    assert!(
        error.to_string().contains("missing field `value`"),
        "{error}"
    );
    // An item that does not read fails the page, naming its path and placed at the value.
    let error = serde_json::from_str::<Collection<Entity>>(r#"{"value":[{"id":1}]}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "`value[0].id`: invalid type: integer `1`, expected a string at line 1 column 17"
    );
}

#[test]
fn an_empty_page_or_a_vec_is_a_collection_without_annotations() {
    let page = Collection::from(vec![Entity::default()]);
    assert_eq!(serde_json::to_string(&page).unwrap(), r#"{"value":[{}]}"#);
    let empty: Collection<Entity> = Collection::default();
    assert!(empty.is_empty() && empty.is_last_page());
    let read: Collection<Entity> = serde_json::from_str(r#"{"value":[]}"#).unwrap();
    assert_eq!(read, empty);
}

#[test]
fn a_page_of_json_values_reads_any_items() {
    let page: Collection<Value> = serde_json::from_str(r#"{"value":[1,"two",null]}"#).unwrap();
    assert_eq!(
        page.value,
        [Value::from(1), Value::from("two"), Value::Null]
    );
}

/// An error body as Graph sends it: nested inner errors, the request's identifiers, details,
/// and a member no page documents.
const ERROR_BODY: &str = r#"{"error":{"code":"Request_UnprocessableEntity","message":"The values provided contain one or more validation errors.","innerError":{"code":"PropertyConflict","date":"2021-07-13T10:41:05","request-id":"9f3a2c1e-5b7d-4e8f-a0c2-6d1b3e5f7a90","client-request-id":"4b6d8f0a-2c4e-4a6b-8d0f-1a3c5e7b9d2f","innerError":{"code":"DuplicateValue"}},"details":[{"code":"PropertyConflict","message":"Another object with the same value for property mailNickname already exists.","target":"mailNickname"}],"@odata.debug":{"stage":"validation"}}}"#;

#[test]
fn an_error_body_reads_field_by_field_displays_its_code_and_message_and_writes_back_whole() {
    let response: ErrorResponse = serde_json::from_str(ERROR_BODY).unwrap();
    let error = response.error.as_ref().unwrap();
    assert_eq!(error.code.as_deref(), Some("Request_UnprocessableEntity"));
    let inner = error.inner_error.as_ref().unwrap();
    assert_eq!(
        inner.request_id.as_deref(),
        Some("9f3a2c1e-5b7d-4e8f-a0c2-6d1b3e5f7a90")
    );
    assert_eq!(
        inner.client_request_id.as_deref(),
        Some("4b6d8f0a-2c4e-4a6b-8d0f-1a3c5e7b9d2f")
    );
    assert_eq!(inner.date.as_deref(), Some("2021-07-13T10:41:05"));
    let innermost = inner.inner_error.as_ref().unwrap();
    assert_eq!(innermost.code.as_deref(), Some("DuplicateValue"));
    let details = error.details.as_ref().unwrap();
    assert_eq!(details[0].target.as_deref(), Some("mailNickname"));
    assert_eq!(
        error.additional_properties["@odata.debug"]["stage"],
        "validation"
    );

    let expected =
        "Request_UnprocessableEntity: The values provided contain one or more validation errors.";
    assert_eq!(error.to_string(), expected);
    let boxed: Box<dyn std::error::Error> = Box::new(response.clone());
    assert_eq!(boxed.to_string(), expected);
    assert_eq!(serde_json::to_string(&response).unwrap(), ERROR_BODY);
}

#[test]
fn an_error_without_code_or_message_still_displays() {
    let response: ErrorResponse =
        serde_json::from_str(r#"{"error":{"message":"Bad request."}}"#).unwrap();
    assert_eq!(response.to_string(), "Bad request.");
    let response: ErrorResponse = serde_json::from_str(r#"{"error":{}}"#).unwrap();
    assert_eq!(response.to_string(), "error without code or message");
    let response: ErrorResponse = serde_json::from_str(r#"{"message":"x"}"#).unwrap();
    assert_eq!(response.to_string(), "error response without `error`");
    assert_eq!(
        serde_json::to_string(&response).unwrap(),
        r#"{"message":"x"}"#
    );
}

// The docs' examples, as the generated round-trip test has them.
#[cfg(feature = "cloud-communications")]
#[rustfmt::skip]
#[allow(dead_code)] // the report, which this file does not make
mod round_trip;
#[cfg(feature = "cloud-communications")]
#[rustfmt::skip]
#[path = "docs_examples/cases.rs"]
mod cases;

/// The docs' list examples, of the comms types, which need their area's feature.
#[cfg(feature = "cloud-communications")]
mod docs_lists {
    use crate::cases;
    use graph_models::graph::{AnyCommsOperation, OperationStatus, PlayPromptCompletionReason};
    use graph_models::odata::Collection;
    use serde_json::Value;

    /// The docs' examples whose body is an OData collection.
    fn collection_bodies() -> Vec<(&'static str, &'static str)> {
        cases::CASES
            .iter()
            .filter(|case| case.collection)
            .map(|case| (case.at, case.values[0]))
            .collect()
    }

    #[test]
    fn every_list_body_of_the_docs_reads_whole_and_comes_back_as_the_same_json() {
        let bodies = collection_bodies();
        assert!(!bodies.is_empty(), "docs-input has a list example");
        for (at, body) in bodies {
            let page: Collection<AnyCommsOperation> = serde_json::from_str(body).unwrap();
            let written = serde_json::to_value(&page).unwrap();
            let read: Value = serde_json::from_str(body).unwrap();
            assert_eq!(written, read, "{at}");
        }
    }

    #[test]
    fn the_list_example_is_a_first_page_of_operations_read_by_their_odata_type() {
        let (_, body) = collection_bodies()
            .into_iter()
            .find(|(at, _)| at.starts_with("api/commsoperation-list.md:"))
            .unwrap();
        let page: Collection<AnyCommsOperation> = serde_json::from_str(body).unwrap();
        assert_eq!(page.count, Some(3));
        assert!(!page.is_last_page());
        assert!(page
            .next_link()
            .unwrap()
            .ends_with("&$skiptoken=b3BlcmF0aW9uMg"));
        assert_eq!(page.len(), 2);
        let mut items = page.into_iter();
        let Some(AnyCommsOperation::PlayPromptOperation(prompt)) = items.next() else {
            panic!("the first item is a playPromptOperation");
        };
        assert_eq!(prompt.status, Some(OperationStatus::Completed));
        assert_eq!(
            prompt.completion_reason,
            Some(PlayPromptCompletionReason::CompletedSuccessfully)
        );
        let Some(AnyCommsOperation::RecordOperation(record)) = items.next() else {
            panic!("the second item is a recordOperation");
        };
        assert_eq!(
            record.recording_access_token.as_deref(),
            Some("eyJ0eXAi...")
        );
    }
}
