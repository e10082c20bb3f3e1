//! The one lookup of a finished schema's types, for every stage that reads the schema: a type
//! by qualified name ignoring ASCII case (as the generated types read `@odata.type`), each
//! type's lineage (the type and its ancestors), and the types each page is a source of. Built
//! once per schema; types are named by their position in [`Schema::types`].

use std::collections::HashMap;
use std::ops::Range;

use super::model::{position_ignoring_case, positions_ignoring_case, Kind, Schema, TypeDef};

/// The schema's types by name, lineage and page.
#[derive(Debug)]
pub struct TypeLookup<'s> {
    types: &'s [TypeDef],
    /// Every type's lineage, one after another.
    lineages: Vec<usize>,
    /// Where each type's lineage ends in `lineages`; it starts where the one before ends.
    lineage_ends: Vec<usize>,
    /// Per page (its path), the types whose sources name it, in schema order.
    by_page: HashMap<&'s str, Vec<usize>>,
    /// Per type, whether any type names it (exactly or but for case) as its base.
    has_subtypes: Vec<bool>,
}

impl<'s> TypeLookup<'s> {
    pub fn new(schema: &'s Schema) -> Self {
        let types = schema.types.as_slice();
        let mut lineages = Vec::new();
        let mut lineage_ends = Vec::with_capacity(types.len());
        for position in 0..types.len() {
            let start = lineages.len();
            lineages.push(position);
            let mut current = position;
            while let Some(base) = types[current]
                .base
                .as_deref()
                .and_then(|base| position_ignoring_case(types, base))
            {
                // A cycle: the schema stage breaks them all, a schema made otherwise may not.
                if lineages[start..].contains(&base) {
                    break;
                }
                lineages.push(base);
                current = base;
            }
            lineage_ends.push(lineages.len());
        }
        let mut by_page: HashMap<&str, Vec<usize>> = HashMap::new();
        for (position, ty) in types.iter().enumerate() {
            for source in &ty.sources {
                let described = by_page.entry(&source.file).or_default();
                if described.last() != Some(&position) {
                    described.push(position);
                }
            }
        }
        let mut has_subtypes = vec![false; types.len()];
        for base in types.iter().filter_map(|ty| ty.base.as_deref()) {
            for named in positions_ignoring_case(types, base) {
                has_subtypes[named] = true;
            }
        }
        TypeLookup {
            types,
            lineages,
            lineage_ends,
            by_page,
            has_subtypes,
        }
    }

    /// Whether any type names this one (exactly or but for case) as its base.
    pub fn has_subtypes(&self, position: usize) -> bool {
        self.has_subtypes[position]
    }

    /// Whether the type says nothing of its values: a complex type with no property, no base
    /// and no subtype (`Json`), whose values are whatever the service sends.
    pub fn is_untyped(&self, position: usize) -> bool {
        let ty = &self.types[position];
        ty.kind == Kind::Complex
            && ty.properties.is_empty()
            && ty.base.is_none()
            && !self.has_subtypes[position]
    }

