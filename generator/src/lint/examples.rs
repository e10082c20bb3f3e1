//! The pages' JSON examples that do not fit the schema, as the example round trip classes
//! them (`example_check.rs`): a placeholder value, a value of the wrong JSON type, a value in
//! another case than its enum member, an undocumented property. An example that is not valid
//! JSON is reported when it is read (`malformed`), so not again here.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};
use crate::example_check::{example_cases, DefectClass};
use crate::facts::Example;
use crate::schema::{Schema, TypeLookup};

pub(super) fn check_examples(
    schema: &Schema,
    examples: &[Example],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lookup = TypeLookup::new(schema);
    for (example, case) in examples.iter().zip(example_cases(&lookup, examples)) {
        let Some(defect) = case.doc_defect else {
            continue;
        };
        let (kind, help) = match defect.class {
            DefectClass::InvalidJson => continue,
            DefectClass::Placeholder => (
                DiagnosticKind::Placeholder,
                "write a value of the property's type",
            ),
            DefectClass::WrongCaseValue => (
                DiagnosticKind::EnumSpelling,
                "spell the value as the enum's member",
            ),
            DefectClass::UndocumentedType => (
                DiagnosticKind::ExampleMismatch,
                "name a type a page describes, or add its page",
            ),
            DefectClass::ContradictsType => (
                DiagnosticKind::ExampleMismatch,
                "write a value of the documented type",
            ),
            DefectClass::WrongCase => (
                DiagnosticKind::ExampleMismatch,
                "spell the property as its type's page does",
            ),
            DefectClass::WrappedValue => (
                DiagnosticKind::ExampleMismatch,
                "write the object itself, not wrapped in `value`",
            ),
            DefectClass::UndocumentedProperty => (
                DiagnosticKind::ExampleMismatch,
                "document the property on its type's page, or remove it from the example",
            ),
        };
        // The schema may lack a property a page does not document where the example's type
        // is (an inherited one, a type read from another page): worth a look, no error.
        let severity = if defect.class == DefectClass::UndocumentedProperty {
            Severity::Note
        } else {
            Severity::Warning
        };
        let read_as = case
            .type_name
            .map_or(String::new(), |name| format!(" (read as `{name}`)"));
        diagnostics.push(
            Diagnostic::new(
                severity,
                kind,
                Some(example.location.clone()),
                format!(
                    "example{read_as}: {}: {}",
                    defect.class.as_str(),
                    defect.detail
                ),
            )
            .with_help(help),
        );
    }
}
