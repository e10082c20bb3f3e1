//! What the generated models promise, checked on the types made from docs-input/: reading by
//! `@odata.type`, writing it back, reaching a polymorphic value's fields and variants, evolvable
//! enums, `Debug` of what is set, timestamps, lossless upcasts, `null` kept apart from a missing
//! property, and errors that name the path and position of the value that does not read.
//! The comms types are in the `cloud-communications` area; `entity`, shared by every area, is
//! always compiled, so its checks run in a build without any area's feature too.

use graph_models::graph::{AnyEntity, Entity};

#[test]
fn debug_shows_only_the_fields_that_are_set() {
    let mut entity = Entity::default();
    assert_eq!(format!("{entity:?}"), "Entity { .. }");
    entity.id = Some("e1".to_string());
    assert_eq!(format!("{entity:?}"), r#"Entity { id: "e1", .. }"#);
    assert_eq!(
        format!("{entity:#?}"),
        "Entity {\n    id: \"e1\",\n    ..\n}"
    );
    // With every field set there is nothing to elide.
    entity.odata_type = Some(Entity::ODATA_TYPE.to_string());
    entity.additional_properties.insert("a".into(), 1.into());
    assert_eq!(
        format!("{entity:?}"),
        r##"Entity { odata_type: "#microsoft.graph.entity", id: "e1", additional_properties: {"a": Number(1)} }"##
    );
}

#[test]
fn a_polymorphic_value_lends_the_base_fields_and_converts_from_and_to_its_variants() {
    // The structs are non-exhaustive: built with `default()`, then their fields set.
    let mut entity = Entity::default();
    entity.id = Some("e1".to_string());
    let mut any = AnyEntity::from(entity);
    assert_eq!(any.id().as_deref(), Some("e1"));
    *any.id_mut() = Some("e2".to_string());
    any.additional_properties_mut().insert("z".into(), 1.into());
    let entity = any.as_entity().unwrap();
    assert_eq!(entity.id.as_deref(), Some("e2"));
    assert_eq!(entity.additional_properties["z"], 1);
    assert_eq!(any.into_entity().unwrap().id.as_deref(), Some("e2"));
}

#[test]
fn undeclared_properties_are_written_back_in_the_order_they_were_read() {
    let entity: Entity = serde_json::from_str(r#"{"z":1,"id":"e1","a":[2],"m":"x"}"#).unwrap();
    assert_eq!(entity.id.as_deref(), Some("e1"));
    // Declared properties come first, then the others as they were read.
    assert_eq!(
        serde_json::to_string(&entity).unwrap(),
        r#"{"id":"e1","z":1,"a":[2],"m":"x"}"#
    );
}

/// The checks of the comms types, which need their area's feature.
#[test]
fn a_property_read_as_null_is_written_back_as_null() {
    let json = r#"{"id":null,"@odata.etag":"W/1"}"#;
    let entity: Entity = serde_json::from_str(json).unwrap();
    assert_eq!(entity.id, None);
    assert!(entity.is_null("id"));
    assert!(!entity.is_null("@odata.etag"));
    assert!(!entity.is_null("missing"));
    assert_eq!(serde_json::to_string(&entity).unwrap(), json);
}

#[cfg(feature = "cloud-communications")]
mod comms {
    use graph_models::graph::{
        AnyCommsOperation, AnyEntity, CommsOperation, Entity, Operation, OperationStatus,
        PlayPromptCompletionReason, PlayPromptOperation, RecordCompletionReason, RecordOperation,
        ResultInfo,
    };
    use graph_models::odata::Collection;
    use serde_json::{json, Value};

    fn read(value: Value) -> AnyCommsOperation {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn the_variant_follows_odata_type_with_or_without_hash_in_any_case() {
        for name in [
            "#microsoft.graph.recordOperation",
            "microsoft.graph.recordOperation",
            "#MICROSOFT.GRAPH.RECORDOPERATION",
        ] {
            let operation = read(json!({"@odata.type": name, "recordingLocation": "https://x"}));
            let AnyCommsOperation::RecordOperation(record) = operation else {
                panic!("{name} reads as {operation:?}");
            };
            assert_eq!(record.recording_location.as_deref(), Some("https://x"));
            assert_eq!(record.odata_type.as_deref(), Some(name));
        }
    }

    #[test]
    fn a_missing_or_unknown_type_reads_as_the_base_and_keeps_everything() {
        let missing = read(json!({"clientContext": "c"}));
        assert!(matches!(missing, AnyCommsOperation::CommsOperation(_)));

        let unknown = json!({
            "@odata.type": "#microsoft.graph.futureOperation",
            "clientContext": "c",
            "futureProperty": [1, 2],
        });
        let AnyCommsOperation::CommsOperation(base) = read(unknown.clone()) else {
            panic!("an unknown type reads as the base");
        };
        assert_eq!(base.additional_properties["futureProperty"], json!([1, 2]));
        let written = serde_json::to_value(AnyCommsOperation::CommsOperation(base)).unwrap();
        assert_eq!(written, unknown);
    }

    #[test]
    fn writing_adds_a_subtype_type_only_when_the_value_has_none() {
        let base = AnyCommsOperation::CommsOperation(Box::default());
        assert_eq!(serde_json::to_value(&base).unwrap(), json!({}));

        let bare = AnyCommsOperation::RecordOperation(Box::default());
        assert_eq!(
            serde_json::to_value(&bare).unwrap(),
            json!({"@odata.type": RecordOperation::ODATA_TYPE})
        );
        let mut record = RecordOperation::default();
        record.odata_type = Some("microsoft.graph.recordOperation".to_string());
        let carried = AnyCommsOperation::RecordOperation(Box::new(record));
        assert_eq!(
            serde_json::to_value(&carried).unwrap(),
            json!({"@odata.type": "microsoft.graph.recordOperation"})
        );
    }

    #[test]
    fn enums_read_any_case_write_the_documented_spelling_and_keep_unknown_values() {
        let status: OperationStatus = serde_json::from_value(json!("NOTSTARTED")).unwrap();
        assert_eq!(status, OperationStatus::NotStarted);
        assert_eq!(serde_json::to_value(&status).unwrap(), json!("notStarted"));

        let placeholder: OperationStatus = serde_json::from_value(json!("String")).unwrap();
        let OperationStatus::Unrecognized(unknown) = &placeholder else {
            panic!("an unknown value reads as the catch-all: {placeholder:?}");
        };
        assert_eq!(unknown.as_str(), "String");
        assert_eq!(format!("{placeholder:?}"), r#"Unrecognized("String")"#);
        assert_eq!(serde_json::to_value(&placeholder).unwrap(), json!("String"));

        assert_eq!(
            PlayPromptCompletionReason::from("unknown"),
            PlayPromptCompletionReason::Unknown
        );
        assert_eq!(
            "maxSilenceTimeout".parse::<RecordCompletionReason>(),
            Ok(RecordCompletionReason::MaxSilenceTimeout)
        );
        assert_eq!(
            RecordCompletionReason::PlayBeepFailed.to_string(),
            "playBeepFailed"
        );
        assert_eq!(RecordCompletionReason::from("new").as_str(), "new");
    }

    #[test]
    fn a_known_value_is_its_member_however_it_is_read_so_equal_values_compare_equal() {
        let by_json: OperationStatus = serde_json::from_value(json!("Running")).unwrap();
        let by_parse: OperationStatus = "RUNNING".parse().unwrap();
        for read in [by_json, by_parse, OperationStatus::from("running")] {
            assert_eq!(read, OperationStatus::Running);
            assert!(!matches!(read, OperationStatus::Unrecognized(_)));
        }
        assert_eq!(OperationStatus::from("new"), OperationStatus::from("new"));
        assert_ne!(OperationStatus::from("new"), OperationStatus::from("old"));
    }

    #[test]
    fn nested_polymorphic_values_are_reached_without_a_match() {
        let mut operation = read(json!({
            "@odata.type": "#microsoft.graph.recordOperation",
            "id": "r1",
            "clientContext": "c",
            "status": "running",
        }));
        assert_eq!(operation.id().as_deref(), Some("r1"));
        assert_eq!(operation.client_context().as_deref(), Some("c"));
        assert_eq!(operation.status(), &Some(OperationStatus::Running));
        *operation.client_context_mut() = Some("d".to_string());

        assert!(operation.as_comms_operation().is_none());
        assert!(operation.as_play_prompt_operation().is_none());
        let record = operation.as_record_operation().unwrap();
        assert_eq!(record.client_context.as_deref(), Some("d"));

        // A failed conversion gives the value back.
        let operation = operation.into_play_prompt_operation().unwrap_err();
        let operation = PlayPromptOperation::try_from(operation).unwrap_err();
        let record = RecordOperation::try_from(operation).unwrap();
        assert_eq!(record.id.as_deref(), Some("r1"));

        // Any subtype goes into the enum of any of its bases, as its own variant.
        let any = AnyEntity::from(record.clone());
        assert_eq!(any.id().as_deref(), Some("r1"));
        assert_eq!(any.as_record_operation(), Some(&record));
        let any = AnyCommsOperation::from(record);
        assert!(matches!(any, AnyCommsOperation::RecordOperation(_)));
    }

    #[test]
    fn timestamps_keep_seven_fractional_digits_and_the_offset() {
        let operation: Operation = serde_json::from_value(json!({
            "createdDateTime": "2017-01-01T00:02:27.6832592+03:00",
        }))
        .unwrap();
        let created = operation.created_date_time.unwrap();
        assert_eq!(created.timestamp_subsec_nanos(), 683_259_200);
        assert_eq!(created.offset().local_minus_utc(), 3 * 3600);
        assert_eq!(created.to_rfc3339(), "2017-01-01T00:02:27.683259200+03:00");
    }

    #[test]
    fn upcasts_move_subtype_fields_into_additional_properties_and_back() {
        let mut result_info = ResultInfo::default();
        result_info.code = Some(200);
        let mut record = RecordOperation::default();
        record.id = Some("r1".to_string());
        record.client_context = Some("c".to_string());
        record.completion_reason = Some(RecordCompletionReason::StopToneDetected);
        record.recording_location = Some("https://x".to_string());
        record.result_info = Some(result_info.into());
        let comms = CommsOperation::from(record.clone());
        assert_eq!(
            comms.odata_type.as_deref(),
            Some(RecordOperation::ODATA_TYPE)
        );
        assert_eq!(
            comms.additional_properties["completionReason"],
            json!("stopToneDetected")
        );
        let entity = Entity::from(record.clone());
        assert_eq!(entity.id.as_deref(), Some("r1"));
        assert_eq!(entity.additional_properties["clientContext"], json!("c"));

        // Nothing is lost: the base's JSON reads back as the subtype it came from.
        let AnyCommsOperation::RecordOperation(back) = read(serde_json::to_value(&entity).unwrap())
        else {
            panic!("the upcast value names its type");
        };
        let mut named = record;
        named.odata_type = Some(RecordOperation::ODATA_TYPE.to_string());
        assert_eq!(*back, named);
    }

    #[test]
    fn a_patch_body_clears_a_property_with_set_null() {
        let mut body = CommsOperation::default();
        body.status = Some(OperationStatus::Running);
        body.set_null("clientContext");
        assert!(body.is_null("clientContext"));
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"status":"running","clientContext":null}"#
        );
    }

    #[test]
    fn a_field_that_is_set_wins_over_a_null_or_property_of_its_name_and_is_written_once() {
        let mut operation: CommsOperation =
            serde_json::from_str(r#"{"clientContext":null,"resultInfo":null}"#).unwrap();
        operation.client_context = Some("c".to_string());
        operation.set_null("status");
        operation.status = Some(OperationStatus::Failed);
        operation
            .additional_properties
            .insert("id".into(), json!("from the map"));
        operation.id = Some("o1".to_string());
        assert_eq!(
            serde_json::to_string(&operation).unwrap(),
            r#"{"id":"o1","clientContext":"c","status":"failed","resultInfo":null}"#
        );
        // Once the field is `None` again, the recorded entries are written.
        operation.client_context = None;
        operation.id = None;
        assert_eq!(
            serde_json::to_value(&operation).unwrap(),
            json!({
                "status": "failed",
                "clientContext": null,
                "resultInfo": null,
                "id": "from the map",
            })
        );
    }

    #[test]
    fn a_null_survives_an_upcast_and_reads_back_as_null() {
        let record: RecordOperation = serde_json::from_value(json!({
            "@odata.type": RecordOperation::ODATA_TYPE,
            "completionReason": null,
            "clientContext": null,
        }))
        .unwrap();
        let entity = Entity::from(record);
        let AnyCommsOperation::RecordOperation(back) = read(serde_json::to_value(&entity).unwrap())
        else {
            panic!("the upcast value names its type");
        };
        assert_eq!(back.completion_reason, None);
        assert!(back.is_null("completionReason") && back.is_null("clientContext"));
    }

    #[test]
    fn a_property_that_does_not_read_is_named_by_its_path_in_the_error() {
        let error = serde_json::from_value::<CommsOperation>(json!({
            "clientContext": "c",
            "resultInfo": {"code": "not a number"},
        }))
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"`resultInfo.code`: invalid type: string "not a number", expected i32"#
        );
    }

    #[test]
    fn a_number_reads_only_into_a_field_whose_type_holds_it() {
        let code = |value: Value| {
            serde_json::from_value::<CommsOperation>(json!({"resultInfo": {"code": value}}))
                .map(|operation| operation.result_info.and_then(|info| info.code))
                .map_err(|error| error.to_string())
        };
        assert_eq!(code(json!(-7)), Ok(Some(-7)));
        assert_eq!(
            code(json!(3_000_000_000_u64)),
            Err("`resultInfo.code`: invalid value: integer `3000000000`, expected i32".into())
        );
        assert_eq!(
            code(json!(1.5)),
            Err("`resultInfo.code`: invalid type: floating point `1.5`, expected i32".into())
        );
        assert_eq!(
            code(json!([1])),
            Err("`resultInfo.code`: invalid type: sequence, expected i32".into())
        );
        assert_eq!(code(Value::Null), Ok(None));
    }

    /// A page of operations whose second item's `resultInfo.code` is not a number.
    const BAD_SECOND_ITEM: &str = r##"{
  "value": [
    {"id": "1"},
    {"@odata.type": "#microsoft.graph.recordOperation",
     "resultInfo": {"code": "not a number"}, "status": "running"}
  ]
}"##;

    #[test]
    fn a_nested_value_that_does_not_read_reports_its_path_and_its_own_position() {
        let error =
            serde_json::from_str::<Collection<CommsOperation>>(BAD_SECOND_ITEM).unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"`value[1].resultInfo.code`: invalid type: string "not a number", expected i32 at line 5 column 42"#
        );
        // Line 5, column 42 is the end of "not a number", not the end of the body.
        let line = BAD_SECOND_ITEM.lines().nth(error.line() - 1).unwrap();
        assert!(
            line[..error.column()].ends_with(r#""not a number""#),
            "{line}"
        );
    }

    #[test]
    fn a_polymorphic_value_reports_the_path_inside_it_with_a_position_past_it() {
        // An `Any...` value is read whole to find `@odata.type` before its variant, which then
        // reads from JSON that has no positions: the position is where reading stopped once the
        // error came out of the item, past the item (here the end of the list).
        let error =
            serde_json::from_str::<Collection<AnyCommsOperation>>(BAD_SECOND_ITEM).unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"`value[1].resultInfo.code`: invalid type: string "not a number", expected i32 at line 6 column 3"#
        );
    }

    #[test]
    fn a_bad_timestamp_shows_the_value_and_what_was_expected() {
        let error = serde_json::from_str::<Operation>(
            r#"{"id": "o1", "createdDateTime": "2021-13-45T00:00:00Z"}"#,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"`createdDateTime`: "2021-13-45T00:00:00Z" is not a timestamp (expected RFC 3339, such as "2021-03-18T09:15:00Z"): input is out of range at line 1 column 54"#
        );
    }
}

/// Lists, as ignored, the checks a build without `cloud-communications` leaves out.
#[cfg(not(feature = "cloud-communications"))]
#[test]
#[ignore = "needs feature `cloud-communications`: the comms operation models are not compiled"]
fn comms_operations() {}
