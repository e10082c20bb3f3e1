// Code that uses the crate generated from docs-input/ as its users are told to: structs built
// with `default()` and their fields set, enums matched with a `_` arm. `.ci/semver` compiles it
// against the crate after additive and after breaking changes of the pages.
use graph_models::graph::{AnyCommsOperation, OperationStatus, ResultInfo};

pub fn result_info() -> ResultInfo {
    let mut info = ResultInfo::default();
    info.code = Some(200);
    info.message = Some("done".to_string());
    info
}

pub fn is_pending(status: &OperationStatus) -> bool {
    match status {
        OperationStatus::NotStarted | OperationStatus::Running => true,
        OperationStatus::Completed | OperationStatus::Failed => false,
        _ => false,
    }
}

pub fn is_record(operation: &AnyCommsOperation) -> bool {
    match operation {
        AnyCommsOperation::RecordOperation(_) => true,
        AnyCommsOperation::CommsOperation(_) | AnyCommsOperation::PlayPromptOperation(_) => false,
        _ => false,
    }
}
