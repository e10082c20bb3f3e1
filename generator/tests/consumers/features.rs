//! Code that uses the crate of `rust_render.rs` as its docs say, with one area's feature on:
//! it must compile whichever other features are on too, since features are additive. An
//! `Any...` enum is matched with a `_` arm, a struct built with `default()` and read with `..`.

#[cfg(feature = "cloud-communications")]
mod communications {
    use graph_models::graph::{AnyCommsOperation, AnyEntity, Call};

    /// `call-records` adds a variant to `AnyEntity`: the `_` arm takes it.
    fn kind(entity: &AnyEntity) -> &'static str {
        match entity {
            AnyEntity::Entity(_) => "entity",
            AnyEntity::Call(_) => "call",
            AnyEntity::Operation(_) => "operation",
            AnyEntity::PlayPromptOperation(_) => "prompt",
            _ => "other",
        }
    }

    #[test]
    fn reads_a_call() {
        let mut call = Call::default();
        call.duration = Some("PT1M".to_string());
        call.operations = Some(Vec::<AnyCommsOperation>::new());
        let Call { duration, .. } = &call;
        assert_eq!(duration.as_deref(), Some("PT1M"));
        assert_eq!(kind(&AnyEntity::from(call)), "call");
    }
}

#[cfg(feature = "files")]
mod files {
    use graph_models::graph::{OperationStatus, Recording};

    /// `cloud-communications` adds `Recording::call`: the `..` takes it.
    #[test]
    fn reads_a_recording() {
        let mut recording = Recording::default();
        recording.status = Some(OperationStatus::Running);
        let Recording { status, .. } = &recording;
        let running = match status {
            Some(OperationStatus::Running) => true,
            Some(_) | None => false,
        };
        assert!(running);
    }
}
