//! A small JSON value with a strict reader and a writer: all the protocol needs, nothing more.
//!
//! The reader follows RFC 8259 to the letter, so a malformed request is told apart from a
//! well-formed one with wrong values: no trailing garbage after the value (two messages merged
//! on one line are an error, not half a request), no `NaN`, no leading zeros, no lone
//! surrogates, no raw control characters in strings, no duplicate keys. Integers are read
//! exactly into an `i128`, so a token of 2^53 − 1 or an id of 2^63 is never rounded through a
//! float. Nesting is limited to [`MAX_DEPTH`] levels, so a hostile line cannot overflow the stack.

use std::fmt::{self, Display, Write};

/// How deep arrays and objects may nest: far deeper than any program of the protocol.
pub(crate) const MAX_DEPTH: usize = 256;

/// A JSON value. Objects keep their fields in order, so replies read the way they were built.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// A number written without fraction or exponent, read exactly.
    Int(i128),
    /// Any other number, kept as written: the protocol never needs its value, only to reject it.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object with these fields, in this order.
    pub(crate) fn object<const N: usize>(fields: [(&str, Json); N]) -> Json {
        Json::Object(fields.into_iter().map(|(name, value)| (name.to_owned(), value)).collect())
    }

    /// The value of field `name`, if this is an object that has it.
    pub(crate) fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(key, _)| key == name).map(|(_, value)| value),
            _ => None,
        }
    }

    /// What kind of value this is, for error messages: "an integer", "null", ….
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) => "an integer",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

impl From<bool> for Json {
    fn from(value: bool) -> Json {
        Json::Bool(value)
    }
}

impl From<&str> for Json {
    fn from(value: &str) -> Json {
        Json::String(value.to_owned())
    }
}

impl From<String> for Json {
    fn from(value: String) -> Json {
        Json::String(value)
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Json {
            fn from(value: $t) -> Json {
                Json::Int(value as i128)
            }
        }
    )*};
}
from_integer!(i64, u64, usize);

impl From<Vec<Json>> for Json {
    fn from(values: Vec<Json>) -> Json {
        Json::Array(values)
    }
}

/// Writes compact JSON on one line: strings escaped, everything else as UTF-8.
impl Display for Json {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => out.write_str("null"),
            Json::Bool(value) => write!(out, "{value}"),
            Json::Int(value) => write!(out, "{value}"),
            Json::Number(text) => out.write_str(text),
            Json::String(text) => write_string(out, text),
            Json::Array(values) => {
                out.write_char('[')?;
                for (index, value) in values.iter().enumerate() {
                    if index > 0 {
                        out.write_char(',')?;
                    }
                    write!(out, "{value}")?;
                }
                out.write_char(']')
            }
            Json::Object(fields) => {
                out.write_char('{')?;
                for (index, (name, value)) in fields.iter().enumerate() {
                    if index > 0 {
                        out.write_char(',')?;
                    }
                    write_string(out, name)?;
                    write!(out, ":{value}")?;
                }
                out.write_char('}')
            }
        }
    }
}

/// A string literal: quotes, backslashes and control characters escaped (a raw newline would end
/// the message), everything else as it is.
fn write_string(out: &mut impl Write, text: &str) -> fmt::Result {
    out.write_char('"')?;
    for c in text.chars() {
        match c {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            '\u{8}' => out.write_str("\\b")?,
            '\u{c}' => out.write_str("\\f")?,
            c if c < ' ' => write!(out, "\\u{:04x}", u32::from(c))?,
            c => out.write_char(c)?,
        }
    }
    out.write_char('"')
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    message: &'static str,
    offset: usize,
}

impl Display for ParseError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{} at byte {}", self.message, self.offset)
    }
}

