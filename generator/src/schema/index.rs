//! Every type the pages describe or mention, keyed by lower-cased qualified name, and the rule
//! that resolves a name as written on a page to one of them:
//! 1. a qualified name (`microsoft.graph.x`) is looked up as it is;
//! 2. a link resolves to the type its target page describes (`../resources/resultinfo.md`);
//! 3. a simple name resolves in the page's namespace, then in `microsoft.graph`, then in the one
//!    namespace that has it; several namespaces: the first in name order.
//!
//! A name that resolves to nothing gets an entry of its own, marked as described by no page.
//!
//! A type's spelling is the one its strongest evidence writes (the page that describes it,
//! then API pages, ...). When that spelling is all lower case and another the type's pages write
//! (a fact's name, a resource page's title) differs from it only in case and is camelCase, the
//! camelCase one is taken, with a note: `orgcontact` in a resource comment whose title says
//! `orgContact` has lost its capitals, while camelCase is how OData names types.
//!
//! A type's facts are ordered by evidence (the pages that describe it, then API pages, ...),
//! and among the pages that describe it its own page leads: the one named after it, as the
//! docs name a type's page (`user.md` for `user`, `callrecords-session.md` for
//! `microsoft.graph.callRecords.session`), before pages of one area that restate it
//! (`intune-devices-user.md`); then page order. What the schema takes from a type's first
//! fact (its description, its product area, its first source) is its own page's.
//!
//! The entries hold what the phases fill in: the drafts of each type's properties, its enum
//! members, and the base its pages state (the schema's bases are resolved in
//! [`super::bases`]).

use std::collections::HashMap;
use std::sync::Arc;

use super::model::EnumMember;
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::doc_text::link_page_stem;
use crate::facts::{
    Evidence, KindHint, PageFacts, PropertyFact, PropertyType, TypeFact, TypeRef, DEFAULT_NAMESPACE,
};

/// The type a property draft refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum DraftType {
    Primitive(&'static str),
    Type(usize),
    /// An `Enumeration` not yet matched to an enum.
    Enumeration,
    /// A value of any of several types (`TypeIndex::unions`), which share no base type: any
    /// JSON. Those that share one are typed as it once the bases are known.
    Union(usize),
}

#[derive(Debug, Clone)]
pub(super) struct PropertyDraft {
    pub name: String,
    pub ty: DraftType,
    pub collection: bool,
    pub navigation: bool,
    pub description: String,
    pub values: Vec<String>,
    pub sources: Vec<Location>,
}

pub(super) struct TypeEntry<'a> {
    pub key: String,
    pub namespace: Arc<str>,
    pub name: String,
    name_evidence: Option<Evidence>,
    /// Facts from pages that describe this type, in page order.
    pub facts: Vec<&'a TypeFact>,
    /// Where the type was first mentioned, for types no page describes.
    pub mentioned_at: Option<Location>,
    pub properties: Vec<PropertyDraft>,
    pub members: Vec<EnumMember>,
    /// The base its pages state (`baseType`, prose, a base page's "Derived types"), with where:
    /// what the pages say, not yet weighed against its rows or checked for cycles (the
    /// schema's base is in [`super::bases::Bases`]).
    pub stated_base: Option<(usize, Location)>,
    /// Types this one's pages say properties are inherited from.
    pub inherited_from: Vec<usize>,
}

