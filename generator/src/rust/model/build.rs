//! Builds the crate model ([`super::CrateModel`]) from the schema: every item and field named,
//! every field type resolved.
//!
//! Claim order for the collision rule of [`crate::rust::names`]:
//! - items of a module: its submodules, then every type in schema order, then the `Any...`
//!   enums in schema order (a documented `anyFoo` keeps its name, the enum is numbered);
//! - fields of a struct: `odata_type` and `additional_properties` (when structs have it), then
//!   the properties from the root of the inheritance chain down to the type itself, each type's
//!   in documented order;
//! - variants of an enum: the members in documented order, then the catch-all `Unrecognized`;
//! - variants of a polymorphic enum: the base, then its concrete descendants in schema order;
//! - methods of a polymorphic enum: the accessors of `odata_type`, `additional_properties` (when
//!   structs have it) and the base's fields in field order (`id`), then their `_mut` forms in
//!   the same order, then per variant `as_...` and `into_...` (its name in `snake_case`).

use std::collections::{BTreeMap, BTreeSet};
use std::iter::once;

use super::{
    Accessor, Ancestor, CrateModel, Enum, Field, FieldType, Item, ItemPath, Member, Module, Parent,
    Polymorphic, Struct, Untyped, Variant, ADDITIONAL_PROPERTIES_FIELD, CATCH_ALL,
    ODATA_TYPE_FIELD, ODATA_TYPE_WIRE,
};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Location, Severity};
use crate::rust::derives::apply as apply_derives;
use crate::rust::features::{crate_features, features, type_feature, type_features};
use crate::rust::modules::{module_tree, ModuleNames, ModuleTree};
use crate::rust::names::{pascal_case, snake_case, unraw, Case, Scope};
use crate::rust::{CrateOptions, ExtraDerives, PrimitiveChoices};
use crate::schema::{Kind, Property, TypeDef, TypeLookup};

/// One of a struct type's own properties, resolved once while the model is built.
struct OwnField {
    field: Field,
    location: Option<Location>,
}

struct Builder<'a> {
    lookup: &'a TypeLookup<'a>,
    options: ModelOptions<'a>,
    types: &'a [TypeDef],
    /// The item names taken in each module.
    item_scopes: BTreeMap<Vec<String>, Scope>,
    /// Per type, where its item is.
    paths: Vec<ItemPath>,
    /// Per type with subtypes, where its `Any...` enum is.
    polymorphic: BTreeMap<usize, ItemPath>,
    /// Per type, the feature of its product area.
    features: Vec<Option<String>>,
    diagnostics: Vec<Diagnostic>,
}

fn first_source(ty: &TypeDef) -> Option<Location> {
    ty.sources.first().cloned()
}

/// What the model takes of the crate's options: the Rust type of each primitive, whether the
/// docs' descriptions become doc comments, whether structs keep undeclared properties, the
/// extra derives and the module names.
#[derive(Clone, Copy)]
pub struct ModelOptions<'a> {
    pub primitives: &'a PrimitiveChoices,
    pub doc_comments: bool,
    pub additional_properties: bool,
    pub derives: &'a ExtraDerives,
    pub module_names: &'a ModuleNames,
}

impl<'a> From<&'a CrateOptions> for ModelOptions<'a> {
    fn from(options: &'a CrateOptions) -> Self {
        ModelOptions {
            primitives: &options.primitives,
            doc_comments: options.doc_comments,
            additional_properties: options.additional_properties,
            derives: &options.derives,
            module_names: &options.module_names,
        }
    }
}

/// The doc comment text of an item: its docs' description (when the options keep them), and the
/// reason of the `docgen.toml` fix that set it.
fn doc_text(
    options: ModelOptions<'_>,
    description: &str,
    set_by_config: &Option<String>,
) -> String {
    let description = if options.doc_comments {
        description
    } else {
        ""
    };
    match set_by_config {
        Some(reason) if description.is_empty() => format!("Set by docgen.toml: {reason}"),
        Some(reason) => format!("{description}\n\nSet by docgen.toml: {reason}"),
        None => description.to_string(),
    }
}

fn note(location: Option<Location>, message: String) -> Diagnostic {
    Diagnostic::new(Severity::Note, DiagnosticKind::Conflict, location, message)
}

