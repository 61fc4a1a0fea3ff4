//! Texts with `{name}` placeholders, as `log`, `set` and `return` carry them (§6, §7).

use std::fmt::{Display, Write};

/// A text in which `{name}` (a name of letters, digits and `_`) stands for a value the program
/// knows when it runs: a local, or the running fiber's `{id}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template(String);

impl Template {
    pub(crate) fn new(text: &str) -> Template {
        Template(text.to_owned())
    }

    /// The text with each placeholder replaced by `value(name)`. A placeholder whose value is
    /// `None` stays as written, which is what the coroutine areas want for a local that was never
    /// set; the fibers area, where such a local reads `0`, never answers `None`.
    pub fn render<V: Display>(&self, mut value: impl FnMut(&str) -> Option<V>) -> String {
        let mut out = String::with_capacity(self.0.len());
        let mut rest = self.0.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name_len = after.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(after.len());
            let name = &after[..name_len];
            if name.is_empty() || !after[name_len..].starts_with('}') {
                out.push('{');
                rest = after;
                continue;
            }
            match value(name) {
                // Writing into a String cannot fail.
                Some(v) => {
                    let _ = write!(out, "{v}");
                }
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[name_len + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> String {
        Template::new(text).render(|name| match name {
            "id" => Some("7".to_owned()),
            "x_1" => Some("{id}".to_owned()),
            _ => None,
        })
    }

    #[test]
    fn replaces_known_placeholders_and_keeps_the_rest() {
        assert_eq!(render("thread: {id} counter: {x_1}"), "thread: 7 counter: {id}");
        assert_eq!(render("{unknown} stays"), "{unknown} stays");
        assert_eq!(render("no placeholders"), "no placeholders");
    }

    #[test]
    fn braces_that_are_no_placeholder_stay() {
        assert_eq!(render("{} {{id}} {id {a b} }{"), "{} {7} {id {a b} }{");
        assert_eq!(render("é{id}中"), "é7中");
    }
}
