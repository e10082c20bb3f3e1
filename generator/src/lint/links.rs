//! Links to pages or anchors that do not exist. A link is checked when it is relative and
//! names a `.md` page (or only an anchor); a page in a folder the docs hold none of (the
//! `concepts/` of a docs set that is read without them) is not reported. Paths and anchors
//! are compared ignoring case, as the docs site serves them.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Location};
use crate::page::{Block, Page, Text};

/// What one page links to, and the anchors its headings make.
pub(super) struct PageLinks {
    path: Arc<str>,
    anchors: HashSet<String>,
    links: Vec<(Location, String)>,
}

impl PageLinks {
    /// `text` is the page's, to find where each link's target is written.
    pub(super) fn read(page: &Page, text: &str) -> Self {
        let mut links = Vec::new();
        let mut push = |block: &Text| {
            let lines = block.text.matches('\n').count();
            for link in &block.links {
                // The target as written, `](target`, else the block.
                let written = format!("]({}", link.target);
                let mut span = super::locate(text, block.span, lines, &written);
                if span != block.span {
                    span.column += 2;
                    span.width = link.target.len() as u32;
                }
                links.push((page.location_of(span), link.target.to_string()));
            }
        };
        for block in page.blocks() {
            match block {
                Block::Text(text) => push(text),
                Block::Table(table) => table
                    .header
                    .iter()
                    .chain(table.rows().flatten())
                    .for_each(&mut push),
                Block::Code(_) => {}
            }
        }
        // A heading's anchor repeated is made unique with `-1`, `-2`, ... (`#request-1`).
        let mut seen: HashMap<String, usize> = HashMap::new();
        let anchors = page
            .sections()
            .filter_map(|section| section.heading)
            .map(|heading| {
                let anchor = anchor_of(&heading.text);
                let count = seen.entry(anchor.clone()).or_insert(0);
                *count += 1;
                match *count {
                    1 => anchor,
                    n => format!("{anchor}-{}", n - 1),
                }
            })
            .collect();
        PageLinks {
            path: Arc::clone(&page.path),
            anchors,
            links,
        }
    }
}

pub(super) fn check_links(pages: &[PageLinks], diagnostics: &mut Vec<Diagnostic>) {
    let by_path: HashMap<String, &PageLinks> = pages
        .iter()
        .map(|page| (page.path.to_ascii_lowercase(), page))
        .collect();
    let folders: HashSet<&str> = by_path.keys().map(|path| folder_of(path)).collect();
    for page in pages {
        for (at, target) in &page.links {
            let Some((path, anchor)) = split_target(target) else {
                continue;
            };
            let target_page = if path.is_empty() {
                Some(page)
            } else {
                // Backslashes separate folders as well, as the docs site reads them.
                let path = path.replace('\\', "/");
                let Some(resolved) = resolve(folder_of(&page.path), &path) else {
                    continue;
                };
                let resolved = resolved.to_ascii_lowercase();
                match by_path.get(&resolved) {
                    Some(found) => Some(*found),
                    None if folders.contains(folder_of(&resolved)) => None,
                    None => continue,
                }
            };
            let Some(target_page) = target_page else {
                diagnostics.push(
                    Diagnostic::warning(
                        DiagnosticKind::BrokenLink,
                        at.clone(),
                        format!("link to `{target}`: no such page"),
                    )
                    .with_help("link to the page's path relative to this page"),
                );
                continue;
            };
            if let Some(anchor) = anchor.filter(|a| !a.is_empty()) {
                if !target_page.anchors.contains(&anchor.to_ascii_lowercase()) {
                    diagnostics.push(
                        Diagnostic::warning(
                            DiagnosticKind::BrokenLink,
                            at.clone(),
                            format!(
                                "link to `{target}`: `{}` has no heading that makes the anchor `#{anchor}`",
                                target_page.path
                            ),
                        )
                        .with_help("link to an anchor one of the page's headings makes (its text, lower-cased, spaces as `-`)"),
                    );
                }
            }
        }
    }
}

/// A relative link's page and anchor (`../resources/user.md#properties`), or `None` for a
/// link the lint does not check (absolute, another scheme, not a `.md` page).
fn split_target(target: &str) -> Option<(&str, Option<&str>)> {
    let target = target.trim();
    if target.is_empty()
        || target.contains("://")
        || target.starts_with('/')
        || target.contains(':')
    {
        return None;
    }
    let (path, anchor) = match target.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (target, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    (path.is_empty() || path.to_ascii_lowercase().ends_with(".md")).then_some((path, anchor))
}

fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// `path` from `folder`, `.` and `..` resolved; `None` when it leaves the docs root.
fn resolve(folder: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// The anchor a heading makes, as GitHub and the docs site make it: lower case, spaces as
/// `-`, punctuation but `-` and `_` dropped.
fn anchor_of(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_the_page_folder_and_anchors_follow_headings() {
        assert_eq!(
            resolve("api", "../resources/user.md").as_deref(),
            Some("resources/user.md")
        );
        assert_eq!(resolve("", "../x.md"), None);
        assert_eq!(
            split_target("user.md#Properties"),
            Some(("user.md", Some("Properties")))
        );
        assert_eq!(
            split_target("#json-representation"),
            Some(("", Some("json-representation")))
        );
        assert_eq!(split_target("https://x/y.md"), None);
        assert_eq!(split_target("../images/a.png"), None);
        assert_eq!(anchor_of("JSON representation"), "json-representation");
        assert_eq!(
            resolve("api", "..\\resources\\user.md".replace('\\', "/").as_str()).as_deref(),
            Some("resources/user.md")
        );
        assert_eq!(
            anchor_of("Example 1: Get a user's `id`"),
            "example-1-get-a-users-id"
        );
    }
}