impl<'a> Builder<'a> {
    /// Claims an item name in `module` for type `ty`, with a note when it had to change.
    fn claim_item(&mut self, module: &[String], wanted: String, ty: &TypeDef) -> ItemPath {
        let scope = self
            .item_scopes
            .entry(module.to_vec())
            .or_insert_with(|| Scope::new(Case::Pascal));
        let name = scope.claim(&wanted);
        if name != wanted {
            self.diagnostics.push(note(
                first_source(ty),
                format!(
                    "`{}` is generated as `{name}`: `{wanted}` is taken in module `{}`",
                    ty.qualified_name(),
                    module.join("::")
                ),
            ));
        }
        ItemPath {
            module: module.to_vec(),
            name,
        }
    }

    fn is_struct(&self, index: usize) -> bool {
        self.types[index].kind != Kind::Enum && !self.is_untyped(index)
    }

    /// See [`Untyped`].
    fn is_untyped(&self, index: usize) -> bool {
        self.lookup.is_untyped(index)
    }

    /// The struct base of a struct type, if it has one the schema knows.
    fn base(&self, index: usize) -> Option<usize> {
        self.lookup.base(index).filter(|&b| self.is_struct(b))
    }

    /// From the root of the inheritance chain down to `index` itself: its lineage, as far as
    /// it runs through structs.
    fn chain(&self, index: usize) -> Vec<usize> {
        let ancestors = self.lookup.lineage(index)[1..].iter().copied();
        let mut chain: Vec<usize> = once(index)
            .chain(ancestors.take_while(|&a| self.is_struct(a)))
            .collect();
        chain.reverse();
        chain
    }

    fn own_fields(&mut self, index: usize) -> Vec<OwnField> {
        let ty = &self.types[index];
        let mut fields = Vec::new();
        for property in &ty.properties {
            let location = property
                .sources
                .first()
                .cloned()
                .or_else(|| first_source(ty));
            let field_type = self.field_type(property, &location, ty);
            let feature = self
                .lookup
                .position(&property.ty)
                .and_then(|target| self.features[target].clone());
            fields.push(OwnField {
                field: Field {
                    name: snake_case(&property.name),
                    wire_name: property.name.clone(),
                    ty: field_type,
                    collection: property.collection,
                    navigation: property.navigation,
                    description: doc_text(
                        self.options,
                        &property.description,
                        &property.set_by_config,
                    ),
                    feature,
                },
                location,
            });
        }
        fields
    }

    fn field_type(
        &mut self,
        property: &Property,
        location: &Option<Location>,
        owner: &TypeDef,
    ) -> FieldType {
        let name = property.ty.as_str();
        let unknown = |why: &str| {
            Diagnostic::new(
                Severity::Warning,
                DiagnosticKind::UnknownType,
                location.clone(),
                format!(
                    "property `{}` of `{}` has type `{name}`, {why}; it is held as \
                     `serde_json::Value`",
                    property.name,
                    owner.qualified_name()
                ),
            )
        };
        let is_edm = name
            .get(..4)
            .is_some_and(|head| head.eq_ignore_ascii_case("edm."));
        if is_edm && name.len() > 4 {
            return match self.options.primitives.primitive_for(name) {
                Some(primitive) => FieldType::Primitive(primitive),
                None => {
                    self.diagnostics
                        .push(unknown("which is no known primitive"));
                    FieldType::Json
                }
            };
        }
        let Some(target) = self.lookup.position(name) else {
            self.diagnostics.push(unknown("which no page describes"));
            return FieldType::Json;
        };
        let path = self.paths[target].clone();
        if self.is_untyped(target) {
            FieldType::Untyped(path)
        } else if !self.is_struct(target) {
            FieldType::Enum(path)
        } else if let Some(any) = self.polymorphic.get(&target) {
            FieldType::Polymorphic(any.clone())
        } else {
            FieldType::Struct(path)
        }
    }
}

