//! Links to a type's page: `[resultInfo](../resources/resultInfo.md)` names the type
//! `resultInfo`, described by the page whose stem is `resultinfo`.

use super::names::is_qualified_name;

/// `../resources/resultInfo.md#anchor` -> `resultinfo`.
pub fn link_page_stem(target: &str) -> Option<String> {
    let path = target.split(['#', '?']).next()?;
    let file = path.rsplit('/').next()?;
    let stem = file.strip_suffix(".md").unwrap_or(file);
    (!stem.is_empty() && !stem.contains(':')).then(|| stem.to_ascii_lowercase())
}

/// The name of the type a link with this text names, given its target's `page` stem: the text
/// when it is a type name (`resultInfo`), else the page's stem (`the session` linking
/// `callrecords-session.md`: `callrecords-session`), else the text as it is.
pub fn linked_type_name(text: &str, page: Option<&str>) -> String {
    let text = text.trim().trim_matches('`').trim();
    if is_qualified_name(text) {
        text.to_string()
    } else {
        page.unwrap_or(text).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_give_page_stems() {
        let page = link_page_stem("../resources/resultInfo.md#x");
        assert_eq!(page.as_deref(), Some("resultinfo"));
        assert_eq!(
            linked_type_name("resultInfo", page.as_deref()),
            "resultInfo"
        );
        let page = link_page_stem("callrecords-session.md");
        assert_eq!(
            linked_type_name("the session", page.as_deref()),
            "callrecords-session"
        );
    }
}
