//! Paths relative to a folder, `/`-separated whatever the platform: how pages and generated
//! files are named, in diagnostics and in the order they are handled.

use std::path::Path;

/// `path` relative to `root`, its parts joined by `/` (a part that is not UTF-8 is read
/// lossily); `None` when `path` is not under `root`.
pub(crate) fn under(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<_> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect();
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn a_path_under_the_root_is_joined_by_slashes() {
        let root = Path::new("docs");
        let page = root.join("api").join("user-get.md");
        assert_eq!(
            super::under(root, &page).as_deref(),
            Some("api/user-get.md")
        );
        assert_eq!(super::under(root, Path::new("elsewhere/user.md")), None);
    }
}
