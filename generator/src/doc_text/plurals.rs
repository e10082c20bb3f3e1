//! English plurals, as property names and path segments use them.

/// English plural to singular, as property names and path segments use it: `policies` ->
/// `policy`, `classes` -> `class`; `true` when the word was plural. A word that is not plural
/// stays as it is (`me`, `address`).
pub fn singular(name: &str) -> (String, bool) {
    if let Some(stem) = name.strip_suffix("ies") {
        (format!("{stem}y"), true)
    } else if let Some(stem) = name
        .strip_suffix("es")
        .filter(|stem| stem.ends_with("ss") || stem.ends_with('x'))
    {
        (stem.to_string(), true)
    } else if let Some(stem) = name.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        (stem.to_string(), true)
    } else {
        (name.to_string(), false)
    }
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn plural_segments_name_their_singular_type() {
        assert_eq!(singular("calls").0, "call");
        assert_eq!(singular("policies").0, "policy");
        assert_eq!(singular("me").0, "me");
    }
}