/// Builds the model of the crate for the schema `lookup` reads, with a diagnostic for every
/// type it could not resolve and every name it had to change to avoid a collision.
pub fn build<'a>(
    lookup: &TypeLookup<'_>,
    options: ModelOptions<'a>,
) -> (CrateModel, Vec<Diagnostic>) {
    let types = lookup.types();
    let tree = module_tree(
        types.iter().map(|t| t.namespace.as_str()),
        options.module_names,
    );
    let mut diagnostics = module_name_diagnostics(&tree, options.module_names);
    let mut builder = Builder {
        lookup,
        options,
        types,
        item_scopes: BTreeMap::new(),
        paths: Vec::new(),
        polymorphic: BTreeMap::new(),
        features: type_features(lookup),
        diagnostics: Vec::new(),
    };
    builder.diagnostics.append(&mut diagnostics);
    let children = name_items(&mut builder, &tree);
    let fields = struct_fields(&mut builder);

    let mut items: BTreeMap<Vec<String>, Vec<Item>> = BTreeMap::new();
    for (index, ty) in types.iter().enumerate() {
        let path = &builder.paths[index];
        let module = items.entry(path.module.clone()).or_default();
        let feature = builder.features[index].clone();
        if ty.kind == Kind::Enum {
            let item = enum_item(&mut builder.diagnostics, options, ty, &path.name, feature);
            module.push(Item::Enum(item));
            continue;
        }
        if builder.is_untyped(index) {
            module.push(Item::Untyped(Untyped {
                name: path.name.clone(),
                qualified: ty.qualified_name(),
                description: doc_text(options, &ty.description, &ty.set_by_config),
                feature,
            }));
            continue;
        }
        let chain = builder.chain(index);
        let mut ancestors = chain.iter().rev().skip(1).map(|&a| Ancestor {
            path: builder.paths[a].clone(),
            feature: builder.features[a].clone(),
        });
        let parent = ancestors.next().map(|ancestor| Parent {
            path: ancestor.path,
            feature: ancestor.feature,
            inherited_fields: fields[&chain[chain.len() - 2]].len(),
        });
        module.push(Item::Struct(Struct {
            name: path.name.clone(),
            qualified: ty.qualified_name(),
            description: doc_text(options, &ty.description, &ty.set_by_config),
            feature,
            fields: fields.get(&index).cloned().unwrap_or_default(),
            parent,
            further_ancestors: ancestors.collect(),
            polymorphic: builder.polymorphic.get(&index).cloned(),
            additional_properties: options.additional_properties,
            derives: Vec::new(),
        }));
        if let Some(any) = builder.polymorphic.get(&index).cloned() {
            let base_fields = fields.get(&index).map_or(&[][..], Vec::as_slice);
            let item = polymorphic_item(&mut builder, index, &children, &any.name, base_fields);
            module.push(Item::Polymorphic(item));
        }
    }

    let modules = tree
        .children
        .iter()
        .map(|(path, submodules)| Module {
            path: path.clone(),
            namespace: tree
                .paths
                .iter()
                .find(|(_, p)| *p == path)
                .map(|(namespace, _)| namespace.clone()),
            submodules: submodules.clone(),
            items: items.remove(path).unwrap_or_default(),
        })
        .collect();
    let features = crate_features(types);
    let mut area_types: BTreeMap<String, Vec<ItemPath>> = BTreeMap::new();
    for (ty, path) in types.iter().zip(&builder.paths) {
        if let Some(feature) = type_feature(ty) {
            area_types.entry(feature).or_default().push(path.clone());
        }
    }
    let mut model = CrateModel {
        modules,
        features,
        area_types,
    };
    apply_derives(&mut model, options.derives, &mut builder.diagnostics);
    (model, builder.diagnostics)
}

/// A warning for each module name of `docgen.toml` whose level no namespace of the docs has,
/// and for each namespace numbered because one of them took its name.
fn module_name_diagnostics(tree: &ModuleTree, names: &ModuleNames) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for (level, name) in names {
        if !tree.levels.contains(level) {
            let known: Vec<&str> = tree.levels.iter().map(String::as_str).collect();
            diagnostics.push(name.at.diagnostic(
                Severity::Warning,
                format!(
                    "no namespace of the docs is or starts with `{level}`, so the module name \
                     `{}` is unused; expected one of: {}",
                    name.name,
                    known.join(", ")
                ),
            ));
        }
    }
    for (taker, displaced) in &tree.displaced {
        let name = &names[taker];
        diagnostics.push(name.at.diagnostic(
            Severity::Warning,
            format!(
                "`{taker}` takes the module name `{}`, which `{displaced}` would have, so \
                 `{displaced}` is numbered; expected a name no other namespace beside it has",
                name.name
            ),
        ));
    }
    diagnostics
}