impl TypeEntry<'_> {
    pub fn qualified_name(&self) -> String {
        format!("{}.{}", self.namespace, self.name)
    }

    /// Some page describes the type (rather than only mentioning it).
    pub fn is_described(&self) -> bool {
        !self.facts.is_empty()
    }

    pub fn kind_hint(&self, hint: KindHint) -> bool {
        self.facts.iter().any(|f| f.kind == Some(hint))
    }

    /// The key property a resource comment names, if any.
    pub fn key_property(&self) -> Option<&str> {
        self.facts.iter().find_map(|f| f.key_property.as_deref())
    }

    pub fn first_location(&self) -> Option<&Location> {
        self.facts
            .first()
            .map(|f| &f.location)
            .or(self.mentioned_at.as_ref())
    }

    /// Whether `fact` is from the type's own page: the page named after it (see the module
    /// documentation).
    fn is_own_page(&self, fact: &TypeFact) -> bool {
        let Some(stem) = link_page_stem(&fact.location.file) else {
            return false;
        };
        let namespace = self.namespace.rsplit('.').next().unwrap_or_default();
        stem.eq_ignore_ascii_case(&self.name)
            || stem
                .strip_prefix(&namespace.to_ascii_lowercase())
                .and_then(|rest| rest.strip_prefix('-'))
                .is_some_and(|rest| rest.eq_ignore_ascii_case(&self.name))
    }

    /// Takes the camelCase spelling of an all-lower-case name, if the type's pages write one
    /// (see the module documentation); says so in a note.
    fn restore_camel_case(&mut self) -> Option<Diagnostic> {
        if self.name.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let simple = |name: &str| name.rsplit('.').next().unwrap_or(name).to_string();
        let spellings: Vec<(String, &Location)> = self
            .facts
            .iter()
            .flat_map(|fact| {
                let title = fact.title_name.iter().map(|(name, at)| (simple(name), at));
                std::iter::once((simple(&fact.name.name), &fact.location)).chain(title)
            })
            .collect();
        let (camel_case, camel_case_at) = spellings.iter().find(|(spelling, _)| {
            spelling.starts_with(|c: char| c.is_ascii_lowercase())
                && spelling.bytes().any(|b| b.is_ascii_uppercase())
                && spelling.eq_ignore_ascii_case(&self.name)
        })?;
        let lower_case_at = spellings
            .iter()
            .find(|(spelling, _)| *spelling == self.name)
            .map_or(*camel_case_at, |&(_, at)| at);
        let note = Diagnostic::note(
            DiagnosticKind::Inferred,
            lower_case_at.clone(),
            format!(
                "type `{}.{}` is written all in lower case here and `{camel_case}` elsewhere: \
                 named `{camel_case}`, the lower-case spelling taken to have lost its capitals",
                self.namespace, self.name
            ),
        )
        .with_related((*camel_case_at).clone(), format!("`{camel_case}`"));
        self.name = camel_case.clone();
        Some(note)
    }

    /// Whether the type itself declares `property` (ignoring case).
    pub fn declares(&self, property: &str) -> bool {
        self.properties
            .iter()
            .any(|p| p.name.eq_ignore_ascii_case(property))
    }
}

pub(super) struct TypeIndex<'a> {
    pub entries: Vec<TypeEntry<'a>>,
    /// The types of each `DraftType::Union`, as the cell lists them; no list twice.
    pub unions: Vec<Vec<DraftType>>,
    by_key: HashMap<String, usize>,
    by_simple_name: HashMap<String, Vec<usize>>,
    by_page_stem: HashMap<String, usize>,
}

