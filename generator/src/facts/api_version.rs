//! Which version of the API (`v1.0`, `beta`) a page belongs to, as far as it says: the
//! version its request URLs address (`https://graph.microsoft.com/v1.0/me`), and the version a
//! notice puts its API under ("APIs under the /beta version are subject to change"). The
//! schema stage compares them with the version of the docs as a whole, the one most pages'
//! requests address; [`most_addressed`] picks both, the page's and the docs'.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::page::{Block, Page};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageVersion {
    /// The version most of the page's request URLs address (the first in name order on a tie).
    pub requests: Option<String>,
    /// The version a notice on the page puts its API under.
    pub notice: Option<String>,
}

const HOST: &str = "graph.microsoft.com/";
const NOTICE: &str = "under the ";

// Searchers built once: most blocks hold neither string, and building one per block costs
// more than the search.
static HOST_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(HOST));
static NOTICE_FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(NOTICE));

pub fn page_version(page: &Page) -> PageVersion {
    let addressed = page.code_blocks().flat_map(|code| {
        HOST_FINDER
            .find_iter(code.text.as_bytes())
            .filter_map(|at| version_at(&code.text[at + HOST.len()..], '/'))
    });
    let notice = page.blocks().iter().find_map(|block| match block {
        Block::Text(text) => notice_version(&text.text),
        _ => None,
    });
    PageVersion {
        requests: most_addressed(addressed).map(str::to_ascii_lowercase),
        notice,
    }
}

/// The version that stands most often in `addressed`; on a tie, the first in name order.
pub fn most_addressed<'v>(addressed: impl IntoIterator<Item = &'v str>) -> Option<&'v str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for version in addressed {
        *counts.entry(version).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(version, _)| version)
}

/// "APIs under the /beta version", "under the `/beta` version" -> `beta`.
fn notice_version(text: &str) -> Option<String> {
    let at = NOTICE_FINDER.find(text.as_bytes())?;
    let rest = text[at + NOTICE.len()..].trim_start_matches('`');
    let rest = rest.strip_prefix('/')?;
    let version = version_at(rest, ' ')?;
    rest[version.len()..]
        .trim_start_matches('`')
        .starts_with(" version")
        .then(|| version.to_ascii_lowercase())
}

/// The version name at the start of `text`, up to `end`: letters, digits and dots, starting
/// with a letter (`v1.0`, `beta`; not `{version}`).
fn version_at(text: &str, end: char) -> Option<&str> {
    let name = text.split([end, '`']).next()?;
    let mut chars = name.chars();
    (chars.next()?.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || c == '.'))
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::parse_page;
    use crate::read::SourceText;

    fn version_of(text: &str) -> PageVersion {
        let source = SourceText::for_test("resources/x.md", text);
        page_version(&parse_page(&source).0)
    }

    #[test]
    fn the_version_addressed_most_wins_and_a_tie_goes_to_the_first_name() {
        assert_eq!(most_addressed(["beta", "v1.0", "v1.0"]), Some("v1.0"));
        assert_eq!(most_addressed(["v1.0", "beta"]), Some("beta"));
        assert_eq!(most_addressed([]), None);
    }

    #[test]
    fn request_urls_and_notices_name_versions() {
        let page = "# x\n\n> **Important:** APIs under the /beta version are subject to change.\n\n```http\nGET https://graph.microsoft.com/v1.0/me\nGET https://graph.microsoft.com/beta/me\nGET https://graph.microsoft.com/v1.0/users\nGET https://graph.microsoft.com/{version}/x\n```\n";
        assert_eq!(
            version_of(page),
            PageVersion {
                requests: Some("v1.0".into()),
                notice: Some("beta".into()),
            }
        );
        let quoted = "# x\n\nAPIs under the `/beta` version in Microsoft Graph are in preview.\n";
        assert_eq!(version_of(quoted).notice.as_deref(), Some("beta"));
        // "under the " and a path, but no " version" after it.
        assert_eq!(
            version_of("# x\n\nThe service keeps its logs under the /etc folder.\n"),
            PageVersion::default()
        );
    }
}