/// Claims every item name (see the claim order in the module documentation) and returns each
/// struct type's direct subtypes.
fn name_items(builder: &mut Builder, tree: &ModuleTree) -> BTreeMap<usize, Vec<usize>> {
    for (path, submodules) in &tree.children {
        let scope = builder
            .item_scopes
            .entry(path.clone())
            .or_insert_with(|| Scope::new(Case::Pascal));
        for submodule in submodules {
            scope.claim(submodule);
        }
    }
    for ty in builder.types {
        let module = &tree.paths[&ty.namespace];
        let path = builder.claim_item(module, pascal_case(&ty.name), ty);
        builder.paths.push(path);
    }
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for index in (0..builder.types.len()).filter(|&i| builder.is_struct(i)) {
        if let Some(base) = builder.base(index) {
            children.entry(base).or_default().push(index);
        }
    }
    for &base in children.keys() {
        let ty = &builder.types[base];
        let module = builder.paths[base].module.clone();
        let path = builder.claim_item(&module, pascal_case(&format!("any.{}", ty.name)), ty);
        builder.polymorphic.insert(base, path);
    }
    children
}

/// Every struct's fields (own and inherited).
fn struct_fields(builder: &mut Builder) -> BTreeMap<usize, Vec<Field>> {
    // Each type's own properties, resolved once.
    let mut own: BTreeMap<usize, Vec<OwnField>> = BTreeMap::new();
    for index in 0..builder.types.len() {
        if builder.is_struct(index) {
            let fields = builder.own_fields(index);
            own.insert(index, fields);
        }
    }
    own.keys()
        .map(|&index| (index, chain_fields(builder, index, &own)))
        .collect()
}

/// The property fields of struct `index`, base first. The reserved
/// fields are claimed first, so a property never takes their names. A property whose wire name
/// an ancestor (or the reserved `@odata.type`) already has is left out: the first one holds it.
fn chain_fields(
    builder: &mut Builder,
    index: usize,
    own: &BTreeMap<usize, Vec<OwnField>>,
) -> Vec<Field> {
    let mut scope = Scope::new(Case::Snake);
    for reserved in reserved_fields(builder.options) {
        scope.claim(reserved);
    }
    let mut wire_names = BTreeSet::from([ODATA_TYPE_WIRE.to_string()]);
    let mut fields = Vec::new();
    for declarer in builder.chain(index) {
        let declared_here = declarer == index;
        for own_field in &own[&declarer] {
            let field = &own_field.field;
            let qualified = builder.types[declarer].qualified_name();
            if !wire_names.insert(field.wire_name.clone()) {
                if declared_here {
                    builder.diagnostics.push(note(
                        own_field.location.clone(),
                        format!(
                            "property `{}` of `{qualified}` is left out: an ancestor of it (or \
                             `@odata.type`) already has a property of that name",
                            field.wire_name
                        ),
                    ));
                }
                continue;
            }
            let name = scope.claim(&field.name);
            if name != field.name && declared_here {
                builder.diagnostics.push(note(
                    own_field.location.clone(),
                    format!(
                        "property `{}` of `{qualified}` is field `{name}`: `{}` is taken",
                        field.wire_name, field.name
                    ),
                ));
            }
            fields.push(Field {
                name,
                ..field.clone()
            });
        }
    }
    fields
}

fn enum_item(
    diagnostics: &mut Vec<Diagnostic>,
    options: ModelOptions<'_>,
    ty: &TypeDef,
    name: &str,
    feature: Option<String>,
) -> Enum {
    let mut scope = Scope::new(Case::Pascal);
    let mut spellings = BTreeSet::new();
    let mut members = Vec::new();
    for member in &ty.members {
        let parsed = spellings.insert(member.name.to_ascii_lowercase());
        if !parsed {
            diagnostics.push(note(
                Some(member.source.clone()),
                format!(
                    "member `{}` of `{}` is spelled like an earlier one but for case; reading \
                     gives the earlier one",
                    member.name,
                    ty.qualified_name()
                ),
            ));
        }
        members.push(Member {
            variant: scope.claim(&pascal_case(&member.name)),
            wire_name: member.name.clone(),
            description: doc_text(options, &member.description, &member.set_by_config),
            parsed,
        });
    }
    Enum {
        name: name.to_string(),
        qualified: ty.qualified_name(),
        description: doc_text(options, &ty.description, &ty.set_by_config),
        feature,
        members,
        catch_all: scope.claim(CATCH_ALL),
        derives: Vec::new(),
    }
}

