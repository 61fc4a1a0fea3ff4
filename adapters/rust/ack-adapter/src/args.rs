//! Typed access to a request's `args` (spec/protocol.md §4): what is missing, what is `null` and
//! what has the wrong JSON type are three different things, and the last two are `BadRequest`.

use crate::error::{Error, Result};
use crate::json::Json;

/// The fields of one `args` object, or of an object nested in it (an instruction of a program).
/// `path` names it in messages: `args`, `args.program[2]`, `args.concurrently`.
#[derive(Debug, Clone)]
pub(crate) struct Args<'a> {
    fields: &'a [(String, Json)],
    path: String,
}

const NO_FIELDS: &[(String, Json)] = &[];

/// Reads `text`, a JSON value, as if it were field `name` of a request's args, with `read`: how a
/// program written by hand (in a test) is checked exactly as one that came in a request.
pub(crate) fn read_as_arg<T>(text: &str, name: &str, read: impl FnOnce(&Args<'_>, &str) -> Result<T>) -> Result<T> {
    let value = crate::json::parse(text).map_err(|error| Error::bad_request(format!("not JSON: {error}")))?;
    let args = Json::Object(vec![(name.to_owned(), value)]);
    read(&Args::of_request(Some(&args))?, name)
}

impl<'a> Args<'a> {
    /// The request's args: an object, or nothing (`args` may be left out when empty).
    pub(crate) fn of_request(args: Option<&'a Json>) -> Result<Args<'a>> {
        match args {
            None | Some(Json::Null) => Ok(Args { fields: NO_FIELDS, path: "args".into() }),
            Some(Json::Object(fields)) => Ok(Args { fields, path: "args".into() }),
            Some(other) => Err(Error::bad_request(format!("args must be an object, not {}", other.kind()))),
        }
    }

    fn name(&self, field: &str) -> String {
        format!("{}.{field}", self.path)
    }

    fn field(&self, name: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(key, _)| key == name).map(|(_, value)| value)
    }

    /// A required field: missing is a `BadRequest`; present, it may still be `null`.
    fn required(&self, name: &str) -> Result<&'a Json> {
        self.field(name).ok_or_else(|| Error::bad_request(format!("{} is missing", self.name(name))))
    }

    /// An optional field: missing and `null` both mean "not given" (§4).
    fn optional(&self, name: &str) -> Option<&'a Json> {
        self.field(name).filter(|value| **value != Json::Null)
    }

    fn wrong(&self, name: &str, expected: &str, found: &Json) -> Error {
        let found = match found {
            Json::Int(value) => format!("{value}"),
            Json::Number(text) => text.clone(),
            other => other.kind().to_owned(),
        };
        Error::bad_request(format!("{} must be {expected}, not {found}", self.name(name)))
    }

    fn integer<T: TryFrom<i128>>(&self, name: &str, value: &Json) -> Result<T> {
        match value {
            Json::Int(int) => T::try_from(*int).map_err(|_| self.wrong(name, "an integer in range", value)),
            other => Err(self.wrong(name, "an integer", other)),
        }
    }

    /// A required integer that fits `T`: `int::<u16>("port")`, `int::<u64>("times")` (so a
    /// negative count is a `BadRequest`).
    pub(crate) fn int<T: TryFrom<i128>>(&self, name: &str) -> Result<T> {
        self.integer(name, self.required(name)?)
    }

    /// An optional integer; `None` when missing or `null`.
    pub(crate) fn opt_int<T: TryFrom<i128>>(&self, name: &str) -> Result<Option<T>> {
        self.optional(name).map(|value| self.integer(name, value)).transpose()
    }

    /// A required integer that may be `null` (`eq.poll`'s `timeout_ms`: `null` is "no timeout").
    pub(crate) fn int_or_null<T: TryFrom<i128>>(&self, name: &str) -> Result<Option<T>> {
        match self.required(name)? {
            Json::Null => Ok(None),
            value => self.integer(name, value).map(Some),
        }
    }

    /// A handle: a positive integer (§4). Whether it names anything is the handle table's question.
    pub(crate) fn handle(&self, name: &str) -> Result<u64> {
        match self.int::<u64>(name)? {
            0 => Err(Error::bad_request(format!("{} must be a positive integer, not 0", self.name(name)))),
            handle => Ok(handle),
        }
    }

    /// A required string.
    pub(crate) fn string(&self, name: &str) -> Result<&'a str> {
        match self.required(name)? {
            Json::String(text) => Ok(text),
            other => Err(self.wrong(name, "a string", other)),
        }
    }

    /// An optional string; `None` when missing or `null`.
    pub(crate) fn opt_string(&self, name: &str) -> Result<Option<&'a str>> {
        match self.optional(name) {
            None => Ok(None),
            Some(Json::String(text)) => Ok(Some(text)),
            Some(other) => Err(self.wrong(name, "a string", other)),
        }
    }

    /// An optional boolean; `None` when missing or `null`.
    pub(crate) fn opt_bool(&self, name: &str) -> Result<Option<bool>> {
        match self.optional(name) {
            None => Ok(None),
            Some(Json::Bool(value)) => Ok(Some(*value)),
            Some(other) => Err(self.wrong(name, "true or false", other)),
        }
    }

    /// A required array of strings.
    pub(crate) fn strings(&self, name: &str) -> Result<Vec<&'a str>> {
        let items = self.array(name)?;
        items
            .iter()
            .map(|item| match item {
                Json::String(text) => Ok(text.as_str()),
                other => Err(self.wrong(name, "an array of strings", other)),
            })
            .collect()
    }

    /// A required array of objects, each read as args of its own: the instructions of a program.
    pub(crate) fn objects(&self, name: &str) -> Result<Vec<Args<'a>>> {
        let items = self.array(name)?;
        items
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Json::Object(fields) => Ok(Args { fields, path: format!("{}[{index}]", self.name(name)) }),
                other => Err(self.wrong(name, "an array of objects", other)),
            })
            .collect()
    }

    /// An optional object, read as args of its own; `None` when missing or `null`.
    pub(crate) fn opt_object(&self, name: &str) -> Result<Option<Args<'a>>> {
        match self.optional(name) {
            None => Ok(None),
            Some(Json::Object(fields)) => Ok(Some(Args { fields, path: self.name(name) })),
            Some(other) => Err(self.wrong(name, "an object", other)),
        }
    }

    /// A required word out of `choices`, as the value paired with it.
    pub(crate) fn choice<T: Copy>(&self, name: &str, choices: &[(&str, T)]) -> Result<T> {
        let word = self.string(name)?;
        self.pick(name, word, choices)
    }

    /// An optional word out of `choices`; `None` when missing or `null`.
    pub(crate) fn opt_choice<T: Copy>(&self, name: &str, choices: &[(&str, T)]) -> Result<Option<T>> {
        self.opt_string(name)?.map(|word| self.pick(name, word, choices)).transpose()
    }

    /// The value paired with `word` in `choices`; an unknown word is a `BadRequest`.
    pub(crate) fn pick<T: Copy>(&self, name: &str, word: &str, choices: &[(&str, T)]) -> Result<T> {
        choices.iter().find(|(choice, _)| *choice == word).map(|(_, value)| *value).ok_or_else(|| {
            let words: Vec<&str> = choices.iter().map(|(choice, _)| *choice).collect();
            Error::bad_request(format!("{} must be one of {}, not {word:?}", self.name(name), words.join(", ")))
        })
    }

    fn array(&self, name: &str) -> Result<&'a [Json]> {
        match self.required(name)? {
            Json::Array(items) => Ok(items),
            other => Err(self.wrong(name, "an array", other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::json::parse;

    fn with<R>(text: &str, check: impl FnOnce(Args<'_>) -> R) -> R {
        let json = parse(text).unwrap();
        check(Args::of_request(Some(&json)).unwrap())
    }

    fn message<T: std::fmt::Debug>(result: Result<T>) -> String {
        let error = result.expect_err("should fail");
        assert_eq!(error.kind(), ErrorKind::BadRequest, "{error}");
        error.message().to_owned()
    }

    #[test]
    fn args_may_be_missing_or_null_but_not_another_type() {
        assert!(Args::of_request(None).is_ok());
        assert!(Args::of_request(Some(&Json::Null)).is_ok());
        assert_eq!(message(Args::of_request(Some(&Json::Int(1)))), "args must be an object, not an integer");
    }

    #[test]
    fn missing_null_and_wrong_type_are_told_apart() {
        with(r#"{"t": null, "s": "x", "n": 5}"#, |args| {
            assert_eq!(message(args.int::<u64>("missing")), "args.missing is missing");
            assert_eq!(message(args.int::<u64>("t")), "args.t must be an integer, not null");
            assert_eq!(args.int_or_null::<u64>("t").unwrap(), None);
            assert_eq!(message(args.int_or_null::<u64>("missing")), "args.missing is missing");
            assert_eq!(args.opt_int::<u64>("t").unwrap(), None);
            assert_eq!(args.opt_int::<u64>("missing").unwrap(), None);
            assert_eq!(args.opt_int::<u64>("n").unwrap(), Some(5));
            assert_eq!(message(args.opt_int::<u64>("s")), "args.s must be an integer, not a string");
            assert_eq!(args.opt_string("t").unwrap(), None);
            assert_eq!(args.opt_bool("t").unwrap(), None);
        });
    }

    #[test]
    fn integers_must_fit_their_type() {
        with(r#"{"neg": -1, "big": 70000, "frac": 1.5, "exp": 1e3, "max": 9007199254740991}"#, |args| {
            assert!(message(args.int::<u64>("neg")).contains("-1"));
            assert!(message(args.int::<u16>("big")).contains("70000"));
            assert_eq!(message(args.int::<u64>("frac")), "args.frac must be an integer, not 1.5");
            assert_eq!(message(args.int::<u64>("exp")), "args.exp must be an integer, not 1e3");
            assert_eq!(args.int::<u64>("max").unwrap(), 9_007_199_254_740_991);
            assert_eq!(args.int::<i64>("neg").unwrap(), -1);
        });
    }

    #[test]
    fn handles_are_positive() {
        with(r#"{"zero": 0, "one": 1, "neg": -3}"#, |args| {
            assert_eq!(args.handle("one").unwrap(), 1);
            assert!(message(args.handle("zero")).contains("positive"));
            message(args.handle("neg"));
        });
    }

    #[test]
    fn choices_name_the_words_they_accept() {
        with(r#"{"trigger": "sideways", "null": null}"#, |args| {
            let choices = [("level", 1), ("edge", 2)];
            assert_eq!(
                message(args.choice("trigger", &choices)),
                "args.trigger must be one of level, edge, not \"sideways\""
            );
            assert_eq!(args.opt_choice("null", &choices).unwrap(), None);
        });
    }

    #[test]
    fn nested_objects_name_their_path() {
        with(r#"{"program": [{"do": "log"}, {"do": "repeat", "times": -1}], "list": [1]}"#, |args| {
            let program = args.objects("program").unwrap();
            assert_eq!(
                message(program[1].int::<u64>("times")),
                "args.program[1].times must be an integer in range, not -1"
            );
            assert_eq!(message(args.objects("list")), "args.list must be an array of objects, not 1");
            assert_eq!(message(args.strings("program")), "args.program must be an array of strings, not an object");
        });
    }
}