/// Reads one JSON value that fills `text` (whitespace around it allowed, nothing else).
pub(crate) fn parse(text: &str) -> Result<Json, ParseError> {
    let mut parser = Parser { text, pos: 0, depth: 0 };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.pos < text.len() {
        return Err(parser.error("unexpected text after the value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> ParseError {
        ParseError { message, offset: self.pos }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), ParseError> {
        self.skip_whitespace();
        if self.peek() != Some(byte) {
            return Err(self.error(message));
        }
        self.pos += 1;
        Ok(())
    }

    fn value(&mut self) -> Result<Json, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("expected a value, found the end")),
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.literal(),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json, ParseError>) -> Result<Json, ParseError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.depth += 1;
        self.pos += 1; // the opening bracket
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Result<Json, ParseError> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a field name"));
            }
            let name_at = self.pos;
            let name = self.string()?;
            if fields.iter().any(|(key, _)| *key == name) {
                return Err(ParseError { message: "duplicate field name", offset: name_at });
            }
            self.expect(b':', "expected ':' after a field name")?;
            let value = self.value()?;
            fields.push((name, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err(self.error("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self) -> Result<Json, ParseError> {
        let mut values = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(values));
        }
        loop {
            values.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(values));
                }
                _ => return Err(self.error("expected ',' or ']'")),
            }
        }
    }

    fn literal(&mut self) -> Result<Json, ParseError> {
        let rest = &self.text[self.pos..];
        for (word, value) in [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)] {
            if rest.starts_with(word) {
                self.pos += word.len();
                return Ok(value);
            }
        }
        Err(self.error("expected a value"))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        match self.digits() {
            0 => return Err(self.error("expected a digit")),
            n if leading_zero && n > 1 => return Err(ParseError { message: "leading zero", offset: start }),
            _ => {}
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = &self.text[start..self.pos];
        // Too big even for i128: still a number, just not one the protocol can use.
        Ok(match text.parse::<i128>() {
            Ok(value) if integer => Json::Int(value),
            _ => Json::Number(text.to_owned()),
        })
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1; // the opening quote
        let mut value = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character in one go; all
            // three are ASCII, so the run ends on a character boundary.
            let run = self.text.as_bytes()[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .ok_or(ParseError { message: "unterminated string", offset: self.text.len() })?;
            value.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(value);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    value.push(self.escape()?);
                }
                _ => return Err(self.error("control character in a string")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, ParseError> {
        let escaped = self.peek().ok_or_else(|| self.error("unterminated escape"))?;
        self.pos += 1;
        Ok(match escaped {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.error("unknown escape")),
        })
    }

    /// `\uXXXX`, and the low half after it when it is the high half of a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return Err(self.error("lone surrogate"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone surrogate"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone surrogate")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid code point"))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or_else(|| self.error("short \\u escape"))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error("bad \\u escape"));
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("bad \\u escape"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Json {
        parse(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
    }

    fn fails(text: &str) -> String {
        match parse(text) {
            Ok(value) => panic!("{text:?} should not parse, got {value:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value = ok(r#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d"}, "e": ""} "#);
        assert_eq!(
            value,
            Json::object([
                (
                    "a",
                    Json::Array(vec![
                        Json::Int(1),
                        Json::Int(-2),
                        Json::Number("3.5".into()),
                        Json::Number("1e3".into()),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null,
                    ])
                ),
                ("b", Json::object([("c", "d".into())])),
                ("e", "".into()),
            ])
        );
    }

    #[test]
    fn integers_are_exact_beyond_a_double() {
        assert_eq!(ok("9007199254740991"), Json::Int(9_007_199_254_740_991));
        assert_eq!(ok("9007199254740993"), Json::Int(9_007_199_254_740_993));
        assert_eq!(ok("-9223372036854775809"), Json::Int(-9_223_372_036_854_775_809));
        assert_eq!(ok("18446744073709551616"), Json::Int(18_446_744_073_709_551_616));
        let huge = "1".repeat(50);
        assert_eq!(ok(&huge), Json::Number(huge.clone()));
        assert_eq!(ok("0"), Json::Int(0));
        assert_eq!(ok("-0"), Json::Int(0));
    }

    #[test]
    fn strings_unescape_and_keep_utf8() {
        assert_eq!(ok(r#""a\"b\\c\/d\n\t\r\b\f""#), Json::String("a\"b\\c/d\n\t\r\u{8}\u{c}".into()));
        assert_eq!(ok(r#""\u00e9\u4e2d\ud83e\udd80""#), Json::String("é中🦀".into()));
        assert_eq!(ok("\"é中🦀\""), Json::String("é中🦀".into()));
    }

    #[test]
    fn rejects_what_rfc_8259_rejects() {
        for bad in [
            "",
            "   ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "'a'",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "NaN",
            "Infinity",
            "nul",
            "True",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"tab\there\"",
            "\"line\nbreak\"",
            "\"unterminated",
        ] {
            fails(bad);
        }
    }

    #[test]
    fn rejects_trailing_garbage_and_two_messages_on_one_line() {
        assert!(fails("{} x").contains("after the value"));
        assert!(fails(r#"{"id":1,"op":"hello"}{"id":2,"op":"reset"}"#).contains("after the value"));
        assert!(fails("1 2").contains("after the value"));
    }

    #[test]
    fn rejects_duplicate_field_names() {
        assert!(fails(r#"{"id": 1, "id": 2}"#).contains("duplicate"));
    }

    #[test]
    fn limits_nesting_instead_of_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(fails(&deep).contains("too deep"));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        ok(&fine);
    }

    #[test]
    fn writes_compact_json_that_reads_back() {
        let value = Json::object([
            ("id", Json::Int(-7)),
            ("big", Json::Int(1 << 70)),
            ("text", "quote \" backslash \\ newline \n nul \u{0} bell \u{7} é 🦀".into()),
            ("list", Json::Array(vec![Json::Null, true.into(), Json::object([])])),
        ]);
        let text = value.to_string();
        assert_eq!(
            text,
            r#"{"id":-7,"big":1180591620717411303424,"text":"quote \" backslash \\ newline \n nul \u0000 bell \u0007 é 🦀","list":[null,true,{}]}"#
        );
        assert!(!text.contains('\n'));
        assert_eq!(ok(&text), value);
    }

    #[test]
    fn get_finds_fields_of_objects_only() {
        let value = ok(r#"{"a": 1}"#);
        assert_eq!(value.get("a"), Some(&Json::Int(1)));
        assert_eq!(value.get("b"), None);
        assert_eq!(Json::Int(1).get("a"), None);
    }
}