impl<'a> TypeIndex<'a> {
    /// Indexes every type fact of every page: first what type pages describe, then what API
    /// pages add (resolved through their links, so they join the type page's entry).
    pub fn build(pages: &[&'a PageFacts], diagnostics: &mut Vec<Diagnostic>) -> Self {
        let mut index = TypeIndex {
            entries: Vec::new(),
            unions: Vec::new(),
            by_key: HashMap::new(),
            by_simple_name: HashMap::new(),
            by_page_stem: HashMap::new(),
        };
        for page in pages {
            // Links to a page mean its type only when the page describes exactly one.
            let described = page
                .types
                .iter()
                .filter(|f| f.evidence == Evidence::TypePage)
                .count();
            for fact in page
                .types
                .iter()
                .filter(|f| f.evidence == Evidence::TypePage)
            {
                let id = index.entry(&fact.namespace, &fact.name.name);
                index.add_fact(id, fact);
                if described == 1 {
                    index.by_page_stem.entry(page.stem.clone()).or_insert(id);
                }
            }
        }
        for page in pages {
            for fact in page
                .types
                .iter()
                .filter(|f| f.evidence != Evidence::TypePage)
            {
                let id = match index.resolve(&fact.name, &fact.namespace) {
                    Some(id) => id,
                    // A list method's owner is a guess from the file name: only a described
                    // type counts.
                    None if fact.evidence == Evidence::ListMethod => {
                        diagnostics.push(not_modelled_list_method(fact));
                        continue;
                    }
                    None => index.entry(&fact.namespace, &fact.name.name),
                };
                index.add_fact(id, fact);
            }
        }
        for entry in &mut index.entries {
            let mut facts = std::mem::take(&mut entry.facts);
            // Stable: page order is kept within each rank.
            facts.sort_by_key(|f| (std::cmp::Reverse(f.evidence), !entry.is_own_page(f)));
            entry.facts = facts;
            diagnostics.extend(entry.restore_camel_case());
        }
        index
    }

    fn add_fact(&mut self, id: usize, fact: &'a TypeFact) {
        let entry = &mut self.entries[id];
        if entry.name_evidence.is_none_or(|e| fact.evidence > e) {
            entry.name = fact.name.name.clone();
            entry.name_evidence = Some(fact.evidence);
        }
        entry.facts.push(fact);
    }

    fn entry(&mut self, namespace: &Arc<str>, name: &str) -> usize {
        let key = format!("{namespace}.{name}").to_ascii_lowercase();
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let id = self.entries.len();
        self.by_simple_name
            .entry(name.to_ascii_lowercase())
            .or_default()
            .push(id);
        self.by_key.insert(key.clone(), id);
        self.entries.push(TypeEntry {
            key,
            namespace: Arc::clone(namespace),
            name: name.to_string(),
            name_evidence: None,
            facts: Vec::new(),
            mentioned_at: None,
            properties: Vec::new(),
            members: Vec::new(),
            stated_base: None,
            inherited_from: Vec::new(),
        });
        id
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// For each type, the first type (in index order) whose pages state it as their base, if
    /// any: a base no page describes is a type all the same.
    pub fn first_subtypes(&self) -> Vec<Option<usize>> {
        let mut first = vec![None; self.len()];
        for (id, entry) in self.entries.iter().enumerate() {
            if let Some((base, _)) = entry.stated_base {
                first[base].get_or_insert(id);
            }
        }
        first
    }

    /// Every type with this simple name, in any namespace, ignoring case.
    pub fn with_simple_name(&self, name: &str) -> &[usize] {
        self.by_simple_name
            .get(&name.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// Resolves a name as written on a page in `namespace`; `None` if no type has it.
    pub fn resolve(&self, reference: &TypeRef, namespace: &str) -> Option<usize> {
        let name = reference.name.trim_start_matches('#');
        if name.contains('.') {
            return self.by_key.get(&name.to_ascii_lowercase()).copied();
        }
        if let Some(id) = reference
            .page
            .as_ref()
            .and_then(|stem| self.by_page_stem.get(stem))
        {
            return Some(*id);
        }
        let lower = name.to_ascii_lowercase();
        for namespace in [namespace, DEFAULT_NAMESPACE] {
            if let Some(&id) = self
                .by_key
                .get(&format!("{}.{lower}", namespace.to_ascii_lowercase()))
            {
                return Some(id);
            }
        }
        let candidates = self.by_simple_name.get(&lower)?;
        candidates
            .iter()
            .min_by_key(|&&id| &self.entries[id].key)
            .copied()
    }

    /// Resolves a name, or adds an entry for a type no page describes.
    pub fn resolve_or_mention(
        &mut self,
        reference: &TypeRef,
        namespace: &Arc<str>,
        at: &Location,
    ) -> usize {
        if let Some(id) = self.resolve(reference, namespace) {
            return id;
        }
        let name = reference.name.trim_start_matches('#');
        let (namespace, simple) = match name.rsplit_once('.') {
            Some((ns, simple)) => (Arc::from(ns), simple),
            None => (Arc::clone(namespace), name),
        };
        let id = self.entry(&namespace, simple);
        self.entries[id]
            .mentioned_at
            .get_or_insert_with(|| at.clone());
        id
    }

    /// The draft of a type as a page in `namespace` writes it at `at`; a type no page
    /// describes gets an entry of its own.
    pub fn draft_type(
        &mut self,
        ty: &PropertyType,
        namespace: &Arc<str>,
        at: &Location,
    ) -> DraftType {
        match ty {
            PropertyType::Primitive(name) => DraftType::Primitive(name),
            PropertyType::Enumeration => DraftType::Enumeration,
            PropertyType::Named(reference) => {
                DraftType::Type(self.resolve_or_mention(reference, namespace, at))
            }
            PropertyType::OneOf(alternatives) => {
                let alternatives: Vec<DraftType> = alternatives
                    .iter()
                    .map(|alternative| self.draft_type(alternative, namespace, at))
                    .collect();
                let id = match self.unions.iter().position(|u| *u == alternatives) {
                    Some(id) => id,
                    None => {
                        self.unions.push(alternatives);
                        self.unions.len() - 1
                    }
                };
                DraftType::Union(id)
            }
        }
    }

    /// A draft type as messages name it: `` `microsoft.graph.x` collection ``, `` `a` or `b` ``.
    pub fn describe(&self, ty: DraftType, collection: bool) -> String {
        let name = match ty {
            DraftType::Primitive(name) => name.to_string(),
            DraftType::Type(id) => self.entries[id].qualified_name(),
            DraftType::Enumeration => "an unnamed Enumeration".to_string(),
            DraftType::Union(union) => {
                let names: Vec<String> = self.unions[union]
                    .iter()
                    .map(|&alternative| self.describe(alternative, false))
                    .collect();
                return format!(
                    "{}{}",
                    names.join(" or "),
                    if collection { " collection" } else { "" }
                );
            }
        };
        if collection {
            format!("`{name}` collection")
        } else {
            format!("`{name}`")
        }
    }

    /// Adds an entry for an unnamed enum, with a name no other type has.
    pub fn add_derived(&mut self, namespace: &Arc<str>, name: &str, at: &Location) -> usize {
        let mut candidate = name.to_string();
        let mut n = 2;
        while self
            .by_key
            .contains_key(&format!("{namespace}.{candidate}").to_ascii_lowercase())
        {
            candidate = format!("{name}{n}");
            n += 1;
        }
        let id = self.entry(namespace, &candidate);
        self.entries[id].mentioned_at = Some(at.clone());
        id
    }
}

/// Says why a list method whose owner no page describes adds nothing, so that its page is not
/// silently empty.
fn not_modelled_list_method(fact: &TypeFact) -> Diagnostic {
    let listed: Vec<&str> = fact.properties.iter().map(|p| p.name.as_str()).collect();
    Diagnostic::note(
        DiagnosticKind::UnknownType,
        fact.location.clone(),
        format!(
            "list method of `{}`: no page describes `{}`, the owner its file name gives; not modelled",
            listed.join("`, `"),
            fact.name.name
        ),
    )
}

/// A property fact together with the namespace its page resolves names in.
#[derive(Clone, Copy)]
pub(super) struct Candidate<'a> {
    pub fact: &'a PropertyFact,
    pub namespace: &'a Arc<str>,
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::diagnostic::DiagnosticKind;
    use crate::read::SourceText;

    #[test]
    fn a_list_method_whose_owner_no_page_describes_is_reported() {
        let source = SourceText {
            path: Arc::from("api/gadget-list-widgets.md"),
            text: "---\ndoc_type: apiPageType\n---\n# List widgets\n\n## HTTP request\n\n\
                   ```http\nGET /gadgets/{id}/widgets\n```\n\n## Response\n\n\
                   A collection of [widget](../resources/widget.md) objects.\n"
                .to_string(),
            lossy: false,
        };
        let (page, _) = crate::page::parse_page(&source);
        let facts = crate::facts::extract(&page);
        let (schema, diagnostics) = crate::schema::build_schema(&[facts]);
        assert!(schema.types.is_empty(), "{schema:?}");
        let reported: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::UnknownType)
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            reported,
            [
                "api/gadget-list-widgets.md:4: note[D0202]: list method of `widgets`: \
              no page describes `gadget`, the owner its file name gives; not modelled"
            ]
        );
    }
}
