//! Reads the front matter at the top of a page: `key: value` lines between `---` lines.

use super::model::FrontMatter;

/// Front matter between `---` lines at the very top. Tolerant: quoted or unquoted values,
/// stray spaces, lines that are not `key: value` are skipped. Returns where the body starts.
pub(super) fn parse_front_matter(text: &str) -> (FrontMatter<'_>, usize) {
    let mut front_matter = FrontMatter::default();
    let Some(rest) = text.strip_prefix("---") else {
        return (front_matter, 0);
    };
    let Some(first_newline) = rest.find('\n') else {
        return (front_matter, 0);
    };
    if !rest[..first_newline].trim().is_empty() {
        return (front_matter, 0);
    }
    let mut offset = 3 + first_newline + 1;
    for line in text[offset..].split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "..." {
            return (front_matter, offset);
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            front_matter.entries.push((key.trim(), value));
        }
    }
    // No closing line: this was not front matter after all.
    (FrontMatter::default(), 0)
}

#[cfg(test)]
mod tests {
    use crate::page::parse_page;
    use crate::page::tests::source;

    #[test]
    fn front_matter_is_tolerant() {
        let source = source(
            "---\ntitle: \"A title\" \ndoc_type:  resourcePageType\nms.prod: 'x'\n---\n# T\n",
        );
        let (page, _) = parse_page(&source);
        assert_eq!(page.front_matter.get("title"), Some("A title"));
        assert_eq!(page.front_matter.get("DOC_TYPE"), Some("resourcePageType"));
        assert_eq!(page.front_matter.get("ms.prod"), Some("x"));
        assert_eq!(page.title.as_ref().map(|t| t.span.line), Some(6));
    }
}