/// The fields every struct has besides its properties, claimed before them: `odata_type`, and
/// `additional_properties` when the structs keep undeclared properties.
fn reserved_fields(options: ModelOptions<'_>) -> &'static [&'static str] {
    if options.additional_properties {
        &[ODATA_TYPE_FIELD, ADDITIONAL_PROPERTIES_FIELD]
    } else {
        &[ODATA_TYPE_FIELD]
    }
}

fn polymorphic_item(
    builder: &mut Builder,
    base: usize,
    children: &BTreeMap<usize, Vec<usize>>,
    name: &str,
    base_fields: &[Field],
) -> Polymorphic {
    let mut descendants = BTreeSet::new();
    let mut pending = vec![base];
    while let Some(next) = pending.pop() {
        for &child in children.get(&next).into_iter().flatten() {
            if descendants.insert(child) {
                pending.push(child);
            }
        }
    }
    let types = builder.types;
    let concrete = descendants
        .into_iter()
        .filter(|&d| d != base && !types[d].is_abstract);
    let mut methods = MethodScope::default();
    let reserved = reserved_fields(builder.options);
    let getters: Vec<String> = reserved
        .iter()
        .copied()
        .chain(base_fields.iter().map(|field| field.name.as_str()))
        .map(|getter| methods.claim(getter.to_string()))
        .collect();
    let setters: Vec<String> = getters
        .iter()
        // `self_` (a keyword's name) gives `self_mut`.
        .map(|getter| methods.claim(format!("{}_mut", unraw(getter).trim_end_matches('_'))))
        .collect();
    let accessors = base_fields
        .iter()
        .zip(getters.into_iter().zip(setters).skip(reserved.len()))
        .map(|(field, (getter, setter))| Accessor {
            field: field.clone(),
            getter,
            setter,
        })
        .collect();
    let mut scope = Scope::new(Case::Pascal);
    let mut keys = BTreeSet::new();
    let mut variants = Vec::new();
    for index in std::iter::once(base).chain(concrete) {
        let path = builder.paths[index].clone();
        let key = builder.types[index].qualified_name().to_ascii_lowercase();
        let fresh = keys.insert(key.clone());
        let between = builder.chain(index);
        let below_base = between.iter().skip_while(|&&a| a != base).skip(1);
        let name = scope.claim(&path.name);
        let stem = unraw(&snake_case(&name)).to_string();
        variants.push(Variant {
            as_method: methods.claim(format!("as_{stem}")),
            into_method: methods.claim(format!("into_{stem}")),
            name,
            path,
            key: (index != base && fresh).then_some(key),
            features: features(below_base.map(|&a| &builder.features[a])),
        });
    }
    for (claimed, wanted) in methods.numbered {
        builder.diagnostics.push(note(
            first_source(&types[base]),
            format!(
                "the `Any...` enum of `{}` has method `{claimed}`: `{wanted}` is taken",
                types[base].qualified_name()
            ),
        ));
    }
    Polymorphic {
        name: name.to_string(),
        feature: builder.features[base].clone(),
        variants,
        accessors,
        additional_properties: builder.options.additional_properties,
        derives: Vec::new(),
    }
}

/// The method names of a polymorphic enum, and the ones numbered (claimed, wanted).
struct MethodScope {
    scope: Scope,
    numbered: Vec<(String, String)>,
}

impl Default for MethodScope {
    fn default() -> Self {
        MethodScope {
            scope: Scope::new(Case::Snake),
            numbered: Vec::new(),
        }
    }
}

impl MethodScope {
    fn claim(&mut self, wanted: String) -> String {
        let claimed = self.scope.claim(&wanted);
        if claimed != wanted {
            self.numbered.push((claimed.clone(), wanted));
        }
        claimed
    }
}