    /// The schema's types, in schema order.
    pub fn types(&self) -> &'s [TypeDef] {
        self.types
    }

    /// The position of the type named `qualified`, ignoring ASCII case: the one spelled
    /// exactly so, else the first that differs only in case.
    pub fn position(&self, qualified: &str) -> Option<usize> {
        position_ignoring_case(self.types, qualified)
    }

    /// The positions of every type named `qualified` ignoring ASCII case: one at most in a
    /// schema the schema stage made.
    pub fn positions_ignoring_case(&self, qualified: &str) -> Range<usize> {
        positions_ignoring_case(self.types, qualified)
    }

    /// The type at `position`, then its ancestors, nearest first: each once, and as far as the
    /// schema has them (a base it does not have ends the lineage).
    pub fn lineage(&self, position: usize) -> &[usize] {
        let start = match position {
            0 => 0,
            _ => self.lineage_ends[position - 1],
        };
        &self.lineages[start..self.lineage_ends[position]]
    }

    /// The position of the base of the type at `position`, if the schema has it.
    pub fn base(&self, position: usize) -> Option<usize> {
        self.lineage(position).get(1).copied()
    }

    /// Whether the type at `position` is the one at `ancestor` or derives from it.
    pub fn derives_from(&self, position: usize, ancestor: usize) -> bool {
        self.lineage(position).contains(&ancestor)
    }

    /// The types that name `page` (a path as [`crate::diagnostic::Location`] has it) among
    /// their sources, in schema order.
    pub fn types_of_page(&self, page: &str) -> &[usize] {
        self.by_page.get(page).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::TypeLookup;
    use crate::diagnostic::Location;
    use crate::read::SourceText;
    use crate::schema::{schema_order, Kind, Schema, TypeDef};

    /// A resource page of `name` with a key and, when given, a stated base.
    fn resource_page(name: &str, base: Option<&str>) -> SourceText {
        let base = base.map_or(String::new(), |base| {
            format!("\"baseType\": \"microsoft.graph.{base}\",\n  ")
        });
        SourceText {
            path: Arc::from(format!("resources/{name}.md")),
            text: format!(
                "# {name} resource type\n\nNamespace: microsoft.graph\n\nA {name}.\n\n\
                 ## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n\
                 | id | String | The key. |\n| {name}Name | String | Its name. |\n\n\
                 ## JSON representation\n\n<!-- {{\n  \"blockType\": \"resource\",\n  \
                 {base}\"keyProperty\": \"id\",\n  \"@odata.type\": \"microsoft.graph.{name}\"\n}}-->\n\
                 ```json\n{{}}\n```\n"
            ),
            lossy: false,
        }
    }

    #[test]
    fn a_type_is_found_by_name_whatever_its_case_with_its_ancestors_and_its_page() {
        let pages: Vec<_> = [
            resource_page("entity", None),
            resource_page("gadget", Some("entity")),
            resource_page("widget", Some("gadget")),
        ]
        .iter()
        .map(|source| crate::facts::extract(&crate::page::parse_page(source).0))
        .collect();
        let (schema, _) = crate::schema::build_schema(&pages);
        let lookup = TypeLookup::new(&schema);
        let at = |name: &str| lookup.position(&format!("microsoft.graph.{name}")).unwrap();
        let (entity, gadget, widget) = (at("entity"), at("gadget"), at("widget"));
        assert_eq!(lookup.position("Microsoft.Graph.WIDGET"), Some(widget));
        assert_eq!(lookup.position("microsoft.graph.sprocket"), None);
        // `Schema::get` takes the name as written.
        assert!(schema.get("Microsoft.Graph.WIDGET").is_none());
        assert_eq!(
            schema.get("microsoft.graph.widget"),
            Some(&schema.types[widget])
        );
        assert_eq!(lookup.lineage(widget), [widget, gadget, entity]);
        assert_eq!(lookup.base(gadget), Some(entity));
        assert!(lookup.derives_from(widget, entity) && lookup.derives_from(widget, widget));
        assert!(!lookup.derives_from(entity, widget));
        assert_eq!(lookup.types_of_page("resources/gadget.md"), [gadget]);
        assert!(lookup.types_of_page("resources/sprocket.md").is_empty());
    }

    fn complex(qualified: &str, base: Option<&str>) -> TypeDef {
        let (namespace, name) = qualified.rsplit_once('.').unwrap();
        TypeDef {
            set_by_config: None,
            namespace: namespace.to_string(),
            name: name.to_string(),
            kind: Kind::Complex,
            base: base.map(str::to_string),
            is_abstract: false,
            description: String::new(),
            properties: Vec::new(),
            members: Vec::new(),
            sources: [1, 9]
                .map(|line| Location::new(&Arc::from("resources/shared.md"), line))
                .to_vec(),
            area: None,
        }
    }

    /// What the schema stage never makes, a schema made by hand may hold: names that differ
    /// only in case, cycles, bases it does not have.
    #[test]
    fn a_schema_made_by_hand_is_looked_up_exact_spelling_first_and_every_lineage_ends() {
        let mut types = vec![
            complex("x.entity", None),
            complex("x.Entity", None),
            complex("x.chicken", Some("x.egg")),
            complex("x.egg", Some("x.chicken")),
            complex("x.orphan", Some("x.missing")),
        ];
        types.sort_by(schema_order);
        let schema = Schema { types };
        let lookup = TypeLookup::new(&schema);
        let at = |name: &str| {
            let position = lookup.position(name).unwrap();
            assert_eq!(lookup.types()[position].qualified_name(), name);
            position
        };
        let (upper, lower) = (at("x.Entity"), at("x.entity"));
        assert_eq!(lookup.position("X.ENTITY"), Some(upper.min(lower)));
        assert_eq!(lookup.positions_ignoring_case("X.ENTITY").len(), 2);
        let (chicken, egg, orphan) = (at("x.chicken"), at("x.egg"), at("x.orphan"));
        assert_eq!(lookup.lineage(chicken), [chicken, egg]);
        assert_eq!(lookup.lineage(orphan), [orphan]);
        // Each type once per page, in schema order.
        let all: Vec<usize> = (0..schema.types.len()).collect();
        assert_eq!(lookup.types_of_page("resources/shared.md"), all);
    }
}
